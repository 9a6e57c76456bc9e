"""A consultation page with the fragment cache on (as in production, page cache or not): the form is
kept rendered without its visitor's values, so every visitor still gets a CSRF token and a one-time
form token of their own and can send it; the counts, meetings and documents are kept too, yet every
change shows at once, previews show the editor's draft, and a second visit costs the same few
queries however many comments there are."""

import re
from datetime import timedelta

import pytest
from django.core.signing import TimestampSigner
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from consultation.builder import FORM_TOKEN_SALT
from consultation.models import ConsultationMeeting, Submission
from home.page_cache import invalidate_content
from tests.consultation_fixtures import add_submissions, comment_data, post_comment
from tests.consultation_fixtures import instant_forms as instant_forms  # noqa: F401  (a fixture)
from tests.test_consultation_pages import consultation as consultation  # noqa: F401  (a fixture)
from tests.test_consultation_pages import consultation_edit_data
from tests.test_consultation_pages import index as index  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on", "instant_forms")]

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN_RE = re.compile(r'name="form_token"[^>]*? value="([^"]+)"')


def visited(url):
    """The page after other visitors' visits (the first visit to a site creates its settings row,
    which starts a new generation)."""
    for _visit in range(2):
        Client().get(url)


def test_every_visitor_of_a_kept_form_gets_their_own_tokens_and_can_send_it(consultations):
    page = consultations.open
    visited(page.url)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    first_page = first.get(page.url).content.decode()
    second_page = second.get(page.url).content.decode()

    assert "@@bo-" not in second_page
    assert CSRF_RE.search(first_page).group(1) != CSRF_RE.search(second_page).group(1)
    first_token, second_token = (FORM_TOKEN_RE.search(html).group(1) for html in (first_page, second_page))
    assert first_token != second_token
    signer = TimestampSigner(salt=FORM_TOKEN_SALT)
    assert signer.unsign(second_token, max_age=60).split(".")[0] == str(page.pk)
    assert second.cookies["csrftoken"].value
    assert second.cookies["bo_form"].value, "the rate limits know this browser"

    data = comment_data(page, second_token, text="Uwaga z zapamiętanego formularza.")
    data["csrfmiddlewaretoken"] = CSRF_RE.search(second_page).group(1)
    response = second.post(page.url, data)

    assert response.status_code == 302
    assert Submission.objects.get(page=page).form_data[next(k for k in data if "tresc" in k)] == (
        "Uwaga z zapamiętanego formularza."
    )


def test_the_unit_named_in_the_address_is_chosen_in_the_kept_form(consultations):
    page = consultations.open
    anchor = page.get_units()[1].anchor
    visited(page.url)
    visited(f"{page.url}?jednostka={anchor}")

    chosen = Client().get(f"{page.url}?jednostka={anchor}").content.decode()
    plain = Client().get(page.url).content.decode()

    assert f'<option value="{anchor}" selected>' in chosen
    assert f'<option value="{anchor}" selected>' not in plain
    assert '<option value="" selected>' in plain


def test_a_form_sent_with_a_mistake_is_shown_to_its_sender_only(consultations):
    page = consultations.open
    visited(page.url)

    response = post_comment(Client(), page, text="Mój tekst bez zgody.", consent=None)

    assert response.status_code == 200
    assert "Mój tekst bez zgody." in response.content.decode()
    assert "Mój tekst bez zgody." not in Client().get(page.url).content.decode()


def test_a_meeting_added_by_the_editor_shows_at_once(consultations):
    page = consultations.open
    visited(page.url)
    assert "Biblioteka Miejska" not in Client().get(page.url).content.decode()

    page.meetings.add(
        ConsultationMeeting(
            starts_at=consultations.now + timedelta(days=4),
            ends_at=consultations.now + timedelta(days=4, hours=2),
            place="Biblioteka Miejska",
        )
    )
    page.save_revision().publish()

    assert "Biblioteka Miejska" in Client().get(page.url).content.decode()


def test_a_preview_shows_the_drafts_meetings_and_units_not_the_kept_ones(editor, consultation):  # noqa: F811
    visited(consultation.url)
    data = consultation_edit_data(editor, consultation)
    data["meetings-0-place"] = "Dom Kultury Zagórze"
    data["units-0-label"] = "§ 1 (nowe brzmienie)"
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[consultation.pk])

    editor.post(preview_url, data)
    preview = editor.get(preview_url, {"mode": consultation.default_preview_mode}).content.decode()

    assert "Dom Kultury Zagórze" in preview
    assert "Sala Sesyjna Urzędu Miejskiego" not in preview
    assert "§ 1 (nowe brzmienie)</option>" in preview
    assert "Sala Sesyjna Urzędu Miejskiego" in Client().get(consultation.url).content.decode()


def queries_of_a_second_visit(url, shows):
    visited(url)
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(url)
    assert shows in response.content.decode()
    return len(captured)


def test_a_second_visit_costs_the_same_few_queries_with_few_or_many_comments(consultations):
    page = consultations.open
    add_submissions(page, 3)
    invalidate_content()  # added without signals, as an import would
    few = queries_of_a_second_visit(page.url, "3 opublikowane uwagi")
    add_submissions(page, 302)
    invalidate_content()
    many = queries_of_a_second_visit(page.url, "305 opublikowanych uwag")

    assert few == many
    assert many <= 8


def test_the_draft_acts_units_are_rendered_once_for_every_page_of_the_list(consultations):
    page = consultations.open
    anchors = [unit.anchor for unit in page.get_units()]
    for anchor in anchors:
        add_submissions(page, 20, unit_anchor=anchor)
    visited(page.url)

    response = Client().get(page.url + "?uwagi=2")

    comments_rendered = [t.name for t in response.templates].count("consultation/includes/comment.html")
    assert comments_rendered == 20  # the list's second page; the units' comments come from the cache
    html = response.content.decode()
    assert html.count('class="draft-act__unit"') == len(anchors)
    assert html.count('class="comment comment--inline"') == 3 * len(anchors)
    assert html.count("Wszystkie uwagi do tego fragmentu (20)") == len(anchors)
