"""Trainings: registration through the pipeline with a capacity and a reserve list, the signed
cancel link (once), the seat passed on to the first person waiting, the last-seat race, attendance
marked in the inbox, the PDF certificate, the .ics file, the list with the trained count against
the target, query bounds and hostile input."""

import io
import re
import threading
import time
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from consultation.models import Submission
from home.models import SiteSettings
from materials.choices import RegistrationStatus, TrainingAudience
from materials.models import TrainingDocument, TrainingIndexPage, TrainingPage
from tests.consultation_fixtures import TOKEN_RE
from tests.factories import paragraph_block

R = RegistrationStatus
pytestmark = pytest.mark.usefixtures("instant_forms")
NAME = "Łucja Żółkiewska-Gęś"


@pytest.fixture
def trainings_index(site_tree):
    index = TrainingIndexPage(title="Szkolenia", slug="szkolenia")
    site_tree.home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_training(index, slug="partycypacja", capacity=2, starts_in=timedelta(days=10), **fields):
    now = timezone.now()
    starts = now + starts_in
    page = TrainingPage(
        title=fields.pop("title", "Budżet obywatelski w praktyce"),
        slug=slug,
        starts_at=starts,
        ends_at=starts + timedelta(hours=4),
        registration_opens_at=fields.pop("opens", now - timedelta(days=5)),
        registration_closes_at=fields.pop("closes", starts - timedelta(hours=1)),
        place="Sala Sesyjna Urzędu Miejskiego",
        address="al. Zwycięstwa 20, Sosnowiec",
        trainer="Anna Kowalska",
        audience=[TrainingAudience.OFFICIALS, TrainingAudience.NGOS],
        capacity=capacity,
        lead="Jak prowadzić budżet obywatelski krok po kroku.",
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def training(trainings_index):
    return make_training(trainings_index)


def names(page):
    fields = {field.label: field.clean_name for field in page.get_form_fields()}
    return {
        "name": fields["Imię i nazwisko"],
        "email": fields["E-mail"],
        "org": fields["Instytucja lub organizacja"],
        "consent": next(name for label, name in fields.items() if label.startswith("Zgadzam się")),
    }


def registration_data(client, page, address, name=NAME, **overrides):
    html = client.get(page.url).content.decode()
    fields = names(page)
    data = {
        fields["name"]: name,
        fields["email"]: address,
        fields["org"]: "Urząd Miejski",
        fields["consent"]: "on",
        "website": "",
        "form_token": TOKEN_RE.search(html).group(1),
    }
    data.update({fields.get(key, key): value for key, value in overrides.items()})
    return data


def register(client, page, address, name=NAME, **overrides):
    return client.post(page.url, registration_data(client, page, address, name, **overrides))


def registration(page, email):
    field = names(page)["email"]
    return next(s for s in Submission.objects.filter(page=page) if s.form_data.get(field) == email)


def link_in(message, word):
    return re.search(rf"https?://\S+/{word}/\?kod=\S+", message.body).group(0)


def path_of(url):
    """The link as the test client opens it: the path and the query."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


# Capacity and the reserve list


def test_seats_are_confirmed_up_to_capacity_then_people_go_to_the_reserve_list(
    client, training, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for email in ("a@example.com", "b@example.com", "c@example.com"):
            assert register(client, training, email).status_code == 302

    statuses = [s.status for s in Submission.objects.filter(page=training).order_by("pk")]
    assert statuses == [R.CONFIRMED, R.CONFIRMED, R.WAITING_LIST]
    confirmed, _, waiting = mail.outbox
    assert confirmed.to == ["a@example.com"]
    assert "Twoje miejsce jest potwierdzone" in confirmed.body
    assert "lista rezerwowa" not in confirmed.body
    assert "jesteś na liście rezerwowej" in waiting.body
    assert link_in(confirmed, "rezygnacja").startswith("http://")
    html = client.get(training.url).content.decode()
    assert "Wszystkie miejsca są zajęte" in html
    assert "Osoby na liście rezerwowej: 1" in html


def test_seats_left_are_shown_on_the_page(client, training):
    register(client, training, "a@example.com")

    assert "Wolne miejsca: 1 z 2" in client.get(training.url).content.decode()


def test_one_email_address_registers_once(client, training):
    register(client, training, "a@example.com")

    response = register(client, training, " A@example.com ")

    assert response.status_code == 409
    assert "Ten adres e-mail jest już zapisany na to szkolenie" in response.content.decode()
    assert Submission.objects.filter(page=training).count() == 1


@pytest.mark.parametrize(
    "window",
    [
        {"opens": timezone.now() + timedelta(days=1)},
        {"opens": timezone.now() - timedelta(days=5), "closes": timezone.now() - timedelta(minutes=1)},
    ],
    ids=["before-it-opens", "after-it-closes"],
)
def test_registration_outside_its_window_is_refused_and_nothing_saved(client, trainings_index, window):
    page = make_training(trainings_index, **window)
    html = client.get(page.url).content.decode()
    assert "Zapisy" in html and 'name="form_token"' not in html

    data = {names(page)["name"]: NAME, names(page)["email"]: "a@example.com", names(page)["consent"]: "on"}
    response = client.post(page.url, data)

    assert response.status_code == 403
    assert Submission.objects.count() == 0


def test_the_last_seat_goes_to_one_of_two_registrations_in_a_row(client, trainings_index):
    page = make_training(trainings_index, capacity=1)
    other = Client()

    register(client, page, "a@example.com")
    register(other, page, "b@example.com")

    assert sorted(Submission.objects.values_list("status", flat=True)) == [R.CONFIRMED, R.WAITING_LIST]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_registrations_at_the_same_moment_for_the_last_seat_give_one_confirmed(
    trainings_index, monkeypatch
):
    """Two threads, each with its own database connection, register at once; each waits a moment
    between counting the seats and saving, which is when the other one would slip in without the
    lock. PostgreSQL makes the second wait on the training's locked row, then puts it on the
    reserve list. SQLite (development only) refuses the second writer outright rather than wait:
    still never two people on one seat."""
    page = make_training(trainings_index, capacity=1)
    form_class = page.get_form_class()
    fields = names(page)
    barrier = threading.Barrier(2)
    count_seats = TrainingPage.initial_status

    def slow_initial_status(self):
        status = count_seats(self)
        time.sleep(0.3)
        return status

    monkeypatch.setattr(TrainingPage, "initial_status", slow_initial_status)
    errors = []

    def register_in_thread(email):
        try:
            form = form_class(
                {fields["name"]: NAME, fields["email"]: email, fields["consent"]: "on"}, page=page
            )
            form.is_valid()
            form.cleaned_data = {**form.cleaned_data}
            barrier.wait()
            page.process_form_submission(form)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register_in_thread, args=(e,)) for e in ("a@x.pl", "b@x.pl")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = sorted(Submission.objects.values_list("status", flat=True))
    if connection.vendor == "postgresql":
        assert errors == []
        assert statuses == [R.CONFIRMED, R.WAITING_LIST]
    else:
        assert statuses in ([R.CONFIRMED], [R.CONFIRMED, R.WAITING_LIST])
        assert len(statuses) + len(errors) == 2


# Cancelling


def test_cancel_link_frees_the_seat_for_the_first_person_waiting_who_is_told_by_email(
    client, training, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for email in ("a@example.com", "b@example.com", "c@example.com", "d@example.com"):
            register(client, training, email)
    cancel_url = link_in(mail.outbox[0], "rezygnacja")
    mail.outbox.clear()

    page = client.get(path_of(cancel_url))
    assert "Czy na pewno chcesz zrezygnować?" in page.content.decode()
    assert registration(training, "a@example.com").status == R.CONFIRMED  # opening the link is not enough
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path_of(cancel_url))

    assert response.status_code == 200
    assert "Zrezygnowałeś(-aś) z udziału" in response.content.decode()
    assert registration(training, "a@example.com").status == R.CANCELLED
    assert registration(training, "c@example.com").status == R.CONFIRMED
    assert registration(training, "d@example.com").status == R.WAITING_LIST
    [message] = mail.outbox
    assert message.to == ["c@example.com"]
    assert "Zwolniło się miejsce" in message.body
    assert link_in(message, "rezygnacja")


def test_a_person_on_the_reserve_list_leaves_the_list_through_the_link_without_being_told_of_a_seat(
    client, training, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for email in ("a@example.com", "b@example.com", "c@example.com"):
            register(client, training, email)
    waiting = mail.outbox[-1]
    assert "wypisz się z listy rezerwowej" in waiting.body
    assert "zwolnij miejsce" not in waiting.body
    cancel_path = path_of(link_in(waiting, "rezygnacja"))
    mail.outbox.clear()

    page = client.get(cancel_path).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_path)

    assert "Jesteś na liście rezerwowej. Czy na pewno chcesz się z niej wypisać?" in page
    assert "Tak, wypisuję się z listy rezerwowej" in page
    assert "Twoje miejsce" not in page
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wypisaliśmy Cię z listy rezerwowej." in html
    assert "zwolniłeś(-aś) miejsce" not in html
    assert registration(training, "c@example.com").status == R.CANCELLED
    assert [registration(training, e).status for e in ("a@example.com", "b@example.com")] == [R.CONFIRMED] * 2
    assert mail.outbox == []


def test_a_cancel_link_works_once_and_then_says_so_in_polish(
    client, training, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, training, "a@example.com")
    cancel_path = path_of(link_in(mail.outbox[0], "rezygnacja"))
    client.post(cancel_path)

    for response in (client.post(cancel_path), client.get(cancel_path)):
        assert response.status_code == 410
        assert (
            "Ten zapis został już anulowany. Link do rezygnacji działa tylko raz."
            in response.content.decode()
        )
    assert Submission.objects.get().status == R.CANCELLED


@pytest.mark.parametrize("change", ["last-char", "other-salt", "garbage", "nul"])
def test_a_changed_cancel_link_is_refused_with_a_polish_page(client, training, change):
    register(client, training, "a@example.com")
    submission = Submission.objects.get()
    token = training.cancel_url(submission).rsplit("kod=", 1)[1]
    forged = {
        "last-char": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "other-salt": training.certificate_url(submission).rsplit("kod=", 1)[1],
        "garbage": '"%3Cscript%3E' + "9" * 400,
        "nul": "%00",
    }[change]

    for method in (client.get, client.post):
        response = method(f"{training.url}rezygnacja/?kod={forged}")
        assert response.status_code == 404
        assert "Ten link jest nieprawidłowy" in response.content.decode()
    assert submission.__class__.objects.get().status == R.CONFIRMED


def test_staff_cancelling_in_the_inbox_also_moves_the_reserve_list(
    admin_client, client, trainings_index, django_capture_on_commit_callbacks
):
    page = make_training(trainings_index, capacity=1)
    register(client, page, "a@example.com")
    register(client, page, "b@example.com")
    first = registration(page, "a@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("submission_inbox:edit", args=[first.pk]), {"action": "cancel"})

    assert registration(page, "a@example.com").status == R.CANCELLED
    assert registration(page, "b@example.com").status == R.CONFIRMED
    assert [message.to for message in mail.outbox] == [["b@example.com"]]


def test_more_seats_published_go_to_the_reserve_list_in_order(
    client, trainings_index, django_capture_on_commit_callbacks
):
    page = make_training(trainings_index, capacity=1)
    for email in ("a@example.com", "b@example.com", "c@example.com"):
        register(client, page, email)

    page.capacity = 2
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert registration(page, "b@example.com").status == R.CONFIRMED
    assert registration(page, "c@example.com").status == R.WAITING_LIST
    assert [message.to for message in mail.outbox] == [["b@example.com"]]


# Attendance and the certificate


def mark_attended(admin_client, *submissions):
    query = "&".join(f"id={s.pk}" for s in submissions)
    url = reverse("wagtail_bulk_action", args=["consultation", "submission", "registration-mark_attended"])
    return admin_client.post(f"{url}?{query}")


@pytest.fixture
def past_training(trainings_index, client):
    page = make_training(trainings_index, slug="minione", capacity=5)
    register(client, page, "lucja@example.com")
    register(client, page, "jan@example.com", name="Jan Nowak")
    starts = timezone.now() - timedelta(days=3)
    TrainingPage.objects.filter(pk=page.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=4))
    page.refresh_from_db()
    return page


def test_staff_mark_attendance_in_bulk_and_the_attendee_gets_a_certificate_with_polish_letters(
    admin_client, client, past_training, django_capture_on_commit_callbacks
):
    lucja = registration(past_training, "lucja@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        response = mark_attended(admin_client, lucja)

    assert response.status_code == 302
    assert registration(past_training, "lucja@example.com").status == R.ATTENDED
    assert registration(past_training, "jan@example.com").status == R.CONFIRMED
    [message] = mail.outbox
    assert message.to == ["lucja@example.com"]
    certificate = client.get(path_of(link_in(message, "zaswiadczenie")))
    assert certificate.status_code == 200
    assert certificate["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(certificate.content)).pages[0].extract_text()
    assert NAME in text
    assert "Zaświadczenie o udziale w szkoleniu" in text
    assert "Budżet obywatelski w praktyce" in text


def test_certificate_link_of_someone_not_marked_present_or_changed_is_refused(client, past_training):
    jan = registration(past_training, "jan@example.com")
    url = path_of(past_training.certificate_url(jan))

    from_cancel_link = path_of(past_training.cancel_url(jan)).replace("rezygnacja", "zaswiadczenie")
    for path in (url, url.replace("kod=", "kod=x"), from_cancel_link, f"{past_training.url}zaswiadczenie/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Nie możemy wydać zaświadczenia z tego linku" in response.content.decode()


def test_materials_from_the_training_are_shown_once_it_is_over(client, trainings_index, past_training):
    from home.demo import demo_document

    document = demo_document("Prezentacja ze szkolenia", "prezentacja.pdf", ["Slajdy"])
    upcoming = make_training(trainings_index, slug="przyszle")
    for page in (past_training, upcoming):
        TrainingDocument.objects.create(page=page, document=document)

    assert "Prezentacja ze szkolenia" in client.get(past_training.url).content.decode()
    assert "Prezentacja ze szkolenia" not in client.get(upcoming.url).content.decode()


# Calendar and the list


def test_ics_file_has_the_training(client, training):
    response = client.get(f"{training.url}kalendarz/")

    assert response["Content-Type"].startswith("text/calendar")
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "Szkolenie: Budżet obywatelski w praktyce"
    assert "Sala Sesyjna" in str(event["location"])
    assert event["dtstart"].dt == training.starts_at.replace(microsecond=0)


def test_index_shows_upcoming_and_past_trainings_and_trained_people_against_the_target(
    admin_client, client, trainings_index, past_training, site_tree
):
    make_training(trainings_index, slug="wkrotce", title="Konsultacje społeczne od kuchni")
    mark_attended(admin_client, *Submission.objects.filter(page=past_training))
    settings = SiteSettings.for_site(site_tree.site)
    settings.training_target = 150
    settings.save()

    html = client.get(trainings_index.url).content.decode()

    upcoming, past = html.split("Szkolenia, które się odbyły")
    assert "Konsultacje społeczne od kuchni" in upcoming and "Wolne miejsca: 2 z 2" in upcoming
    assert past_training.title in past
    assert "Przeszkolone osoby: <strong>2</strong> z 150 zaplanowanych" in html


def test_index_query_count_does_not_grow_with_hundreds_of_trainings(
    client, trainings_index, django_assert_max_num_queries
):
    def add_trainings(numbers):
        for number in numbers:
            make_training(
                trainings_index,
                slug=f"s-{number}",
                starts_in=timedelta(days=number),
                opens=timezone.now() - timedelta(days=400),
            )

    add_trainings(range(-14, 3))  # upcoming ones and more than one page of past ones
    client.get(trainings_index.url)
    with django_assert_max_num_queries(30) as few:
        client.get(trainings_index.url)
    few_count = len(few)
    add_trainings([*range(-300, -200), *range(200, 300)])
    client.get(trainings_index.url)  # menus and feed links cached again after the publishing
    with django_assert_max_num_queries(few_count):
        response = client.get(trainings_index.url)
    assert response.status_code == 200


def test_training_page_query_count_does_not_grow_with_hundreds_of_registrations(
    client, training, django_assert_max_num_queries
):
    register(client, training, "a@example.com")
    client.get(training.url)
    with django_assert_max_num_queries(40) as few:
        client.get(training.url)
    few_count = len(few)
    Submission.objects.bulk_create(
        Submission(page=training, form_data={"e_mail": f"{n}@x.pl"}, status=R.WAITING_LIST)
        for n in range(300)
    )
    with django_assert_max_num_queries(few_count):
        response = client.get(training.url)
    assert "Osoby na liście rezerwowej: 300" in response.content.decode()


# Hostile input


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name", "", "To pole jest wymagane."),
        ("name", "a" * 5000, "Tekst jest za długi"),
        ("name", "Jan\x00Nowak", "Znaki null są niedozwolone."),
        ("email", '"@"', "To nie wygląda na adres e-mail."),
        ("email", "a@" + "b" * 300 + ".pl", "Tekst jest za długi"),
        ("consent", None, "Bez tej zgody nie możemy przyjąć zgłoszenia."),
    ],
)
def test_hostile_registration_input_gives_a_polish_message_and_saves_nothing(
    client, training, field, value, message
):
    data = registration_data(client, training, "a@example.com", **{field: value})
    data = {key: item for key, item in data.items() if item is not None}

    response = client.post(training.url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Popraw zaznaczone pola" in html
    assert message in html
    assert Submission.objects.count() == 0


@pytest.mark.parametrize("value", ["-1", "99999999999999999999", '"', "\x00", "1e999", "ą" * 3000])
def test_hostile_page_number_on_the_index_is_harmless(client, trainings_index, value):
    make_training(trainings_index)
    response = client.get(trainings_index.url, {"strona": value})
    assert response.status_code == 200


# Editors


def test_tree_rules_and_the_default_registration_form(page_assertions, training):
    page_assertions.assertAllowedParentPageTypes(TrainingPage, {TrainingIndexPage})
    page_assertions.assertAllowedSubpageTypes(TrainingIndexPage, {TrainingPage})
    assert [field.field_type for field in training.get_form_fields()] == [
        "singleline",
        "email",
        "singleline",
        "consent",
    ]


def test_editor_cannot_save_a_training_that_ends_before_it_starts(training):
    from django.core.exceptions import ValidationError

    training.ends_at = training.starts_at - timedelta(hours=1)
    training.place = training.address = training.online_url = ""
    with pytest.raises(ValidationError) as error:
        training.full_clean()
    assert set(error.value.message_dict) >= {"ends_at", "place"}


def test_training_page_renders_programme_and_facts(client, training):
    training.programme = [paragraph_block("Przerwa kawowa o 11:00.")]
    training.save_revision().publish()

    html = client.get(training.url).content.decode()

    assert "Przerwa kawowa o 11:00." in html
    assert "urzędnicy, organizacje pozarządowe" in html
    assert "Anna Kowalska" in html


def test_admin_add_form_and_inbox_detail_render_in_polish(admin_client, client, training, trainings_index):
    add_url = reverse("wagtailadmin_pages:add", args=["materials", "trainingpage", trainings_index.pk])
    html = admin_client.get(add_url).content.decode()
    assert "Liczba miejsc" in html and "Dla kogo" in html and "Zapisy od" in html

    register(client, training, "a@example.com")
    detail = admin_client.get(reverse("submission_inbox:edit", args=[Submission.objects.get().pk]))
    assert "miejsce potwierdzone" in detail.content.decode()
    assert "Potwierdź obecność" in detail.content.decode()
