"""The anonymous page cache: a public page's HTML is kept in the shared cache (Redis in production,
local memory in development) and served to the next anonymous visitor without touching the
database.

What is never stored or served from it: requests with a session or a pending message (a logged-in
editor, a resident who has just sent a form), anything but GET and HEAD, the admin, answers other
than 200, answers marked private or no-store (`never_cache`: the ballot, the appeal and the
cancellation links, which carry a visitor's own signed data), and answers that set a cookie other
than those of the holes below.

Forms on cached pages: the values in a page that belong to one visitor are the holes of
`home.cache_holes`: the CSRF token, and those the apps register (consultation: the form's signed
fill-time token, and the browser-id cookie of the rate limits, which a form page gives a browser
that has none). Before storing, each is replaced by a placeholder; every answer, fresh or cached,
gets this visitor's CSRF token (Django sets its cookie on the way out, because this middleware sits
inside CsrfViewMiddleware) and a newly signed fill-time token. So no visitor ever
receives another's token, the forms work without JavaScript, and the minimum fill time counts from
the moment this visitor got the page. A CDN in front must not keep pages with forms for the same
reason: they are sent with `Cache-Control: private`; pages without forms may be kept by it
(`s-maxage`, with `Vary: Cookie`: the display preferences are cookies) and are purged by Wagtail's
frontend cache on publishing. The display preferences' form needs no token (`home/preferences.py`),
so most pages have no hole at all.

Correctness: every stored page holds the content generation token of `home.page_cache` it was
rendered under (read before rendering), and its key the minute; publishing, unpublishing, moving or
deleting a page, changing a site, and every saved or deleted row of the models that public pages
show (comments and their moderation, proposals, registrations, settings, snippets, images,
documents, vote counts) draw a new token, and a stored page is served only while its token is the
current one, so the next request renders afresh; what changes with the clock alone (a consultation
closing, a budget phase ending) shows within a minute.

A hit costs one round trip to the cache (the current token, the page and what its holes read, read
together) and no search through the page: it is stored split at its holes
(`home.cache_holes.split`), with the language it was rendered in. Each page is stored twice, as it is and compressed (`home.gzip_parts`), and a browser that accepts gzip gets the
compressed one (with `Vary: Accept-Encoding`), made without compressing anything on the hit."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_max_age, patch_cache_control, patch_vary_headers

from home import cache_holes
from home.gzip_parts import accepts_gzip, compress_parts, gzip_page
from home.page_cache import CONTENT_GENERATION_KEY, clock_minute, content_generation
from home.preferences import COOKIE_PREFIX, PREFERENCES

CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/xml", "text/calendar")
UNCACHED_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}
GZIP_SUFFIX = ":gzip"


def may_use_cache(request):
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
        return False
    if UNCACHED_COOKIES & request.COOKIES.keys():
        return False
    return not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)


# What the holes of the page stored at each address read from the shared cache besides
# (`cache_holes.read_ahead`), learned in this process from its stored parts: read with the page.
_read_ahead = {}
READ_AHEAD_ADDRESSES = 10_000


def address_digest(request):
    preferences = "".join(request.COOKIES.get(COOKIE_PREFIX + name, "") for name in PREFERENCES)
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{preferences}"
    return hashlib.sha256(address.encode()).hexdigest()


def cache_key(request, address=None):
    return f"page:{clock_minute()}:{address or address_digest(request)}"


def learn_read_ahead(address, parts):
    keys = cache_holes.read_ahead(parts)
    if keys == _read_ahead.get(address, []):
        return
    if len(_read_ahead) >= READ_AHEAD_ADDRESSES:
        _read_ahead.clear()  # addresses made up by the visitor (query strings) must not fill memory
    _read_ahead[address] = keys


def may_store(request, response, holes):
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith(CACHEABLE_TYPES):
        return False
    control = response.get("Cache-Control", "")
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    if set(response.cookies).difference(*(hole.cookies for hole in holes)):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def public_cache_control(response, has_forms):
    if has_forms:
        patch_cache_control(response, private=True, max_age=0)
        patch_vary_headers(response, ["Accept-Encoding"])
        return
    # A page differs with the display preferences' cookies: a CDN keeps a copy per Cookie header.
    patch_vary_headers(response, ["Accept-Encoding", "Cookie"])
    if get_max_age(response) is None:
        # A CDN is purged on publishing, not when a phase ends by the clock: it keeps a page a minute.
        patch_cache_control(response, public=True, max_age=0, s_maxage=min(settings.PAGE_CACHE_SECONDS, 60))


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        address = address_digest(request)
        key = cache_key(request, address)
        gzip = accepts_gzip(request)
        page_key = key + GZIP_SUFFIX if gzip else key
        asked = [CONTENT_GENERATION_KEY, page_key, *_read_ahead.get(address, ())]
        found = cache.get_many(asked)
        request.page_cache_read = (asked, found)
        generation, stored = found.get(CONTENT_GENERATION_KEY), found.get(page_key)
        # (A page stored by an earlier version, without its language, is rendered afresh.)
        if generation is not None and stored is not None and stored[0] == generation and len(stored) == 4:
            if address not in _read_ahead:
                learn_read_ahead(address, stored[2])
            response = self.from_cache(request, gzip, *stored[1:])
            if response is not None:
                return response
        generation = generation or content_generation()
        response = self.get_response(request)
        holes = cache_holes.cache_holes()
        if may_store(request, response, holes):
            learn_read_ahead(address, self.store(key, generation, response, holes))
        return response

    def store(self, key, generation, response, holes):
        """Stores the response and gives its parts."""
        parts = cache_holes.split(response.content, holes)
        # The length changes when the holes are filled: set for each answer.
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in ("set-cookie", "content-length")
        }
        public_cache_control(response, len(parts) > 1)
        language = translation.get_language()
        cache.set_many(
            {
                key: (generation, headers, parts, language),
                key + GZIP_SUFFIX: (generation, headers, compress_parts(parts), language),
            },
            settings.PAGE_CACHE_SECONDS,
        )
        return parts

    def from_cache(self, request, gzip, headers, parts, language):
        # A hit skips the language's middleware: the values are filled in in the page's language.
        with translation.override(language):
            filled = cache_holes.fill(request, parts)
        if filled is None:
            return None
        pieces, holes = filled
        response = HttpResponse(gzip_page(pieces) if gzip else b"".join(pieces), headers=headers)
        response["Content-Length"] = str(len(response.content))
        if gzip:
            response["Content-Encoding"] = "gzip"
        public_cache_control(response, len(parts) > 1)
        for hole in holes:
            hole.served(request, response)
        response["X-Page-Cache"] = "hit"
        return response
