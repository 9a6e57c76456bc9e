from django import template
from django.db.models import F

from ..feed_links import news_feed_url as _news_feed_url
from ..models import LegalActPage

register = template.Library()


@register.simple_tag(takes_context=True)
def news_feed_url(context):
    """The address of the site's news feed, for the `<link rel="alternate">` in the head."""
    request = context.get("request")
    return _news_feed_url(request) if request is not None else ""


@register.simple_tag
def legal_acts_for(consultation):
    """The live legal acts that name this consultation as one held about them, newest first."""
    return list(
        LegalActPage.objects.live()
        .public()
        .filter(consultation_links__consultation=consultation)
        .distinct()
        .order_by(F("adopted_on").desc(nulls_first=True), "-pk")
    )
