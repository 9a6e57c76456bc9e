"""Answers that every page needs (the news feed's address in the head) or that a busy page needs
(the legal acts of a consultation), cached so those pages cost no query for them; the anonymous
page cache (`home.response_cache`) keys whole pages the same way.

Every cached answer is keyed with a generation token; publishing, unpublishing, moving or deleting
any page, changing a site, and saving or deleting any row that a public page may show draw a new
token, so nothing outlives the data it was read from. Rows no public page shows (sessions, users,
tasks, log entries, the search index, ballots and codes: turnout is on the never-cached ballot) are left
out, so that busy writes there keep the cache warm.
With the shared cache of production (Redis) that holds for every process at once; with the
local-memory cache of development other processes catch up within `TIMEOUT`."""

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "materials:pages-generation"
TIMEOUT = 60 * 10


def current_generation():
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    return token


def cached(name, compute, *parts):
    """`compute()`, cached under `name` and `parts` until the page tree changes."""
    key = ":".join(["materials", name, current_generation() or "", *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


IGNORED_APPS = {
    "sessions",
    "admin",
    "auth",
    "wagtailusers",
    "django_tasks_db",
    "django_tasks_database",
    "modelsearch",
    "wagtailsearch",
}
IGNORED_MODELS = {"ballot", "ballotchoice", "votecode", "pagelogentry", "modellogentry", "revision"}


def _new_generation():
    cache.set(GENERATION_KEY, uuid4().hex, None)


def invalidate():
    """A new generation now, and again once the change is committed: a request that read the
    old rows in between cannot leave them in the cache under the generation that follows."""
    _new_generation()
    transaction.on_commit(_new_generation)


def forget_pages(sender=None, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is not None and (meta.app_label in IGNORED_APPS or meta.model_name in IGNORED_MODELS):
        return
    invalidate()


def connect():
    page_published.connect(forget_pages, dispatch_uid="materials-cache-published")
    page_unpublished.connect(forget_pages, dispatch_uid="materials-cache-unpublished")
    post_page_move.connect(forget_pages, dispatch_uid="materials-cache-moved")
    post_save.connect(forget_pages, dispatch_uid="materials-cache-save")
    post_delete.connect(forget_pages, dispatch_uid="materials-cache-delete")
