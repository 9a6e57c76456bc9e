"""`{% chrome "name" [page] %}…{% endchrome %}`: a part of the page chrome (head links, language
switcher, menu, breadcrumbs, footer) kept in the fragment cache, as Django's `{% cache %}` would
keep it under the site, the page (if given), the lifetime and `fragment_cache.key_without_query`:
no part of the chrome follows the query string (the one link that keeps it, the language switcher
outside Wagtail pages, is rendered outside the chrome), so a search never seen before, or any new
query string, finds the chrome kept instead of rendering and storing it again.

Unlike `{% cache %}`, which asks the cache once per fragment, the first chrome fragment of a request
asks at once for every chrome fragment this process has rendered so far (for the request's page),
so the chrome costs one round trip to the cache instead of one per fragment. Rendered afresh where
the fragment cache is off (previews, development without Redis)."""

from django import template
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key

register = template.Library()

# Each chrome fragment's name, and whether it is kept per page, as rendered so far in this process.
_seen = {}


class ChromeNode(template.Node):
    def __init__(self, nodelist, name, page):
        self.nodelist = nodelist
        self.name = name
        self.page = page

    def render(self, context):
        fragments = context.get("fragment_cache")
        request = context.get("request")
        seconds = fragments.seconds if fragments is not None else 0
        if not seconds or request is None:
            return self.nodelist.render(context)
        _seen[self.name] = self.page is not None
        page = self.page.resolve(context) if self.page is not None else None
        key = fragment_key(request, self.name, page, seconds, fragments, per_page=self.page is not None)
        found = read_at_once(request, context.get("page"), seconds, fragments)
        if key not in found:
            found[key] = cache.get(key)
        if found[key] is None:
            found[key] = self.nodelist.render(context)
            cache.set(key, found[key], seconds)
        return found[key]


def fragment_key(request, name, page, seconds, fragments, per_page):
    page_part = [getattr(page, "pk", None)] if per_page else []
    return make_template_fragment_key(
        name, [request.get_host(), *page_part, seconds, fragments.key_without_query]
    )


def read_at_once(request, page, seconds, fragments):
    """The chrome fragments kept for this request's page (None where none is kept), read from the
    cache in one round trip."""
    found = getattr(request, "_chrome_fragments", None)
    if found is None:
        keys = [
            fragment_key(request, name, page, seconds, fragments, per_page)
            for name, per_page in list(_seen.items())
        ]
        found = request._chrome_fragments = dict.fromkeys(keys) | cache.get_many(keys)
    return found


@register.tag
def chrome(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('{% chrome "name" [page] %}')
    nodelist = parser.parse(("endchrome",))
    parser.delete_first_token()
    page = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    return ChromeNode(nodelist, bits[1][1:-1], page)
