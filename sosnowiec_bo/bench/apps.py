from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "sosnowiec_bo.bench"
    label = "bench"
    verbose_name = "Pomiar wydajności"
