"""What a resident types comes out as text wherever it is shown: a script payload in every field
of every form is escaped on the public page that shows it once approved, in the moderators' inbox
(list and detail), and never reaches an e-mail as HTML (every e-mail is plain text only)."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from consultation.builder import PROTECTION_FIELDS
from consultation.models import BudgetProjectPage, Submission
from tests.budget_fixtures import post_proposal
from tests.consultation_fixtures import approve_in_inbox, post_comment
from tests.form_fixtures import FORM_PAGES, Browser, good_value

XSS = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"
pytestmark = pytest.mark.usefixtures("no_rate_limits")


def assert_escaped(html, payload=XSS):
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert escape(payload) in html


def assert_plain_text_only(messages):
    assert messages
    for message in messages:
        assert message.content_subtype == "plain"
        assert not getattr(message, "alternatives", None), message.subject
        assert "\n" not in message.subject


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def inbox_pages(moderator_client, submission):
    listing = moderator_client.get(reverse("submission_inbox:index"), {"page": submission.page_id})
    detail = moderator_client.get(reverse("submission_inbox:edit", args=[submission.pk]))
    assert listing.status_code == detail.status_code == 200
    return listing.content.decode(), detail.content.decode()


def test_comment_payload_is_escaped_on_the_page_in_the_inbox_and_no_email_is_html(
    client, consultations, moderator, moderator_client, django_capture_on_commit_callbacks
):
    page = consultations.open
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, page, name=XSS, text=XSS, email="anna@example.com")
    assert response.status_code == 302
    submission = Submission.objects.get()
    listing, detail = inbox_pages(moderator_client, submission)
    with django_capture_on_commit_callbacks(execute=True):
        approve_in_inbox(moderator, submission)

    public = client.get(page.url)

    assert public.status_code == 200
    assert_escaped(public.content.decode())
    assert_escaped(listing)
    assert_escaped(detail)
    assert_plain_text_only(mail.outbox)
    assert [message.to for message in mail.outbox][-1] == ["anna@example.com"]


def test_an_officials_response_quoting_the_payload_is_escaped_on_the_page_and_plain_in_the_email(
    client, consultations, moderator_client, django_capture_on_commit_callbacks
):
    page = consultations.open
    post_comment(client, page, email="anna@example.com")
    submission = Submission.objects.get()
    url = reverse("submission_inbox:edit", args=[submission.pk])
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(url, {"action": "approve"})
        moderator_client.post(
            url,
            {
                "action": "respond",
                "respond-response": XSS,
                "respond-outcome": "accepted",
                "respond-notify": "on",
            },
        )

    submission.refresh_from_db()
    assert submission.response == XSS
    assert_escaped(client.get(page.url).content.decode())
    assert_plain_text_only(mail.outbox)


def proposal_with_payload(client, budget):
    overrides = {
        label: XSS
        for label in (
            "Tytuł projektu",
            "Miejsce realizacji",
            "Opis projektu",
            "Uzasadnienie",
            "Imię i nazwisko autora",
        )
    }
    assert post_proposal(client, budget.form, **overrides).status_code == 302
    return Submission.objects.get()


def test_proposal_payload_is_escaped_in_the_inbox_and_on_the_published_project(
    client, admin_client, budget, moderator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = proposal_with_payload(client, budget)
    listing, detail = inbox_pages(moderator_client, proposal)
    url = reverse("submission_inbox:edit", args=[proposal.pk])
    with django_capture_on_commit_callbacks(execute=True):
        for action in ("start_formal", "formal_passed", "verify_positive"):
            assert admin_client.post(url, {"action": action}).status_code == 302
    admin_client.post(reverse("submission_inbox:create_project", args=[proposal.pk]))
    project = BudgetProjectPage.objects.get()
    project.save_revision().publish()

    project_page = client.get(project.url)
    edition_page = client.get(budget.edition.url)

    assert_escaped(listing)
    assert_escaped(detail)
    assert project_page.status_code == edition_page.status_code == 200
    assert_escaped(project_page.content.decode())
    assert_escaped(edition_page.content.decode())
    assert_plain_text_only(mail.outbox)


@pytest.mark.parametrize("kind", ["registration", "contact", "accessibility_request"])
def test_payload_in_every_text_field_is_escaped_in_the_inbox_and_no_email_is_html(
    request, kind, moderator_client, django_capture_on_commit_callbacks
):
    page = FORM_PAGES[kind](request.getfixturevalue)
    fields = page.get_form(page=page).fields
    browser = Browser()
    browser.open(page.url)
    post = {name: good_value(name, field) for name, field in fields.items() if name not in PROTECTION_FIELDS}
    texts = [name for name, value in post.items() if value == "Zofia Nowak"]
    post.update({name: XSS for name in texts})
    post.update({"form_token": browser.form_token, "website": ""})

    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(page.url, post)

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert all(submission.form_data[name] == XSS for name in texts)
    for html in inbox_pages(moderator_client, submission):
        assert_escaped(html)
    assert_plain_text_only(mail.outbox)
