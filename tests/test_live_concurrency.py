"""Many residents at once against a live server: real HTTP from threads (own cookies, the CSRF token,
the form's one-time token), each request served by its own thread with its own database connection,
then the database checked for every submission, exactly once.

Runs on PostgreSQL and on SQLite. On SQLite the threads share a file copy of the test database with a
busy timeout, each with its own connection (tests/live_threads.py says why): SQLite lets one writer
in at a time and the others wait their turn, so the same exactly-once checks hold there too, only
slower. The rate limits are raised for these tests: fifty threads on 127.0.0.1 are one network
address, and here they are legitimate load; the minimum fill time is off, as a script fills a form
at once."""

import threading
import time
from collections import Counter

import pytest
from django.db import connection

from consultation.models import Submission
from materials.choices import RegistrationStatus
from materials.models import TrainingIndexPage
from tests.consultation_fixtures import comment_data, field_names
from tests.live_threads import Visitor, in_threads
from tests.test_materials_trainings import make_training, names

R = RegistrationStatus
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def open_forms(settings):
    settings.FORM_MIN_FILL_SECONDS = 0
    settings.FORM_RATE_LIMIT_COUNT = 100_000
    settings.FORM_RATE_LIMIT_ADDRESS_COUNT = 100_000


@pytest.fixture
def live_consultation(threaded_server, consultations, open_forms):
    return threaded_server, consultations.open


def test_500_comments_from_50_threads_are_each_saved_exactly_once(live_consultation):
    base_url, page = live_consultation
    threads, each = 50, 10
    text = field_names(page)["text"]
    form = comment_data(page, token=None)

    def send(n):
        visitor = Visitor(base_url)
        statuses = []
        for k in range(each):
            data = {**form, **visitor.form_tokens(page.url), text: f"Uwaga nr {n}-{k}: <b>„zażółć”</b>"}
            statuses.append(visitor.request(page.url, data)[0])
        return statuses

    started, cpu = time.monotonic(), time.process_time()
    statuses = [status for thread in in_threads(threads, send) for status in thread]
    elapsed, cpu = time.monotonic() - started, time.process_time() - cpu

    assert Counter(statuses) == {302: threads * each}
    saved = Counter(s.form_data[text] for s in Submission.objects.filter(page=page))
    expected = {f"Uwaga nr {n}-{k}: <b>„zażółć”</b>" for n in range(threads) for k in range(each)}
    assert set(saved) == expected, "every comment is saved"
    assert set(saved.values()) == {1}, "and none twice"
    print(f"\n{threads * each} comments in {elapsed:.1f} s ({cpu:.1f} s of CPU) on {connection.vendor}")


@pytest.fixture
def last_seats(threaded_server, site_tree, open_forms):
    """A training with 20 seats, 17 of them taken already."""
    index = TrainingIndexPage(title="Szkolenia", slug="szkolenia")
    site_tree.home.add_child(instance=index)
    index.save_revision().publish()
    page = make_training(index, capacity=20)
    Submission.objects.bulk_create(
        Submission(page=page, form_data={}, status=R.CONFIRMED, sender_key=f"taken-{n}", sender_slot=1)
        for n in range(17)
    )
    return threaded_server, page


def test_many_at_once_for_the_last_seats_never_overbook_and_the_rest_are_told_in_polish(last_seats):
    """40 people register at the same moment for the last 3 seats; 5 more send the form with one
    e-mail address that one of the 40 also uses."""
    base_url, page = last_seats
    fields = names(page)
    email_field = fields["email"]
    form = {fields["name"]: "Łucja Gęś", fields["consent"]: "on", "website": ""}
    people = [f"osoba{n}@example.com" for n in range(40)] + ["osoba0@example.com"] * 5
    ready = threading.Barrier(len(people))

    def register(n):
        visitor = Visitor(base_url)
        data = {**form, **visitor.form_tokens(page.url), email_field: people[n]}
        ready.wait()
        status, html = visitor.request(page.url, data)
        if status == 302:
            html = visitor.request(page.url)[1]
        return status, html

    results = in_threads(len(people), register)

    registrations = Submission.objects.filter(page=page).exclude(sender_key__startswith="taken-")
    statuses = Counter(registrations.values_list("status", flat=True))
    assert statuses == {R.CONFIRMED: 3, R.WAITING_LIST: 37}
    assert Submission.objects.filter(page=page, status=R.CONFIRMED).count() == page.capacity
    assert sorted(s.form_data[email_field] for s in registrations) == sorted(set(people))
    assert Counter(status for status, _html in results) == {302: 40, 409: 5}
    pages = Counter(
        "confirmed"
        if "Twoje miejsce jest potwierdzone" in html
        else "reserve"
        if "więc jesteś na liście rezerwowej" in html
        else "already"
        if "Ten adres e-mail jest już zapisany na to szkolenie" in html
        else html
        for _status, html in results
    )
    assert pages == {"confirmed": 3, "reserve": 37, "already": 5}


def test_one_form_sent_ten_times_at_once_is_saved_once_and_every_answer_thanks(live_consultation):
    """One browser's form, its request repeated ten times at the same moment (a double click, a
    flaky connection resending): one comment, and each answer is the thank-you of a saved one."""
    base_url, page = live_consultation
    text = field_names(page)["text"]
    visitor = Visitor(base_url)
    data = {**comment_data(page, token=None), **visitor.form_tokens(page.url), text: "Wysłana dziesięć razy"}
    ready = threading.Barrier(10)

    def send(_n):
        ready.wait()
        return visitor.request(page.url, data)[0]

    assert in_threads(10, send) == [302] * 10
    assert Submission.objects.filter(page=page).count() == 1
    assert "Dziękujemy! Otrzymaliśmy Twoje zgłoszenie." in visitor.request(page.url)[1]
