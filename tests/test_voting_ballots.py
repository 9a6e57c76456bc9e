"""One person, one ballot: identity with case and diacritics, the phone limit, paper ballots and
their collision with online ones under both rules, invalidation, the export, and the count."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from consultation.choices import BallotChannel, BallotStatus, DuplicateRule
from consultation.models import Ballot, BudgetProjectPage, VoteCode
from consultation.results import compute_results
from consultation.voting import identity, sms
from consultation.voting.ballots import turnout
from tests.voting_fixtures import Voter

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "person",
    [
        {"imie": "ŁUCJA", "nazwisko": "żak-wiśniewska"},
        {"imie": "Lucja", "nazwisko": "Zak Wisniewska", "drugie_imie": "BRAK"},
        {"imie": " łucja ", "nazwisko": "Żak–Wiśniewska", "drugie_imie": "brak"},
    ],
)
def test_same_person_with_other_case_or_diacritics_cannot_vote_twice(client, voting, person):
    Voter(client, voting.page).vote(voting.projects["park"])
    second = Voter(client, voting.page)
    second.choose(voting.projects["rowery"])
    response = second.identify(telefon="601 000 000", **person)
    assert "już głosowała w tej edycji" in response.content.decode()
    assert Ballot.objects.count() == 1
    assert len(sms.outbox) == 2, "no code is sent to a person who has voted"


def test_other_person_with_another_birth_date_votes(client, voting):
    Voter(client, voting.page).vote(voting.projects["park"])
    Voter(client, voting.page).vote(voting.projects["park"], data_urodzenia="15.05.1984")
    assert Ballot.objects.count() == 2


def test_identity_key_reveals_nothing_and_depends_on_the_page(voting):
    born = datetime.date(1984, 5, 14)
    key = identity.personal_key(voting.page.pk, "Łucja", "", "Żak", born)
    assert len(key) == 64 and "zak" not in key
    assert key != identity.personal_key(voting.page.pk + 1, "Łucja", "", "Żak", born)


def test_second_code_confirmation_of_the_same_person_is_refused(client, voting):
    """Two started ballots of one person: the second confirmation finds the first ballot."""
    first, second = Voter(client, voting.page), Voter(client, voting.page)
    first.choose(voting.projects["park"])
    first.identify()
    first_code = sms.outbox[-1]
    second.choose(voting.projects["rowery"])
    second.identify()
    second.confirm()
    sms.outbox.append(first_code)
    response = first.confirm()
    assert response.status_code == 409
    assert Ballot.objects.count() == 1


def test_phone_limit(client, voting):
    voting.page.ballots_per_phone = 2
    voting.page.save()
    for day in ("01", "02"):
        Voter(client, voting.page).vote(voting.projects["park"], data_urodzenia=f"{day}.01.1980")
    third = Voter(client, voting.page)
    third.choose(voting.projects["park"])
    response = third.identify(data_urodzenia="03.01.1980", telefon="+48 600-123-456")
    assert (
        "Tym numerem telefonu potwierdzono już tyle kart, ile pozwala regulamin (2)"
        in response.content.decode()
    )
    assert Ballot.objects.count() == 2


def test_code_sending_is_rate_limited_per_phone(client, voting, settings):
    settings.VOTING_CODE_LIMIT_PHONE = 2
    for day in ("01", "02", "03"):
        voter = Voter(client, voting.page)
        voter.choose(voting.projects["park"])
        response = voter.identify(data_urodzenia=f"{day}.01.1980")
    assert "zbyt wiele kodów" in response.content.decode()
    assert len(sms.outbox) == 2


def paper(client, voting, person=None, **data):
    form = {
        "imie": "Łucja",
        "drugie_imie": "Brak",
        "nazwisko": "Żak-Wiśniewska",
        "data_urodzenia": "14.05.1984",
        "adres": "ul. Zielona 12/3",
        "projekty": [voting.projects["rowery"].pk],
        "oddano": voting.edition.voting_start.strftime("%d.%m.%Y"),
        **(person or {}),
        **data,
    }
    return client.post(reverse("ballots:paper", args=[voting.page.pk]), form)


def test_paper_ballot_is_entered_with_the_same_checks(client, voting, moderator):
    client.force_login(moderator)
    response = paper(client, voting, projekty=[voting.projects["park"].pk, voting.projects["rowery"].pk])
    assert "Projektów ogólnomiejskich możesz wybrać najwyżej 1." in response.content.decode()
    response = paper(client, voting, data_urodzenia="01.01.2999")
    assert "Data urodzenia nie może być w przyszłości." in response.content.decode()
    assert not Ballot.objects.exists()
    response = paper(client, voting)
    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert ballot.channel == BallotChannel.PAPER and ballot.status == BallotStatus.VALID
    assert ModelLogEntry.objects.filter(action="consultation.ballot_paper").count() == 1


def test_online_and_paper_the_earlier_counts(client, voting, moderator):
    """Online today, paper dated the first day of voting (entered later): the paper one was first."""
    Voter(client, voting.page).vote(voting.projects["park"])
    client.force_login(moderator)
    paper(client, voting)
    online = Ballot.objects.get(channel=BallotChannel.ONLINE)
    on_paper = Ballot.objects.get(channel=BallotChannel.PAPER)
    assert on_paper.status == BallotStatus.VALID and online.status == BallotStatus.DUPLICATE


def test_paper_and_online_all_void(client, voting, moderator):
    voting.page.duplicate_rule = DuplicateRule.ALL_VOID
    voting.page.save()
    Voter(client, voting.page).vote(voting.projects["park"])
    client.force_login(moderator)
    response = paper(client, voting)
    assert response.status_code == 302
    assert set(Ballot.objects.values_list("status", flat=True)) == {BallotStatus.VOID_DUPLICATE}


def test_second_paper_ballot_of_a_person_is_refused(client, voting, moderator):
    client.force_login(moderator)
    paper(client, voting)
    response = paper(client, voting, nazwisko="ŻAK WIŚNIEWSKA")
    assert "ma już wpisaną kartę papierową" in response.content.decode()
    assert Ballot.objects.count() == 1


def test_second_paper_ballot_under_all_void_voids_every_ballot_of_the_person(client, voting, moderator):
    voting.page.duplicate_rule = DuplicateRule.ALL_VOID
    voting.page.save()
    client.force_login(moderator)
    paper(client, voting)
    response = paper(client, voting, nazwisko="ŻAK WIŚNIEWSKA")
    body = response.content.decode()
    assert "ma już wpisaną kartę papierową" in body
    assert "jej wcześniejsze głosy unieważniono" in body
    assert list(Ballot.objects.values_list("status", flat=True)) == [BallotStatus.VOID_DUPLICATE]
    assert turnout(voting.page) == (0, {})


def test_online_after_paper_is_refused(client, voting, moderator):
    client.force_login(moderator)
    paper(client, voting)
    client.logout()
    voter = Voter(client, voting.page)
    voter.choose(voting.projects["park"])
    assert "już głosowała" in voter.identify().content.decode()


def test_invalidation_with_a_reason_is_logged_and_not_counted(client, voting, moderator):
    Voter(client, voting.page).vote(voting.projects["park"])
    ballot = Ballot.objects.get()
    client.force_login(moderator)
    url = reverse("ballots:edit", args=[ballot.pk])
    response = client.post(url, {"invalidation_reason": ""})
    assert response.status_code == 200
    client.post(url, {"invalidation_reason": "Brak meldunku i oświadczenia (rejestr, 3.06)"})
    ballot.refresh_from_db()
    assert ballot.status == BallotStatus.INVALIDATED and ballot.invalidated_by == moderator
    entry = ModelLogEntry.objects.get(action="consultation.ballot_invalidate")
    assert entry.data["reason"].startswith("Brak meldunku")
    client.post(reverse("ballots:count", args=[voting.page.pk]))
    assert BudgetProjectPage.objects.get(pk=voting.projects["park"].pk).votes_online == 0


def test_count_feeds_the_results(client, voting, moderator):
    Voter(client, voting.page).vote(voting.projects["park"], voting.projects["plac"])
    Voter(client, voting.page).vote(voting.projects["park"], data_urodzenia="01.01.1990")
    client.force_login(moderator)
    paper(client, voting, imie="Jan", projekty=[voting.projects["rowery"].pk, voting.projects["plac"].pk])
    client.post(reverse("ballots:count", args=[voting.page.pk]))
    projects = list(BudgetProjectPage.objects.child_of(voting.edition))
    votes = {project.number: (project.votes_online, project.votes_paper) for project in projects}
    assert votes[1] == (2, 0) and votes[2] == (0, 1) and votes[3] == (1, 1) and votes[5] == (0, 0)
    citywide = compute_results(voting.edition, projects)[0]
    assert [row.project.number for row in citywide.rows][:2] == [1, 2]
    # The counts are in the pages' latest revisions too: publishing a project keeps them.
    park = BudgetProjectPage.objects.get(pk=voting.projects["park"].pk)
    park.get_latest_revision().publish()
    park.refresh_from_db()
    assert (park.votes_online, park.votes_paper) == (2, 0)


def test_export_of_personal_data_is_logged_and_for_moderators_only(
    client, voting, moderator, django_user_model
):
    Voter(client, voting.page).vote(voting.projects["park"])
    url = reverse("ballots:export", args=[voting.page.pk])
    editor = django_user_model.objects.create_user("redaktor", password="x", is_staff=True)
    client.force_login(editor)
    assert client.post(url).status_code in (302, 403)
    client.force_login(moderator)
    response = client.post(url)
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][rows[0].index("nazwisko")] == "Żak-Wiśniewska"
    assert PageLogEntry.objects.filter(action="consultation.voters_export").count() == 1


def test_ballot_list_shows_no_personal_data(client, voting, moderator):
    Voter(client, voting.page).vote(voting.projects["park"])
    client.force_login(moderator)
    body = client.get(reverse("ballots:index")).content.decode()
    assert "Wpisz kartę papierową" in body
    assert "Żak" not in body and "600" not in body


def test_retention_removes_personal_data_then_identity_keys(client, voting):
    from io import StringIO

    from django.core.management import call_command

    from tests.voting_fixtures import shifted_time

    voting.page.retention_days = 10
    voting.page.save()
    Voter(client, voting.page).vote(voting.projects["park"])
    unconfirmed = Voter(client, voting.page)
    unconfirmed.choose(voting.projects["park"])
    unconfirmed.identify(data_urodzenia="01.01.1991")
    call_command("purge_voting_data", stdout=StringIO())
    assert Ballot.objects.get().personal_data
    with shifted_time(datetime.timedelta(days=9 + voting.page.retention_days + 1)):
        call_command("purge_voting_data", stdout=StringIO())
    ballot = Ballot.objects.get()
    assert ballot.personal_data == {} and ballot.identity_key, "the key still blocks a second ballot"
    assert not VoteCode.objects.exists()
    with shifted_time(datetime.timedelta(days=200)):
        call_command("purge_voting_data", stdout=StringIO())
    assert Ballot.objects.get().identity_key is None
