"""Residents propose budget projects: the form of an edition takes them only in the submission
phase, checks the district and the cost against the edition's pools, keeps to the edition's limit of
proposals per person, and stores the attachments privately."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from consultation.choices import ProposalStatus
from consultation.models import Submission
from consultation.models.proposals import AREA_FIELD, COST_FIELD
from tests.budget_fixtures import post_proposal, proposal_data

pytestmark = pytest.mark.usefixtures("instant_forms")


def shift_edition(edition, days):
    """Move every phase of the edition by `days` (negative: into the past)."""
    for name in (
        "submission_start",
        "submission_end",
        "verification_end",
        "appeals_end",
        "voting_start",
        "voting_end",
        "results_date",
        "realisation_start",
    ):
        setattr(edition, name, getattr(edition, name) + timedelta(days=days))
    edition.save_revision().publish()


def test_a_proposal_in_the_submission_phase_is_saved_with_its_district_and_files(
    client, budget, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_proposal(client, budget.form)
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.status == ProposalStatus.SUBMITTED
    assert submission.topic == "Zagórze"
    assert submission.form_data[COST_FIELD] == 150000
    assert [f.original_name for f in submission.files.all()] == ["lista.pdf"]
    assert "/media/" not in submission.files.get().file.path.replace("private", "")  # stored privately
    assert any("Potwierdzenie" in message.subject for message in mail.outbox)


def test_the_form_shows_district_cost_limits_and_supporters_required(client, budget):
    html = client.get(budget.form.url).content.decode()
    assert "Dzielnica" in html and "Zagórze" in html and "Pogoń" in html
    assert "200\u00a0000\u00a0zł" in html  # Zagórze's cost limit
    assert "co najmniej 15 mieszkańców" in html
    assert "Jedna osoba może zgłosić 3 projekty." in html


@pytest.mark.parametrize(
    "cost, message",
    [
        ("250000", "może kosztować najwyżej 200\u00a0000\u00a0zł"),
        ("-5", "Koszt musi być większy od zera."),
        ("0", "Koszt musi być większy od zera."),
        ("12 000 zł", "samymi cyframi"),
        ("1e9", "samymi cyframi"),
        ('"', "samymi cyframi"),
        ("9" * 40, "większa niż cały budżet"),
        ("\x00", "samymi cyframi"),
    ],
)
def test_a_cost_over_the_limit_or_not_a_number_is_refused_and_nothing_saved(client, budget, cost, message):
    response = post_proposal(client, budget.form, **{COST_FIELD: cost})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Plac zabaw przy ul. Zielonej" in response.content.decode()  # what was typed stays
    assert not Submission.objects.exists()


def test_the_city_wide_pool_has_its_own_higher_limit(client, budget):
    response = post_proposal(client, budget.form, **{AREA_FIELD: "miasto", COST_FIELD: "900000"})
    assert response.status_code == 302
    assert Submission.objects.get().topic.startswith("cała gmina")


@pytest.mark.parametrize("area", ["", "999999", "abc", "miasto2", '"', "99999999999999999999999"])
def test_a_district_not_of_this_edition_is_refused(client, budget, area):
    response = post_proposal(client, budget.form, **{AREA_FIELD: area})
    assert response.status_code == 200
    assert "form-field--error" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_district_of_another_edition_is_refused(client, budget):
    from tests.budget_fixtures import make_edition

    other = make_edition(budget.index, 2030, timezone.localdate() + timedelta(days=400))
    response = post_proposal(client, budget.form, **{AREA_FIELD: str(other.areas.first().pk)})
    assert response.status_code == 200
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    "filename, content",
    [
        ("lista.pdf", b"MZ\x90\x00" + b"\x00" * 100),
        ("lista.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("lista.exe", b"MZ\x90\x00" + b"\x00" * 100),
    ],
)
def test_a_renamed_program_or_html_as_supporters_list_is_refused(client, budget, filename, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = post_proposal(client, budget.form, **{"Lista poparcia": SimpleUploadedFile(filename, content)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lista poparcia" in html and "form-field--error" in html
    assert "Plac zabaw przy ul. Zielonej" in html
    assert not Submission.objects.exists()


def test_the_supporters_list_is_required(client, budget):
    response = post_proposal(client, budget.form, **{"Lista poparcia": None})
    assert response.status_code == 200
    assert not Submission.objects.exists()


def test_before_the_submission_phase_the_form_says_when_it_opens(client, budget):
    shift_edition(budget.edition, 20)
    response = client.get(budget.form.url)
    html = response.content.decode()
    assert "Projekty przyjmujemy od" in html
    assert 'name="form_token"' not in html
    response = client.post(budget.form.url, {"website": ""})
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_after_the_submission_phase_the_form_is_closed_with_the_current_phase(client, budget):
    shift_edition(budget.edition, -40)
    data_client = Client()
    html = client.get(budget.form.url).content.decode()
    assert "Zgłaszanie projektów zakończyło się" in html
    assert "weryfikacja projektów" in html
    response = data_client.post(budget.form.url, {"website": ""})
    assert response.status_code == 403


def test_one_person_may_send_as_many_proposals_as_the_edition_allows(client, budget):
    budget.edition.proposals_per_person = 2
    budget.edition.save_revision().publish()
    for _ in range(2):
        assert post_proposal(client, budget.form).status_code == 302
    response = post_proposal(client, budget.form, **{"E-mail": " ZOFIA@Example.com "})
    assert response.status_code == 409
    assert "zgłoszono już 2 projekty" in response.content.decode()
    assert Submission.objects.count() == 2
    # Another person is not affected.
    assert post_proposal(client, budget.form, **{"E-mail": "jan@example.com"}).status_code == 302


# On SQLite the threads share a file copy of the test database (tests/live_threads.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_proposals_at_the_same_moment_cannot_pass_the_limit(own_connections, budget, settings):
    budget.edition.proposals_per_person = 1
    budget.edition.save_revision().publish()
    settings.FORM_RATE_LIMIT_SENDER_COUNT = 100
    clients = [Client(), Client()]
    payloads = [proposal_data(c, budget.form) for c in clients]
    barrier = threading.Barrier(2)
    statuses = []

    def send(c, data):
        barrier.wait()
        try:
            statuses.append(c.post(budget.form.url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=pair) for pair in zip(clients, payloads, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Submission.objects.count() == 1
    assert sorted(statuses) == [302, 409]


def test_counts_in_the_form_take_polish_plural_forms(client, budget, settings):
    settings.FORM_RATE_LIMIT_COUNT = 100
    budget.edition.proposals_per_person = 5
    budget.edition.supporters_required = 1
    budget.edition.save_revision().publish()
    html = client.get(budget.form.url).content.decode()
    assert "Jedna osoba może zgłosić 5 projektów." in html
    assert "z podpisem co najmniej 1 mieszkańca" in html
    for _ in range(5):
        post_proposal(client, budget.form)
    response = post_proposal(client, budget.form)
    assert "zgłoszono już 5 projektów" in response.content.decode()
