"""The anonymous page cache: a public page's HTML is kept in the shared cache (Redis in production,
local memory in development) and served to the next anonymous visitor without touching the
database.

What is never stored or served from it: requests with a session or a pending message (a logged-in
editor, a resident who has just sent a form), anything but GET and HEAD, the admin, answers other
than 200, answers marked private or no-store (`never_cache`: the ballot, the appeal and the
cancellation links, which carry a visitor's own signed data), and answers that set a cookie other
than the CSRF one.

Forms on cached pages: the two values in a page that belong to one visitor are the CSRF token and
the form's signed fill-time token (and the browser-id cookie of the rate limits, which a form page
gives a browser that has none). Before storing, both are replaced by placeholders; every answer,
fresh or cached, gets this visitor's CSRF token (Django sets its cookie on the way out, because this
middleware sits inside CsrfViewMiddleware) and a newly signed fill-time token. So no visitor ever
receives another's token, the forms work without JavaScript, and the minimum fill time counts from
the moment this visitor got the page. A CDN in front must not keep pages with forms for the same
reason: they are sent with `Cache-Control: private`; pages without forms may be kept by it
(`s-maxage`) and are purged by Wagtail's frontend cache on publishing.

Correctness: every key holds the content generation token of `home.page_cache` and the minute; publishing,
unpublishing, moving or deleting a page, changing a site, and every saved or deleted row of the
models that public pages show (comments and their moderation, proposals, registrations, settings,
snippets, images, documents, vote counts) draw a new one, so the next request renders afresh; what
changes with the clock alone (a consultation closing, a budget phase ending) shows within a minute."""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils.cache import get_max_age, patch_cache_control

from consultation.builder import new_form_token
from consultation.protection import BROWSER_COOKIE, remember_browser
from home.page_cache import clock_minute, content_generation
from home.preferences import COOKIE_PREFIX, PREFERENCES

CSRF_RE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
FORM_TOKEN_RE = re.compile(rb'(name="form_token"[^>]*? value=")(\d+)\.[^"]*(")')
CSRF_HOLE = rb"\1@@bo-csrf@@\2"
FORM_TOKEN_HOLE = rb"\1@@bo-form-token:\2@@\3"
CSRF_FILL_RE = re.compile(rb"@@bo-csrf@@")
FORM_TOKEN_FILL_RE = re.compile(rb"@@bo-form-token:(\d+)@@")
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/xml", "text/calendar")
UNCACHED_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}


def may_use_cache(request):
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
        return False
    if UNCACHED_COOKIES & request.COOKIES.keys():
        return False
    return not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)


def cache_key(request):
    preferences = "".join(request.COOKIES.get(COOKIE_PREFIX + name, "") for name in PREFERENCES)
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{preferences}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{content_generation()}:{clock_minute()}:{digest}"


def may_store(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith(CACHEABLE_TYPES):
        return False
    control = response.get("Cache-Control", "")
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME, BROWSER_COOKIE}:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def punch_holes(content):
    content = CSRF_RE.sub(CSRF_HOLE, content)
    return FORM_TOKEN_RE.sub(FORM_TOKEN_HOLE, content)


def fill_holes(request, content):
    """The page with this visitor's tokens, and whether it holds a resident form."""
    if b"@@bo-" not in content:
        return content, False
    content = CSRF_FILL_RE.sub(lambda match: get_token(request).encode(), content)
    content, forms = FORM_TOKEN_FILL_RE.subn(
        lambda match: new_form_token(match.group(1).decode()).encode(), content
    )
    return content, bool(forms)


def public_cache_control(response, has_forms):
    if has_forms:
        patch_cache_control(response, private=True, max_age=0)
    elif get_max_age(response) is None:
        # A CDN is purged on publishing, not when a phase ends by the clock: it keeps a page a minute.
        patch_cache_control(response, public=True, max_age=0, s_maxage=min(settings.PAGE_CACHE_SECONDS, 60))


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            return self.from_cache(request, *stored)
        response = self.get_response(request)
        if may_store(request, response):
            self.store(key, response)
        return response

    def store(self, key, response):
        content = punch_holes(response.content)
        # The length changes when the holes are filled; the common middleware sets it on the way out.
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in ("set-cookie", "content-length")
        }
        has_forms = content != response.content
        public_cache_control(response, has_forms)
        cache.set(key, (content, headers), settings.PAGE_CACHE_SECONDS)

    def from_cache(self, request, stored_content, headers):
        from django.http import HttpResponse

        content, resident_form = fill_holes(request, stored_content)
        response = HttpResponse(content, headers=headers)
        public_cache_control(response, b"@@bo-" in stored_content)
        if resident_form:
            remember_browser(request, response)
        response["X-Page-Cache"] = "hit"
        return response
