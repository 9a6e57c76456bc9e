"""Open data after the vote: anyone recounts the results from the published ballots file and finds
their receipt code in the second file; nothing links the two; no personal data anywhere public."""

import csv
import hashlib
import io
import json
import logging
import re
from datetime import timedelta

import pytest
from django.urls import reverse

from consultation.models import Ballot, BudgetProjectPage
from consultation.voting import tally
from tests.voting_fixtures import PERSON, Voter, shifted_time

pytestmark = pytest.mark.django_db

AFTER_THE_VOTE = timedelta(days=12)


@pytest.fixture
def voted(client, voting, moderator):
    Voter(client, voting.page).vote(voting.projects["park"], voting.projects["plac"])
    Voter(client, voting.page).vote(
        voting.projects["rowery"], voting.projects["plac"], data_urodzenia="02.02.1990"
    )
    Voter(client, voting.page).vote(
        voting.projects["park"], voting.projects["boisko"], imie="Jan", telefon="602000000"
    )
    client.force_login(moderator)
    client.post(
        reverse("ballots:paper", args=[voting.page.pk]),
        {
            "imie": "Ewa",
            "drugie_imie": "Brak",
            "nazwisko": "Nowak",
            "data_urodzenia": "03.03.1970",
            "adres": "ul. Długa 1",
            "projekty": [voting.projects["park"].pk],
            "oddano": voting.edition.voting_start.strftime("%d.%m.%Y"),
        },
    )
    client.post(reverse("ballots:count", args=[voting.page.pk]))
    client.logout()
    return voting


def download(client, voting, name):
    return client.get(voting.page.url + f"dane-otwarte/{name}/")


def test_open_data_waits_for_the_end_of_the_vote(client, voted):
    assert download(client, voted, "karty-csv").status_code == 404
    assert "Dane otwarte" not in client.get(voted.page.url).content.decode()


def test_recount_from_the_published_file_gives_the_published_table(client, voted):
    with shifted_time(AFTER_THE_VOTE):
        page = client.get(voted.page.url).content.decode()
        response = download(client, voted, "karty-csv")
        assert response["Content-Disposition"] == 'attachment; filename="glosowanie-2028-karty.csv"'
        as_json = json.loads(download(client, voted, "karty-json").content)
    assert hashlib.sha256(response.content).hexdigest() in page
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 4 == len(as_json["ballots"])
    online, paper = tally.recount(rows)
    for project in BudgetProjectPage.objects.child_of(voted.edition):
        if project.votes_online is not None:
            assert (online[project.number], paper[project.number]) == (
                project.votes_online,
                project.votes_paper,
            )
    assert online[1] == 2 and paper[1] == 1 and online[3] == 2


def test_receipt_codes_are_listed_sorted_and_cannot_be_linked_to_a_ballot(client, voted):
    with shifted_time(AFTER_THE_VOTE):
        ballots_file = download(client, voted, "karty-csv").content.decode()
        codes_file = download(client, voted, "kody-csv").content.decode()
    codes = codes_file.split("\n")[1:-1]
    receipts = list(Ballot.objects.values_list("receipt_code", flat=True))
    assert codes == sorted(receipts)
    rows = list(csv.DictReader(io.StringIO(ballots_file)))
    for receipt in receipts:
        assert receipt not in ballots_file
        assert receipt.replace("-", "") not in ballots_file
    public_ids = [row["ballot"] for row in rows]
    assert public_ids == sorted(public_ids), "ballots are in the order of their random ids, not of voting"
    assert set(public_ids).isdisjoint({code.replace("-", "").lower() for code in codes})
    assert set(rows[0]) == {"ballot", "channel", "projects"}, "a ballot row has nothing else"


def test_no_personal_data_in_the_open_data(client, voted):
    with shifted_time(AFTER_THE_VOTE):
        published = "".join(
            download(client, voted, name).content.decode()
            for name in ("karty-csv", "karty-json", "kody-csv", "kody-json")
        )
    for personal in ("Łucja", "Żak", "Nowak", "Zielona", "600123456", "1984", "Ewa"):
        assert personal not in published


def test_no_personal_data_in_urls_or_logs(client, voting, caplog, settings):
    settings.VOTING_SMS_BACKEND = "console"
    voter = Voter(client, voting.page)
    with caplog.at_level(logging.DEBUG):
        voter.choose(voting.projects["park"])
        voter.identify()
        page = voter.response.content.decode()
    code = re.search(r": (\d{4})\.", caplog.text).group(1)
    voter.response = client.post(voting.page.url, {"projekty": [voting.projects["park"].pk]})
    with caplog.at_level(logging.DEBUG):
        voter.identify()
    logged = caplog.text
    for value in (
        PERSON["nazwisko"],
        "Łucja",
        "600123456",
        "600 123 456",
        "Zielona",
        "14.05.1984",
        "1984-05-14",
    ):
        assert value not in logged
    actions = re.findall(r'action="([^"]+)"', page)
    assert voting.page.url + "kod/#formularz" in actions
    assert all("?" not in action for action in actions), "every step is a POST to a fixed address"
    assert code.isdigit()


def test_the_edition_results_link_to_the_open_data_and_its_checksums(client, voted):
    edition = voted.edition
    edition.results_published = True
    edition.save_revision().publish()
    with shifted_time(AFTER_THE_VOTE):
        html = client.get(edition.url).content.decode()
    assert f'href="{voted.page.url}#dane-otwarte-naglowek"' in html
    assert "sumami kontrolnymi SHA-256" in html
