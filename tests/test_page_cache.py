"""The anonymous page cache: a second anonymous visit costs no SQL query, yet every change a visitor
could notice shows at once (a moderator's approval, a vote import, a publish); logged-in editors,
visitors with a message, and the ballot never get a stored page; no visitor receives another's
CSRF or form token, and a form on a stored page can be sent."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.signing import TimestampSigner
from django.test import Client, RequestFactory
from django.utils import timezone

from consultation.builder import FORM_TOKEN_SALT
from consultation.models import Submission
from home import page_cache, response_cache
from tests.consultation_fixtures import (
    approve_in_inbox,
    comment_data,
    make_consultation,
    pending_comment,
    post_comment,
)
from tests.factories import ImageFactory
from tests.test_budget_import import HEADER, csv_file, upload
from tests.test_budget_import import edition as edition  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN_RE = re.compile(r'name="form_token"[^>]*? value="([^"]+)"')


@pytest.fixture(autouse=True)
def _page_cache(settings, instant_forms):
    settings.PAGE_CACHE_SECONDS = 600


def stored(url):
    """The page, visited until it is in the cache: the very first visit to a site creates its
    settings row, which (as any change) starts a new generation."""
    for _visit in range(2):
        Client().get(url)


def test_second_anonymous_visit_is_served_without_a_query(client, site_tree, django_assert_num_queries):
    stored("/o-budzecie/")
    first = client.get("/o-budzecie/")
    with django_assert_num_queries(0):
        second = client.get("/o-budzecie/")

    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content.decode().count("<main") == first.content.decode().count("<main") == 1


def test_publishing_a_change_shows_at_once(client, site_tree):
    client.get("/o-budzecie/")
    about = site_tree.about
    about.title = "O budżecie – nowy tytuł"
    about.save_revision().publish()

    response = client.get("/o-budzecie/")

    assert "O budżecie – nowy tytuł" in response.content.decode()
    assert "X-Page-Cache" not in response


def test_an_approved_comment_shows_to_the_next_anonymous_visitor(client, consultations, moderator):
    page = consultations.open
    submission = pending_comment(page, "Proszę o więcej ławek.")
    assert "Proszę o więcej ławek." not in client.get(page.url).content.decode()

    approve_in_inbox(moderator, submission)

    assert "Proszę o więcej ławek." in client.get(page.url).content.decode()


def test_a_comment_sent_for_moderation_changes_the_count_on_the_stored_page(consultations):
    page = consultations.open
    stored(page.url)
    assert Client().get(page.url)["X-Page-Cache"] == "hit"

    assert post_comment(Client(), page, text="Proszę o więcej ławek.").status_code == 302

    response = Client().get(page.url)
    html = response.content.decode()
    assert response["X-Page-Cache"] == "hit"  # the count is a hole of the stored page
    assert "Na moderację czeka 1 uwaga." in html
    assert "Proszę o więcej ławek." not in html


def test_a_vote_import_changes_the_project_page_at_once(client, admin_user, edition):  # noqa: F811
    edition.results_published = True
    edition.save_revision().publish()
    project = edition.get_children().live().specific().first()
    before = client.get(project.url).content.decode()
    staff = Client()
    staff.force_login(admin_user)

    upload(staff, edition, csv_file(HEADER + "1;4321;99\n2;300;0\n3;50;10\n4;40;1\n"))

    after = client.get(project.url).content.decode()
    assert "4321" not in before
    assert "4321" in after


def test_logged_in_editor_never_gets_a_stored_page(client, site_tree, admin_user):
    stored("/o-budzecie/")
    type(site_tree.about).objects.filter(pk=site_tree.about.pk).update(title="Zmieniony bez sygnału")
    editor = Client()
    editor.force_login(admin_user)

    response = editor.get("/o-budzecie/")

    assert "X-Page-Cache" not in response
    assert "Zmieniony bez sygnału" in response.content.decode()
    assert client.get("/o-budzecie/")["X-Page-Cache"] == "hit"


def test_every_visitor_gets_their_own_tokens_and_the_form_on_a_stored_page_works(consultations):
    page = consultations.open
    stored(page.url)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(page.url).content.decode()
    second_response = second.get(page.url)
    second_page = second_response.content.decode()

    assert second_response["X-Page-Cache"] == "hit"
    assert "@@bo-" not in second_page
    assert CSRF_RE.search(first_page).group(1) != CSRF_RE.search(second_page).group(1)
    signer = TimestampSigner(salt=FORM_TOKEN_SALT)
    assert signer.unsign(FORM_TOKEN_RE.search(second_page).group(1), max_age=60).split(".")[0] == str(page.pk)
    assert second.cookies["csrftoken"].value
    assert second.cookies["bo_form"].value, "the rate limits know this browser"
    assert "private" in second_response["Cache-Control"]

    data = comment_data(page, FORM_TOKEN_RE.search(second_page).group(1), text="Uwaga z zapisanej strony.")
    data["csrfmiddlewaretoken"] = CSRF_RE.search(second_page).group(1)
    response = second.post(page.url, data)

    assert response.status_code in (200, 302)
    assert Submission.objects.filter(page=page).count() == 1


def test_a_page_shown_with_a_message_is_not_stored(client, consultations):
    page = consultations.open
    client.get(page.url)
    client.cookies["messages"] = "anything"

    response = client.get(page.url)

    assert "X-Page-Cache" not in response


def test_display_preferences_get_their_own_stored_page(client, site_tree):
    client.get("/o-budzecie/")
    client.cookies["bo_contrast"] = "1"

    response = client.get("/o-budzecie/")

    assert "is-high-contrast" in response.content.decode()


def test_the_ballot_and_the_admin_are_never_stored(client, voting):
    client.get(voting.page.url)
    response = client.get(voting.page.url)
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]
    client.get("/admin/login/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_not_found_is_not_stored(client, site_tree):
    client.get("/nie-ma-takiej-strony/")
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert "X-Page-Cache" not in response


def test_pages_without_forms_may_be_kept_by_a_cdn_for_a_minute(client, site_tree, settings):
    settings.PAGE_CACHE_EXCLUDED_PATHS = ("/admin/",)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "s-maxage=60" in client.get("/sitemap.xml")["Cache-Control"]


def test_a_content_page_is_stored_whole_and_may_be_kept_by_a_cdn_per_display_preference(site_tree):
    """Its only form, the display switches, carries no visitor's value (no CSRF token or cookie)."""
    stored("/o-budzecie/")
    response = Client().get("/o-budzecie/")

    assert response["X-Page-Cache"] == "hit"
    assert "public" in response["Cache-Control"] and "s-maxage=60" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    assert not response.cookies
    _generation, _headers, parts, language = cache.get(
        response_cache.cache_key(RequestFactory().get("/o-budzecie/"))
    )
    assert parts == [response.content]
    assert language == "pl"


