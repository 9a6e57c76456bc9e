"""The contact form ("Zadaj pytanie"): a message goes through the pipeline into the moderators'
inbox as "do załatwienia"; the office's response is e-mailed to the sender from the inbox and the
message is marked "załatwione". Hostile input is refused with Polish messages and nothing saved."""

import pytest
from django.core import mail
from django.urls import reverse

from consultation.models import FormField, Submission
from materials.choices import ContactStatus
from materials.models import FormPage
from tests.consultation_fixtures import TOKEN_RE

pytestmark = pytest.mark.usefixtures("instant_forms")


@pytest.fixture
def contact(site_tree):
    page = FormPage(title="Zadaj pytanie", slug="zadaj-pytanie", notify_emails="bo@sosnowiec.invalid")
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


def message_data(client, page, **overrides):
    html = client.get(page.url).content.decode()
    fields = {field.label: field.clean_name for field in page.get_form_fields()}
    consent = next(name for label, name in fields.items() if label.startswith("Zgadzam się"))
    data = {
        fields["Imię i nazwisko"]: "Grażyna Ślęzak",
        fields["E-mail"]: "grazyna@example.com",
        fields["Temat"]: "Głosowanie w szkole",
        fields["Treść pytania"]: "Czy mogę zagłosować w szkole mojego syna?",
        consent: "on",
        "website": "",
        "form_token": TOKEN_RE.search(html).group(1),
    }
    for label, value in overrides.items():
        data[fields.get(label, label)] = value
    return {key: value for key, value in data.items() if value is not None}


def test_a_question_lands_in_the_inbox_to_be_dealt_with_and_both_sides_get_an_email(
    client, contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact.url, message_data(client, contact))

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.status == ContactStatus.TO_HANDLE
    assert submission.get_status_display() == "do załatwienia"
    to_office, to_sender = mail.outbox
    assert to_office.to == ["bo@sosnowiec.invalid"]
    assert to_sender.to == ["grazyna@example.com"]
    assert "Odpowiemy na ten adres e-mail" in to_sender.body


def test_reply_from_the_inbox_is_emailed_and_the_message_marked_handled(
    admin_client, client, contact, django_capture_on_commit_callbacks
):
    client.post(contact.url, message_data(client, contact))
    submission = Submission.objects.get()
    url = reverse("submission_inbox:edit", args=[submission.pk])
    detail = admin_client.get(url).content.decode()
    assert "do załatwienia" in detail
    assert 'name="respond-outcome"' not in detail  # a reply to a question has no "uwzględniono"

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            url,
            {
                "action": "respond",
                "respond-response": "Tak, w każdym punkcie do głosowania w Sosnowcu.",
            },
        )
        admin_client.post(url, {"action": "handle", "handle-notify": "on"})

    submission.refresh_from_db()
    assert submission.status == ContactStatus.HANDLED
    [reply] = mail.outbox
    assert reply.to == ["grazyna@example.com"]
    assert "Odpowiedź urzędu:\nTak, w każdym punkcie do głosowania w Sosnowcu." in reply.body
    assert "załatwione" in reply.body


def test_inbox_filters_by_the_contact_states(admin_client, client, contact):
    client.post(contact.url, message_data(client, contact))

    response = admin_client.get("/admin/inbox/", {"status": ContactStatus.TO_HANDLE})

    assert [item.pk for item in response.context["object_list"]] == [Submission.objects.get().pk]
    assert "do załatwienia" in response.content.decode()


def test_bulk_handled_and_spam_come_from_the_policy(admin_client, client, contact):
    for _ in range(2):
        client.post(contact.url, message_data(client, contact))
    first, second = Submission.objects.order_by("pk")

    for action, item in (("contact-handle", first), ("contact-spam", second)):
        url = reverse("wagtail_bulk_action", args=["consultation", "submission", action])
        assert admin_client.post(f"{url}?id={item.pk}").status_code == 302

    assert list(Submission.objects.order_by("pk").values_list("status", flat=True)) == [
        ContactStatus.HANDLED,
        ContactStatus.SPAM,
    ]


@pytest.mark.parametrize(
    "field, value",
    [
        ("E-mail", ""),
        ("E-mail", "nie-adres"),
        ("E-mail", '"><script>alert(1)</script>@x.pl'),
        ("Treść pytania", ""),
        ("Treść pytania", "ą" * 5001),
        ("Temat", "Pytanie\x00"),
        ("Temat", "x" * 256),
    ],
)
def test_hostile_input_is_refused_with_a_polish_message_and_nothing_saved(client, contact, field, value):
    response = client.post(contact.url, message_data(client, contact, **{field: value}))

    assert response.status_code == 200
    assert "Popraw zaznaczone pola i wyślij formularz jeszcze raz." in response.content.decode()
    assert Submission.objects.count() == 0


def test_a_filled_honeypot_is_refused(client, contact):
    response = client.post(contact.url, message_data(client, contact, website="http://spam.example"))

    html = response.content.decode()
    assert "Nie wysłaliśmy formularza:" in html
    assert "<li>Pole „Strona internetowa” musi zostać puste.</li>" in html
    assert "Nie przyjęliśmy zgłoszenia" not in html
    assert Submission.objects.count() == 0


def test_tree_rules(page_assertions, contact):
    from home.models import HomePage

    page_assertions.assertAllowedParentPageTypes(FormPage, {HomePage})
    page_assertions.assertAllowedSubpageTypes(FormPage, set())


@pytest.mark.parametrize(
    "field_type, value, message, django_default",
    [
        ("email", "jan.kowalski", "To nie wygląda na adres e-mail. Wpisz go w całości", "Wprowadź poprawny"),
        ("url", "strona urzędu", "To nie wygląda na adres strony. Skopiuj go z paska", "Wpisz poprawny URL."),
        ("number", "dwanaście", "Wpisz samą liczbę, cyframi, np. 12.", "Wpisz liczbę."),
        ("date", "32.13.2026", "Nie rozpoznaliśmy tej daty. Wpisz ją tak: 31.12.2026", "poprawną datę."),
        ("datetime", "jutro", "Nie rozpoznaliśmy tej daty i godziny.", "Wpisz poprawną datę/godzinę."),
    ],
)
def test_an_editors_field_of_another_kind_explains_a_mistake_with_an_example(
    client, contact, field_type, value, message, django_default
):
    field = FormField.objects.create(
        page=contact, label="Dodatkowe pole", field_type=field_type, required=False
    )

    response = client.post(contact.url, message_data(client, contact, **{field.clean_name: value}))

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert django_default not in html
    assert Submission.objects.count() == 0
