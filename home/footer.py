"""The footer's logo strip, read once and kept in the cache, so no page pays a query for it.

Saving the site settings, a logo or any image forgets it; with the local-memory cache of
development other processes catch up within `TIMEOUT`."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

CACHE_KEY = "home:footer-logos"
TIMEOUT = 60 * 10
RENDITION = "height-80"


def footer_logos(site_settings):
    """[{"url", "width", "height", "alt", "link"}] of the settings' logos, in their order."""
    strips = cache.get(CACHE_KEY) or {}
    if site_settings.pk not in strips:
        strips[site_settings.pk] = [
            _logo(logo)
            for logo in site_settings.footer_logos.select_related("image").prefetch_related(
                "image__renditions"
            )
        ]
        cache.set(CACHE_KEY, strips, TIMEOUT)
    return strips[site_settings.pk]


def _logo(logo):
    rendition = logo.image.get_rendition(RENDITION)
    return {
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": logo.alt_text,
        "link": logo.link_url,
    }


def forget_footer_logos(**kwargs):
    cache.delete(CACHE_KEY)


def connect():
    from wagtail.images import get_image_model

    from .models import FooterLogo, SiteSettings

    for model in (FooterLogo, SiteSettings, get_image_model()):
        post_save.connect(
            forget_footer_logos, sender=model, dispatch_uid=f"footer-logos-save-{model.__name__}"
        )
        post_delete.connect(
            forget_footer_logos, sender=model, dispatch_uid=f"footer-logos-delete-{model.__name__}"
        )
