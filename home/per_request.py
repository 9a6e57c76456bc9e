"""Answers that do not change while one request is served, read once per request.

Wagtail asks the database for a locale every time a template tag, `page.localized` or a
translation lookup needs the active one (seven times on a page), and for the private sections every
time a queryset calls `.public()` (once per menu, list and home section). Here the locales and the
private sections (and a page's form fields) are read once per request and kept until it ends or
until the request saves or deletes anything, so they are never staler than the request itself;
while no section is private, serving a page asks for none of its restrictions.
Outside a request (management commands, background tasks, the shell) nothing is kept.
Within one, the locales come from the cache of answers kept until the page tree changes
(`home.page_cache.cached`: saving a locale draws a new generation), so a page costs no query for
them. The private sections are read from the database on every request unless the cache is
shared (Redis): a local-memory cache (several processes without Redis) could show a section made
private a few minutes ago. The site a request is for, with its home page as its own type, comes
from the same cache of answers: routing a request costs no query for either."""

import threading

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.i18n import LocaleManager
from wagtail.models.sites import get_site_for_hostname
from wagtail.query import PageQuerySet

from .page_cache import cached

_current = threading.local()
wagtail_view_restrictions = Page.get_view_restrictions


def remembered(key, compute):
    """`compute()`, computed once per request (every time outside one)."""
    memo = getattr(_current, "memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def remembered_for(instance, name, compute):
    """`compute()` for this very object, once per request (a preview's unsaved page is its own)."""
    return remembered((name, id(instance)), lambda: (instance, compute()))[1]


def locales():
    """Every locale, in the order they were added."""

    def read():
        return list(Locale.objects.order_by("pk"))

    if getattr(_current, "memo", None) is None:
        return read()
    return remembered("locales", lambda: cached("locales", read))


def locale_by_id(locale_id):
    return next((locale for locale in locales() if locale.pk == locale_id), None)


def get_for_language(manager, language_code):
    """`Locale.objects.get_for_language`, answered from `locales()`."""
    code = get_supported_content_language_variant(language_code)
    for locale in locales():
        if locale.language_code == code:
            return locale
    raise Locale.DoesNotExist(f"No locale for the language {code}.")


def restricted_pages():
    """The pages at the top of each private section, read once per request."""

    def find():
        return [restriction.page for restriction in PageViewRestriction.objects.select_related("page")]

    if isinstance(caches["default"], RedisCache):
        return remembered("restricted-pages", lambda: cached("restricted-pages", find))
    return remembered("restricted-pages", find)


def find_site(request):
    """`Site._find_for_request`: the site for the request's host, its home page loaded as its own
    type (Wagtail routes every address from it), from the cache of answers."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def find():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        site.root_page = site.root_page.specific
        return site

    return cached("site", find, hostname, port)


def private_q(queryset):
    """`PageQuerySet.private_q`, from the private sections read once per request."""
    q = Q()
    for page in restricted_pages():
        q |= queryset.descendant_of_q(page, inclusive=True)
    return q if q else Q(pk__in=[])


def view_restrictions(page):
    """`Page.get_view_restrictions` (two queries on every page served) with no query while no
    section of the site is private."""
    if getattr(_current, "memo", None) is not None and not restricted_pages():
        return PageViewRestriction.objects.none()
    return wagtail_view_restrictions(page)


def _start(**kwargs):
    _current.memo = {}


def _finish(**kwargs):
    _current.memo = None


def _forget(**kwargs):
    if getattr(_current, "memo", None):
        _current.memo = {}


def connect():
    request_started.connect(_start, dispatch_uid="home-per-request-start")
    request_finished.connect(_finish, dispatch_uid="home-per-request-finish")
    # Whatever a request writes, what it remembered is read again.
    post_save.connect(_forget, dispatch_uid="home-per-request-save")
    post_delete.connect(_forget, dispatch_uid="home-per-request-delete")
    LocaleManager.get_for_language = get_for_language
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = view_restrictions
    Site._find_for_request = staticmethod(find_site)
