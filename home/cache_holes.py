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

A hole whose value is read from the shared cache names those keys (`cache_keys`): the page cache
reads them in the same round trip as the stored page, from the second visit to an address on
(`read_ahead`), and the hole takes them from there (`read`).

A stored page is kept as its parts (`split`): the bytes that are the same for every visitor, and
where a value stood, the hole's name with the ``key`` group of its pattern if it has one (the part
of the value that is the same for every visitor: the page a token is signed for), kept to make the
new value from. Filling a stored page (`fill`) joins the parts with this visitor's values: no
search through the page on the way out.
"""

import abc
import re
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from wagtail import hooks

HOOK_NAME = "register_page_cache_hole"


class CacheHole(abc.ABC):
    name = ""
    # The value with what surrounds it, as bytes: groups "before" and "after", and "key" if any.
    pattern = re.compile(rb"(?!)")
    # Cookies that an answer carrying this value may set and still be stored (they are not stored).
    cookies = ()
    # One value for all the holes of a page with the same key (not for one-time values).
    same_in_page = False

    @abc.abstractmethod
    def value(self, request, key):
        """This visitor's value (a str); `key` is what the hole kept, or None."""

    def cache_keys(self, key):
        """The keys of the shared cache that `value` reads for a hole with this key."""
        return ()

    def served(self, request, response):  # noqa: B027 (optional: most holes need nothing)
        """Called when a stored page with this value filled in goes to a visitor."""

    def spans(self, content):
        """Where each value stands in `content`: (start, end, key)."""
        for match in self.pattern.finditer(content):
            key = match.groupdict().get("key")
            yield match.end("before"), match.start("after"), None if key is None else key.decode()


class CsrfToken(CacheHole):
    """Django sets this visitor's CSRF cookie on the way out, because the page cache sits inside
    CsrfViewMiddleware."""

    name = "csrf"
    same_in_page = True  # each masking of the token costs; all are this visitor's valid token
    pattern = re.compile(rb'(?P<before>name="csrfmiddlewaretoken" value=")[^"]*(?P<after>")')

    @property
    def cookies(self):
        return (settings.CSRF_COOKIE_NAME,)

    def value(self, request, key):
        return get_token(request)


def cache_holes():
    """The CSRF token's hole and every hole the apps register."""
    return [CsrfToken(), *(hook() for hook in hooks.get_hooks(HOOK_NAME))]


class Hole(NamedTuple):
    """Where a visitor's own value stands in a stored page."""

    name: str
    key: str | None


def split(content, holes):
    """`content` as a list of parts: bytes, the same for every visitor, and between them a `Hole`
    where a visitor's own value stood."""
    found = sorted((start, end, hole.name, key) for hole in holes for start, end, key in hole.spans(content))
    parts, position = [], 0
    for start, end, name, key in found:
        parts += [content[position:start], Hole(name, key)]
        position = end
    parts.append(content[position:])
    return parts


def read_ahead(parts):
    """The keys of the shared cache that the holes of a stored page's `parts` read."""
    holes = {hole.name: hole for hole in cache_holes()}
    keys = {}
    for part in parts:
        if isinstance(part, Hole) and part.name in holes:
            keys.update(dict.fromkeys(holes[part.name].cache_keys(part.key)))
    return list(keys)


def read(request, keys):
    """The shared cache's values of `keys` (as `cache.get_many`): from what the page cache read
    together with the stored page (`request.page_cache_read`: the keys asked and the values found)
    if it asked for them all, else read now."""
    asked, found = getattr(request, "page_cache_read", ((), {}))
    if set(keys).issubset(asked):
        return {key: found[key] for key in keys if key in found}
    return cache.get_many(keys)


def fill(request, parts):
    """`parts` with this visitor's values (bytes) in place of the holes, and the holes that it had;
    None if a hole is no longer registered (a page stored before an upgrade). The other parts are
    left as they are (`home.gzip_parts` keeps them compressed)."""
    if len(parts) == 1:
        return parts, []
    holes = {hole.name: hole for hole in cache_holes()}
    filled = {}
    shared = {}
    pieces = []
    for part in parts:
        if isinstance(part, Hole):
            hole = filled[part.name] = holes.get(part.name)
            if hole is None:
                return None
            value = shared.get(part) or hole.value(request, part.key).encode()
            if hole.same_in_page:
                shared[part] = value
            part = value
        pieces.append(part)
    return pieces, list(filled.values())
