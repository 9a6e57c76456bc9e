from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Site

from home import footer
from home.page_cache import cached

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_pages(context, current_page=None):
    """The live pages marked "show in menus" directly under the home page of the active locale,
    each flagged `current` when the page being shown is that page or lies below it, and with the
    `lang` of its title where that differs from the page's language."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []

    def find():
        return list(site.root_page.localized.get_children().live().public().in_menu())

    current_path = getattr(current_page, "path", "")
    return [
        {
            "page": page,
            "current": bool(current_path) and current_path.startswith(page.path),
            "lang": _title_lang(page),
        }
        for page in cached("main-menu", find, site.pk, translation.get_language())
    ]


def _title_lang(page):
    # An alias of an untranslated page carries the Polish title.
    return settings.LANGUAGE_CODE if page.alias_of_id else ""


@register.simple_tag
def breadcrumb_trail(page):
    """The live ancestors of a page below the tree root, home page included, and the page itself,
    each with the `lang` of its title where that differs from the page's language."""

    def find():
        return list(page.get_ancestors().filter(depth__gt=1).live())

    ancestors = cached("breadcrumbs", find, page.path) if page.pk else find()
    return {
        # The first is the home page, labelled in the visitor's language.
        "ancestors": [
            {"page": ancestor, "lang": _title_lang(ancestor) if index else ""}
            for index, ancestor in enumerate(ancestors)
        ],
        "current_lang": _title_lang(page),
    }


@register.simple_tag(takes_context=True)
def page_link(context, param, number):
    """The current address with `param` set to `number`: every filter and search of the list kept,
    each value encoded (a search for "R&D" stays one search on page 2)."""
    query = context["request"].GET.copy()
    query[param] = number
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def accessibility_statement(context):
    """The statement every footer links to (home/footer.py), or None."""
    request = context.get("request")
    return footer.accessibility_statement(request) if request is not None else None
