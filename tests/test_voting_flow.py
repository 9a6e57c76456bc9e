"""The online ballot step by step: choose, identify, confirm by code; each step's errors."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from consultation.choices import BallotChannel, BallotStatus, VotingAreaRule, VotingIdentity
from consultation.models import Ballot, VoteCode
from consultation.voting import sms
from tests.voting_fixtures import PERSON, Voter, last_code, shifted_time, token

pytestmark = pytest.mark.django_db


def test_ballot_lists_projects_on_the_ballot_with_number_area_cost_and_link(client, voting):
    page = client.get(voting.page.url).content.decode()
    assert "Park linowy nad Przemszą" in page
    assert "nr 3" in page and "Zagórze" in page
    assert "100\u00a0000\u00a0zł" in page
    assert voting.projects["plac"].url in page
    assert "Projekt odrzucony" not in page


def test_area_filter_shows_city_wide_and_the_chosen_district_only(client, voting):
    zagorze = voting.area("Zagórze")
    page = client.get(voting.page.url, {"dzielnica": str(zagorze.pk)}).content.decode()
    assert "Plac zabaw na Zagórzu" in page and "Park linowy" in page
    assert "Boisko na Pogoni" not in page


def test_full_ballot_is_counted_once_with_a_receipt(voter, voting):
    response = voter.vote(voting.projects["park"], voting.projects["plac"])
    assert response.status_code == 200
    ballot = Ballot.objects.get()
    assert ballot.channel == BallotChannel.ONLINE and ballot.status == BallotStatus.VALID
    assert set(ballot.projects.all()) == {voting.projects["park"].page_ptr.specific, voting.projects["plac"]}
    assert ballot.area == voting.area("Zagórze")
    body = response.content.decode()
    assert ballot.receipt_code in body
    assert "Park linowy" not in body, "the receipt page does not repeat the choices"
    assert ballot.receipt_code in sms.outbox[-1][1]
    assert ballot.personal_data["nazwisko"] == "Żak-Wiśniewska"


def test_summary_of_the_choice_is_shown_before_sending(voter, voting):
    response = voter.choose(voting.projects["rowery"])
    body = response.content.decode()
    assert "Twój wybór" in body and "Stojaki rowerowe przy szkołach" in body


def test_nothing_is_counted_before_the_code(voter, voting):
    voter.choose(voting.projects["park"])
    voter.identify()
    assert not Ballot.objects.exists()
    assert VoteCode.objects.count() == 1


def test_going_back_keeps_the_choice(voter, voting):
    voter.choose(voting.projects["park"], voting.projects["lawki"])
    response = voter.client.post(
        voting.page.url, {"wroc": "1", "karta": voter.response.context["back_token"]}
    )
    body = response.content.decode()
    assert f'value="{voting.projects["park"].pk}" id="projekt-{voting.projects["park"].pk}" checked' in body
    assert f'value="{voting.projects["lawki"].pk}" id="projekt-{voting.projects["lawki"].pk}" checked' in body


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (("park", "rowery"), "Projektów ogólnomiejskich możesz wybrać najwyżej 1."),
        (("plac", "lawki"), "Projektów dzielnicowych możesz wybrać najwyżej 1."),
        ((), "Wybierz co najmniej jeden projekt."),
    ],
)
def test_wrong_choice_is_refused_with_a_message(voter, voting, choice, message):
    response = voter.choose(*(voting.projects[name] for name in choice))
    assert message in response.content.decode()
    assert "Krok 1" in response.content.decode()


def test_projects_of_two_districts_are_refused(voter, voting):
    voting.page.area_choices = 2
    voting.page.save()
    response = voter.choose(voting.projects["plac"], voting.projects["boisko"])
    assert "Wszystkie projekty dzielnicowe muszą być z jednej dzielnicy." in response.content.decode()


def test_project_not_on_the_ballot_is_refused(voter, voting):
    response = voter.choose(voting.projects["odrzucony"])
    assert "Jednego z wybranych projektów nie ma na karcie" in response.content.decode()


def test_own_district_only_where_the_edition_says_so(voter, voting):
    voting.page.area_rule = VotingAreaRule.OWN
    voting.page.save()
    voter.choose(voting.projects["plac"])
    response = voter.identify(dzielnica=str(voting.area("Pogoń").pk))
    assert "tylko na projekty dzielnicy, w której mieszkasz" in response.content.decode()
    assert not VoteCode.objects.exists()
    voter.response = voter.client.post(voting.page.url, {"projekty": [voting.projects["plac"].pk]})
    voter.identify(dzielnica=str(voting.area("Zagórze").pk))
    voter.confirm()
    assert Ballot.objects.get().area == voting.area("Zagórze")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("data_urodzenia", "01.01.2999", "Data urodzenia nie może być w przyszłości."),
        ("data_urodzenia", "31.02.1990", "Wpisz datę urodzenia jako dzień.miesiąc.rok"),
        # 60 would be read as 2060 and 20 as 2020: a two-digit year is not guessed
        ("data_urodzenia", "14.05.60", "Wpisz rok urodzenia czterema cyframi"),
        ("data_urodzenia", "14.05.20", "Wpisz rok urodzenia czterema cyframi"),
        ("telefon", "600 123 456 – prywatny, dzwonić po 16", "Tekst jest za długi"),
        ("telefon", "12345", "Wpisz 9-cyfrowy numer telefonu"),
        ("imie", "", "To pole jest wymagane."),
        ("oswiadczenie_dane", None, "Bez tego oświadczenia nie możemy przyjąć głosu."),
    ],
)
def test_identity_errors_keep_what_was_typed(voter, voting, field, value, message):
    voter.choose(voting.projects["park"])
    response = voter.identify(**{field: value})
    body = response.content.decode()
    assert message in body
    assert 'value="ul. Zielona 12/3, 41-200 Sosnowiec"' in body
    assert "Park linowy nad Przemszą" in body, "the started ballot is kept"
    assert not VoteCode.objects.exists() and not sms.outbox


def test_minor_votes_with_a_guardians_name(voter, voting):
    child = (timezone.localdate() - timedelta(days=365 * 10)).strftime("%d.%m.%Y")
    voter.choose(voting.projects["park"])
    response = voter.identify(data_urodzenia=child)
    assert "wpisz imię i nazwisko rodzica lub opiekuna" in response.content.decode()
    voter.identify(data_urodzenia=child, opiekun="Anna Kowal")
    voter.confirm()
    assert Ballot.objects.get().personal_data["opiekun"] == "Anna Kowal"


def test_pesel_checksum_and_future_birth_date(voter, voting):
    voting.page.identity_method = VotingIdentity.PESEL
    voting.page.save()
    base = {"imie": None, "drugie_imie": None, "nazwisko": None, "data_urodzenia": None, "adres": None}
    voter.choose(voting.projects["park"])
    response = voter.identify(pesel="44051401358", **base)
    assert "To nie jest poprawny numer PESEL" in response.content.decode()
    # A correct checksum, but born on 1 January 2099 (month 21: the 2000s).
    response = voter.identify(pesel="99210112348", **base)
    assert "Ten PESEL wskazuje datę urodzenia w przyszłości" in response.content.decode()
    assert not VoteCode.objects.exists()
    voter.identify(pesel="44051401359", **base)
    voter.confirm()
    assert Ballot.objects.get().personal_data == {"pesel": "44051401359", "telefon": "+48600123456"}


def test_wrong_code_then_right_code(voter, voting):
    voter.choose(voting.projects["park"])
    voter.identify()
    code = last_code()
    wrong = "0000" if code != "0000" else "1111"
    response = voter.confirm(wrong)
    assert "Kod jest nieprawidłowy. Pozostałe próby: 2." in response.content.decode()
    voter.confirm(code)
    assert Ballot.objects.count() == 1


def test_fourth_attempt_is_refused_even_with_the_right_code(voter, voting):
    voter.choose(voting.projects["park"])
    voter.identify()
    code = last_code()
    wrong = "0000" if code != "0000" else "1111"
    for _ in range(3):
        voter.confirm(wrong)
    response = voter.confirm(code)
    assert "Wykorzystano wszystkie próby" in response.content.decode()
    assert not Ballot.objects.exists()


def test_expired_code_is_refused_and_a_new_one_works(voter, voting):
    voter.choose(voting.projects["park"])
    voter.identify()
    code = last_code()
    with shifted_time(timedelta(minutes=11)):
        response = voter.confirm(code)
        assert "Kod wygasł" in response.content.decode()
        voter.confirm("", ponow="1")
        assert "Wysłaliśmy nowy kod" in voter.response.content.decode()
        voter.confirm()
    assert Ballot.objects.count() == 1


def test_resend_waits_a_minute(voter, voting):
    voter.choose(voting.projects["park"])
    voter.identify()
    response = voter.confirm("", ponow="1")
    assert "Nowy kod możesz wysłać za" in response.content.decode()
    assert len(sms.outbox) == 1


def test_email_code_where_the_edition_allows_it(voter, voting, mailoutbox):
    voting.page.email_codes_allowed = True
    voting.page.save()
    voter.choose(voting.projects["park"])
    response = voter.identify(kanal="email")
    assert "Wpisz adres e-mail, na który mamy wysłać kod." in response.content.decode()
    mistyped = voter.identify(kanal="email", email="lucja.example.com").content.decode()
    assert "To nie wygląda na adres e-mail. Wpisz go w całości, np. anna.nowak@example.com." in mistyped
    assert "Wprowadź poprawny adres email." not in mistyped
    voter.identify(kanal="email", email="lucja@example.com")
    code = mailoutbox[-1].body.split(": ")[1][:6]
    assert code.isdigit() and len(code) == 6
    voter.confirm(code)
    assert Ballot.objects.count() == 1


def test_replayed_code_step_does_not_count_twice(voter, voting):
    voter.choose(voting.projects["park"])
    voter.identify()
    confirm_page = voter.response
    code = last_code()
    voter.confirm(code)
    voter.response = confirm_page
    response = voter.confirm(code)
    assert response.status_code == 409
    assert "już potwierdzony" in response.content.decode()
    assert Ballot.objects.count() == 1


@pytest.mark.parametrize("route", ["dane/", "kod/"])
def test_tampered_step_token_is_refused(voter, voting, route):
    voter.choose(voting.projects["park"])
    forged = token(voter.response)[:-3] + "abc"
    response = voter.client.post(voting.page.url + route, {**PERSON, "karta": forged, "kod": "1234"})
    assert response.status_code == 400
    assert "Zacznij głosowanie od nowa" in response.content.decode()


def test_token_of_one_step_does_not_open_another(voter, voting):
    voter.choose(voting.projects["park"])
    response = voter.client.post(voting.page.url + "kod/", {"karta": token(voter.response), "kod": "1234"})
    assert response.status_code == 400


def test_old_step_token_expires(voter, voting):
    voter.choose(voting.projects["park"])
    with shifted_time(timedelta(hours=2)):
        response = voter.identify()
    assert response.status_code == 400


@pytest.mark.parametrize("days", [-20, 30])
def test_voting_outside_the_phase_is_refused(client, voting, days):
    voter = Voter(client, voting.page)
    voter.choose(voting.projects["park"])
    voter.identify()
    with shifted_time(timedelta(days=days)):
        page = client.get(voting.page.url).content.decode()
        response = voter.confirm()
    assert ("potrwa od" if days < 0 else "zakończyło się") in page
    assert 'name="projekty"' not in page
    assert not Ballot.objects.exists()
    assert response.status_code == 200 and "Krok 3" not in response.content.decode()


def test_get_on_a_later_step_goes_back_to_the_ballot(client, voting):
    assert client.get(voting.page.url + "dane/").url == voting.page.url
    assert client.get(voting.page.url + "kod/").url == voting.page.url


def test_honeypot_refuses(voter, voting):
    response = voter.choose(voting.projects["park"], website="http://spam.example")
    assert "musi zostać puste" in response.content.decode()


def test_list_of_editions_links_to_the_ballot_while_voting(client, voting, budget):
    body = client.get(budget.index.url).content.decode()
    assert f'href="{voting.page.url}"' in body and "Głosuj" in body


def test_phone_field_does_not_cut_pasted_text(voter, voting):
    """A browser cuts a pasted text at `maxlength` without a word; the length is checked on the
    server with a message instead."""
    response = voter.choose(voting.projects["park"])
    field = re.search(r'<input [^>]*name="telefon"[^>]*>', response.content.decode()).group(0)
    assert " maxlength=" not in field
