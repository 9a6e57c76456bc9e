"""The values of a public page that belong to one visitor, for the anonymous page cache
(`home/response_cache.py`): before a page is stored each is replaced by a hole, and every answer,
fresh or cached, gets it filled in anew for its own visitor.

The home app knows Django's CSRF token. A feature app whose pages carry a value of their own
registers it with the Wagtail hook ``register_page_cache_hole`` in its own ``wagtail_hooks.py``; a
hook function returns one ``CacheHole`` (``consultation/cached_forms.py``: the resident form's
signed fill-time token, whose pages also give a browser the cookie of the rate limits)::

    @hooks.register("register_page_cache_hole")
    def form_token_hole():
        return FormTokenHole()

A stored page reads ``@@bo-<name>@@`` where the value stood, or ``@@bo-<name>:<key>@@`` when the
pattern has a ``key`` group: the part of the value that is the same for every visitor (the page a
token is signed for), kept to make the new value from.
"""

import abc
import re

from django.conf import settings
from django.middleware.csrf import get_token
from wagtail import hooks

HOOK_NAME = "register_page_cache_hole"
HOLE_PREFIX = b"@@bo-"


class CacheHole(abc.ABC):
    name = b""
    # The value with what surrounds it, as bytes: groups "before" and "after", and "key" if any.
    pattern = re.compile(rb"(?!)")
    # Cookies that an answer carrying this value may set and still be stored (they are not stored).
    cookies = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.hole_pattern = re.compile(re.escape(HOLE_PREFIX + cls.name) + rb"(?::([^@]*))?@@")

    @abc.abstractmethod
    def value(self, request, key):
        """This visitor's value (a str); `key` is what the hole kept, or None."""

    def served(self, request, response):  # noqa: B027 (optional: most holes need nothing)
        """Called when a stored page with this value filled in goes to a visitor."""

    def punch(self, content):
        return self.pattern.sub(self._hole, content)

    def fill(self, request, content):
        """The content with this visitor's values, and how many holes were filled."""

        def fill_one(match):
            key = match.group(1)
            return self.value(request, None if key is None else key.decode()).encode()

        return self.hole_pattern.subn(fill_one, content)

    def _hole(self, match):
        key = match.groupdict().get("key")
        label = self.name if key is None else self.name + b":" + key
        return match.group("before") + HOLE_PREFIX + label + b"@@" + match.group("after")


class CsrfToken(CacheHole):
    """Django sets this visitor's CSRF cookie on the way out, because the page cache sits inside
    CsrfViewMiddleware."""

    name = b"csrf"
    pattern = re.compile(rb'(?P<before>name="csrfmiddlewaretoken" value=")[^"]*(?P<after>")')

    @property
    def cookies(self):
        return (settings.CSRF_COOKIE_NAME,)

    def value(self, request, key):
        return get_token(request)


def cache_holes():
    """The CSRF token's hole and every hole the apps register."""
    return [CsrfToken(), *(hook() for hook in hooks.get_hooks(HOOK_NAME))]
