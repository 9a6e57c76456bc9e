from django import template
from wagtail.models import Locale, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_pages(context, current_page=None):
    """The live pages marked "show in menus" directly under the home page of the active locale,
    each flagged `current` when the page being shown is that page or lies below it."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []
    root = site.root_page.get_translation_or_none(Locale.get_active()) or site.root_page
    current_path = getattr(current_page, "path", "")
    return [
        {"page": page, "current": bool(current_path) and current_path.startswith(page.path)}
        for page in root.get_children().live().public().in_menu()
    ]


@register.simple_tag
def breadcrumb_pages(page):
    """The live ancestors of a page below the tree root, home page included."""
    return list(page.get_ancestors().filter(depth__gt=1).live())


@register.simple_tag(takes_context=True)
def page_link(context, param, number):
    """The current address with `param` set to `number`: every filter and search of the list kept,
    each value encoded (a search for "R&D" stays one search on page 2)."""
    query = context["request"].GET.copy()
    query[param] = number
    return "?" + query.urlencode()
