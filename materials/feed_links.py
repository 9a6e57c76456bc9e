"""The address of the news feed for the `<link rel="alternate">` in every page's head.

Looking it up costs a query, and every page needs it, so the answer is cached per site and language
and forgotten whenever a page is published, unpublished, moved or deleted, or a site changes."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_SECONDS = 60 * 60


def _cache_key(site_pk, language):
    return f"materials:news-feed-url:{site_pk}:{language}"


def news_feed_url(request):
    """The feed's address for this request's site and language, or "" where there is no news list."""
    from .models import NewsIndexPage

    site = Site.find_for_request(request)
    if site is None:
        return ""
    language = translation.get_language()
    key = _cache_key(site.pk, language)
    url = cache.get(key)
    if url is None:
        index_page = (
            NewsIndexPage.objects.live()
            .public()
            .filter(locale__language_code=language)
            .order_by("path")
            .first()
        )
        page_url = index_page.get_url(request) if index_page else None
        url = page_url + index_page.reverse_subpage("feed") if page_url else ""
        cache.set(key, url, CACHE_SECONDS)
    return url


def forget_news_feed_urls(**kwargs):
    if kwargs.get("signal") is post_delete and not isinstance(kwargs.get("instance"), Page | Site):
        return
    site_pks = Site.objects.values_list("pk", flat=True)
    cache.delete_many([_cache_key(pk, code) for pk in site_pks for code, _name in settings.LANGUAGES])


def connect():
    page_published.connect(forget_news_feed_urls, dispatch_uid="materials-feed-url-published")
    page_unpublished.connect(forget_news_feed_urls, dispatch_uid="materials-feed-url-unpublished")
    post_page_move.connect(forget_news_feed_urls, dispatch_uid="materials-feed-url-moved")
    post_save.connect(forget_news_feed_urls, sender=Site, dispatch_uid="materials-feed-url-site")
    post_delete.connect(forget_news_feed_urls, dispatch_uid="materials-feed-url-delete")
