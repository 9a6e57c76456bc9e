"""A training page with the fragment cache on (as in production, page cache or not): the
registration form is kept rendered without its visitor's values (`consultation/cached_forms.py`)
and the registration counts until the next saved row, yet every visitor gets tokens of their own
and can register, the seats left change on the next request after a registration, a cancellation
or more seats published, a form with mistakes is shown only to its sender, and a second visit
costs the same few queries however many registrations there are."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consultation.models import PrivacyNotice, Submission
from materials.choices import RegistrationStatus
from materials.models import TrainingDocument
from tests.test_consultation_speed import CSRF_RE, FORM_TOKEN_RE, visited
from tests.test_materials_trainings import link_in, make_training, names, path_of, register, registration
from tests.test_materials_trainings import past_training as past_training  # noqa: F401  (a fixture)
from tests.test_materials_trainings import trainings_index as trainings_index  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on", "instant_forms")]

R = RegistrationStatus
ALL_TAKEN = "Wszystkie miejsca są zajęte"


@pytest.fixture
def notice(db):
    notice = PrivacyNotice.objects.create(
        title="Klauzula – szkolenia", text="<p>Administratorem danych jest Prezydent Miasta.</p>"
    )
    notice.save_revision()
    return notice


@pytest.fixture
def training(trainings_index, notice):  # noqa: F811
    return make_training(trainings_index, capacity=2)


def page_text(page):
    return Client().get(page.url).content.decode()


def seats(html):
    """The seats line of the form's box."""
    return re.search(r'<p class="moderation-info">(.*?)</p>', html).group(1)


# The kept registration form


def test_every_visitor_of_a_kept_registration_form_gets_their_own_tokens_and_can_register(training):
    visited(training.url)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    first_page = first.get(training.url).content.decode()
    second_page = second.get(training.url).content.decode()

    assert CSRF_RE.search(first_page).group(1) != CSRF_RE.search(second_page).group(1)
    token = FORM_TOKEN_RE.search(second_page).group(1)
    assert token != FORM_TOKEN_RE.search(first_page).group(1)
    assert token.split(".")[0] == str(training.pk)
    assert second.cookies["bo_form"].value, "the rate limits know this browser"
    fields = names(training)
    data = {
        fields["name"]: "Łucja Żółkiewska",
        fields["email"]: "lucja@example.com",
        fields["consent"]: "on",
        "website": "",
        "form_token": token,
        "csrfmiddlewaretoken": CSRF_RE.search(second_page).group(1),
    }

    response = second.post(training.url, data)

    assert response.status_code == 302
    assert registration(training, "lucja@example.com").status == R.CONFIRMED


def test_a_form_sent_with_a_mistake_is_shown_to_its_sender_only(training):
    visited(training.url)
    hostile = '<script>alert("x")</script> Zofia'

    response = register(Client(), training, "nie-adres", name=hostile)

    html = response.content.decode()
    assert response.status_code == 200
    assert "To nie wygląda na adres e-mail." in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Zofia" in html
    assert "<script>alert" not in html
    clean = page_text(training)
    assert "Zofia" not in clean
    assert "nie-adres" not in clean
    assert "To nie wygląda na adres e-mail." not in clean
    assert not Submission.objects.exists()


def test_a_mistake_after_the_form_was_kept_is_still_shown_with_the_senders_text(training):
    """The page with the blank form in the cache still shows a sender their own mistakes."""
    visited(training.url)
    register(Client(), training, "a@example.com")

    response = register(Client(), training, "b@example.com", name="", org="Rada Osiedla Pogoń")

    html = response.content.decode()
    assert "To pole jest wymagane." in html
    assert 'value="b@example.com"' in html
    assert "Rada Osiedla Pogoń" in html


def test_a_changed_privacy_notice_and_form_field_show_on_the_next_request(training, notice):
    visited(training.url)
    assert "Administratorem danych jest Prezydent Miasta." in page_text(training)

    notice.text = "<p>Administratorem danych jest Urząd Miejski w Sosnowcu.</p>"
    notice.save()
    assert "Administratorem danych jest Urząd Miejski w Sosnowcu." in page_text(training)

    field = training.form_fields.get(label="Instytucja lub organizacja")
    field.label = "Rada dzielnicy"
    field.save()
    assert "Rada dzielnicy" in page_text(training)


