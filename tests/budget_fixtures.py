"""A budget edition as most budget tests need it: an index, the current edition in its submission
phase with two districts, and its proposal form (`budget`); helpers that post a proposal the way a
browser does. Registered as a plugin in tests/conftest.py."""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consultation.models import (
    BudgetArea,
    BudgetEditionPage,
    BudgetIndexPage,
    PrivacyNotice,
    ProposalFormPage,
)
from consultation.models.proposals import AREA_FIELD, COST_FIELD
from home.demo import _pdf_bytes

TOKEN_RE = re.compile(r'name="form_token" value="([^"]+)"')
PDF = _pdf_bytes(["Lista poparcia: 15 podpisów"])


def phase_dates(submission_start):
    """Dates of every phase, the submission phase starting on the given day and lasting 30 days."""
    day = timedelta(days=1)
    return {
        "submission_start": submission_start,
        "submission_end": submission_start + 30 * day,
        "verification_end": submission_start + 60 * day,
        "appeals_end": submission_start + 75 * day,
        "voting_start": submission_start + 90 * day,
        "voting_end": submission_start + 104 * day,
        "results_date": submission_start + 110 * day,
        "realisation_start": submission_start + 150 * day,
    }


def make_edition(index, year, submission_start, **kwargs):
    edition = BudgetEditionPage(
        title=f"Budżet obywatelski {year}",
        slug=str(year),
        year=year,
        citywide_pool=2_500_000,
        citywide_cost_limit=1_000_000,
        **{**phase_dates(submission_start), **kwargs},
    )
    edition.areas = [
        BudgetArea(name="Zagórze", pool_amount=600_000, cost_limit=200_000),
        BudgetArea(name="Pogoń", pool_amount=500_000, cost_limit=150_000),
    ]
    index.add_child(instance=edition)
    edition.save_revision().publish()
    return edition


@dataclass
class Budget:
    index: BudgetIndexPage
    edition: BudgetEditionPage
    form: ProposalFormPage

    def area(self, name):
        return self.edition.areas.get(name=name)


@pytest.fixture
def budget(site_tree, shared_pages):
    return shared_pages.get("budget") or build_budget(site_tree)


def build_budget(site_tree):
    notice = PrivacyNotice.objects.create(
        title="Klauzula – budżet", text="<p>Administratorem jest Prezydent.</p>"
    )
    notice.save_revision()
    index = BudgetIndexPage(title="Budżet obywatelski", slug="budzet")
    site_tree.home.add_child(instance=index)
    index.save_revision().publish()
    edition = make_edition(index, 2027, timezone.localdate() - timedelta(days=5))
    form = ProposalFormPage(title="Zgłoś projekt", slug="zglos-projekt", notify_emails="bo@sosnowiec.invalid")
    edition.add_child(instance=form)
    form.save_revision().publish()
    return Budget(index=index, edition=edition, form=form)


def names_by_label(page):
    return {field.label: field.clean_name for field in page.get_form_fields()}


def proposal_data(client, page, **overrides):
    """What a browser posts: the token read from the form, every required field filled."""
    token = TOKEN_RE.search(client.get(page.url).content.decode()).group(1)
    names = names_by_label(page)
    data = {
        names["Tytuł projektu"]: "Plac zabaw przy ul. Zielonej",
        names["Miejsce realizacji"]: "Zagórze, ul. Zielona 12",
        names["Opis projektu"]: "Nowy plac zabaw dla dzieci od 3 do 12 lat.",
        names["Uzasadnienie"]: "W okolicy nie ma żadnego placu zabaw.",
        names["Lista poparcia"]: SimpleUploadedFile("lista.pdf", PDF),
        names["Imię i nazwisko autora"]: "Zofia Nowak",
        names["E-mail"]: "zofia@example.com",
        names["Zgadzam się na przetwarzanie moich danych osobowych w celu rozpatrzenia projektu"]: "on",
        AREA_FIELD: str(page.edition.areas.get(name="Zagórze").pk),
        COST_FIELD: "150000",
        "website": "",
        "form_token": token,
    }
    for key, value in overrides.items():
        data[names.get(key, key)] = value
    return {key: value for key, value in data.items() if value is not None}


def post_proposal(client, page, **overrides):
    return client.post(page.url, proposal_data(client, page, **overrides))
