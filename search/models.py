from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


class DocumentTextQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class DocumentText(index.Indexed, models.Model):
    """The text inside a document's file (PDF, DOCX), extracted in the background after each save
    of the document (search/tasks.py) and searched together with its title."""

    document = models.OneToOneField(
        get_document_model_string(),
        verbose_name=_("dokument"),
        on_delete=models.CASCADE,
        related_name="search_text",
    )
    text = models.TextField(_("tekst z pliku"), blank=True, help_text=_("Wypełniany automatycznie."))
    extracted_at = models.DateTimeField(_("odczytano"), auto_now=True)

    objects = DocumentTextQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.SearchField("text"),
        index.FilterField("document"),
    ]

    class Meta:
        verbose_name = _("tekst dokumentu")
        verbose_name_plural = _("teksty dokumentów")

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self.document.title

    @property
    def description(self):
        """A custom document model's description, if the site ever gets one."""
        return getattr(self.document, "description", "")


class UnansweredQuery(models.Model):
    """How often a query found nothing on /szukaj/: the staff's list of what residents miss."""

    query = models.OneToOneField(
        "wagtailsearchpromotions.Query",
        verbose_name=_("zapytanie"),
        on_delete=models.CASCADE,
        related_name="unanswered",
    )
    count = models.PositiveIntegerField(_("ile razy bez wyników"), default=0)
    last_searched_at = models.DateTimeField(_("ostatnio"), auto_now=True)

    class Meta:
        verbose_name = _("zapytanie bez wyników")
        verbose_name_plural = _("zapytania bez wyników")

    def __str__(self):
        return self.query.query_string


class PageText(models.Model):
    """What a search result shows of a page, written whenever the page is indexed: its own searched
    texts as written (the snippet's source) and its date. /szukaj/ reads these in one query for a page
    of results, instead of loading each page type's table."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("strona"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_text",
    )
    text = models.TextField(_("tekst strony"), blank=True)
    date = models.DateField(_("data"), null=True, blank=True)

    class Meta:
        verbose_name = _("tekst strony do wyników wyszukiwania")
        verbose_name_plural = _("teksty stron do wyników wyszukiwania")

    def __str__(self):
        return str(self.page_id)
