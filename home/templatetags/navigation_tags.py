from django import template
from wagtail.models import Locale, Site

from home import footer

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
def language_links(context, page=None):
    """Links to this page in each content language; the home page where it is not translated."""
    active = Locale.get_active()
    links = []
    translations = {}
    if getattr(page, "pk", None):
        translations = {
            p.locale_id: p for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    site = Site.find_for_request(context["request"])
    homes = {}
    if site is not None:
        homes = {p.locale_id: p for p in site.root_page.get_translations(inclusive=True).live()}
    for locale in Locale.objects.all().order_by("pk"):
        target = translations.get(locale.pk) or homes.get(locale.pk)
        if target is None:
            continue
        links.append(
            {
                "code": locale.language_code,
                "name": locale.get_display_name(),
                "url": target.url,
                "current": locale.pk == active.pk,
            }
        )
    return links


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
