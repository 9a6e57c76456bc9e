"""A resident form on a page of the anonymous page cache (`home/response_cache.py`): the form's
one-time, signed fill-time token is a hole of the stored page, made anew for each visitor, so the
minimum fill time counts from the moment this visitor got the page and no two visitors share a token
(builder.new_form_token); a visitor who gets a stored form also gets the browser cookie of the rate
limits, as from a freshly rendered one. Registered in `wagtail_hooks.py`."""

import re

from home.cache_holes import CacheHole

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
