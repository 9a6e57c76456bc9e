"""A search is kept for a while (search/results.py): the same query again is not ranked again, yet
a page published, changed, unpublished or made private, or anything the index takes in (also
without a saved row, as the background worker writes it), shows on the very next search."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.search.index import insert_or_update_object

from home import page_cache
from search.models import UnansweredQuery
from tests.factories import StandardPageFactory, paragraph_block

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on")]


def titles(client, query, **params):
    response = client.get("/szukaj/", {"q": query, **params})
    assert response.status_code == 200
    return re.findall(r'search-results__title"><a href="[^"]*">([^<]*)<', response.text)


def searched_sql(client, query):
    with CaptureQueriesContext(connection) as captured:
        titles(client, query)
    return " ".join(item["sql"] for item in captured.captured_queries)


@pytest.fixture
def park(site_tree):
    return StandardPageFactory(
        parent=site_tree.home, title="Park Sielecki", body=[paragraph_block("Nowe ławki w parku Sieleckim.")]
    )


def test_the_same_search_again_is_not_ranked_again(client, park):
    client.get("/")  # the first visit to a site creates its settings row, a change as any other
    assert "index" in searched_sql(client, "park sielecki")

    again = searched_sql(client, "park  sielecki")

    assert "index" not in again
    assert titles(client, "park sielecki") == ["Park Sielecki"]


def test_counting_searches_for_the_reports_keeps_what_is_cached(client, park):
    client.get("/")  # the first visit to a site creates its settings row, a change as any other
    generations = page_cache.content_generation(), page_cache.fragment_generation()

    titles(client, "park")
    titles(client, "nic takiego")

    assert Query.get("park").hits == 1
    assert UnansweredQuery.objects.get(query__query_string="nic takiego").count == 1
    assert (page_cache.content_generation(), page_cache.fragment_generation()) == generations


def test_filters_and_language_are_kept_apart(client, park):
    assert titles(client, "park") == ["Park Sielecki"]

    assert titles(client, "park", typ="projekty") == []
    assert titles(client, "park", typ="dokumenty") == []
    assert titles(client, "park") == ["Park Sielecki"]


def test_a_page_published_after_a_search_is_found_by_the_next(client, park):
    assert titles(client, "fontanna") == []

    page = StandardPageFactory(
        parent=park.get_parent(), title="Fontanna", body=[paragraph_block("Fontanna w parku.")]
    )
    page.save_revision().publish()

    assert titles(client, "fontanna") == ["Fontanna"]


def test_a_changed_title_shows_on_the_next_search(client, park):
    assert titles(client, "park") == ["Park Sielecki"]

    park.title = "Park Sielecki po remoncie"
    park.save_revision().publish()

    assert titles(client, "park") == ["Park Sielecki po remoncie"]


def test_an_unpublished_page_is_gone_from_the_next_search(client, park):
    assert titles(client, "park") == ["Park Sielecki"]

    park.unpublish()

    assert titles(client, "park") == []


def test_a_page_made_private_is_gone_from_the_next_search(client, park):
    assert titles(client, "park") == ["Park Sielecki"]

    PageViewRestriction.objects.create(page=park, restriction_type=PageViewRestriction.LOGIN)

    assert titles(client, "park") == []


def test_what_the_index_takes_in_without_a_saved_row_shows_on_the_next_search(client, park):
    assert titles(client, "altana") == []
    Page.objects.filter(pk=park.pk).update(title="Altana w parku")  # no signal, no new generation

    insert_or_update_object(park.specific_class.objects.get(pk=park.pk))  # as the worker does

    assert titles(client, "altana") == ["Altana w parku"]


def test_a_new_promotion_shows_on_the_next_search(client, park):
    client.get("/szukaj/", {"q": "ławki"})
    SearchPromotion.objects.create(
        query=Query.get("ławki"), external_link_url="https://example.com/", description="Mapa ławek"
    )

    assert "Mapa ławek" in client.get("/szukaj/", {"q": "ławki"}).text


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"park'},
        {"q": "park'"},
        {"q": "%"},
        {"q": "<b>park</b>"},
        {"q": "park " * 500},
        {"q": "park", "strona": str(10**30)},
        {"q": "park", "rok": "9" * 40, "typ": "<script>"},
    ],
)
def test_a_hostile_search_is_answered_twice_the_same(client, park, params):
    first = client.get("/szukaj/", params)
    second = client.get("/szukaj/", params)

    assert first.status_code == second.status_code == 200
    assert "Wyniki dla" in second.text or "Nie znaleźliśmy" in second.text
    assert "<b>park</b>" not in second.text
