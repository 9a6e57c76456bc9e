from django import template
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.page_cache import cached
from home.per_request import locales

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_pages(context, current_page=None):
    """The live pages marked "show in menus" directly under the home page of the active locale,
    each flagged `current` when the page being shown is that page or lies below it."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []

    def find():
        return list(site.root_page.localized.get_children().live().public().in_menu())

    current_path = getattr(current_page, "path", "")
    return [
        {"page": page, "current": bool(current_path) and current_path.startswith(page.path)}
        for page in cached("main-menu", find, site.pk, translation.get_language())
    ]


@register.simple_tag
def breadcrumb_pages(page):
    """The live ancestors of a page below the tree root, home page included."""

    def find():
        return list(page.get_ancestors().filter(depth__gt=1).live())

    return cached("breadcrumbs", find, page.path) if page.pk else find()


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """Links to this page in each content language; the home page where it is not translated."""
    site = Site.find_for_request(context["request"])
    page_key = page.translation_key if getattr(page, "pk", None) else None

    def find():
        home_key = site.root_page.translation_key if site is not None else None
        translations, homes = {}, {}
        for found in Page.objects.filter(translation_key__in={page_key, home_key} - {None}).live():
            if found.translation_key == page_key:
                translations[found.locale_id] = found
            if found.translation_key == home_key:
                homes[found.locale_id] = found
        active = Locale.get_active()
        links = []
        for locale in locales():
            target = translations.get(locale.pk) or homes.get(locale.pk)
            if target is not None:
                links.append(
                    {
                        "code": locale.language_code,
                        "name": locale.get_display_name(),
                        "url": target.url,
                        "current": locale.pk == active.pk,
                    }
                )
        return links

    return cached("language-links", find, page_key, getattr(site, "pk", None), translation.get_language())


@register.simple_tag(takes_context=True)
def page_link(context, param, number):
    """The current address with `param` set to `number`: every filter and search of the list kept,
    each value encoded (a search for "R&D" stays one search on page 2)."""
    query = context["request"].GET.copy()
    query[param] = number
    return "?" + query.urlencode()
