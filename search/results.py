"""What /szukaj/ finds: published pages of the active language and documents, one list ranked by the
search backend's score, each result with its type, date and highlighted snippet.

The search app knows the other apps' page types only by name ("app_label.model", below) and reads
their content only through Wagtail's search and each page's `search_fields`; it imports none of them.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelsearch.utils import get_descendants_content_types_pks, normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.index import get_indexed_models

from home.page_cache import cached

from .candidates import candidates
from .models import DocumentText
from .snippets import highlight
from .tasks import count_query

# Enough for anyone paging through results; a cap keeps a one-letter query cheap at 10 000 pages.
MAX_RESULTS = 200
DOCUMENTS = "dokumenty"
MATERIALS = "materialy"
MATERIAL_MODEL = "materials.material"


@dataclass(frozen=True)
class ResultType:
    slug: str
    label: str
    models: tuple = ()


TYPES = (
    ResultType("konsultacje", _("Konsultacja"), ("consultation.consultationpage",)),
    ResultType("projekty", _("Projekt"), ("consultation.budgetprojectpage",)),
    ResultType("szkolenia", _("Szkolenie"), ("materials.trainingpage",)),
    ResultType("dobre-praktyki", _("Dobra praktyka"), ("materials.articlepage",)),
    ResultType("akty-prawne", _("Akt prawny"), ("materials.legalactpage",)),
    ResultType(MATERIALS, _("Materiał")),
    ResultType("aktualnosci", _("Aktualność"), ("materials.newspage",)),
    ResultType(DOCUMENTS, _("Dokument")),
)
TYPE_BY_SLUG = {kind.slug: kind for kind in TYPES}
TYPE_BY_MODEL = {model: kind for kind in TYPES for model in kind.models}
PAGE_LABEL = _("Strona")
EARLIEST_YEAR = 2000


@dataclass
class Result:
    title: str
    url: str
    label: str
    date: date | None
    snippet: str
    score: float
    year: int | None = None


def model_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def searchable_text(page):
    """The page's own searched texts, read from fields already loaded (no query per result): its
    title, lead, body and any other text column its `search_fields` name; related objects (tags,
    comments) are searched but not quoted in the snippet."""
    texts = []
    for field in page.get_search_fields():
        name = getattr(field, "field_name", "")
        model_field = next((f for f in page._meta.concrete_fields if f.name == name), None)
        if name != "title" and model_field is not None and hasattr(field, "boost"):
            value = field.get_value(page)
            texts.append(" ".join(value) if isinstance(value, list) else str(value or ""))
    return " ".join(texts)


def page_date(page):
    value = getattr(page, "date", None) or page.last_published_at or page.first_published_at
    return value.date() if hasattr(value, "date") else value


def ranked(queryset, query, among):
    """The queryset's best MAX_RESULTS matches, ranked by the backend; on PostgreSQL only `among` the
    query's candidates (search/candidates.py)."""
    if among is not None:
        queryset = queryset.filter(pk__in=among.of(get_descendants_content_types_pks(queryset.model)))
    return queryset.search(query).annotate_score("score")[:MAX_RESULTS]


def pages(query, kind, year, among=None):
    queryset = Page.objects.live().public().filter(locale=Locale.get_active())
    if kind:
        queryset = queryset.filter(content_type__in=content_types(kind))
    if year:
        queryset = queryset.filter(last_published_at__year=year)
    return ranked(queryset, query, among)


def documents(query, year, among=None):
    queryset = DocumentText.objects.filter(document__collection__view_restrictions__isnull=True)
    if year:
        queryset = queryset.filter(document__created_at__year=year)
    return ranked(queryset, query, among)


def content_types(kind):
    """The kind's page types as a subquery: a type not installed (yet) matches nothing."""
    condition = Q(pk__in=[])
    for model in kind.models:
        app_label, name = model.split(".")
        condition |= Q(app_label=app_label, model=name)
    return ContentType.objects.filter(condition)


