"""What the benchmark measures (`manage.py bench`): the generated site's page of each type, and the
machine it runs on."""

import os
import platform
import urllib.parse
from pathlib import Path

from django.db import connection

from consultation.models import (
    BudgetEditionPage,
    BudgetProjectPage,
    ConsultationIndexPage,
    ConsultationPage,
)
from home.models import StandardPage
from materials.models import ArticlePage, MaterialsIndexPage, TrainingPage

from .data import MARKER_SLUG
from .wrk import NewQueries

SEARCHES = ["budżet obywatelski", "plac zabaw", "konsultacje społeczne", "ścieżka rowerowa", "Zagórze park"]


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        int(line.split()[1]) // 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "ram_mb": memory,
        "load": [round(load, 2) for load in os.getloadavg()],
        "database": connection.vendor,
        "python": platform.python_version(),
    }


def polish(model):
    return model.objects.filter(locale__language_code="pl").first()


def big_consultation():
    return ConsultationPage.objects.get(slug="konsultacja-benchmark-1")


def targets():
    """(name, [paths]) of each page type, found in the generated site."""
    consultation = big_consultation()
    edition = BudgetEditionPage.objects.filter(slug__startswith="benchmark-").first()
    marker = StandardPage.objects.get(slug=MARKER_SLUG)
    query = "/szukaj/?q="
    return [
        ("strona główna", ["/"]),
        ("strona treści", [marker.get_children().first().url]),
        ("lista konsultacji", [polish(ConsultationIndexPage).url]),
        ("konsultacja (2000 uwag)", [consultation.url]),
        ("edycja budżetu", [edition.url]),
        ("projekt", [BudgetProjectPage.objects.child_of(edition).first().url]),
        ("artykuł", [ArticlePage.objects.filter(slug__startswith="artykul-benchmark-").first().url]),
        ("szkolenie", [TrainingPage.objects.filter(slug__startswith="szkolenie-benchmark-").first().url]),
        ("biblioteka", [polish(MaterialsIndexPage).url]),
        ("wyszukiwarka", [query + urllib.parse.quote(words) for words in SEARCHES]),
        ("wyszukiwarka (nowe zapytania)", NewQueries()),
    ]


def first_paths(paths):
    """(path, warm-up path) of the SQL count and the size: a page's own path twice; for new queries
    two of them, so that the counted request is a search never sent."""
    if isinstance(paths, NewQueries):
        return tuple(paths.take(2))
    return paths[0], None
