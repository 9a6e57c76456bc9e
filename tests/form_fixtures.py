"""Every public moderated form as a page (`contact_form`, `training`, `accessibility_request`
beside the consultations' and the budget's fixtures, all in `FORM_PAGES`), a resident's `Browser`
that reads a page before posting its form as a real one does (CSRF cookie and token, form token),
and `good_value`, what a resident types into a field of a given kind. Registered in tests/conftest.py."""

import re
from datetime import date

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from consultation.attachments import AttachmentField
from consultation.models.proposals import COST_FIELD
from materials.models import AccessibilityRequestFormPage, FormPage, TrainingIndexPage
from tests.budget_fixtures import PDF
from tests.test_accessibility_statement import make_statement
from tests.test_materials_trainings import make_training

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN_RE = re.compile(r'name="form_token" value="([^"]+)"')


def good_value(name, field):
    """What a resident types in a field of this kind, so the form can also go through."""
    if isinstance(field, AttachmentField):
        return SimpleUploadedFile("lista.pdf", PDF)
    if isinstance(field, forms.BooleanField):
        return "on"
    if isinstance(field, forms.EmailField):
        return "mieszkanka@example.com"
    if isinstance(field, forms.URLField):
        return "https://bo.sosnowiec.invalid/szkolenia/"
    if name == COST_FIELD:
        return "150000"
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return "5"
    if isinstance(field, forms.DateField):
        return date(2027, 5, 14).isoformat()
    if isinstance(field, forms.ChoiceField):
        values = [str(value) for value, _label in field.choices if value != ""]
        return values[:1] if isinstance(field, forms.MultipleChoiceField) else values[0]
    return "Zofia Nowak"


class Browser:
    """A resident's browser: reads the page, then posts its form with the tokens the page gave."""

    def __init__(self):
        self.client = Client(enforce_csrf_checks=True, raise_request_exception=False)

    def open(self, url):
        response = self.client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        self.csrf = CSRF_RE.search(html).group(1)
        self.form_token = (match := FORM_TOKEN_RE.search(html)) and match.group(1)
        return response

    def post(self, url, data):
        return self.client.post(url, {"csrfmiddlewaretoken": self.csrf, **data})


@pytest.fixture
def no_rate_limits(instant_forms, settings):
    """Hundreds of posts from one test client: the rate limits (tested elsewhere) must not decide."""
    settings.FORM_RATE_LIMIT_COUNT = 10**6
    settings.FORM_RATE_LIMIT_ADDRESS_COUNT = 10**6
    settings.VOTING_CODE_LIMIT_PHONE = 10**6
    settings.VOTING_CODE_LIMIT_ADDRESS = 10**6
    settings.DEBUG = False


def published(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def contact_form(site_tree):
    return published(
        site_tree.home,
        FormPage(title="Zadaj pytanie", slug="zadaj-pytanie", notify_emails="bo@sosnowiec.invalid"),
    )


@pytest.fixture
def training(site_tree):
    index = published(site_tree.home, TrainingIndexPage(title="Szkolenia", slug="szkolenia"))
    return make_training(index, capacity=3)


@pytest.fixture
def accessibility_request(site_tree):
    page = AccessibilityRequestFormPage(
        title="Żądanie zapewnienia dostępności", slug="zadanie", notify_emails="dostepnosc@sosnowiec.invalid"
    )
    return published(make_statement(site_tree.home), page)


FORM_PAGES = {
    "comment": lambda get: get("consultations").open,
    "proposal": lambda get: get("budget").form,
    "registration": lambda get: get("training"),
    "contact": lambda get: get("contact_form"),
    "accessibility_request": lambda get: get("accessibility_request"),
}
