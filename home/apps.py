from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Strony i ustawienia serwisu")

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

        from . import footer, page_cache, per_request, translations
        from .database import bind_large_integers
        from .forms import DateField, DateTimeField
        from .sites import configure_default_site

        post_migrate.connect(configure_default_site, sender=self)
        register_form_field_override(
            models.DateTimeField, override={"widget": AdminDateTimeInput, "form_class": DateTimeField}
        )
        register_form_field_override(
            models.DateField, override={"widget": AdminDateInput, "form_class": DateField}
        )
        bind_large_integers()
        footer.connect()
        per_request.connect()
        page_cache.connect()
        translations.connect()
