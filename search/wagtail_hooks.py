from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import REPORT_PERMISSION, PopularQueriesView, UnansweredQueriesView

report_urls = [
    path("popularne/", PopularQueriesView.as_view(), name="popular"),
    path("popularne/wyniki/", PopularQueriesView.as_view(results_only=True), name="popular_results"),
    path("bez-wynikow/", UnansweredQueriesView.as_view(), name="unanswered"),
    path("bez-wynikow/wyniki/", UnansweredQueriesView.as_view(results_only=True), name="unanswered_results"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("wyszukiwania/", include((report_urls, "search_reports")))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def popular_queries_menu_item():
    return ReportMenuItem(
        _("Popularne wyszukiwania"), reverse("search_reports:popular"), icon_name="search", order=1310
    )


@hooks.register("register_reports_menu_item")
def unanswered_queries_menu_item():
    return ReportMenuItem(
        _("Wyszukiwania bez wyników"), reverse("search_reports:unanswered"), icon_name="warning", order=1320
    )
