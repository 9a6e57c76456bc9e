"""Demo voting, after the demo budget (consultation/demo_budget.py): last year's edition gets its
voting page and the ballots behind its published votes (so its open data recount to the published
table); the edition taking proposals gets a voting page that opens in its voting phase; and a trial
edition votes today, for testers. Editions are found by year; a missing one is skipped."""

import datetime
import random

from django.conf import settings
from django.utils import timezone

from home.demo import demo_builder, heading, paragraph, stream
from home.demo_privacy import DPO_EMAIL

from .choices import BallotChannel, ProposalStatus
from .models import (
    Ballot,
    BallotChoice,
    BudgetEditionPage,
    BudgetIndexPage,
    BudgetProjectPage,
    PrivacyNotice,
    VotingPage,
)
from .results import VOTED_STATUSES
from .voting import identity

TRIAL_TITLE = "Budżet obywatelski – głosowanie próbne"

# What consultation/voting keeps and `purge_voting_data` (run daily) removes: the waiting ballot
# (VoteCode) after a day, the voter's data after the page's retention days, the identity key once
# the edition is being realised.
VOTING_RETENTION_DAYS = VotingPage._meta.get_field("retention_days").default
VOTING_NOTICE = "Klauzula informacyjna – głosowanie w budżecie obywatelskim"
VOTING_NOTICE_TEXT = (
    "<p><b>Administrator danych:</b> Prezydent Miasta Sosnowca, Urząd Miejski w Sosnowcu, "
    "Al. Zwycięstwa 20, 41-200 Sosnowiec.</p>"
    f'<p><b>Inspektor ochrony danych:</b> <a href="mailto:{DPO_EMAIL}">{DPO_EMAIL}</a>.</p>'
    "<p><b>Cel i podstawa prawna:</b> policzenie Twojego głosu, sprawdzenie, czy głosuje mieszkaniec "
    "Sosnowca i czy każda osoba głosuje tylko raz (w internecie albo na papierowej karcie), oraz "
    "wysłanie kodu potwierdzającego głos – obowiązek prawny miasta (art. 6 ust. 1 lit. c RODO "
    "w związku z art. 5a ust. 3–7 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym i uchwałą Rady "
    "Miejskiej w sprawie budżetu obywatelskiego).</p>"
    "<p><b>Jakie dane:</b> imiona, nazwisko, data urodzenia, adres zamieszkania, numer telefonu, "
    "a gdy o to prosisz – adres e-mail; za dziecko także imię i nazwisko rodzica lub opiekuna.</p>"
    "<p><b>Odbiorcy:</b> upoważnieni pracownicy urzędu, którzy liczą głosy i sprawdzają prawo do "
    "głosowania w ewidencji mieszkańców, operator bramki SMS, który wysyła kod i potwierdzenie głosu, oraz firma utrzymująca "
    "serwer serwisu – obie na podstawie umowy powierzenia. Publikujemy tylko wynik i karty bez danych "
    "osobowych: losowy numer karty i numery wybranych projektów.</p>"
    "<p><b>Okres przechowywania:</b> kod z SMS-a jest ważny "
    f"{settings.VOTING_CODE_MINUTES} minut i zapisujemy tylko jego zaszyfrowany skrót; niepotwierdzony "
    "głos razem z danymi usuwamy najpóźniej po dwóch dobach. Dane osoby, która oddała głos, usuwamy "
    f"{VOTING_RETENTION_DAYS} dni po zakończeniu głosowania. Do rozpoczęcia realizacji projektów "
    "zostają tylko zaszyfrowane skróty imion, nazwiska i daty urodzenia oraz numeru telefonu, dzięki "
    "którym nikt nie zagłosuje drugi raz; potem usuwamy i je.</p>"
    "<p><b>Twoje prawa:</b> dostęp do danych, ich sprostowanie, usunięcie lub ograniczenie "
    "przetwarzania, sprzeciw oraz skarga do Prezesa Urzędu Ochrony Danych Osobowych. Podanie danych "
    "jest dobrowolne, ale bez nich nie możemy przyjąć głosu.</p>"
)
TRIAL_PROJECTS = [
    # (number, title, district or None, cost)
    (1, "Zielone przystanki w centrum", None, 400_000),
    (2, "Miejska wypożyczalnia sprzętu sportowego", None, 250_000),
    (3, "Siłownia plenerowa przy Parku Sieleckim", "Sielec", 180_000),
    (4, "Oświetlenie alejek na Pogoni", "Pogoń", 220_000),
    (5, "Ogród deszczowy przy szkole w Śródmieściu", "Śródmieście", 150_000),
]


