"""Demo participatory budget: a list of editions with last year's edition, voted on and being built
(projects in every final status, votes, status histories, progress updates with photos), and next
year's edition taking proposals today through its form. Pictures are drawn here with Pillow; all
dates are counted from the day the demo is loaded. Safe to run again: an existing list is kept."""

import datetime

from django.utils import timezone

from home.demo import demo_builder, demo_document, ensure_child, heading, paragraph, stream
from home.demo_privacy import DPO_EMAIL, RETENTION_DAYS
from home.models import HomePage

from .choices import ProposalStatus as S
from .demo_projects import PAST_PROJECTS, add_project
from .models import (
    BudgetArea,
    BudgetEditionPage,
    BudgetIndexPage,
    PrivacyNotice,
    ProposalFormPage,
    Submission,
)
from .models.budget import CITYWIDE
from .models.proposals import AREA_FIELD, COST_FIELD

SLUGS = ("budzet-obywatelski", "edycje")

# (district, pool, largest cost of one project): 5 100 000 zł for districts, with the city-wide
# 2 500 000 zł the edition divides 7 600 000 zł.
DISTRICTS = [
    ("Śródmieście", 700_000, 300_000),
    ("Pogoń", 600_000, 300_000),
    ("Sielec", 500_000, 250_000),
    ("Zagórze", 800_000, 300_000),
    ("Środula", 600_000, 300_000),
    ("Klimontów", 500_000, 250_000),
    ("Niwka", 450_000, 200_000),
    ("Milowice", 450_000, 200_000),
    ("Kazimierz Górniczy", 500_000, 250_000),
]
CITYWIDE_POOL, CITYWIDE_LIMIT = 2_500_000, 1_000_000

BUDGET_NOTICE = "Klauzula informacyjna – budżet obywatelski"
BUDGET_NOTICE_TEXT = (
    "<p><b>Administrator danych:</b> Prezydent Miasta Sosnowca, Urząd Miejski w Sosnowcu, "
    "Al. Zwycięstwa 20, 41-200 Sosnowiec.</p>"
    f'<p><b>Inspektor ochrony danych:</b> <a href="mailto:{DPO_EMAIL}">{DPO_EMAIL}</a>.</p>'
    "<p><b>Cel i podstawa prawna:</b> sprawdzenie zgłoszonego projektu, kontakt z jego autorem i "
    "informacja o wyniku weryfikacji – obowiązek prawny miasta (art. 6 ust. 1 lit. c RODO w związku "
    "z art. 5a ust. 3–7 ustawy o samorządzie gminnym) i zadanie w interesie publicznym (art. 6 ust. 1 "
    "lit. e RODO).</p>"
    "<p><b>Odbiorcy:</b> upoważnieni pracownicy urzędu i zespół weryfikujący projekty, firma utrzymująca "
    "serwer serwisu na podstawie umowy powierzenia. Tytuł, opis i koszt projektu publikujemy; danych "
    "autora nie publikujemy.</p>"
    f"<p><b>Okres przechowywania:</b> imię i nazwisko, adres e-mail, telefon i załączniki autora usuwamy "
    f"{RETENTION_DAYS} dni po zakończeniu naboru projektów; projekt zostaje bez danych osobowych.</p>"
    "<p><b>Twoje prawa:</b> dostęp do danych, ich sprostowanie, usunięcie lub ograniczenie "
    "przetwarzania, sprzeciw oraz skarga do Prezesa Urzędu Ochrony Danych Osobowych.</p>"
)


@demo_builder(order=25)
def build_budget(stdout):
    home = HomePage.objects.get(depth=2, locale__language_code="pl")
    if BudgetIndexPage.objects.child_of(home).exists():
        return
    taken = set(home.get_children().values_list("slug", flat=True))
    slug = next(slug for slug in SLUGS if slug not in taken)
    index, _created = ensure_child(
        home,
        BudgetIndexPage,
        slug,
        title="Budżet obywatelski",
        show_in_menus=True,
        lead="Mieszkańcy zgłaszają projekty, a potem w głosowaniu decydują, które z nich miasto zrealizuje.",
        intro=(
            "<p>Co roku część wydatków Sosnowca dzielimy na pulę dla całego miasta i pule dzielnic. "
            "Projekt może zgłosić każdy mieszkaniec; po weryfikacji w urzędzie trafia pod głosowanie.</p>"
        ),
    )
    stdout.write("  budżet obywatelski")
    today = timezone.localdate()
    _past_edition(index, today)
    _current_edition(index, today)


def _edition(index, *, year, dates, lead, body, min_votes=0, results_published=False):
    rules = demo_document(
        f"Regulamin budżetu obywatelskiego na {year} rok",
        f"regulamin-bo-{year}.pdf",
        [f"Regulamin budzetu obywatelskiego Sosnowca na rok {year}", "Zalacznik do uchwaly Rady Miejskiej"],
    )
    edition = BudgetEditionPage(
        title=f"Budżet obywatelski {year}",
        slug=str(year),
        locale=index.locale,
        year=year,
        lead=lead,
        body=body,
        rules_document=rules,
        citywide_pool=CITYWIDE_POOL,
        citywide_cost_limit=CITYWIDE_LIMIT,
        min_votes=min_votes,
        results_published=results_published,
        **dates,
    )
    edition.areas = [
        BudgetArea(name=name, pool_amount=amount, cost_limit=limit) for name, amount, limit in DISTRICTS
    ]
    index.add_child(instance=edition)
    edition.save_revision().publish()
    return edition


