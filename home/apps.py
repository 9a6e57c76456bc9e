from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Strony i ustawienia serwisu")

    def ready(self):
        from .database import bind_large_integers

        bind_large_integers()
