"""The language versions of the page being shown (home/translations.py) for the header, the head
and the notice on an untranslated page."""

from django import template
from wagtail.models import Page

from home import translations

register = template.Library()


def _page(page):
    return page if isinstance(page, Page) and page.pk else None


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    return translations.language_links(context["request"], _page(page))


@register.simple_tag(takes_context=True)
def alternate_links(context, page):
    """{"canonical": URL, "alternates": [(hreflang, URL)]}, absolute URLs at the site's address."""
    request = context.get("request")
    return {
        "canonical": translations.canonical_url(page, request),
        "alternates": translations.alternate_urls(page, request),
    }


@register.simple_tag(takes_context=True)
def untranslated_original(context, page=None):
    page = _page(page)
    return translations.original_of(page, context.get("request")) if page is not None else None
