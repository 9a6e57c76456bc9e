"""The counts of a consultation's comments on stored pages (consultation/discussion.py): a comment sent
for moderation changes its consultation's counts on the next anonymous visit, yet empties no stored
page, neither the home page, another consultation nor its own; a moderator's approval still shows
everywhere at once; a visit to a stored consultation costs at most the one query of its counts,
however many comments it has."""

import re

import pytest
from django.test import Client

from consultation.choices import SubmissionStatus
from home import page_cache, response_cache
from tests.consultation_fixtures import add_submissions, approve_in_inbox, pending_comment, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=[0, 600], ids=["fragments-off", "fragments-on"])
def _page_cache(request, settings, instant_forms, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 600
    settings.FRAGMENT_CACHE_SECONDS = request.param
    # Stored pages are keyed by the minute: a test crossing one would find none stored.
    monkeypatch.setattr(response_cache, "clock_minute", lambda: 0)
    monkeypatch.setattr(page_cache, "clock_minute", lambda: 0)


def stored(*urls):
    """Each page, visited until it is in the cache (the first visit to a site creates its settings
    row, which starts a new generation)."""
    for _visit in range(2):
        for url in urls:
            Client().get(url)
    for url in urls:
        assert Client().get(url)["X-Page-Cache"] == "hit"


def test_a_comment_for_moderation_changes_its_count_and_empties_no_stored_page(consultations):
    page, other = consultations.open, consultations.upcoming
    stored("/", page.url, other.url)
    before = Client().get(page.url).content.decode()
    assert "Na moderację czeka 0 uwag." in before
    assert "comments__counts" not in before

    assert post_comment(Client(), page, text="Proszę o więcej ławek.").status_code == 302

    response = Client().get(page.url)
    html = response.content.decode()
    assert response["X-Page-Cache"] == "hit"
    assert "Na moderację czeka 1 uwaga." in html
    assert '<p class="comments__counts">1 uwaga, 0 opublikowanych</p>' in html
    assert "Proszę o więcej ławek." not in html
    assert Client().get("/")["X-Page-Cache"] == "hit"
    assert Client().get(other.url)["X-Page-Cache"] == "hit"


def test_an_approval_in_the_inbox_shows_at_once_on_every_stored_page(consultations, moderator):
    page = consultations.open
    submission = pending_comment(page, "Proszę o przejście dla pieszych.")
    stored("/", page.url)
    assert "Proszę o przejście dla pieszych." not in Client().get(page.url).content.decode()

    approve_in_inbox(moderator, submission)

    html = Client().get(page.url).content.decode()
    assert "Proszę o przejście dla pieszych." in html
    assert "Na moderację czeka 0 uwag." in html
    assert '<p class="comments__counts">1 uwaga, 1 opublikowana</p>' in html
    assert "1 opublikowana uwaga</a>" in html  # the page's summary beside the text
    assert "X-Page-Cache" not in Client().get("/")  # rendered afresh, as after any publication


def test_a_rejected_comment_leaves_the_count_of_those_waiting(consultations, moderator):
    page = consultations.open
    submission = pending_comment(page, "Spam spam spam.")
    stored(page.url)
    assert "Na moderację czeka 1 uwaga." in Client().get(page.url).content.decode()

    submission.reject(moderator, "off_topic")

    assert "Na moderację czeka 0 uwag." in Client().get(page.url).content.decode()


@pytest.mark.parametrize("comments", [3, 300])
def test_a_stored_consultation_costs_at_most_the_query_of_its_counts(
    consultations, comments, django_assert_max_num_queries
):
    page = consultations.open
    add_submissions(page, comments)
    add_submissions(page, comments, status=SubmissionStatus.PENDING)
    page_cache.invalidate_content()  # added without signals, as an import would
    stored(page.url)
    pending_comment(page, "Jeszcze jedna uwaga.")

    with django_assert_max_num_queries(1):
        response = Client().get(page.url)
    with django_assert_max_num_queries(0):
        Client().get(page.url)

    assert response["X-Page-Cache"] == "hit"
    waiting = re.search(r"Na moderację czek\w+ (\d+) uwag", response.content.decode())
    assert int(waiting.group(1)) == comments + 1


def test_a_comment_that_looks_like_a_count_is_shown_as_text(consultations, moderator):
    page = consultations.open
    hostile = '<!--counts:1:pending-->"><script>alert(1)</script><!--/counts-->'
    approve_in_inbox(moderator, pending_comment(page, hostile))
    stored(page.url)

    html = Client().get(page.url).content.decode()

    assert "&lt;!--counts:1:pending--&gt;&quot;&gt;&lt;script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "Na moderację czeka 0 uwag." in html
