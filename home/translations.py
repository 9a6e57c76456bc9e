"""Language versions of a page, read by the language switcher in the header, the hreflang links in
the head, the notice on an untranslated page and the sitemap.

A translation is a live page with the same `translation_key` in another locale. An alias that
wagtail-localize keeps in the English or Ukrainian tree for an untranslated page is not one: it
shows the Polish text, so the switcher leads to that language's home page instead, and search
engines are pointed at the Polish page."""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from home import page_cache

X_DEFAULT = "x-default"
WAGTAIL_SERVE = "wagtail_serve"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


@dataclass(frozen=True)
class Original:
    """The page an untranslated alias shows, and the language of its text."""

    language: str
    url: str


def content_languages():
    """(code, name in that language) of every content language, Polish first."""
    return settings.WAGTAIL_CONTENT_LANGUAGES


def translations_of(page):
    """{language code: page} of the live pages with `page`'s content in its own language (the page
    itself among them unless it is an alias). One query per page, none after
    `prefetch_translations`, and none while the page tree is unchanged (the shared page cache)."""
    versions = getattr(page, "_live_translations", None)
    if versions is None:

        def find():
            return {
                version.locale.language_code: version
                for version in Page.objects.live()
                .filter(translation_key=page.translation_key, alias_of__isnull=True)
                .select_related("locale")
            }

        versions = page_cache.cached("translations", find, page.translation_key)
        page._live_translations = versions
    return versions


def prefetch_translations(pages):
    """Give each page of `pages` its translations from among `pages` (the sitemap, which lists
    every translation anyway), with one query for the locales."""
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    groups = defaultdict(dict)
    for page in pages:
        if page.alias_of_id is None:
            groups[page.translation_key][codes[page.locale_id]] = page
    for page in pages:
        page._live_translations = groups[page.translation_key]


def language_home_url(code):
    """/, /en/, /uk/: Wagtail serves the home page of that language there (or the Polish one)."""
    with translation.override(code):
        return reverse(WAGTAIL_SERVE, args=[""])


def language_links(request, page=None):
    """One link per content language for the switcher: to this page in that language where it is
    translated, to that language's home page otherwise. Outside Wagtail pages (the search) the same
    address in that language."""
    current = page.locale.language_code if page is not None else translation.get_language()
    versions = translations_of(page) if page is not None else {}
    links = []
    for code, name in content_languages():
        if code == current and page is not None:
            url = page.get_url(request)
        elif code in versions:
            url = versions[code].get_url(request)
        else:
            url = _same_view_url(request, code) if page is None else language_home_url(code)
        links.append(LanguageLink(code=code, name=name, url=url, current=code == current))
    return links


def _same_view_url(request, code):
    """This address in language `code` for a Django view (the search keeps its query); the
    language's home page for an address Wagtail did not find (404)."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match is None or match.url_name == WAGTAIL_SERVE:
        return language_home_url(code)
    return translate_url(request.get_full_path(), code)


def original_of(page, request=None):
    """Where an untranslated alias in the English or Ukrainian tree takes its text from; None for
    any other page."""
    if page.alias_of_id is None:
        return None
    for code, version in translations_of(page).items():
        if version.pk == page.alias_of_id and version.locale_id != page.locale_id:
            return Original(language=code, url=version.get_url(request))
    return None


def alternate_urls(page, request=None):
    """[(hreflang, absolute URL)] of every translation of `page`, then x-default: the Polish page."""
    versions = translations_of(page)
    links = [
        (code, versions[code].get_full_url(request))
        for code, _name in content_languages()
        if code in versions
    ]
    default = versions.get(settings.LANGUAGE_CODE)
    if default is not None:
        links.append((X_DEFAULT, default.get_full_url(request)))
    return links


def canonical_url(page, request=None):
    """The page's own address; for an untranslated alias, the page whose text it shows."""
    if page.alias_of_id is not None:
        for version in translations_of(page).values():
            if version.pk == page.alias_of_id:
                return version.get_full_url(request)
    return page.get_full_url(request)


def redirect_to_original(page, request):
    """A form sent from an untranslated alias (POST) or one of its sub-pages (a voting step, a page
    of a list) goes to the same address on the Polish page, with the same method and data (307):
    submissions and ballots belong to the Polish page, never to an alias. None otherwise."""
    original = original_of(page, request)
    if original is None:
        return None
    own_url = page.get_url(request)
    rest = request.path[len(own_url) :] if own_url and request.path.startswith(own_url) else ""
    if request.method in ("GET", "HEAD") and not rest:
        return None
    query = request.META.get("QUERY_STRING", "")
    response = HttpResponseRedirect(original.url + rest + (f"?{query}" if query else ""))
    response.status_code = 307
    return response


def sync_trees_unless_raw(instance, raw=False, **kwargs):
    """wagtail-localize synchronises the page trees whenever a locale synchronisation is saved, also
    while rows are being restored (`loaddata`, a restored backup, a test's serialized rollback), when
    the locales it names may not be back yet. Restored rows already hold their trees."""
    if not raw:
        instance.sync_trees()


def connect():
    from django.db.models.signals import post_save
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(sync_trees_unless_raw, sender=LocaleSynchronization, dispatch_uid="home-sync-trees")
