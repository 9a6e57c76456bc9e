"""/szukaj/ at the size of the city's site: a result's text and date are those of the page as last
published (stored when the page is indexed); on PostgreSQL only the best entries of each query key
are ranked (search/candidates.py), which must still find the best page, follow every edit, and fall
back to ranking everything when a filter leaves too few of them. SQLite ranks every match: the same
searches must find the same pages there."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import candidates
from tests.factories import StandardPageFactory, paragraph_block
from tests.test_search_polish import search, titles


def snippets(response):
    return re.findall(r'search-results__snippet">(.*?)</p>', response.text)


def page(parent, title, text):
    return StandardPageFactory(parent=parent, title=title, body=[paragraph_block(text)])


def republish(page, title, text):
    page.title = title
    page.body = [paragraph_block(text)]
    page.save_revision().publish()


def test_a_result_shows_the_text_and_date_of_the_page_as_last_published(client, site_tree):
    found = page(site_tree.home, "Zieleń miejska", "Sadzimy drzewa przy szkole.")
    found.last_published_at = datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
    found.save()

    republish(found, "Zieleń miejska", "Sadzimy drzewa i krzewy przy bibliotece.")

    response = search(client, q="drzewa")
    assert titles(response) == ["Zieleń miejska"]
    assert "<mark>drzewa</mark> i krzewy przy bibliotece" in snippets(response)[0]
    assert "1 maja 2024" not in response.text


def test_a_deleted_page_is_no_longer_found(client, site_tree):
    gone = page(site_tree.home, "Ławki w parku", "Nowe ławki.")
    page(site_tree.home, "Ławki przy szkole", "Nowe ławki.")

    gone.delete()

    assert titles(search(client, q="ławki")) == ["Ławki przy szkole"]


@pytest.fixture
def few_candidates(monkeypatch):
    monkeypatch.setattr(candidates, "CANDIDATES_PER_KEY", 2)


def park_pages(parent, count):
    return [
        page(parent, f"Spotkanie {number}", f"Rozmowa o parku numer {number}.") for number in range(count)
    ]


def test_with_a_common_word_the_best_page_still_comes_first(client, site_tree, few_candidates):
    park_pages(site_tree.home, 5)
    page(site_tree.home, "Park, park i park", "Park w parku przy parku.")

    assert titles(search(client, q="park"))[0] == "Park, park i park"


def test_a_page_edited_to_match_best_is_ranked_first(client, site_tree, few_candidates):
    park_pages(site_tree.home, 5)
    edited = page(site_tree.home, "Szkoła", "Nowe boisko.")
    assert "Szkoła" not in titles(search(client, q="park"))

    republish(edited, "Park, park i park", "Park w parku przy parku.")

    assert titles(search(client, q="park"))[0] == "Park, park i park"


def test_a_filter_leaving_too_few_candidates_ranks_every_match(client, site_tree, few_candidates):
    park_pages(site_tree.home, 5)
    old = page(site_tree.home, "Dawne plany", "Kiedyś myśleliśmy o parku.")
    old.last_published_at = datetime.datetime(2021, 5, 1, tzinfo=datetime.UTC)
    old.save()

    assert titles(search(client, q="park", rok="2021")) == ["Dawne plany"]


def test_a_rare_word_with_a_common_one_finds_every_page_with_both(client, site_tree, few_candidates):
    park_pages(site_tree.home, 5)
    for number in range(3):
        page(site_tree.home, f"Fontanna {number}", "Fontanna w parku.")

    assert sorted(titles(search(client, q="fontanna park"))) == ["Fontanna 0", "Fontanna 1", "Fontanna 2"]


def test_a_search_never_seen_reads_neither_the_page_chrome_nor_promotions(
    client, site_tree, fragment_cache_on
):
    """Only the results are new: the header, menu and footer kept for any earlier search serve this
    one, and a query nobody promoted results for asks nothing about promotions."""
    page(site_tree.home, "Park Sielecki", "Nowe ławki w parku.")
    client.get("/")  # the first visit to a site creates its settings row, a change as any other
    search(client, q="park")

    with CaptureQueriesContext(connection) as captured:
        response = search(client, q="ławki w parku")

    sql = " ".join(query["sql"] for query in captured.captured_queries)
    assert titles(response) == ["Park Sielecki"]
    assert "home_sitesettings" not in sql
    assert "wagtailsearchpromotions_searchpromotion" not in sql
