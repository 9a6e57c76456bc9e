"""What every page's footer shows beyond the site settings: the link to the accessibility
statement and the logo strip, each read once and kept in the cache, so no page pays a query for it.

Saving the site settings, a logo or any image forgets the logos; publishing, unpublishing, moving
or deleting a statement forgets the statement. With the local-memory cache of development other
processes catch up within `TIMEOUT`."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, Value, When
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant

CACHE_KEY = "home:footer-logos"
STATEMENT_CACHE_KEY = "home:accessibility-statement"
MISSING = object()
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
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import FooterLogo, SiteSettings
    from .statement import AccessibilityStatementPage

    signals = {
        "published": page_published,
        "unpublished": page_unpublished,
        "moved": post_page_move,
        "deleted": post_delete,
    }
    for name, signal in signals.items():
        signal.connect(
            forget_accessibility_statement,
            sender=AccessibilityStatementPage,
            dispatch_uid=f"accessibility-statement-{name}",
        )

    for model in (FooterLogo, SiteSettings, get_image_model()):
        post_save.connect(
            forget_footer_logos, sender=model, dispatch_uid=f"footer-logos-save-{model.__name__}"
        )
        post_delete.connect(
            forget_footer_logos, sender=model, dispatch_uid=f"footer-logos-delete-{model.__name__}"
        )


def accessibility_statement(request):
    """The live accessibility statement in the language of the request (else in the default one).
    Every page's footer links to it: it is looked up once, kept in the cache until a statement is
    published, unpublished or deleted, and read once per request."""
    if not hasattr(request, "_accessibility_statement"):
        language = get_supported_content_language_variant(get_language())
        key = f"{STATEMENT_CACHE_KEY}:{language}"
        found = cache.get(key, MISSING)
        if found is MISSING:
            found = _find_statement(language)
            cache.set(key, found, TIMEOUT)
        request._accessibility_statement = found
    return request._accessibility_statement


def _find_statement(active):
    from .statement import AccessibilityStatementPage  # imports the models, which import this module

    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return (
        AccessibilityStatementPage.objects.live()
        .filter(locale__language_code__in={active, default})
        .order_by(Case(When(locale__language_code=active, then=Value(0)), default=Value(1)), "path")
        .first()
    )


def forget_accessibility_statement(**kwargs):
    cache.delete_many([f"{STATEMENT_CACHE_KEY}:{code}" for code, _name in get_content_languages().items()])
