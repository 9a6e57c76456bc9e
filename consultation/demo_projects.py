"""Last year's demo projects: one in every final status, with their votes, status histories and
progress updates with pictures."""

import datetime
from dataclasses import dataclass, field

from django.utils.text import slugify
from wagtail.coreutils import string_to_ascii

from home.demo import paragraph, stream

from .choices import ProposalStatus as S
from .demo_pictures import project_picture
from .models import BudgetProjectPage, ProjectStatusChange, ProjectUpdate


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


def add_project(edition, demo, areas, start):
    page = BudgetProjectPage(
        title=demo.title,
        slug=slugify(string_to_ascii(f"{demo.number} {demo.title}"))[:60].strip("-"),
        locale=edition.locale,
        number=demo.number,
        status=demo.status,
        area=areas.get(demo.district),
        cost=demo.cost,
        location=demo.location,
        image=project_picture(demo.picture, demo.title) if demo.picture else None,
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
            image=project_picture(scene, f"{demo.title}, {days}. dzień prac") if scene else None,
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