@demo_builder(order=26)
def build_voting(stdout):
    index = BudgetIndexPage.objects.filter(locale__language_code="pl").first()
    if index is None:
        return
    today = timezone.localdate()
    editions = {edition.year: edition for edition in BudgetEditionPage.objects.child_of(index)}
    past, current = editions.get(today.year), editions.get(today.year + 1)
    if past is not None and not VotingPage.objects.child_of(past).exists():
        page = _voting_page(past)
        count = _ballots_behind_the_votes(page, past)
        stdout.write(f"  głosowanie {past.year}: {count} kart")
    if current is not None and not VotingPage.objects.child_of(current).exists():
        _voting_page(current)
        stdout.write(f"  głosowanie {current.year}: strona karty (otworzy się w fazie głosowania)")
    if not BudgetEditionPage.objects.child_of(index).filter(title=TRIAL_TITLE).exists():
        _trial_edition(index, today, taken=set(editions))
        stdout.write("  głosowanie próbne: trwa dziś")


def _voting_notice():
    notice = PrivacyNotice.objects.filter(title=VOTING_NOTICE).first()
    if notice is None:
        notice = PrivacyNotice.objects.create(title=VOTING_NOTICE, text=VOTING_NOTICE_TEXT)
        notice.save_revision()
    return notice


def _voting_page(edition, **rules):
    page = VotingPage(
        privacy_notice=_voting_notice(),
        title="Głosuj",
        slug=f"glosowanie-{edition.year}",
        locale=edition.locale,
        lead="Wybierz jeden projekt ogólnomiejski i jeden projekt z wybranej dzielnicy. Głos potwierdzisz kodem z SMS-a.",
        body=stream(
            heading("Kto może głosować"),
            paragraph(
                "Każda osoba mieszkająca w Sosnowcu, bez względu na wiek; za dziecko głosuje rodzic lub opiekun. "
                "Głosować można raz: przez internet albo na papierowej karcie w punktach w urzędzie i bibliotekach.",
            ),
        ),
        **rules,
    )
    edition.add_child(instance=page)
    page.save_revision().publish()
    return page


def _ballots_behind_the_votes(page, edition):
    """Ballots that add up to each project's published online and paper votes: a city-wide and a
    district project paired on one ballot while both are left, the rest alone."""
    rng = random.Random(edition.year)
    projects = BudgetProjectPage.objects.child_of(edition).filter(status__in=VOTED_STATUSES)
    voting_days = (edition.voting_end - edition.voting_start).days + 1
    ballots, choices = [], []
    person = 0
    for channel, field in ((BallotChannel.ONLINE, "votes_online"), (BallotChannel.PAPER, "votes_paper")):
        citywide, local = [], []
        for project in projects:
            votes = getattr(project, field) or 0
            (local if project.area_id else citywide).extend([project] * votes)
        rng.shuffle(citywide)
        rng.shuffle(local)
        while citywide or local:
            chosen = [stack.pop() for stack in (citywide, local) if stack]
            person += 1
            cast_on = edition.voting_start + datetime.timedelta(days=rng.randrange(voting_days))
            ballot = Ballot(
                page=page,
                channel=channel,
                identity_key=identity.keyed_hash("demo", page.pk, person),
                area_id=next((project.area_id for project in chosen if project.area_id), None),
                cast_at=timezone.make_aware(
                    datetime.datetime.combine(cast_on, datetime.time(rng.randrange(7, 22)))
                ),
            )
            ballots.append(ballot)
            choices.append(chosen)
    Ballot.objects.bulk_create(ballots, batch_size=500)
    BallotChoice.objects.bulk_create(
        (
            BallotChoice(ballot=ballot, project=project)
            for ballot, chosen in zip(ballots, choices, strict=True)
            for project in chosen
        ),
        batch_size=1000,
    )
    return len(ballots)


def _trial_edition(index, today, taken):
    from .demo_budget import _edition

    offset = datetime.timedelta
    # A year before the others, so the list of editions still shows the edition taking proposals as
    # the current one; the title says what this edition is.
    year = min(taken | {today.year}) - 1
    edition = _edition(
        index,
        year=year,
        dates={
            "submission_start": today - offset(days=100),
            "submission_end": today - offset(days=80),
            "verification_end": today - offset(days=50),
            "appeals_end": today - offset(days=40),
            "voting_start": today - offset(days=3),
            "voting_end": today + offset(days=30),
            "results_date": today + offset(days=35),
            "realisation_start": today + offset(days=60),
        },
        lead="Edycja do wypróbowania głosowania: głosowanie trwa dziś. Głosy z tej edycji nic nie rozstrzygają.",
        body=stream(paragraph("Na stronie dewelopera kod z SMS-a pojawia się w logu serwera (konsola).")),
    )
    edition.title = TRIAL_TITLE
    edition.slug = f"proba-{year}"
    edition.save_revision().publish()
    edition = BudgetEditionPage.objects.get(pk=edition.pk)  # with the new slug in its url_path
    areas = {area.name: area for area in edition.areas.all()}
    for number, title, district, cost in TRIAL_PROJECTS:
        project = BudgetProjectPage(
            title=title,
            slug=f"projekt-{number}",
            locale=edition.locale,
            number=number,
            area=areas.get(district),
            cost=cost,
            status=ProposalStatus.ON_BALLOT,
            body=stream(paragraph("Projekt przykładowy do głosowania próbnego.")),
        )
        edition.add_child(instance=project)
        project.save_revision().publish()
    _voting_page(edition)
