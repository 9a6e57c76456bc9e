"""Answers that every page needs (the menu, the breadcrumbs, the language links, the news feed's
address in the head) or that a busy page needs (the legal acts of a consultation), cached so those
pages cost no query for them.

Every cached answer is keyed with a generation token; saving (a draft too), publishing,
unpublishing, moving or deleting any page, or changing a site, a locale or a private section,
draws a new token, so nothing outlives the tree it was read from.
Whole stored pages (`home.response_cache`) and rendered fragments (`FragmentCache`) have tokens of
their own that every other saved row replaces too (`forget_content`).
With the shared cache of production (Redis) that holds for every process at once; with the
local-memory cache of development other processes catch up within `TIMEOUT`."""

import threading
import time
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.images.models import AbstractRendition
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "pages:generation"
CONTENT_GENERATION_KEY = "pages:content-generation"
FRAGMENT_GENERATION_KEY = "pages:fragment-generation"
PAGE_GENERATIONS = (GENERATION_KEY, CONTENT_GENERATION_KEY, FRAGMENT_GENERATION_KEY)
TIMEOUT = 60 * 10
# Besides pages: sites (root paths), locales (language links) and private sections (what is public).
TREE_MODELS = (Page, Site, Locale, PageViewRestriction)
MISSING = object()

# The tokens read while one request is served: each generation costs one cache read per request, not
# one per cached answer. A token drawn in this process is kept here as it is stored, so the rest of
# the request and the next request see it; one drawn by another process is seen from the next request.
_requested = threading.local()


def generation(key=GENERATION_KEY):
    """The token of one generation (by default the page tree's), drawn if there is none yet."""
    tokens = getattr(_requested, "tokens", None)
    if tokens is None:
        return _read(key)
    if key not in tokens:
        # A page needs most of them: all are read at once, in one round trip.
        tokens.update(cache.get_many({key, *PAGE_GENERATIONS} - tokens.keys()))
        if key not in tokens:
            tokens[key] = _read(key)
    return tokens[key]


def _read(key):
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid4().hex, None)
        token = cache.get(key)
    # With the cache unreachable (sosnowiec_bo.cache degrades to nothing), a token of its own that
    # no stored answer carries: everything is computed afresh.
    return token or uuid4().hex


def _store_generations(tokens):
    cache.set_many(tokens, None)
    known = getattr(_requested, "tokens", None)
    if known is not None:
        known.update(tokens)


def content_generation():
    """The token of everything a public page may show, for whole cached pages
    (`home.response_cache`): besides the tree, every saved or deleted row except those no public
    page shows (sessions, users, tasks, log entries, revisions, the search index, ballots and
    codes: turnout is on the never-cached ballot), so busy writes there keep the cache warm."""
    return generation(CONTENT_GENERATION_KEY)


def fragment_generation():
    """The token of the cached fragments (`FragmentCache`): drawn anew with the content generation."""
    return generation(FRAGMENT_GENERATION_KEY)


def cached(name, compute, *parts, generation=generation, timeout=TIMEOUT):
    """`compute()`, cached under `name` and `parts` until the page tree changes (None too), or until
    another `generation()` token changes."""
    key = ":".join(["pages", name, generation(), *map(str, parts)])
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        cache.set(key, value, timeout)
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
IGNORED_MODELS = {
    "ballot",
    "ballotchoice",
    "votecode",
    "pagelogentry",
    "modellogentry",
    "revision",
    # Each search counted for the staff's reports (search/tasks.py): else every search emptied the cache.
    "query",
    "querydailyhits",
    "unansweredquery",
}


def _new_generations(keys):
    _store_generations(dict.fromkeys(keys, uuid4().hex))


def invalidate_content(keys=(CONTENT_GENERATION_KEY, FRAGMENT_GENERATION_KEY)):
    """New generations (of whole pages and of fragments) now, and again once the change is
    committed: a request that read the old rows in between cannot leave them in the cache under the
    generation that follows. For changes made without model signals (`QuerySet.update`)."""
    _new_generations(keys)
    transaction.on_commit(lambda: _new_generations(keys))


def _changes_stored_pages(instance, created):
    """A model may say that a saved row changes only what stored pages fill in on every request
    (their holes, `home.cache_holes`): `changes_stored_pages(created)` (a comment just sent and
    waiting for moderation: its consultation's counts)."""
    check = getattr(instance, "changes_stored_pages", None)
    return check is None or check(created)


def generations_drawn():
    """Whether saved rows draw new content and fragment generations: only while a cache uses them."""
    return bool(settings.PAGE_CACHE_SECONDS or settings.FRAGMENT_CACHE_SECONDS)


def forget_content(sender=None, **kwargs):
    if not generations_drawn():
        return
    meta = getattr(sender, "_meta", None)
    if meta is not None and (meta.app_label in IGNORED_APPS or meta.model_name in IGNORED_MODELS):
        return
    if kwargs.get("signal") is post_save and not _changes_stored_pages(kwargs["instance"], kwargs["created"]):
        return
    # A new rendition changes no page: its address follows from the image and the filter. (Deleting
    # one does: a cached page would point at a missing file.)
    if kwargs.get("created") and isinstance(kwargs.get("instance"), AbstractRendition):
        return
    invalidate_content()


def forget_pages(**kwargs):
    forget_content(**kwargs)
    if kwargs.get("signal") in (post_save, post_delete) and not isinstance(
        kwargs.get("instance"), TREE_MODELS
    ):
        return
    _store_generations({GENERATION_KEY: uuid4().hex})


def clock_minute():
    """A key part for what changes with the clock and no saved row: a consultation closing, a budget
    phase or a registration deadline passing. Stored pages and fragments are at most a minute
    behind the clock."""
    return int(time.time() // 60)


class FragmentCache:
    """What a template's `{% cache fragment_cache.seconds "name" … fragment_cache.key %}` needs:
    how long to keep the fragment (0 renders it afresh: in previews, or with the fragment cache
    off) and a key part that changes with the fragment generation, the language, the query string
    (links in the fragment keep it) and the minute, so that what depends on the clock alone (a
    consultation that has just closed) is at most a minute old. Read only when a template uses it."""

    def __init__(self, request):
        self.request = request

    @property
    def seconds(self):
        return 0 if getattr(self.request, "is_preview", False) else settings.FRAGMENT_CACHE_SECONDS

    @property
    def key(self):
        query = self.request.META.get("QUERY_STRING", "")
        return f"{self.key_without_query}:{query}"

    @property
    def key_without_query(self):
        """For a fragment whose content and links do not follow the query string."""
        return f"{fragment_generation()}:{get_language()}:{clock_minute()}"


def fragment_cache(request):
    """Template context processor: `fragment_cache` (see `FragmentCache`)."""
    return {"fragment_cache": FragmentCache(request)}


def _start_request(**kwargs):
    _requested.tokens = {}


def _finish_request(**kwargs):
    _requested.tokens = None


def connect():
    request_started.connect(_start_request, dispatch_uid="pages-cache-request-start")
    request_finished.connect(_finish_request, dispatch_uid="pages-cache-request-finish")
    page_published.connect(forget_pages, dispatch_uid="pages-cache-published")
    page_unpublished.connect(forget_pages, dispatch_uid="pages-cache-unpublished")
    post_page_move.connect(forget_pages, dispatch_uid="pages-cache-moved")
    post_save.connect(forget_pages, dispatch_uid="pages-cache-save")
    post_delete.connect(forget_pages, dispatch_uid="pages-cache-delete")
