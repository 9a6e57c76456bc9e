"""What /szukaj/ finds: published pages of the active language and documents, one list ranked by the
search backend's score, each result with its type, date and highlighted snippet.

The search app knows the other apps' page types only by name ("app_label.model", below) and reads
their content only through Wagtail's search and each page's `search_fields`; it imports none of them.
"""

from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelsearch.utils import get_descendants_content_types_pks, normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.index import get_indexed_models

from home.page_cache import cached

from .candidates import AnyOf, candidates
from .models import DocumentText, PageText
from .page_texts import page_date, searchable_text
from .snippets import highlight
from .tasks import count_query

# Enough for anyone paging through results; a cap keeps a one-letter query cheap at 10 000 pages.
MAX_RESULTS = 200
FIRST_PAGE = 10
PAGE_FIELDS = ("id", "content_type_id", "title", "slug", "url_path")
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


def ranked(queryset, query, among):
    """The queryset's best MAX_RESULTS matches, ranked by the backend; on PostgreSQL only `among` the
    query's candidates (search/candidates.py)."""
    if among is not None:
        # Both sides of the backend's join: the objects by primary key, their entries by theirs.
        ids = among.of(searched_types(queryset.model))
        if not ids:
            return []
        queryset = queryset.filter(AnyOf(F("pk"), ids), AnyOf(F("index_entries__id"), list(among.entries)))
    return queryset.search(query).annotate_score("score")[:MAX_RESULTS]


def searched_types(model):
    return get_descendants_content_types_pks(model)


def kind_types(kind):
    """The content type ids of the kind's page types that are installed."""
    models = []
    for name in kind.models:
        try:
            models.append(apps.get_model(name))
        except LookupError:
            continue
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]


def pages(query, kind, year, among=None):
    # What a result needs of its page's own row; the rest comes with its stored text (present()).
    queryset = Page.objects.live().public().filter(locale=Locale.get_active()).only(*PAGE_FIELDS)
    if kind:
        queryset = queryset.filter(content_type__in=content_types(kind))
    if year:
        queryset = queryset.filter(last_published_at__year=year)
    return ranked(queryset, query, among)


def documents(query, year, among=None):
    # The extracted text (up to 500 000 characters) is read for the shown results only (present()).
    queryset = DocumentText.objects.filter(document__collection__view_restrictions__isnull=True).only("id")
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


def material_model():
    return next((model for model in get_indexed_models() if model_key(model) == MATERIAL_MODEL), None)


def library_materials(query, year, among=None):
    """The materials library's items (not pages), found through Wagtail's search by model name."""
    model = material_model()
    if model is None:
        return []
    queryset = model.objects.filter(year=year) if year else model.objects.all()
    return ranked(queryset.only("id"), query, among)


def search(query, kind=None, year=None):
    """Every match as (score, kind of source, object), best first, at most MAX_RESULTS. On PostgreSQL
    the query's candidates are ranked; if they do not fill the first page of results (a filter left
    few of them), every match is."""
    sources = []
    if kind is None or kind.models:
        types = searched_types(Page) if kind is None else kind_types(kind)
        sources.append(("page", types, lambda among: pages(query, kind, year, among)))
    if kind is None or kind.slug == DOCUMENTS:
        sources.append(
            ("document", searched_types(DocumentText), lambda among: documents(query, year, among))
        )
    material = material_model()
    if material is not None and (kind is None or kind.slug == MATERIALS):
        sources.append(
            ("material", searched_types(material), lambda among: library_materials(query, year, among))
        )
    among = candidates(query, [pk for _source, types, _find in sources for pk in types])
    found = ranked_together(sources, among)
    if among is not None and among.capped and len(found) < FIRST_PAGE:
        found = ranked_together(sources, None)
    return found


def ranked_together(sources, among):
    found = [(obj.score, source, obj) for source, _model, find in sources for obj in find(among)]
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
    rows (`content_type_id`), so unlike `.specific()` no query asks for them. Only for pages indexed
    before their texts were stored (search/page_texts.py), until `update_index` runs."""
    by_model = {}
    for page in pages:
        by_model.setdefault(page.specific_class or Page, []).append(page.pk)
    found = {}
    for model, ids in by_model.items():
        found.update(model._default_manager.in_bulk(ids))
    return found


def page_results(pages, query, request):
    """The pages' results: their stored texts in one query, whatever their types."""
    texts = PageText.objects.in_bulk([page.pk for page in pages])
    unstored = specific_pages([page for page in pages if page.pk not in texts])
    found = {}
    for page in pages:
        if page.pk in texts:
            text, day = texts[page.pk].text, texts[page.pk].date
        else:
            specific = unstored[page.pk]
            text, day = searchable_text(specific), page_date(specific)
        kind = TYPE_BY_MODEL.get(model_key(page.specific_class or Page))
        found[page.pk] = {
            "title": page.title,
            "url": page.get_url(request=request),
            "label": kind.label if kind else PAGE_LABEL,
            "date": day,
            "snippet": highlight(text, query),
        }
    return found


def present(hits, query, request=None):
    """The results of one listing page, in a query per source (pages, documents, materials)."""
    pages = page_results([obj for _score, source, obj in hits if source == "page"], query, request)
    texts = loaded(hits, "document")
    items = loaded(hits, "material")
    results = []
    for score, source, obj in hits:
        if source == "page":
            results.append(Result(score=score, **pages[obj.pk]))
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
