from django import template
from django.db.models import F
from django.utils import translation
from wagtail.models import Site

from home.page_cache import cached

from ..models import LegalActPage, NewsIndexPage

register = template.Library()


def _site_and_language(request):
    site = Site.find_for_request(request)
    return (site.pk if site else None), translation.get_language()


@register.simple_tag(takes_context=True)
def news_feed_url(context):
    """The address of the news feed of this site and language, for `<link rel="alternate">`; ""
    where there is no news list."""
    request = context.get("request")
    if request is None:
        return ""

    def find():
        index_page = (
            NewsIndexPage.objects.live()
            .public()
            .filter(locale__language_code=translation.get_language())
            .order_by("path")
            .first()
        )
        page_url = index_page.get_url(request) if index_page else None
        return page_url + index_page.reverse_subpage("feed") if page_url else ""

    return cached("news-feed-url", find, *_site_and_language(request))


@register.simple_tag(takes_context=True)
def legal_acts_for(context, consultation):
    """The live legal acts that name this consultation as one held about them, newest first, as
    {"url", "title", "description"}."""
    request = context.get("request")
    if consultation.pk is None:  # the preview of a consultation not saved yet
        return []

    def find():
        acts = (
            LegalActPage.objects.live()
            .public()
            # The English and Ukrainian aliases of an act keep the Polish act's links: each language
            # lists its own version of the act, reached from any translation of the consultation.
            .filter(
                locale_id=consultation.locale_id,
                consultation_links__consultation__translation_key=consultation.translation_key,
            )
            .distinct()
            .order_by(F("adopted_on").desc(nulls_first=True), "-pk")
        )
        return [
            {"url": act.get_url(request), "title": act.title, "description": act.short_description}
            for act in acts
        ]

    return cached("legal-acts-for", find, consultation.pk, *_site_and_language(request))
