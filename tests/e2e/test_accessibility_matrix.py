"""The accessibility proof (issue 12): axe-core on every page type of ours at 360 and 1280 px, each
saved as a full-page screenshot `<page-type>-<mobile|desktop>.png` in test-artifacts/screenshots/;
every page type in high contrast and with larger text; every resident form empty, refused and sent;
the registration's cancel link; every translated page in English and Ukrainian; and every
<details> (accordions, the unit comments, the privacy notice) opened: the site has no menu button
or dialog, its only disclosures are these.

The page types come from Wagtail's registry: a new page type fails here until it has a demo page in
`page_type_paths()`. The ballot's steps are in test_voting_browser.py, the appeal in
test_budget_browser.py, the 404 page in test_accessibility.py."""

import re
import struct
import zlib

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page, get_page_models

from consultation.demo_voting import TRIAL_TITLE
from consultation.models import BudgetEditionPage, ConsultationPage, VotingPage
from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OUR_APPS = {"home", "consultation", "materials", "search"}
WIDTHS = {"mobile": 360, "desktop": 1280}
SUBMIT = "form.resident-form button[type='submit']"
CONSULTATION = "/konsultacje/zasady-budzetu-obywatelskiego-2027/"
TRAINING = "/szkolenia/dostepna-komunikacja-z-mieszkancami/"
SEARCH_WORD = {"en": "budget", "uk": "бюджет"}


def page_type_paths():
    """One demo page of every page type an editor can create, by the model's name."""
    past, current = timezone.localdate().year, timezone.localdate().year + 1
    trial = BudgetEditionPage.objects.get(title=TRIAL_TITLE, locale__language_code="pl")
    return {
        "HomePage": "/",
        "StandardPage": "/o-budzecie/",
        "AccessibilityStatementPage": "/deklaracja-dostepnosci/",
        "AccessibilityRequestFormPage": "/deklaracja-dostepnosci/zadanie-zapewnienia-dostepnosci/",
        "ConsultationIndexPage": "/konsultacje/",
        "ConsultationPage": CONSULTATION,
        "BudgetIndexPage": "/budzet-obywatelski/",
        "BudgetEditionPage": f"/budzet-obywatelski/{past}/",
        "BudgetProjectPage": f"/budzet-obywatelski/{past}/1-zielona-sciezka-rowerowa-wzdluz-czarnej-przemszy/",
        "ProposalFormPage": f"/budzet-obywatelski/{current}/zglos-projekt/",
        "VotingPage": VotingPage.objects.child_of(trial).get().url,
        "NewsIndexPage": "/aktualnosci/",
        "NewsPage": "/aktualnosci/ruszyly-konsultacje-zasad-budzetu-2027/",
        "ArticleIndexPage": "/dobre-praktyki/",
        "ArticlePage": "/dobre-praktyki/budzet-obywatelski-w-pieciu-krokach/",
        "LegalActIndexPage": "/prawo/",
        "LegalActPage": "/prawo/uchwala-o-konsultacjach-spolecznych/",
        "MaterialsIndexPage": "/materialy/",
        "TrainingIndexPage": "/szkolenia/",
        "TrainingPage": TRAINING,
        "FormPage": "/zadaj-pytanie/",
    }


def our_page_types():
    return {
        model.__name__
        for model in get_page_models()
        if model._meta.app_label in OUR_APPS and model.is_creatable
    }


