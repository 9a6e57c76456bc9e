"""Demo participatory budget: a list of editions with last year's edition, voted on and being built
(projects in every final status, votes, status histories, progress updates with photos), and next
year's edition taking proposals today through its form. Pictures are drawn here with Pillow; all
dates are counted from the day the demo is loaded. Safe to run again: an existing list is kept."""

import datetime
from dataclasses import dataclass, field
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.coreutils import string_to_ascii
from wagtail.images import get_image_model

from home.demo import demo_builder, demo_document, ensure_child, heading, paragraph, stream
from home.demo_content import DPO_EMAIL, RETENTION_DAYS
from home.models import HomePage

from .choices import ProposalStatus as S
from .models import (
    BudgetArea,
    BudgetEditionPage,
    BudgetIndexPage,
    BudgetProjectPage,
    PrivacyNotice,
    ProjectStatusChange,
    ProjectUpdate,
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


@dataclass
class DemoProject:
    number: int
    title: str
    district: str | None  # None: city-wide
    cost: int
    status: str
    location: str
    description: str
    votes: tuple | None = None  # (online, paper)
    picture: str = ""  # a scene drawn by `draw_scene`
    verification: str = "Projekt spełnia wymogi formalne; urząd potwierdził koszt i wykonalność."
    updates: list = field(default_factory=list)  # (days after the start of realisation, text, scene)


PAST_PROJECTS = [
    DemoProject(
        1,
        "Zielona ścieżka rowerowa wzdłuż Czarnej Przemszy",
        None,
        950_000,
        S.IMPLEMENTED,
        "bulwary nad Czarną Przemszą, od ul. Piłsudskiego do parku Sieleckiego",
        "Dwukierunkowa droga rowerowa z oświetleniem i ławkami w cieniu drzew, łącząca centrum z parkiem.",
        (2410, 600),
        "path",
        updates=[
            (60, "Wykonawca wytyczył trasę i zaczął układać podbudowę.", "path"),
            (150, "Ścieżka jest gotowa: asfalt, oznakowanie i lampy. Zapraszamy na przejażdżkę!", "path"),
        ],
    ),
    DemoProject(
        2,
        "Warsztaty programowania dla dzieci w filiach biblioteki",
        None,
        180_000,
        S.IN_PROGRESS,
        "filie Miejskiej Biblioteki Publicznej w całym mieście",
        "Cotygodniowe zajęcia z robotyki i programowania dla uczniów szkół podstawowych, z laptopami do nauki.",
        (1500, 200),
        "workshop",
        updates=[
            (30, "Biblioteka kupiła laptopy i zestawy robotów; pierwsze grupy zaczęły zajęcia.", "workshop")
        ],
    ),
    DemoProject(
        3,
        "Łąki kwietne i budki lęgowe w parkach miejskich",
        None,
        120_000,
        S.SELECTED,
        "parki: Sielecki, Schoena i Środula",
        "Zamiast trawnika koszonego co dwa tygodnie: łąki dla owadów zapylających i sto budek dla ptaków.",
        (1350, 250),
        "meadow",
    ),
    DemoProject(
        4,
        "Kino pod chmurką w dzielnicach",
        None,
        990_000,
        S.IN_PROGRESS,
        "skwery w dziewięciu dzielnicach",
        "Letnie seanse filmowe na świeżym powietrzu, z ekranem i nagłośnieniem, co tydzień w innej dzielnicy.",
        (1050, 150),
        updates=[(120, "Kupiono ekran i nagłośnienie; pierwszy seans odbędzie się w czerwcu.", "")],
    ),
    DemoProject(
        5,
        "Nocna linia autobusowa do Zagórza",
        None,
        800_000,
        S.NOT_SELECTED,
        "trasa: dworzec PKP Sosnowiec Główny – Zagórze",
        "Autobus kursujący co godzinę między północą a czwartą rano przez cały rok.",
        (780, 120),
    ),
    DemoProject(
        6,
        "Siłownia pod chmurką przy stadionie",
        None,
        300_000,
        S.NOT_SELECTED,
        "teren przy Stadionie Ludowym",
        "Dziesięć urządzeń do ćwiczeń dla dorosłych i seniorów, z tablicą z instrukcjami.",
        (700, 110),
    ),
    DemoProject(
        7,
        "Plac zabaw w parku w Zagórzu",
        "Zagórze",
        290_000,
        S.IMPLEMENTED,
        "park przy ul. Szymanowskiego",
        "Bezpieczna nawierzchnia, huśtawki, zjeżdżalnia i piaskownica dla dzieci do lat dwunastu.",
        (980, 160),
        "playground",
        updates=[
            (45, "Stary sprzęt rozebrany, trwa wymiana nawierzchni.", "playground"),
            (110, "Plac zabaw otwarty po odbiorze technicznym.", "playground"),
        ],
    ),
    DemoProject(
        8,
        "Oświetlenie alejek parkowych w Zagórzu",
        "Zagórze",
        240_000,
        S.SELECTED,
        "park przy ul. Szymanowskiego",
        "Dwadzieścia energooszczędnych lamp wzdłuż alejek, którymi mieszkańcy wracają wieczorem z przystanku.",
        (690, 90),
    ),
    DemoProject(
        9,
        "Wybieg dla psów przy ul. Kalinowej",
        "Zagórze",
        150_000,
        S.NOT_SELECTED,
        "teren zielony przy ul. Kalinowej",
        "Ogrodzony wybieg z tablicą zasad, koszami i poidłem.",
        (70, 10),
    ),
    DemoProject(
        10,
        "Remont boiska przy szkole na Pogoni",
        "Pogoń",
        300_000,
        S.NEGATIVE,
        "boisko przy szkole podstawowej na Pogoni",
        "Nowa nawierzchnia boiska do piłki nożnej i koszykówki.",
        verification=(
            "Weryfikacja negatywna: boisko należy do szkoły, której organ prowadzący zaplanował już jego "
            "remont z własnego budżetu w tym samym roku, a regulamin nie pozwala finansować zadań "
            "przewidzianych w budżecie miasta. Autor nie złożył odwołania."
        ),
    ),
    DemoProject(
        11,
        "Zieleń i ławki na ul. Modrzejowskiej",
        "Śródmieście",
        200_000,
        S.WITHDRAWN,
        "ul. Modrzejowska, odcinek przy placu Stulecia",
        "Donice z drzewami i ławki na deptaku.",
        verification="Projekt wycofany przez autora przed głosowaniem: podobne nasadzenia robi już miasto.",
    ),
    DemoProject(
        12,
        "Stojaki rowerowe przy dworcu",
        "Śródmieście",
        60_000,
        S.SELECTED,
        "okolice dworca PKP Sosnowiec Główny",
        "Czterdzieści zadaszonych stojaków na rowery, żeby dojeżdżać do pociągu rowerem.",
        (640, 40),
        "bikes",
    ),
    DemoProject(
        13,
        "Zajęcia ruchowe dla seniorów w Sielcu",
        "Sielec",
        45_000,
        S.IN_PROGRESS,
        "Klub Seniora, Sielec",
        "Dwa razy w tygodniu gimnastyka i nordic walking z instruktorem, przez cały rok.",
        (410, 95),
        updates=[(20, "Zajęcia ruszyły; zapisy trwają w Klubie Seniora.", "")],
    ),
]


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
        _project(edition, project, areas, start)


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


def _project(edition, demo, areas, start):
    page = BudgetProjectPage(
        title=demo.title,
        slug=slugify(string_to_ascii(f"{demo.number} {demo.title}"))[:60].strip("-"),
        locale=edition.locale,
        number=demo.number,
        status=demo.status,
        area=areas.get(demo.district),
        cost=demo.cost,
        location=demo.location,
        image=_picture(demo.picture, demo.title) if demo.picture else None,
        body=stream(paragraph(demo.description)),
        verification_result=f"<p>{demo.verification}</p>",
        votes_online=demo.votes[0] if demo.votes else None,
        votes_paper=demo.votes[1] if demo.votes else None,
    )
    page.status_changes = [
        ProjectStatusChange(date=date, status=status, note=note)
        for date, status, note in _history(edition, demo.status)
    ]
    page.updates = [
        ProjectUpdate(
            date=start + datetime.timedelta(days=days),
            text=text,
            image=_picture(scene, f"{demo.title}, {days}. dzień prac") if scene else None,
        )
        for days, text, scene in demo.updates
    ]
    edition.add_child(instance=page)
    page.save_revision().publish()


def _history(edition, status):
    verified = (edition.verification_end - datetime.timedelta(days=10), S.POSITIVE, "")
    if status == S.NEGATIVE:
        return [(verified[0], S.NEGATIVE, "Zadanie ujęte już w budżecie miasta.")]
    if status == S.WITHDRAWN:
        return [verified, (edition.appeals_end, S.WITHDRAWN, "Na prośbę autora.")]
    history = [verified, (edition.appeals_end, S.ON_BALLOT, "")]
    chosen = status in (S.SELECTED, S.IN_PROGRESS, S.IMPLEMENTED)
    history.append((edition.results_date, S.SELECTED if chosen else S.NOT_SELECTED, "Wyniki głosowania."))
    if status in (S.IN_PROGRESS, S.IMPLEMENTED):
        history.append((edition.realisation_start + datetime.timedelta(days=14), S.IN_PROGRESS, ""))
    if status == S.IMPLEMENTED:
        history.append(
            (edition.realisation_start + datetime.timedelta(days=150), S.IMPLEMENTED, "Odbiór końcowy.")
        )
    return history


# Pictures: simple drawings of the places the projects change, described by their titles.
SCENES = {
    "path": (
        "Rysunek: asfaltowa ścieżka rowerowa wijąca się wzdłuż rzeki między drzewami",
        "#9fd3f2",
        "#5aa05a",
    ),
    "workshop": ("Rysunek: stoły z laptopami i małymi robotami w sali biblioteki", "#f4efe4", "#8b6b4a"),
    "meadow": (
        "Rysunek: kwitnąca łąka z kolorowymi kwiatami i budką dla ptaków na drzewie",
        "#bfe3f5",
        "#6bb04a",
    ),
    "playground": (
        "Rysunek: plac zabaw ze zjeżdżalnią i huśtawkami na miękkiej nawierzchni",
        "#a8d8f0",
        "#d9653b",
    ),
    "bikes": ("Rysunek: rząd zadaszonych stojaków z rowerami przed budynkiem dworca", "#cfe4f2", "#7a7f87"),
}


def _picture(scene, subject):
    description, sky, ground = SCENES[scene]
    title = f"{description} ({subject})"
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PillowImage.new("RGB", (1200, 675), sky)
    draw_scene(ImageDraw.Draw(canvas), scene, ground)
    data = BytesIO()
    canvas.save(data, "JPEG", quality=82)
    image = image_model(title=title, description=description, file=ImageFile(data, name=f"bo-{scene}.jpg"))
    image._set_image_file_metadata()
    image.save()
    return image


def draw_scene(draw, scene, ground):
    draw.rectangle((0, 430, 1200, 675), fill=ground)
    for left in range(40, 1200, 260):  # trees on the horizon
        draw.rectangle((left + 45, 330, left + 65, 440), fill="#6b4a2b")
        draw.ellipse((left, 230, left + 110, 350), fill="#2f7a3a")
    if scene == "path":
        draw.polygon([(520, 675), (760, 675), (640, 430), (600, 430)], fill="#4a4d52")
        draw.line([(640, 675), (620, 430)], fill="#f2f2f2", width=6)
        draw.polygon([(0, 520), (380, 470), (300, 675), (0, 675)], fill="#3f7fbf")
    elif scene == "workshop":
        for left in range(120, 1100, 340):
            draw.rectangle((left, 470, left + 260, 500), fill="#5b4632")
            draw.rectangle((left + 60, 410, left + 180, 470), fill="#2d3a4a")
            draw.ellipse((left + 200, 440, left + 240, 470), fill="#e0a020")
    elif scene == "meadow":
        for number in range(120):
            x, y = (number * 97) % 1200, 450 + (number * 53) % 220
            draw.ellipse(
                (x, y, x + 16, y + 16), fill=("#e84a5f", "#ffd23f", "#ffffff", "#9b5de5")[number % 4]
            )
        draw.rectangle((900, 330, 950, 390), fill="#b5651d")
        draw.ellipse((915, 345, 935, 365), fill="#1b1f24")
    elif scene == "playground":
        draw.rectangle((200, 300, 220, 480), fill="#1b5e9e")
        draw.rectangle((420, 300, 440, 480), fill="#1b5e9e")
        draw.line([(200, 300), (440, 300)], fill="#1b5e9e", width=14)
        draw.rectangle((290, 300, 300, 420), fill="#333333")
        draw.rectangle((270, 420, 320, 432), fill="#f2b705")
        draw.polygon([(700, 300), (760, 300), (1000, 500), (940, 500)], fill="#f2b705")
        draw.rectangle((680, 300, 700, 500), fill="#e84a5f")
    elif scene == "bikes":
        draw.rectangle((100, 120, 1100, 330), fill="#b0a08a")
        draw.rectangle((150, 360, 1050, 380), fill="#555a60")
        for left in range(180, 1040, 140):
            draw.ellipse((left, 420, left + 70, 490), outline="#1b1f24", width=6)
            draw.ellipse((left + 60, 420, left + 130, 490), outline="#1b1f24", width=6)
