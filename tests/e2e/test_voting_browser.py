"""The ballot in a browser, on the demo's trial edition (voting today): axe on every step and its
errors at 1280 and 360 px without sideways scroll, and a whole ballot cast with the keyboard only."""

import re

import pytest
from playwright.sync_api import expect

from consultation.demo_voting import TRIAL_TITLE
from consultation.models import Ballot, BudgetEditionPage, VotingPage
from consultation.voting import sms
from tests.e2e.conftest import axe_report
from tests.e2e.keyboard import tab_to, walk_to_footer_and_back

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEXT = "form.voting-ballot button[type='submit']"
SUBMIT = "form.resident-form button[type='submit']"


def trial_path():
    edition = BudgetEditionPage.objects.get(title=TRIAL_TITLE, locale__language_code="pl")
    return VotingPage.objects.child_of(edition).get().url


def last_code():
    return re.search(r": (\d{4})\.", sms.outbox[-1][1]).group(1)


def fill_identity(page, **overrides):
    values = {
        "#id_imie": "Łucja",
        "#id_drugie_imie": "Brak",
        "#id_nazwisko": "Żak",
        "#id_data_urodzenia": "14.05.1984",
        "#id_adres": "ul. Zielona 12/3, 41-200 Sosnowiec",
        "#id_telefon": "600 123 456",
        **overrides,
    }
    for selector, value in values.items():
        page.fill(selector, value)


@pytest.fixture
def voting_browser(open_page, resident_form):
    sms.outbox.clear()
    yield open_page
    sms.outbox.clear()


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_every_step_has_no_axe_violations_or_sideways_scroll(voting_browser, screenshot, viewport):
    reports, widths = {}, {}

    def check(page, name):
        screenshot(page, f"voting-{name}-{viewport}")
        reports[name] = axe_report(page)
        widths[name] = page.evaluate("document.documentElement.scrollWidth")

    page = voting_browser(trial_path(), viewport=viewport)
    check(page, "choose")
    page.click(NEXT)
    expect(page.locator("#form-errors")).to_be_visible()
    check(page, "choose-errors")
    page.locator("input[name='projekty']").first.check()
    page.locator("input[name='projekty']").nth(2).check()
    page.click(NEXT)
    expect(page.locator("h2", has_text="Krok 2")).to_be_visible()
    check(page, "identify")
    page.click(SUBMIT)
    expect(page.locator("#form-errors")).to_be_visible()
    check(page, "identify-errors")
    fill_identity(page)
    page.check("#id_oswiadczenie_mieszkaniec")
    page.check("#id_oswiadczenie_dane")
    page.click(SUBMIT)
    expect(page.locator("h2", has_text="Krok 3")).to_be_visible()
    check(page, "confirm")
    code = last_code()
    page.fill("#id_kod", "0000" if code != "0000" else "1111")
    page.click(SUBMIT)
    expect(page.locator("#id_kod_error")).to_be_visible()
    check(page, "confirm-errors")
    page.fill("#id_kod", code)
    page.click(SUBMIT)
    expect(page.locator(".voting-receipt")).to_be_visible()
    check(page, "done")

    reports = {name: report for name, report in reports.items() if report}
    assert not reports, "\n\n".join(f"{name}:\n{report}" for name, report in reports.items())
    if viewport == "mobile":
        assert widths == dict.fromkeys(widths, 360)


def test_a_ballot_cast_with_the_keyboard_only(voting_browser):
    page = voting_browser(trial_path(), viewport="desktop", javascript=False)
    walk_to_footer_and_back(page)
    boxes = page.locator("input[name='projekty']")
    first, district = boxes.first.get_attribute("id"), boxes.nth(2).get_attribute("id")
    tab_to(page, f"#{first}")
    page.keyboard.press("Space")
    tab_to(page, f"#{district}")
    page.keyboard.press("Space")
    tab_to(page, NEXT)
    page.keyboard.press("Enter")
    expect(page.locator("h2", has_text="Krok 2")).to_be_visible()
    for selector, text in (
        ("#id_imie", "Jan"),
        ("#id_drugie_imie", "Brak"),
        ("#id_nazwisko", "Klawiaturowy"),
        ("#id_data_urodzenia", "01.02.1970"),
        ("#id_adres", "ul. Długa 1, 41-200 Sosnowiec"),
        ("#id_telefon", "600 765 432"),
    ):
        tab_to(page, selector)
        page.keyboard.type(text)
    for selector in ("#id_oswiadczenie_mieszkaniec", "#id_oswiadczenie_dane"):
        tab_to(page, selector)
        page.keyboard.press("Space")
    tab_to(page, SUBMIT)
    page.keyboard.press("Enter")
    expect(page.locator("h2", has_text="Krok 3")).to_be_visible()
    tab_to(page, "#id_kod")
    page.keyboard.type(last_code())
    page.keyboard.press("Enter")
    expect(page.locator(".voting-receipt")).to_be_visible()
    trial = VotingPage.objects.child_of(
        BudgetEditionPage.objects.get(title=TRIAL_TITLE, locale__language_code="pl")
    ).get()
    assert Ballot.objects.filter(page=trial).count() == 1
