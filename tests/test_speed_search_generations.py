"""Generation tokens (home/page_cache.py) are read from the shared cache once per request, not once
per cached answer, yet a change made while a request is served shows in the rest of it, and a
change made elsewhere shows from the next request."""

from collections import Counter

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

from home import page_cache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on")]

GENERATIONS = (
    page_cache.GENERATION_KEY,
    page_cache.CONTENT_GENERATION_KEY,
    page_cache.FRAGMENT_GENERATION_KEY,
)


@pytest.fixture
def cache_round_trips(monkeypatch):
    """The keys of each read of the shared cache (a `get_many` is one read)."""
    trips = []
    read, read_many = cache.get, cache.get_many
    many = []

    def counting(key, *args, **kwargs):
        if not many:
            trips.append([key])
        return read(key, *args, **kwargs)

    def counting_many(keys, *args, **kwargs):
        trips.append(list(keys))
        many.append(keys)
        try:
            return read_many(keys, *args, **kwargs)
        finally:
            many.pop()

    monkeypatch.setattr(cache, "get", counting)
    monkeypatch.setattr(cache, "get_many", counting_many)
    return trips


def signal_request(signal):
    """`signal` sent as Django's test client sends it: without closing the test's database connection."""
    signal.disconnect(close_old_connections)
    try:
        signal.send(sender=None)
    finally:
        signal.connect(close_old_connections)


@pytest.fixture
def in_request():
    """Code run as if while a request is served."""
    signal_request(request_started)
    yield
    signal_request(request_finished)


@pytest.mark.parametrize("url", ["/", "/o-budzecie/", "/szukaj/?q=bud%C5%BCet"])
def test_a_page_reads_each_generation_at_most_once(site_tree, cache_round_trips, url):
    Client().get(url)
    cache_round_trips.clear()

    response = Client().get(url)

    assert response.status_code == 200
    generation_reads = Counter(key for keys in cache_round_trips for key in keys if key in GENERATIONS)
    assert generation_reads  # the page does use cached answers
    assert max(generation_reads.values()) == 1


def test_a_change_made_during_a_request_is_seen_in_the_rest_of_it(site_tree, in_request):
    before = page_cache.generation(), page_cache.content_generation(), page_cache.fragment_generation()

    page_cache.forget_pages(sender=type(site_tree.about), instance=site_tree.about)

    after = page_cache.generation(), page_cache.content_generation(), page_cache.fragment_generation()
    assert all(old != new for old, new in zip(before, after, strict=True))
    assert after == tuple(cache.get(key) for key in GENERATIONS)


def test_a_change_made_by_another_process_is_seen_from_the_next_request(site_tree):
    signal_request(request_started)
    seen = page_cache.generation()
    cache.set(page_cache.GENERATION_KEY, "drawn-elsewhere", None)
    assert page_cache.generation() == seen
    signal_request(request_finished)

    signal_request(request_started)
    assert page_cache.generation() == "drawn-elsewhere"
    signal_request(request_finished)


def test_outside_a_request_every_read_asks_the_cache(site_tree):
    page_cache.generation()
    cache.set(page_cache.GENERATION_KEY, "drawn-elsewhere", None)

    assert page_cache.generation() == "drawn-elsewhere"


def test_a_page_published_between_requests_shows_on_the_next(client, site_tree):
    assert "Nowy tytuł strony" not in client.get("/").content.decode()
    about = site_tree.about
    about.title = "Nowy tytuł strony"
    about.show_in_menus = True
    about.save_revision().publish()

    assert "Nowy tytuł strony" in client.get("/").content.decode()


@pytest.mark.parametrize("url", ["/", "/o-budzecie/"])
def test_the_page_chrome_is_read_in_one_round_trip(site_tree, cache_round_trips, url):
    for _visit in range(2):
        Client().get(url)
    cache_round_trips.clear()

    response = Client().get(url)

    assert response.status_code == 200
    chrome = [keys for keys in cache_round_trips if any(key.startswith("template.cache.") for key in keys)]
    names = {key.split(".")[2] for keys in chrome for key in keys}
    assert {"head-links", "main-menu", "footer", "page-meta", "language-switcher"} <= names
    assert len([keys for keys in chrome if "home-sections" not in str(keys)]) == 1


def test_a_menu_title_changed_shows_in_the_chrome_of_the_next_page(client, site_tree):
    site_tree.about.show_in_menus = True
    site_tree.about.save_revision().publish()
    assert "O budżecie" in client.get("/").content.decode()

    site_tree.about.title = "Budżet w skrócie"
    site_tree.about.save_revision().publish()

    assert "Budżet w skrócie" in client.get("/o-budzecie/").content.decode()
    assert "Budżet w skrócie" in client.get("/").content.decode()
