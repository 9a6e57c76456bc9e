"""Answers that every page needs (the menu, the breadcrumbs, the language links, the news feed's
address in the head) or that a busy page needs (the legal acts of a consultation), cached so those
pages cost no query for them.

Every cached answer is keyed with a generation token; saving (a draft too), publishing,
unpublishing, moving or deleting any page, or changing a site, a locale or a private section,
draws a new token, so nothing outlives the tree it was read from.
With the shared cache of production (Redis) that holds for every process at once; with the
local-memory cache of development other processes catch up within `TIMEOUT`."""

from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "pages:generation"
CONTENT_GENERATION_KEY = "pages:content-generation"
TIMEOUT = 60 * 10
# Besides pages: sites (root paths), locales (language links) and private sections (what is public).
TREE_MODELS = (Page, Site, Locale, PageViewRestriction)


def _generation(key=GENERATION_KEY):
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid4().hex, None)
        token = cache.get(key)
    return token


def content_generation():
    """The token of everything a public page may show, for whole cached pages
    (`home.response_cache`): besides the tree, every saved or deleted row except those no public
    page shows (sessions, users, tasks, log entries, revisions, the search index, ballots and
    codes: turnout is on the never-cached ballot), so busy writes there keep the cache warm."""
    return _generation(CONTENT_GENERATION_KEY)


def cached(name, compute, *parts):
    """`compute()`, cached under `name` and `parts` until the page tree changes."""
    key = ":".join(["pages", name, _generation() or "", *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


IGNORED_APPS = {
    "sessions",
    "admin",
    "auth",
    # django-axes' login attempts and logins: no page shows them, and a flood of failed logins must
    # not empty the page cache.
    "axes",
    "wagtailusers",
    "django_tasks_database",
    "modelsearch",
    "wagtailsearch",
}
IGNORED_MODELS = {"ballot", "ballotchoice", "votecode", "pagelogentry", "modellogentry", "revision"}


def _new_content_generation():
    cache.set(CONTENT_GENERATION_KEY, uuid4().hex, None)


def invalidate_content():
    """A new content generation now, and again once the change is committed: a request that read
    the old rows in between cannot leave them in the cache under the generation that follows.
    For changes made without model signals (`QuerySet.update`)."""
    _new_content_generation()
    transaction.on_commit(_new_content_generation)


def forget_content(sender=None, **kwargs):
    if not settings.PAGE_CACHE_SECONDS:
        return
    meta = getattr(sender, "_meta", None)
    if meta is not None and (meta.app_label in IGNORED_APPS or meta.model_name in IGNORED_MODELS):
        return
    invalidate_content()


def forget_pages(**kwargs):
    forget_content(**kwargs)
    if kwargs.get("signal") in (post_save, post_delete) and not isinstance(
        kwargs.get("instance"), TREE_MODELS
    ):
        return
    cache.set(GENERATION_KEY, uuid4().hex, None)


def connect():
    page_published.connect(forget_pages, dispatch_uid="pages-cache-published")
    page_unpublished.connect(forget_pages, dispatch_uid="pages-cache-unpublished")
    post_page_move.connect(forget_pages, dispatch_uid="pages-cache-moved")
    post_save.connect(forget_pages, dispatch_uid="pages-cache-save")
    post_delete.connect(forget_pages, dispatch_uid="pages-cache-delete")
