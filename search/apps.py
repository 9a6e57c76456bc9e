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
        self.name_promotion_link_text()

    @staticmethod
    def name_promotion_link_text():
        """Wagtail's search promotion leaves this field without a label, so the admin would show its
        English field name ("External link text"); the label only, no change to the database."""
        from wagtail.contrib.search_promotions.models import SearchPromotion

        SearchPromotion._meta.get_field("external_link_text").verbose_name = _("tekst linku zewnętrznego")
