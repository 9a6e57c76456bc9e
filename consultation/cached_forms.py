"""A resident form on a page of the anonymous page cache (`home/response_cache.py`): the form's
one-time, signed fill-time token is a hole of the stored page, made anew for each visitor, so the
minimum fill time counts from the moment this visitor got the page and no two visitors share a token
(builder.new_form_token); a visitor who gets a stored form also gets the browser cookie of the rate
limits, as from a freshly rendered one. Registered in `wagtail_hooks.py`."""

import re

from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home.cache_holes import CacheHole, cache_holes, fill, split
from home.page_cache import fragment_generation

from .builder import new_form_token
from .protection import BROWSER_COOKIE, remember_browser


class FormTokenHole(CacheHole):
    name = "form-token"
    # The token signs the page's id: the key the hole keeps.
    pattern = re.compile(rb'(?P<before>name="form_token"[^>]*? value=")(?P<key>\d+)\.[^"]*(?P<after>")')
    cookies = (BROWSER_COOKIE,)

    def value(self, request, key):
        return new_form_token(key)

    def served(self, request, response):
        remember_browser(request, response)


# The units' anchors are slugs; anything else in the address is shown uncached.
UNIT_RE = re.compile(r"[-\w]{0,80}")


def blank_form_key(request, page):
    """The key of a page's form as a GET shows it (blank, or with the unit from the address chosen),
    or None for a form that is not kept: a sent one (its data and errors are the sender's)."""
    unit = request.GET.get("jednostka", "")
    if request.method != "GET" or not UNIT_RE.fullmatch(unit):
        return None
    return f"blank-form:{fragment_generation()}:{get_language()}:{page.pk}:{unit}"


def blank_form(request, seconds, page, render):
    """The page's form as `render()` makes it, kept rendered for `seconds` (0: not kept) with its
    visitor's values (the CSRF token, the one-time form token) cut out as the holes of the page
    cache, and filled in anew for every visitor. Building and rendering the form (a draft act's
    units are its choices) was the costliest part of a consultation page; the key follows the
    fragment generation (a publish, a changed field or privacy notice), the language and the unit."""
    key = blank_form_key(request, page) if seconds else None
    if key is None:
        return render()
    stored = cache.get(key)
    filled = None if stored is None else fill(request, stored)
    if filled is None:
        html = render()
        cache.set(key, split(html.encode(), cache_holes()), seconds)
        return html
    html = b"".join(filled[0]).decode()
    return mark_safe(html)  # nosec B308 B703: rendered by our own template, tokens filled in
