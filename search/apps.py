from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Wyszukiwarka")

    def ready(self):
        from wagtail.documents import get_document_model

        from .signals import document_saved

        post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="search_document_text")
