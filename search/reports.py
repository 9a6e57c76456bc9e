"""Two reports for staff: what residents search for most, and what they searched for in vain."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query

from .models import UnansweredQuery

PERIOD_DAYS = 30
REPORT_PERMISSION = "wagtailsearchpromotions.change_searchpromotion"


class SearchReportView(ReportView):
    """Queries may hold what residents typed about themselves: staff who manage promoted results
    (the editors) see them, nobody else."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PopularQueriesView(SearchReportView):
    page_title = _("Popularne wyszukiwania")
    header_icon = "search"
    index_url_name = "search_reports:popular"
    index_results_url_name = "search_reports:popular_results"
    columns = [
        Column("query_string", label=_("Zapytanie")),
        Column("period_hits", label=_("Wyszukiwań w ostatnich 30 dniach")),
    ]

    def get_queryset(self):
        since = timezone.now().date() - datetime.timedelta(days=PERIOD_DAYS)
        return (
            Query.objects.filter(daily_hits__date__gte=since)
            .annotate(period_hits=Sum("daily_hits__hits"))
            .order_by("-period_hits", "query_string")
        )


class UnansweredQueriesView(SearchReportView):
    page_title = _("Wyszukiwania bez wyników")
    header_icon = "warning"
    index_url_name = "search_reports:unanswered"
    index_results_url_name = "search_reports:unanswered_results"
    columns = [
        Column("query.query_string", label=_("Zapytanie")),
        Column("count", label=_("Ile razy bez wyników")),
        DateColumn("last_searched_at", label=_("Ostatnio")),
    ]

    def get_queryset(self):
        return UnansweredQuery.objects.select_related("query").order_by("-count", "-last_searched_at")
