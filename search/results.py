"""What /szukaj/ finds: published pages of the active language and documents, one list ranked by the
search backend's score, each result with its type, date and highlighted snippet.

The search app knows the other apps' page types only by name ("app_label.model", below) and reads
their content only through Wagtail's search and each page's `search_fields`; it imports none of them.
"""

from dataclasses import dataclass
from datetime import date
from hashlib import md5

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelsearch.utils import get_descendants_content_types_pks, normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.index import get_indexed_models

from home.page_cache import cached, content_generation, generation, generations_drawn

from .backends import INDEX_GENERATION_KEY
from .candidates import AnyOf, candidates
from .models import DocumentText
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
KEPT_SECONDS = 5 * 60


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
    """The queryset's best MAX_RESULTS matches as (score, primary key), ranked by the backend; on
    PostgreSQL only `among` the query's candidates (search/candidates.py). No object is built: the
    shown ones are read by `present()`."""
    if among is not None:
        # Both sides of the backend's join: the objects by primary key, their entries by theirs.
        ids = among.of(searched_types(queryset.model))
        if not ids:
            return []
        queryset = queryset.filter(AnyOf(F("pk"), ids), AnyOf(F("index_entries__id"), list(among.entries)))
    queryset = queryset.search(query).annotate_score("score")[:MAX_RESULTS].get_queryset()
    # A query left with no word matches nothing, and modelsearch does not score its empty queryset.
    return queryset.values_list("score", "pk") if "score" in queryset.query.annotations else []


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


def material_model():
    return next((model for model in get_indexed_models() if model_key(model) == MATERIAL_MODEL), None)


def library_materials(query, year, among=None):
    """The materials library's items (not pages), found through Wagtail's search by model name."""
    model = material_model()
    if model is None:
        return []
    queryset = model.objects.filter(year=year) if year else model.objects.all()
    return ranked(queryset, query, among)


def search(query, kind=None, year=None):
    """Every match as (score, kind of source, primary key), best first, at most MAX_RESULTS.

    Kept for a while in the cache of answers, by the query, filters and language, until anything a
    search may find changes: the content generation (every saved row a public page shows, a page
    made private among them) and the search index's (every object indexed or removed, also by the
    background worker after the save). Not kept while no generation is drawn (no page or fragment
    cache), as nothing would tell the kept answer is old."""
    filters = (get_language(), kind.slug if kind else "", year or "")
    return kept("search", lambda: find(query, kind, year), " ".join(query.split()), *filters)


def kept(name, compute, text, *parts):
    """`compute()`, kept for KEPT_SECONDS under the searched `text` and `parts` (see `search()`)."""
    if not generations_drawn():
        return compute()
    address = md5(text.encode(), usedforsecurity=False).hexdigest()
    return cached(name, compute, *parts, address, generation=search_generation, timeout=KEPT_SECONDS)


def search_generation():
    return f"{content_generation()}:{generation(INDEX_GENERATION_KEY)}"


def find(query, kind, year):
    """`search()`, computed: on PostgreSQL the query's candidates are ranked; if they do not fill the
    first page of results (a filter left few of them), every match is."""
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
    found = [(score, source, pk) for source, _model, find in sources for score, pk in find(among)]
    found.sort(key=lambda hit: best_first(hit[0] or 0))
    return found[:MAX_RESULTS]


def best_first(score):
    """Sort key of a backend score. modelsearch's SQLite score is FTS5's bm25(), where lower is
    better; PostgreSQL's is ts_rank, where higher is better. Each source is already in this order."""
    return score if connection.vendor == "sqlite" else -score


def loaded(hits, source, model):
    """The hits of one source with their documents, in one query."""
    found = [pk for _score, kind, pk in hits if kind == source]
    if not found:
        return {}
    return model._default_manager.select_related("document").in_bulk(found)


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


def page_results(ids, query, request):
    """The pages' results: their rows with their stored texts in one query, whatever their types."""
    shown = Page.objects.only(*PAGE_FIELDS, "search_text__text", "search_text__date")
    pages = shown.select_related("search_text").in_bulk(ids).values()
    texts = {page.pk: page.search_text for page in pages if hasattr(page, "search_text")}
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
    pages = page_results([pk for _score, source, pk in hits if source == "page"], query, request)
    texts = loaded(hits, "document", DocumentText)
    items = loaded(hits, "material", material_model())
    shown = {"page": pages, "document": texts, "material": items}
    results = []
    for score, source, pk in hits:
        if pk not in shown[source]:
            continue  # deleted since the search was kept
        if source == "page":
            results.append(Result(score=score, **pages[pk]))
        elif source == "material":
            item = items[pk]
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
            text = texts[pk]
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
    """The results staff promoted for this query, shown above the others; kept as the search is."""
    normalised = normalise_query_string(query)

    def picked():
        picks = SearchPromotion.objects.filter(query__query_string=normalised).select_related("page")
        return [
            {
                "title": pick.title,
                "url": pick.page.get_url() if pick.page else pick.external_link_url,
                "description": pick.description,
            }
            for pick in picks
            if pick.page is None or pick.page.live
        ]

    if generations_drawn() and normalised not in promoted_queries():
        return []
    return kept("search-promotions", picked, normalised)


def promoted_queries():
    """The queries staff promoted results for, kept under the content generation (saving a
    promotion draws a new one), so that a search for anything else asks no query for promotions."""

    def read():
        return set(SearchPromotion.objects.values_list("query__query_string", flat=True))

    return cached("search-promoted-queries", read, generation=content_generation)
