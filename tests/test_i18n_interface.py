"""The interface in English and Ukrainian: translated pages show translated interface strings, a form
sent from a translated page lands in the one inbox marked with its language, and the sender's
e-mails are written in that language while the moderators' stay Polish."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale

from consultation.choices import RejectionReason
from consultation.models import Submission
from tests.consultation_fixtures import comment_data, read_token

INTERFACE = {
    "en": {
        "skip": "Skip to content",
        "footer": "Information",
        "button": "Send the comment",
        "field": "Your comment",
    },
    "uk": {
        "skip": "Перейти до змісту",
        "footer": "Інформація",
        "button": "Надіслати зауваження",
        "field": "Текст зауваження",
    },
}
CONFIRMATION = {
    "en": "Confirmation: we have received your submission",
    "uk": "Підтвердження: ми отримали вашу заявку",
}
DECISION = {
    "en": ("Decision on your submission no.", "Reason: advertising"),
    "uk": ("Рішення щодо вашої заявки №", "Причина: реклама"),
}


def translate(page, language):
    """The published translation of a page (and of its untranslated ancestors) into a language."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    translation.save_revision().publish()
    return translation.specific


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.mark.parametrize("language", ["en", "uk"])
def test_translated_page_shows_the_interface_in_its_language(client, consultations, instant_forms, language):
    page = translate(consultations.open, language)

    html = client.get(page.url).content.decode()

    assert page.url.startswith(f"/{language}/")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("a[href='#tresc']").get_text(strip=True) == INTERFACE[language]["skip"]
    assert soup.select_one("#footer-links").get_text(strip=True) == INTERFACE[language]["footer"]
    assert INTERFACE[language]["button"] in [
        button.get_text(strip=True) for button in soup.select("form button")
    ]
    labels = [label.get_text(" ", strip=True) for label in soup.select("form label")]
    assert any(label.startswith(INTERFACE[language]["field"]) for label in labels), labels
    assert "Przejdź do treści" not in html and "Treść uwagi" not in html


def test_polish_page_keeps_the_polish_interface(client, consultations):
    soup = BeautifulSoup(client.get(consultations.open.url).content.decode(), "html.parser")

    assert soup.select_one("a[href='#tresc']").get_text(strip=True) == "Przejdź do treści"


@pytest.mark.parametrize("language", ["en", "uk"])
def test_not_found_page_speaks_the_language_of_its_address(client, site_tree, language):
    response = client.get(f"/{language}/nie-ma-takiej-strony/")

    assert response.status_code == 404
    assert "Nie znaleziono strony" not in response.content.decode()
    assert f'<html lang="{language}"' in response.content.decode()


def send_comment(client, page, email):
    response = client.post(page.url, comment_data(page, read_token(client, page), email=email))
    assert response.status_code == 302
    return Submission.objects.latest("pk")


@pytest.mark.parametrize("language", ["en", "uk"])
def test_form_sent_from_a_translated_page_is_marked_and_confirmed_in_its_language(
    client, consultations, instant_forms, django_capture_on_commit_callbacks, language
):
    page = translate(consultations.open, language)

    with django_capture_on_commit_callbacks(execute=True):
        submission = send_comment(client, page, "olena@example.com")

    assert submission.language == language
    confirmation = next(message for message in mail.outbox if message.to == ["olena@example.com"])
    assert confirmation.subject == CONFIRMATION[language]
    assert page.full_url in confirmation.body
    notice = next(message for message in mail.outbox if message.to == ["moderacja@sosnowiec.invalid"])
    assert notice.subject.startswith("Nowe zgłoszenie do moderacji")


def test_submissions_in_three_languages_share_one_inbox_marked_with_their_language(
    client, moderator_client, consultations, instant_forms
):
    polish = send_comment(client, consultations.open, "")
    english = send_comment(client, translate(consultations.open, "en"), "")
    ukrainian = send_comment(client, translate(consultations.open, "uk"), "")

    listing = moderator_client.get(reverse("submission_inbox:index"))
    rows = {row.pk: row.get_language_display() for row in listing.context["object_list"]}
    assert rows == {polish.pk: "polski", english.pk: "angielski", ukrainian.pk: "ukraiński"}
    html = listing.content.decode()
    assert "Język" in html and "angielski" in html and "ukraiński" in html
    detail = BeautifulSoup(
        moderator_client.get(reverse("submission_inbox:edit", args=[ukrainian.pk])).content.decode(),
        "html.parser",
    )
    label = detail.find("dt", string="Język zgłoszenia")
    assert label.find_next_sibling("dd").get_text(strip=True) == "ukraiński"


@pytest.mark.parametrize("language", ["en", "uk"])
def test_moderators_decision_reaches_the_sender_in_the_submissions_language(
    client, moderator_client, consultations, instant_forms, django_capture_on_commit_callbacks, language
):
    submission = send_comment(client, translate(consultations.open, language), "olena@example.com")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            reverse("submission_inbox:edit", args=[submission.pk]),
            {"action": "reject", "reject-category": RejectionReason.ADVERTISING, "reject-notify": "on"},
        )

    [decision] = mail.outbox
    subject, reason = DECISION[language]
    assert decision.subject.startswith(subject)
    assert reason in decision.body


def test_submission_without_a_page_language_is_polish(consultations):
    assert Submission().language == "pl"
