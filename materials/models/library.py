"""The library of materials: presentations, guides, reports, recordings and leaflets.

A material is a snippet (`Material`), not a page: it has no text of its own to read, only a file to
download (a document from Wagtail's library) or a recording to watch (an address on YouTube or
Vimeo), with the facts that let a resident find it (type, year, language, tags) and, where one
exists, an accessible version (a second document: plain text, easy to read, a transcript). Editors
keep the whole collection in one place in the admin ("Materiały do pobrania"), reuse a document
that is already in the library, and the `MaterialsIndexPage` shows every material with filters and
a search. A page per file would give each PDF an address nobody needs and a tree nobody browses."""

from functools import partial
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from home.models import BasePage
from home.text import printable

from ..choices import MaterialLanguage, MaterialType
from .common import choice_param, index_body_field, paginate, year_param
from .tags import Tag

MATERIALS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
MAX_TAG_LENGTH = 100


def search_terms(query):
    """The words of a query, without the double quotes that break SQLite's full-text search."""
    return " ".join(query.replace('"', " ").split())


def current_year():
    return timezone.localdate().year


class MaterialQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class Material(index.Indexed, ClusterableModel):
    title = models.CharField(
        _("nazwa"),
        max_length=200,
        help_text=_("Tak, jak mieszkańcy zobaczą ją na liście, np. „Poradnik: jak zgłosić projekt”."),
    )
    description = models.TextField(
        _("opis"),
        max_length=600,
        blank=True,
        help_text=_("Jedno, dwa zdania: dla kogo jest materiał i czego się z niego dowiem."),
    )
    material_type = models.CharField(
        _("rodzaj"),
        max_length=20,
        choices=MaterialType.choices,
        help_text=_("Według rodzaju mieszkańcy filtrują listę."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("plik"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Plik do pobrania (PDF, DOCX, ODT…). Pokażemy jego format i rozmiar."),
    )
    video_url = models.URLField(
        _("adres nagrania"),
        blank=True,
        help_text=_("Dla nagrań: link do filmu w serwisie YouTube lub Vimeo. Podaj plik albo nagranie."),
    )
    accessible_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("wersja dostępna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Nieobowiązkowy drugi plik dla osób z niepełnosprawnościami: dostępny PDF, tekst łatwy do "
            "czytania albo transkrypcja nagrania."
        ),
    )
    year = models.PositiveSmallIntegerField(
        _("rok"),
        default=current_year,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Rok, w którym materiał powstał."),
    )
    language = models.CharField(
        _("język"),
        max_length=3,
        choices=MaterialLanguage.choices,
        default=MaterialLanguage.POLISH,
        help_text=_("W jakim języku jest materiał. Nagranie z tłumaczem migowym oznacz jako PJM."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tagi"),
        through="materials.TaggedMaterial",
        blank=True,
        help_text=_(
            "Słowa, po których mieszkańcy znajdą materiał, np. „budżet”, „głosowanie”. Oddzielaj je przecinkami."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("material_type"), FieldPanel("year"), FieldPanel("language")]),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("video_url"), FieldPanel("accessible_document")],
            heading=_("Plik lub nagranie"),
        ),
        FieldPanel("tags"),
    ]
    objects = MaterialQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("material_type"),
        index.FilterField("year"),
        index.FilterField("language"),
        index.FilterField("document"),
        index.FilterField("video_url"),
    ]

    class Meta:
        verbose_name = _("materiał")
        verbose_name_plural = _("materiały")
        ordering = ["-year", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The search index entry is written on post_save, before the tags are saved with the material.
        index.insert_or_update_object(self)

    def clean(self):
        super().clean()
        if not self.document_id and not self.video_url:
            raise ValidationError({"document": _("Wybierz plik do pobrania albo podaj adres nagrania.")})

    @property
    def text_language(self):
        """The language code of the material's title and file where it is not the page's Polish."""
        return (
            self.language if self.language in (MaterialLanguage.ENGLISH, MaterialLanguage.UKRAINIAN) else ""
        )

    @property
    def video_host(self):
        """The site the recording is on, e.g. "youtube.com", for the link's description."""
        host = urlsplit(self.video_url).hostname or ""
        return host.removeprefix("www.")


class MaterialsIndexPage(BasePage):
    body = index_body_field()

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("biblioteka materiałów")
        verbose_name_plural = _("biblioteki materiałów")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its cached fragment of the list is missing.
        context["library"] = partial(self.library_context, request)
        return context

    def library_context(self, request):
        """The filter form's options and choices and one page of the materials that match them."""
        materials = Material.objects.filter(Q(document__isnull=False) | ~Q(video_url=""))
        years = sorted(set(materials.values_list("year", flat=True)), reverse=True)
        tags = list(
            Tag.objects.filter(tagged_materials__content_object__in=materials).distinct().order_by("name")
        )
        material_type = choice_param(request, "typ", MaterialType)
        language = choice_param(request, "jezyk", MaterialLanguage)
        year = year_param(request, "rok", years)
        tag = request.GET.get("tag", "")[:MAX_TAG_LENGTH]
        tag = tag if tag in {item.slug for item in tags} else ""
        query = printable(request.GET.get("q", ""), MAX_QUERY_LENGTH)
        if material_type:
            materials = materials.filter(material_type=material_type)
        if language:
            materials = materials.filter(language=language)
        if year:
            materials = materials.filter(year=year)
        if tag:
            materials = materials.filter(tags__slug=tag)
        materials = materials.select_related("document", "accessible_document").prefetch_related("tags")
        if terms := search_terms(query):
            materials = materials.search(terms)
        return {
            "materials": paginate(request, materials, MATERIALS_PER_PAGE),
            "material_types": MaterialType.choices,
            "languages": MaterialLanguage.choices,
            "years": [(year, year) for year in years],
            "tag_choices": [(item.slug, item.name) for item in tags],
            "material_query": query,
            "selected_type": material_type,
            "selected_language": language,
            "selected_year": year,
            "selected_tag": tag,
        }