def library_materials(query, year, among=None):
    """The materials library's items (not pages), found through Wagtail's search by model name."""
    model = next((model for model in get_indexed_models() if model_key(model) == MATERIAL_MODEL), None)
    if model is None:
        return []
    queryset = model.objects.filter(year=year) if year else model.objects.all()
    return ranked(queryset, query, among)


def search(query, kind=None, year=None):
    """Every match as (score, kind of source, object), best first, at most MAX_RESULTS."""
    among = candidates(query)
    found = []
    if kind is None or kind.models:
        found += [(page.score, "page", page) for page in pages(query, kind, year, among)]
    if kind is None or kind.slug == DOCUMENTS:
        found += [(text.score, "document", text) for text in documents(query, year, among)]
    if kind is None or kind.slug == MATERIALS:
        found += [(item.score, "material", item) for item in library_materials(query, year, among)]
    found.sort(key=lambda hit: best_first(hit[0] or 0))
    return found[:MAX_RESULTS]


def best_first(score):
    """Sort key of a backend score. modelsearch's SQLite score is FTS5's bm25(), where lower is
    better; PostgreSQL's is ts_rank, where higher is better. Each source is already in this order."""
    return score if connection.vendor == "sqlite" else -score


def loaded(hits, source):
    """The hits of one source with their documents, in one query."""
    found = [obj for _score, kind, obj in hits if kind == source]
    if not found:
        return {}
    return type(found[0])._default_manager.select_related("document").in_bulk([obj.pk for obj in found])


def specific_pages(pages):
    """The pages as their own types, one query per page type; the types are known from the search's
    rows (`content_type_id`), so unlike `.specific()` no query asks for them."""
    by_model = {}
    for page in pages:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class() or Page
        by_model.setdefault(model, []).append(page.pk)
    found = {}
    for model, ids in by_model.items():
        found.update(model._default_manager.in_bulk(ids))
    return found


def present(hits, query):
    """The results of one listing page, their pages loaded once per page type."""
    specific = specific_pages([obj for _score, source, obj in hits if source == "page"])
    texts = loaded(hits, "document")
    items = loaded(hits, "material")
    results = []
    for score, source, obj in hits:
        if source == "page":
            page = specific[obj.pk]
            kind = TYPE_BY_MODEL.get(model_key(type(page)))
            results.append(
                Result(
                    title=page.title,
                    url=page.get_url(),
                    label=kind.label if kind else PAGE_LABEL,
                    date=page_date(page),
                    snippet=highlight(searchable_text(page), query),
                    score=score,
                )
            )
        elif source == "material":
            item = items[obj.pk]
            results.append(
                Result(
                    title=item.title,
                    url=item.document.url if item.document else item.video_url,
                    label=TYPE_BY_SLUG[MATERIALS].label,
                    date=None,
                    year=item.year,
                    snippet=highlight(item.description, query),
                    score=score,
                )
            )
        else:
            text = texts[obj.pk]
            results.append(
                Result(
                    title=text.document.title,
                    url=text.document.url,
                    label=TYPE_BY_SLUG[DOCUMENTS].label,
                    date=text.document.created_at.date(),
                    snippet=highlight(f"{text.description} {text.text}", query),
                    score=score,
                )
            )
    return results


def years():
    """Years with a published page, newest first, for the year filter; read again when a page is
    published."""

    def read():
        published = Page.objects.live().filter(last_published_at__year__gte=EARLIEST_YEAR)
        return [day.year for day in published.dates("last_published_at", "year", order="DESC")]

    return cached("search-years", read)


def log_query(query, has_results, first_page):
    """Counts the query for the staff's reports: once per search, not per page of results, by the
    task worker, so that the search answers without writing to the database."""
    normalised = normalise_query_string(query)
    if first_page and normalised:
        count_query.enqueue(normalised, has_results)


def promotions(query):
    """The results staff promoted for this query, shown above the others."""
    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
    return [
        {
            "title": pick.title,
            "url": pick.page.get_url() if pick.page else pick.external_link_url,
            "description": pick.description,
        }
        for pick in picks.select_related("page")
        if pick.page is None or pick.page.live
    ]
