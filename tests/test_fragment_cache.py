"""The fragment cache, on without the page cache: the home page's sections and a consultation's
comments are rendered once per content generation, so a second visit neither reads nor renders
them, yet a moderator's approval or a new page shows at once, and no visitor's query string
leaks into the links another visitor gets."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from consultation.choices import ModerationMode, SubmissionStatus
from consultation.models import Submission
from home.page_cache import FragmentCache
from tests.consultation_fixtures import (
    add_submissions,
    approve_in_inbox,
    instant_forms,  # noqa: F401  (a fixture)
    pending_comment,
    post_comment,
)
from tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on")]


def sql_of_second_visit(url):
    """The SQL of an anonymous visit after another visitor's: the first visit to a site creates its
    settings row, which (as any change) starts a new generation, so the page is visited twice first."""
    for _visit in range(2):
        Client().get(url)
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode(), " ".join(query["sql"] for query in captured.captured_queries)


def test_second_visit_to_a_consultation_neither_reads_nor_renders_its_comments_again(consultations):
    page = consultations.open
    add_submissions(page, 30)

    html, sql = sql_of_second_visit(page.url)

    assert "ROW_NUMBER" not in sql.upper()
    assert html.count('class="comment"') == 20
    assert "Uwaga numer 0" in html


def test_an_approved_comment_shows_at_once_on_the_cached_consultation(consultations, moderator):
    page = consultations.open
    submission = pending_comment(page, "Więcej ławek w parku.", unit_anchor=page.get_units()[0].anchor)
    html, _sql = sql_of_second_visit(page.url)
    assert "Więcej ławek w parku." not in html

    approve_in_inbox(moderator, submission)

    html = Client().get(page.url).content.decode()
    assert html.count("Więcej ławek w parku.") == 2  # under its unit and in the list


def test_a_comment_waiting_for_moderation_keeps_the_comments_cached_and_shows_in_the_counts(
    consultations,
    moderator,
    instant_forms,  # noqa: F811
):
    page = consultations.open
    add_submissions(page, 30)
    html, _sql = sql_of_second_visit(page.url)
    assert "Na moderację czeka 0 uwag." in html

    response = post_comment(Client(), page, text="Więcej ławek w parku.")
    assert response.status_code == 302
    with CaptureQueriesContext(connection) as captured:
        html = Client().get(page.url).content.decode()

    assert "ROW_NUMBER" not in " ".join(query["sql"] for query in captured.captured_queries).upper()
    assert "Na moderację czeka 1 uwaga." in html
    assert "31 uwag, 30 opublikowanych" in html
    assert "Więcej ławek w parku." not in html

    approve_in_inbox(moderator, Submission.objects.get(status=SubmissionStatus.PENDING))

    html = Client().get(page.url).content.decode()
    assert "31 uwag, 31 opublikowanych" in html
    assert "Na moderację czeka 0 uwag." in html
    assert "Więcej ławek w parku." in Client().get(page.url + "?uwagi=2").content.decode()


def test_a_comment_published_at_once_shows_at_once_on_the_cached_consultation(
    consultations,
    instant_forms,  # noqa: F811
):
    page = consultations.open
    page.moderation_mode = ModerationMode.POST
    page.save_revision().publish()
    sql_of_second_visit(page.url)

    response = post_comment(Client(), page, text="Więcej ławek w parku.")
    assert response.status_code == 302

    html = Client().get(page.url).content.decode()
    assert "Więcej ławek w parku." in html
    assert "1 opublikowana uwaga" in html


def test_another_visitors_query_string_never_reaches_the_links_of_a_cached_list(consultations):
    page = consultations.open
    add_submissions(page, 45)
    hostile = Client().get(page.url + '?uwagi=1&wrogi="><b>x</b>&utmsrc=%C5%BC%00')
    assert hostile.status_code == 200
    assert "<b>x</b>" not in hostile.content.decode()

    html = Client().get(page.url + "?uwagi=1").content.decode()

    assert "wrogi" not in html and "utmsrc" not in html
    assert 'href="?uwagi=2"' in html


def test_each_page_of_the_list_is_its_own_fragment(consultations):
    page = consultations.open
    add_submissions(page, 45)
    for _visit in range(2):
        first = Client().get(page.url).content.decode()
        third = Client().get(page.url + "?uwagi=3").content.decode()
        huge = Client().get(page.url + "?uwagi=99999999999999999999").content.decode()

    assert "Uwaga numer 0<" in first and "Uwaga numer 40<" not in first
    assert "Uwaga numer 40<" in third and "Uwaga numer 0<" not in third
    assert "Uwaga numer 40<" in huge and "Strona 3 z 3" in huge


def test_home_sections_are_read_once_and_a_published_news_item_shows_at_once(site_tree):
    news_index = NewsIndexPageFactory(parent=site_tree.home)
    NewsPageFactory(parent=news_index, title="Ruszył nabór projektów", date=datetime.date(2026, 3, 1))

    html, sql = sql_of_second_visit("/")
    assert "Ruszył nabór projektów" in html
    assert "materials_newspage" not in sql

    news = NewsPageFactory(
        parent=news_index, title="Wyniki głosowania ogłoszone", date=datetime.date(2026, 3, 9)
    )
    news.save_revision().publish()

    assert "Wyniki głosowania ogłoszone" in Client().get("/").content.decode()


def test_previews_and_a_switched_off_cache_render_afresh(settings):
    request = RequestFactory().get("/")
    assert FragmentCache(request).seconds == 600

    request.is_preview = True
    assert FragmentCache(request).seconds == 0

    settings.FRAGMENT_CACHE_SECONDS = 0
    assert FragmentCache(RequestFactory().get("/")).seconds == 0


def test_the_key_follows_the_language_and_the_query_string():
    plain = FragmentCache(RequestFactory().get("/")).key
    paged = FragmentCache(RequestFactory().get("/?uwagi=2")).key

    assert plain != paged
    assert FragmentCache(RequestFactory().get("/?uwagi=2")).key == paged
    with translation.override("uk"):
        assert FragmentCache(RequestFactory().get("/?uwagi=2")).key != paged


CACHE_TAG = re.compile(r"{%\s*(?:local_copy_)?cache\s+(?P<vary_on>[^%]*)%}")


def test_every_cached_fragment_of_the_templates_is_keyed_by_the_fragment_generation():
    """A fragment whose key lacks the fragment generation would never change: an undefined template
    variable in a key is silently empty (a merge once left articles keyed by a variable no longer set)."""
    keyed = []
    for template in sorted(Path(settings.BASE_DIR, "templates").rglob("*.html")):
        for tag in CACHE_TAG.finditer(template.read_text()):
            assert re.search(r"\bfragment_cache\.key(_without_query)?\b", tag["vary_on"]), (template, tag[0])
            keyed.append(template.name)
    assert {"article_page.html", "budget_edition_page.html", "consultation_page.html"} <= set(keyed)
