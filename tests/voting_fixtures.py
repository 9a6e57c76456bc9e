"""An edition in its voting phase with projects on the ballot and its voting page (`voting`), and a
`Voter` that goes through the ballot's steps the way a browser does. Registered in tests/conftest.py."""

import contextlib
import html
import re
import time
from dataclasses import dataclass
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from consultation.choices import ProposalStatus
from consultation.models import BudgetProjectPage, VotingPage
from consultation.voting import sms
from tests.budget_fixtures import make_edition

TOKEN_RE = re.compile(r'name="karta" value="([^"]+)"')
CODE_RE = re.compile(r": (\d{4,6})\.")

PERSON = {
    "imie": "Łucja",
    "drugie_imie": "Brak",
    "nazwisko": "Żak-Wiśniewska",
    "data_urodzenia": "14.05.1984",
    "adres": "ul. Zielona 12/3, 41-200 Sosnowiec",
    "telefon": "600 123 456",
    "oswiadczenie_mieszkaniec": "on",
    "oswiadczenie_dane": "on",
    "website": "",
}


def add_project(edition, number, title, area=None, cost=100_000, status=ProposalStatus.ON_BALLOT):
    project = BudgetProjectPage(
        title=title, slug=f"projekt-{number}", number=number, area=area, cost=cost, status=status
    )
    edition.add_child(instance=project)
    project.save_revision().publish()
    return project


def voting_edition(index, year, **kwargs):
    """An edition whose voting started five days ago and lasts nine more days."""
    return make_edition(index, year, timezone.localdate() - timedelta(days=95), **kwargs)


def add_voting_page(edition, **settings):
    page = VotingPage(title="Głosowanie", slug="glosowanie", **settings)
    edition.add_child(instance=page)
    page.save_revision().publish()
    return page


@contextlib.contextmanager
def shifted_time(delta):
    """The clock moved by `delta`, for Django's `timezone.now` and for signatures' ages."""
    now, real_time = timezone.now() + delta, time.time() + delta.total_seconds()
    with (
        mock.patch("django.utils.timezone.now", return_value=now),
        mock.patch("time.time", return_value=real_time),
    ):
        yield


@dataclass
class Voting:
    edition: object
    page: VotingPage
    projects: dict

    def area(self, name):
        return self.edition.areas.get(name=name)


@pytest.fixture
def voting(budget, shared_pages):
    return shared_pages.get("voting") or build_voting(budget)


def build_voting(budget):
    edition = voting_edition(budget.index, 2028)
    zagorze = edition.areas.get(name="Zagórze")
    pogon = edition.areas.get(name="Pogoń")
    projects = {
        "park": add_project(edition, 1, "Park linowy nad Przemszą"),
        "rowery": add_project(edition, 2, "Stojaki rowerowe przy szkołach"),
        "plac": add_project(edition, 3, "Plac zabaw na Zagórzu", zagorze),
        "lawki": add_project(edition, 4, "Ławki przy stawie", zagorze),
        "boisko": add_project(edition, 5, "Boisko na Pogoni", pogon),
        "odrzucony": add_project(edition, 6, "Projekt odrzucony", None, status=ProposalStatus.NEGATIVE),
    }
    page = add_voting_page(edition)
    return Voting(edition=edition, page=page, projects=projects)


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def token(response):
    return html.unescape(TOKEN_RE.search(response.content.decode()).group(1))


def last_code():
    return CODE_RE.search(sms.outbox[-1][1]).group(1)


class Voter:
    """A resident's browser going through the steps; each method posts what the form holds."""

    def __init__(self, client, page):
        self.client = client
        self.page = page
        self.response = None

    def url(self, route=""):
        return self.page.url + route

    def choose(self, *projects, **extra):
        self.response = self.client.post(
            self.url(), {"projekty": [p.pk for p in projects], "website": "", **extra}
        )
        return self.response

    def identify(self, **overrides):
        data = {**PERSON, "karta": token(self.response), **overrides}
        self.response = self.client.post(self.url("dane/"), {k: v for k, v in data.items() if v is not None})
        return self.response

    def confirm(self, code=None, **extra):
        data = {
            "kod": last_code() if code is None else code,
            "karta": token(self.response),
            "website": "",
            **extra,
        }
        self.response = self.client.post(self.url("kod/"), data)
        return self.response

    def vote(self, *projects, **person):
        self.choose(*projects)
        self.identify(**person)
        return self.confirm()


@pytest.fixture
def voter(client, voting):
    return Voter(client, voting.page)