def test_a_closed_or_past_training_shows_no_form_and_its_materials(trainings_index, notice):  # noqa: F811
    closed = make_training(trainings_index, slug="zamkniete", closes=timezone.now() - timedelta(minutes=5))
    visited(closed.url)

    html = page_text(closed)

    assert "Zapisy na to szkolenie są zamknięte." in html
    assert 'name="form_token"' not in html
    assert "Klauzula informacyjna" not in html


def test_materials_added_to_a_past_training_or_renamed_show_on_the_next_request(past_training):
    from home.demo import demo_document

    visited(past_training.url)
    assert "Prezentacja ze szkolenia" not in page_text(past_training)

    document = demo_document("Prezentacja ze szkolenia", "prezentacja.pdf", ["Slajdy"])
    TrainingDocument.objects.create(page=past_training, document=document)
    assert "Prezentacja ze szkolenia" in page_text(past_training)

    document.title = "Slajdy z warsztatów"
    document.save()
    assert "Slajdy z warsztatów" in page_text(past_training)


# Seats left: right on the next request


def test_seats_left_change_on_the_next_request_after_each_registration(training):
    visited(training.url)
    assert "Wolne miejsca: 2 z 2." in seats(page_text(training))

    register(Client(), training, "a@example.com")
    assert "Wolne miejsca: 1 z 2." in seats(page_text(training))

    register(Client(), training, "b@example.com")
    html = page_text(training)
    assert ALL_TAKEN in seats(html)
    assert "Osoby na liście rezerwowej" not in html

    register(Client(), training, "c@example.com")
    assert "Osoby na liście rezerwowej: 1" in page_text(training)


def test_a_cancellation_through_the_link_shows_on_the_next_request(
    training, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for email in ("a@example.com", "b@example.com", "c@example.com"):
            register(Client(), training, email)
    visited(training.url)
    assert "Osoby na liście rezerwowej: 1" in page_text(training)
    first_link, second_link = (path_of(link_in(message, "rezygnacja")) for message in mail.outbox[:2])

    with django_capture_on_commit_callbacks(execute=True):
        Client().post(first_link)  # "c" gets the seat
    html = page_text(training)
    assert ALL_TAKEN in seats(html)
    assert "Osoby na liście rezerwowej" not in html

    with django_capture_on_commit_callbacks(execute=True):
        Client().post(second_link)
    assert "Wolne miejsca: 1 z 2." in seats(page_text(training))


def test_a_cancellation_in_the_inbox_shows_on_the_next_request(
    admin_client, training, django_capture_on_commit_callbacks
):
    register(Client(), training, "a@example.com")
    visited(training.url)
    assert "Wolne miejsca: 1 z 2." in seats(page_text(training))

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("submission_inbox:edit", args=[registration(training, "a@example.com").pk]),
            {"action": "cancel"},
        )

    assert "Wolne miejsca: 2 z 2." in seats(page_text(training))


def test_more_seats_published_show_on_the_next_request(training):
    for email in ("a@example.com", "b@example.com", "c@example.com"):
        register(Client(), training, email)
    visited(training.url)
    assert ALL_TAKEN in seats(page_text(training))

    training.capacity = 5
    training.save_revision().publish()

    html = page_text(training)
    assert "Wolne miejsca: 2 z 5." in seats(html)
    assert "Osoby na liście rezerwowej" not in html


def test_a_second_visit_to_a_training_costs_the_same_few_queries_with_few_or_many_registrations(
    trainings_index,  # noqa: F811
    notice,
    django_assert_max_num_queries,
):
    few, many = (
        make_training(trainings_index, slug=slug, capacity=500) for slug in ("kameralne", "oblegane")
    )
    register(Client(), few, "a@example.com")
    for number in range(40):
        register(Client(), many, f"osoba{number}@example.com")
    for page in (few, many):
        visited(page.url)

    with django_assert_max_num_queries(2):
        assert "Wolne miejsca: 499 z 500." in seats(page_text(few))
    with django_assert_max_num_queries(2):
        assert "Wolne miejsca: 460 z 500." in seats(page_text(many))