def kebab(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def load_every_image(page):
    """Lazy images below the fold load now, so the full-page screenshot shows them."""
    page.evaluate(
        "() => Promise.all([...document.images].map(image => { image.loading = 'eager';"
        " return image.complete || new Promise(done => { image.onload = image.onerror = done; }); }))"
    )


def open_every_details(page):
    """Opens each <details> with a click on its summary, as a resident would; how many there were."""
    summaries = page.locator("details:not([open]) > summary")
    count = summaries.count()
    for _ in range(count):
        summaries.first.click()
    return count


def failures(reports):
    reports = {name: report for name, report in reports.items() if report}
    return "\n\n".join(f"{name}:\n{report}" for name, report in reports.items())


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


# High contrast is checked at 1280 px, larger text at 360 px, where its longer lines matter most.
PREFERENCE = {"desktop": ("contrast", "is-high-contrast"), "mobile": ("large_text", "is-large-text")}


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_every_page_type_with_its_details_opened_and_a_display_preference_has_no_axe_violations(
    open_page, screenshot, viewport
):
    paths = page_type_paths()
    assert set(paths) == our_page_types(), "every page type needs a demo page in page_type_paths()"
    preference, html_class = PREFERENCE[viewport]
    switch = f"button[data-preference='{preference}']"
    page = open_page("/", viewport=viewport)
    reports, widths, opened = {}, {}, {}
    for name, path in paths.items():
        page.goto(path)
        load_every_image(page)
        screenshot(page, f"{kebab(name)}-{viewport}")
        reports[name] = axe_report(page)
        widths[name] = page_width(page)
        opened[name] = open_every_details(page)
        if opened[name]:
            reports[f"{name}, <details> opened"] = axe_report(page, context="details")

        page.click(switch)
        expect(page.locator("html")).to_have_class(re.compile(html_class))
        if name in ("HomePage", "ConsultationPage"):
            screenshot(page, f"{kebab(name)}-{preference}-{viewport}")
        reports[f"{name}, {preference}"] = axe_report(page)
        widths[f"{name}, {preference}"] = page_width(page)
        page.click(switch)

    assert not failures(reports), failures(reports)
    assert widths == dict.fromkeys(widths, WIDTHS[viewport]), "nothing scrolls sideways"
    assert opened["ConsultationPage"] > 1, "the unit comments and the privacy notice open"


def png_bytes():
    """A valid 1 × 1 PNG, for the proposal's required attachment."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


FILL = {
    "input[type='text']": "Anna Testowa",
    "input[type='email']": "anna@example.com",
    "input[type='url']": "https://bo.sosnowiec.pl/konsultacje/",
    "input[type='number']": "50000",
    "textarea": "Proszę o dłuższy termin i wersję w tekście łatwym do czytania.",
}


def fill_required_fields(form):
    for selector, value in FILL.items():
        for field in form.locator(f"{selector}[required]").all():
            field.fill(value)
    for select in form.locator("select[required]").all():
        select.select_option(index=1)
    for upload in form.locator("input[type='file'][required]").all():
        upload.set_input_files({"name": "lista-poparcia.png", "mimeType": "image/png", "buffer": png_bytes()})
    for box in form.locator("input[type='checkbox'][required]").all():
        box.check()


def form_paths():
    paths = page_type_paths()
    return {
        "consultation-comment": paths["ConsultationPage"],
        "budget-proposal": paths["ProposalFormPage"],
        "training-registration": paths["TrainingPage"],
        "contact": paths["FormPage"],
        "accessibility-request": paths["AccessibilityRequestFormPage"],
    }


def test_every_form_refused_and_sent_and_the_cancel_link_have_no_axe_violations(
    open_page, screenshot, resident_form
):
    """On a phone, where residents fill them in: each form sent empty, then filled (the empty forms
    are on their pages above); then the registration's cancel link, asked, used and used again."""
    from materials.models import TrainingPage

    page = open_page("/", viewport="mobile")
    reports = {}
    for name, path in form_paths().items():
        page.goto(path)
        page.click(SUBMIT)
        expect(page.locator("#form-errors")).to_be_visible()
        expect(page.locator(".form-field--error").first).to_be_visible()
        screenshot(page, f"form-{name}-errors-mobile")
        reports[f"{name}, sent empty"] = axe_report(page)

        fill_required_fields(page.locator("form.resident-form"))
        page.click(SUBMIT)
        expect(page.locator("#potwierdzenie")).to_be_visible()
        screenshot(page, f"form-{name}-sent-mobile")
        reports[f"{name}, sent"] = axe_report(page)

    training = TrainingPage.objects.get(slug=TRAINING.split("/")[2], locale__language_code="pl")
    page.goto("/" + training.cancel_url(training.registrations().get()).split("/", 3)[3])
    screenshot(page, "training-cancel-confirm-mobile")
    reports["cancel link"] = axe_report(page)
    page.get_by_role("button", name="Tak, rezygnuję z udziału").click()
    expect(page.locator(".notice--success")).to_be_visible()
    reports["cancel link, cancelled"] = axe_report(page)
    page.reload()
    expect(page.locator(".notice")).to_contain_text("Link do rezygnacji działa tylko raz")
    reports["cancel link, used again"] = axe_report(page)

    assert not failures(reports), failures(reports)


@pytest.mark.parametrize("language, viewport", [("en", "desktop"), ("uk", "mobile")])
def test_every_translated_page_its_search_and_form_errors_have_no_axe_violations(
    open_page, screenshot, resident_form, language, viewport
):
    translated = [
        page.url
        for page in Page.objects.live().filter(
            locale__language_code=language, alias_of__isnull=True, depth__gt=1
        )
    ]
    assert len(translated) >= 10, "the demo's translated pages and the index pages above them"
    page = open_page("/", viewport=viewport)
    reports = {}
    for path in translated:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == language
        reports[path] = axe_report(page)

    page.goto(f"/{language}/szukaj/?q={SEARCH_WORD[language]}")
    expect(page.locator(".search-results__item").first).to_be_visible()
    screenshot(page, f"search-results-{language}-{viewport}")
    reports["search"] = axe_report(page)
    page.goto(ConsultationPage.objects.get(locale__language_code=language, alias_of__isnull=True).url)
    page.click(SUBMIT)
    expect(page.locator("#form-errors")).to_be_visible()
    screenshot(page, f"form-consultation-comment-errors-{language}-{viewport}")
    reports["comment form sent empty"] = axe_report(page)

    assert not failures(reports), failures(reports)