def _past_edition(index, today):
    year = today.year
    day = datetime.date
    edition = _edition(
        index,
        year=year,
        dates={
            "submission_start": day(year - 1, 3, 1),
            "submission_end": day(year - 1, 3, 31),
            "verification_end": day(year - 1, 5, 31),
            "appeals_end": day(year - 1, 6, 20),
            "voting_start": day(year - 1, 9, 1),
            "voting_end": day(year - 1, 9, 21),
            "results_date": day(year - 1, 10, 1),
            "realisation_start": day(year, 1, 1),
        },
        lead="Mieszkańcy oddali ponad 17 tysięcy głosów. Zobacz, które projekty wygrały i jak idzie ich budowa.",
        body=stream(
            heading("Jak głosowaliśmy"),
            paragraph(
                "Głosować można było przez internet i na papierowej karcie w punktach w urzędzie i "
                "bibliotekach. Każdy mieszkaniec wybierał projekty z puli ogólnomiejskiej i jednej dzielnicy.",
                "Projekt musiał zdobyć co najmniej 100 głosów, żeby mógł wygrać.",
            ),
        ),
        min_votes=100,
        results_published=True,
    )
    areas = {area.name: area for area in edition.areas.all()}
    start = edition.realisation_start
    for project in PAST_PROJECTS:
        add_project(edition, project, areas, start)


def _current_edition(index, today):
    offset = datetime.timedelta
    results_date = today + offset(days=100)
    year = today.year + 1
    edition = _edition(
        index,
        year=year,
        dates={
            "submission_start": today - offset(days=10),
            "submission_end": today + offset(days=20),
            "verification_end": today + offset(days=55),
            "appeals_end": today + offset(days=70),
            "voting_start": today + offset(days=80),
            "voting_end": today + offset(days=94),
            "results_date": results_date,
            "realisation_start": max(datetime.date(year, 1, 1), results_date + offset(days=14)),
        },
        lead="Trwa nabór: zgłoś pomysł na swoją dzielnicę albo na całe miasto.",
        body=stream(
            heading("Kto może zgłosić projekt"),
            paragraph(
                "Każda osoba mieszkająca w Sosnowcu. Do projektu dołącz listę poparcia podpisaną przez "
                "co najmniej 15 mieszkańców i, gdy teren nie należy do miasta, zgodę jego właściciela.",
                "Jedna osoba może zgłosić do trzech projektów. Autor projektu ocenionego negatywnie ma "
                "7 dni na odwołanie.",
            ),
        ),
    )
    notice = PrivacyNotice.objects.filter(title=BUDGET_NOTICE).first()
    if notice is None:
        notice = PrivacyNotice.objects.create(title=BUDGET_NOTICE, text=BUDGET_NOTICE_TEXT)
        notice.save_revision()
    form = ProposalFormPage(
        title="Formularz zgłoszenia projektu",
        slug="zglos-projekt",
        locale=index.locale,
        lead="Wypełnij formularz i dołącz listę poparcia. Wynik weryfikacji wyślemy e-mailem.",
        body=stream(
            paragraph(
                "Opisz, co ma powstać, gdzie i dla kogo. Koszt oszacuj z zapasem: urząd sprawdzi go przy "
                "weryfikacji. Wzór listy poparcia jest w regulaminie."
            )
        ),
        privacy_notice=notice,
        notify_emails="budzet@sosnowiec.invalid",
        thank_you_text="Dziękujemy! Projekt trafił do weryfikacji. Potwierdzenie wysłaliśmy e-mailem.",
    )
    edition.add_child(instance=form)
    form.save_revision().publish()
    _proposals(form, edition)


# Proposals waiting in the moderators' inbox: (title, place, district, cost, status, justification).
PROPOSALS = [
    (
        "Ławki i kosze na skwerze przy ul. Kilińskiego",
        "Pogoń, skwer przy ul. Kilińskiego",
        "Pogoń",
        45_000,
        S.SUBMITTED,
        "",
    ),
    ("Zajęcia z programowania dla seniorów", "Biblioteka, ul. Kościelna 11", None, 60_000, S.FORMAL, ""),
    ("Oświetlenie ścieżki w parku Środula", "Park Środula", "Środula", 180_000, S.SUBSTANTIVE, ""),
    (
        "Parking wielopoziomowy przy dworcu",
        "Śródmieście, ul. Mościckiego",
        "Śródmieście",
        290_000,
        S.NEGATIVE,
        "Teren należy do spółki kolejowej, a do projektu nie dołączono zgody właściciela.",
    ),
]


def _proposals(form, edition):
    names = {field.label: field.clean_name for field in form.get_form_fields()}
    areas = {area.name: area.pk for area in edition.areas.all()}
    now = timezone.now()
    for number, (title, place, district, cost, status, reason) in enumerate(PROPOSALS, start=1):
        Submission.objects.create(
            page=form,
            form_data={
                names["Tytuł projektu"]: title,
                names["Miejsce realizacji"]: place,
                names["Opis projektu"]: f"{title}: opis przygotowany przez mieszkańców dzielnicy.",
                names["Uzasadnienie"]: "Mieszkańcy od dawna zgłaszają tę potrzebę radzie dzielnicy.",
                names["Imię i nazwisko autora"]: f"Autor projektu {number}",
                names["E-mail"]: f"autor{number}@example.com",
                AREA_FIELD: str(areas[district]) if district else CITYWIDE,
                COST_FIELD: cost,
            },
            topic=district or str(edition.pools()[0].name),
            status=status,
            reason=reason,
            decided_at=now if reason else None,
            consent_at=now,
        )
