from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = _("Materiały, szkolenia i aktualności")

    def ready(self):
        from .page_cache import connect

        connect()
