"""A resident form on a page of the anonymous page cache (`home/response_cache.py`): the form's
signed fill-time token is a hole of the stored page, signed anew for each visitor, so the minimum
fill time counts from the moment this visitor got the page; a visitor who gets a stored form also
gets the browser cookie of the rate limits, as from a freshly rendered one. Registered in
`wagtail_hooks.py`."""

import re

from django.core.signing import TimestampSigner

from home.cache_holes import CacheHole

from .builder import FORM_TOKEN_SALT
from .protection import BROWSER_COOKIE, remember_browser


class FormTokenHole(CacheHole):
    name = b"form-token"
    # The token signs the page's id: the key the hole keeps.
    pattern = re.compile(rb'(?P<before>name="form_token"[^>]*? value=")(?P<key>\d+):[^"]*(?P<after>")')
    cookies = (BROWSER_COOKIE,)

    def value(self, request, key):
        return TimestampSigner(salt=FORM_TOKEN_SALT).sign(key)

    def served(self, request, response):
        remember_browser(request, response)
