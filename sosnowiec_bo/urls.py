from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.bulk_actions import bulk_action
from home.errors import with_method_not_allowed_page
from home.health import health
from home.preferences import set_preference
from home.sitemap import LanguageTreesSitemap
from home.views import RobotsView
from search import views as search_views
from sosnowiec_bo.bench.views import bench_bare_view

urlpatterns = [
    # Wagtail's own bulk-action view, after a check of the ids in its query string.
    path("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", bulk_action),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LanguageTreesSitemap}}, name="sitemap"),
    # Django has no handler405: the views that refuse a method get the 405 page this way.
    path("preferencje/", with_method_not_allowed_page(set_preference), name="preferences"),
    path("robots.txt", with_method_not_allowed_page(RobotsView.as_view()), name="robots_txt"),
    path("health/", with_method_not_allowed_page(health), name="health"),
]

# A database that does not answer gets the static "try again shortly" page (503), not a 500.
handler500 = "home.errors.server_error"

# The benchmark's bare view (`make bench`); never routed unless the benchmark sets its file.
if settings.BENCH_BARE_FILE:
    urlpatterns.append(path("__bench_bare__/", bench_bare_view, name="bench_bare"))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("szukaj/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
