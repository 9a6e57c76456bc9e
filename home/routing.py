"""One query for the page an address names, instead of Wagtail's two for every level of the tree.

Wagtail routes /a/b/c/ by asking the home page for its child `a`, then `a` (loaded as its own
type) for its child `b`, and so on. Here the pages along the address are read at once by their
`url_path`, and routing goes on from the deepest of them. Where Wagtail's walk could end
elsewhere (a routable page on the way whose own routes claim the rest of the address, or a page
type with its own `route`) the address is left to Wagtail's walk, so every address leads where it
always did. The pages along an address come from the cache of answers kept until the page tree
changes (`home.page_cache.cached`), so only the page itself is read."""

from hashlib import md5

from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from .page_cache import cached

STANDARD_ROUTES = {Page.route, RoutablePageMixin.route}


def pages_along(root, path_components):
    """The pages below `root` named by the first 1, 2, … components of the address, from the top
    (each page's parent is set by `route_below`, as Wagtail's walk does: get_parent() costs no query)."""
    prefixes = [
        root.url_path + "/".join(path_components[:n]) + "/" for n in range(1, len(path_components) + 1)
    ]
    found = Page.objects.filter(url_path__in=prefixes, path__startswith=root.path, depth__gt=root.depth)
    chain = []
    for page in found.order_by("depth"):
        parent = chain[-1] if chain else root
        if page.depth != parent.depth + 1 or not page.path.startswith(parent.path):
            break
        chain.append(page)
    return chain


def claims(page, remaining):
    """Whether Wagtail's walk would stop at this page on the way (not descend to its child)."""
    page_class = page.specific_class
    if page_class is None or page_class.route not in STANDARD_ROUTES:
        return True
    if not (issubclass(page_class, RoutablePageMixin) and page.live):
        return False
    try:
        page_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return False
    return True


def route_below(root, request, path_components):
    """Wagtail's `RouteResult` for the address below `root`, or None to leave it to Wagtail."""
    if root.pk is None or not path_components:
        return None
    address = md5("/".join(path_components).encode(), usedforsecurity=False).hexdigest()
    chain = cached("pages-along", lambda: pages_along(root, path_components), root.pk, address)
    for parent, page in zip([root, *chain], chain, strict=False):
        page._cached_parent_obj = parent
    if not chain:
        return None
    if any(claims(page, path_components[depth + 1 :]) for depth, page in enumerate(chain[:-1])):
        return None
    return chain[-1].specific.route(request, path_components[len(chain) :])
