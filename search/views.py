from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from home.text import printable

from . import results as found

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def chosen_type(value):
    return found.TYPE_BY_SLUG.get(value)


def chosen_year(value, years):
    return int(value) if value.isdigit() and len(value) == 4 and int(value) in years else None


def search(request):
    query = printable(request.GET.get("q", ""), MAX_QUERY_LENGTH)
    years = found.years()
    kind = chosen_type(request.GET.get("typ", ""))
    year = chosen_year(request.GET.get("rok", ""), years)
    hits = found.search(query, kind, year) if query else []
    page_obj = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("strona"))
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": page_obj,
            "items": found.present(page_obj.object_list, query, request),
            "promotions": found.promotions(query) if query and page_obj.number == 1 else [],
            "types": [(item.slug, item.label) for item in found.TYPES],
            "selected_type": kind.slug if kind else "",
            "years": [(value, value) for value in years],
            "selected_year": year or "",
        },
    )
    if query:
        # After rendering: the task's row, like any write, empties what the request remembered.
        response.add_post_render_callback(
            lambda _response: found.log_query(query, has_results=bool(hits), first_page=page_obj.number == 1)
        )
    return response
