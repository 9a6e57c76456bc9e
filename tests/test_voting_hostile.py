"""Hostile values in every field and query parameter of every step: never a 500, nothing half
saved, a Polish message; and the ballot's SQL queries do not grow with the number of projects."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from consultation.models import Ballot, VoteCode
from consultation.voting import sms
from tests.voting_fixtures import PERSON, Voter, add_project

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    '"',
    "'; DROP TABLE consultation_ballot; --",
    "\x00",
    "a\x00b",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e999",
    "１２",
    "<script>alert(1)</script>",
    "ą" * 5000,
    "%ED%A0%80",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_filter_parameter_shows_the_whole_ballot(client, voting, value):
    response = client.get(voting.page.url, {"dzielnica": value, "projekty": value, "karta": value})
    assert response.status_code == 200
    assert "Plac zabaw na Zagórzu" in response.content.decode()


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_project_choice_is_refused(client, voting, value):
    response = client.post(voting.page.url, {"projekty": [value, value], "website": ""})
    assert response.status_code == 200
    body = response.content.decode()
    assert (
        "Jednego z wybranych projektów nie ma na karcie" in body
        or "Wybierz co najmniej jeden projekt" in body
    )
    assert "Krok 1" in body


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_step_token_on_every_step(client, voting, value):
    for route in ("", "dane/", "kod/"):
        response = client.post(voting.page.url + route, {**PERSON, "karta": value, "kod": value, "wroc": "1"})
        assert response.status_code in (200, 400)
        if route:
            assert "Zacznij głosowanie od nowa" in response.content.decode()
    assert not VoteCode.objects.exists()


FIELDS = ["imie", "drugie_imie", "nazwisko", "data_urodzenia", "adres", "telefon", "opiekun", "dzielnica"]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("value", ['"', "\x00", "99999999999999999999999999", "-1", "ą" * 5000, "2026-02-30"])
def test_hostile_identity_fields(client, voting, field, value):
    voter = Voter(client, voting.page)
    voter.choose(voting.projects["park"])
    response = voter.identify(**{field: value})
    assert response.status_code == 200
    body = response.content.decode()
    if VoteCode.objects.exists():
        # Some values are acceptable for a field (a quote in an address, a NUL-free guardian name).
        assert "Krok 3" in body
    else:
        assert "Popraw zaznaczone pola" in body or "Nie wysłaliśmy formularza" in body
        assert "Park linowy nad Przemszą" in body
        assert not sms.outbox


def test_nul_in_a_name_is_refused_not_saved(client, voting):
    voter = Voter(client, voting.page)
    voter.choose(voting.projects["park"])
    body = voter.identify(nazwisko="Żak\x00").content.decode()
    assert "Znaki null są niedozwolone." in body
    assert not VoteCode.objects.exists()


def test_overlong_name_is_refused_with_a_message(client, voting):
    voter = Voter(client, voting.page)
    voter.choose(voting.projects["park"])
    body = voter.identify(imie="ą" * 101).content.decode()
    assert "Tekst jest za długi" in body
    assert not VoteCode.objects.exists()


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_code(client, voting, value):
    voter = Voter(client, voting.page)
    voter.choose(voting.projects["park"])
    voter.identify()
    response = voter.confirm(value)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="id_kod_error"' in body, "the message sits at the code field"
    assert not Ballot.objects.exists()


@pytest.mark.parametrize("value", ['"', "\x00", "-1", "99999999999999999999999999", "ą" * 3000])
def test_hostile_paper_ballot_fields(client, voting, moderator, value):
    client.force_login(moderator)
    url = reverse("ballots:paper", args=[voting.page.pk])
    for field in ("imie", "data_urodzenia", "projekty", "oddano", "dzielnica"):
        data = {
            **PERSON,
            "projekty": [voting.projects["park"].pk],
            "oddano": voting.edition.voting_start.strftime("%d.%m.%Y"),
            field: value,
        }
        response = client.post(url, data)
        assert response.status_code in (200, 302)
    # A value that is harmless for its field (a quote in a name) may be saved, but never half a ballot.
    assert all(ballot.choices.exists() for ballot in Ballot.objects.all())
    assert Ballot.objects.count() <= 2


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999999999"])
def test_hostile_admin_ids(client, voting, moderator, value):
    client.force_login(moderator)
    for name in ("papier", "eksport", "policz"):
        response = client.get(f"/admin/glosowanie/{name}/{value}/")
        assert response.status_code == 404
    response = client.get(
        "/admin/glosowanie/", {"page": value, "status": value, "channel": value, "p": value}
    )
    assert response.status_code == 200


def test_ballot_queries_do_not_grow_with_the_number_of_projects(
    client, voting, django_assert_max_num_queries
):
    client.get(voting.page.url)  # the site's settings and caches, created on the first visit
    with CaptureQueriesContext(connection) as few:
        client.get(voting.page.url)
    few_projects = len(few)  # now: the query log keeps only the last 9 000 queries
    zagorze = voting.area("Zagórze")
    for number in range(10, 310):
        add_project(voting.edition, number, f"Projekt numer {number}", zagorze if number % 2 else None)
    client.get(voting.page.url)  # publishing emptied the caches
    with django_assert_max_num_queries(few_projects):
        response = client.get(voting.page.url)
    assert response.content.decode().count('name="projekty"') == 305
    assert few_projects <= 30
    voter = Voter(client, voting.page)
    with django_assert_max_num_queries(40):
        voter.choose(voting.projects["park"], voting.projects["plac"])
    with django_assert_max_num_queries(40):
        voter.identify()
    with django_assert_max_num_queries(40):
        voter.confirm()
    assert Ballot.objects.count() == 1
