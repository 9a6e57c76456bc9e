from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Strony i ustawienia serwisu")

    def ready(self):
        from .sites import configure_default_site

        post_migrate.connect(configure_default_site, sender=self)