def test_a_consultation_closing_by_the_clock_shows_closed_within_a_minute(consultations, monkeypatch):
    index = consultations.index
    closing = make_consultation(
        index,
        "konczy-sie",
        consultations.now - timedelta(days=1),
        timezone.now() + timedelta(seconds=30),
        title="Konsultacja na ostatnią chwilę",
    )
    stored(closing.url)
    assert "Wyślij uwagę" in Client().get(closing.url).content.decode()

    later = timezone.now() + timedelta(seconds=61)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(page_cache.time, "time", lambda: later.timestamp())

    html = Client().get(closing.url).content.decode()
    assert "Wyślij uwagę" not in html
    assert "Nie przyjmujemy już uwag" in html


def test_a_cached_page_is_invalidated_for_a_new_consultation(client, consultations):
    index = consultations.index
    client.get(index.url)
    make_consultation(
        index,
        "nowa-konsultacja",
        consultations.now,
        consultations.now + timedelta(days=9),
        title="Zupełnie nowa konsultacja",
    )

    assert "Zupełnie nowa konsultacja" in client.get(index.url).content.decode()


def test_a_new_rendition_keeps_stored_pages_and_a_deleted_one_empties_them(client, site_tree):
    """The footer's logos are made the first time a page shows them: that must not cost the next
    visitor a fresh render, while a rendition deleted (its file gone) must not stay linked."""
    image = ImageFactory()
    stored("/o-budzecie/")
    rendition = image.get_rendition("height-80")

    assert client.get("/o-budzecie/")["X-Page-Cache"] == "hit"

    rendition.delete()

    assert "X-Page-Cache" not in client.get("/o-budzecie/")
