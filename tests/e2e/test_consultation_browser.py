"""Consultations in a browser: axe and phone layout on every kind of consultation page, a resident's
comment sent without JavaScript, a unit's comments opened in place, and the report on paper."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OPEN = "/konsultacje/zasady-budzetu-obywatelskiego-2027/"
PAGES = {
    "consultation-index": "/konsultacje/",
    "consultation-open": OPEN,
    "consultation-upcoming": "/konsultacje/program-wspolpracy-z-organizacjami-2027/",
    "consultation-closed": "/konsultacje/regulamin-konsultacji-spolecznych/",
    "consultation-report": "/konsultacje/regulamin-konsultacji-spolecznych/raport/",
}
SUBMIT = "form.resident-form button[type='submit']"


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_consultation_pages_have_no_axe_violations_or_sideways_scroll(open_page, screenshot, viewport):
    reports, widths = {}, {}
    for name, path in PAGES.items():
        page = open_page(path, viewport=viewport)
        screenshot(page, f"{name}-{viewport}")
        reports[name] = axe_report(page)
        widths[name] = page_width(page)

    # The form sent empty comes back with its errors; those must be as accessible as the rest.
    page.goto(OPEN)
    page.click(SUBMIT)
    expect(page.locator("#form-errors")).to_be_visible()
    screenshot(page, f"consultation-open-form-errors-{viewport}")
    reports["consultation-open-form-errors"] = axe_report(page)
    widths["consultation-open-form-errors"] = page_width(page)

    reports = {name: report for name, report in reports.items() if report}
    assert not reports, "\n\n".join(f"{name}:\n{report}" for name, report in reports.items())
    if viewport == "mobile":
        assert widths == dict.fromkeys(widths, 360)


def test_consultation_in_high_contrast_has_no_axe_violations(open_page, screenshot):
    page = open_page(OPEN, viewport="mobile")
    page.click("button[data-preference='contrast']")
    expect(page.locator("html")).to_have_class(re.compile("is-high-contrast"))
    page.locator("details.draft-act__comments summary").first.click()
    screenshot(page, "consultation-open-high-contrast-mobile")
    report = axe_report(page)
    assert not report, report


def test_resident_comments_without_javascript_and_waits_for_moderation(open_page, screenshot, resident_form):
    page = open_page(OPEN, viewport="mobile", javascript=False)
    form = page.locator("form.resident-form")
    text = "Proszę o dłuższy termin głosowania – dwa tygodnie to za mało dla seniorów."

    form.get_by_label("Której części projektu dotyczy uwaga?").select_option(label="§ 2 ust. 1")
    form.get_by_label("Podpis").fill("Anna Testowa")
    form.get_by_label("Treść uwagi").fill(text)
    form.get_by_label(re.compile("zgadzam się na przetwarzanie", re.IGNORECASE)).check()
    with page.expect_navigation():
        page.click(SUBMIT)

    confirmation = page.locator("#potwierdzenie")
    expect(confirmation).to_contain_text("Dziękujemy")
    screenshot(page, "consultation-open-sent-mobile")
    assert text not in page.content(), "pre-moderation: the comment waits for a moderator"

    form.get_by_label("Podpis").fill("Anna Testowa")
    form.get_by_label("Treść uwagi").fill(text)
    with page.expect_navigation():
        page.click(SUBMIT)

    consent = form.locator(".form-field--checkbox")
    expect(consent.locator(".form-field__errors")).to_have_text(
        "Bez tej zgody nie możemy przyjąć zgłoszenia."
    )
    expect(form.get_by_label("Treść uwagi")).to_have_value(text)
    expect(form.get_by_label("Podpis")).to_have_value("Anna Testowa")
    expect(form.locator("#form-errors")).to_be_visible()
    screenshot(page, "consultation-open-no-consent-mobile")


def test_unit_comments_open_in_place(open_page, screenshot):
    page = open_page(OPEN)
    unit = page.locator("li.draft-act__unit", has=page.locator("details.draft-act__comments")).first
    comment = unit.locator(".comment").first
    expect(comment).to_be_hidden()

    unit.locator("summary").click()

    expect(comment).to_be_visible()
    expect(comment.locator(".comment__fields")).not_to_be_empty()
    screenshot(page, "consultation-open-unit-comments-desktop")


PRINT_HIDDEN = (
    ".site-header__bar",
    ".search-form",
    ".main-nav",
    ".breadcrumbs",
    ".resident-form",
    ".filters",
)


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_report_prints_content_only(open_page, screenshot, viewport):
    page = open_page(PAGES["consultation-report"], viewport=viewport)
    page.emulate_media(media="print")
    screenshot(page, f"consultation-report-print-{viewport}")

    for selector in (*PRINT_HIDDEN, ".report__print-hint"):
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    expect(page.locator(".report h1")).to_be_visible()
    expect(page.locator(".report__table")).to_be_visible()
    expect(page.locator(".official-response").first).to_be_visible()


@pytest.mark.parametrize("name", ["consultation-index", "consultation-open"])
def test_filters_and_form_are_not_printed(open_page, screenshot, name):
    page = open_page(PAGES[name])
    assert page.locator(".filters, .resident-form").count() == 1
    page.emulate_media(media="print")
    screenshot(page, f"{name}-print-desktop")

    for selector in PRINT_HIDDEN:
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()


def test_comment_counter_counts_and_a_pasted_long_text_is_refused_but_kept(
    open_page, screenshot, resident_form
):
    page = open_page(OPEN, viewport="mobile")
    text_field = page.get_by_label("Treść uwagi")
    counter = page.locator(".form-field--textarea .form-field__counter")
    expect(page.locator(".form-field--text .form-field__counter").first).to_be_hidden()
    expect(counter).to_have_text("Znaki: 0 z 5000.")
    text_field.fill("Dobra uwaga")
    expect(counter).to_have_text("Znaki: 11 z 5000.")

    long_text = "Uwaga wklejona z edytora tekstu. " * 160  # 5280 characters
    text_field.fill(long_text)  # a paste: no maxlength attribute cuts it
    assert text_field.input_value() == long_text
    expect(counter).to_have_text(f"Znaki: {len(long_text)} z 5000 – skróć tekst o {len(long_text) - 5000}.")
    screenshot(page, "consultation-counter-over-limit-mobile")

    page.get_by_label("Podpis").fill("Ewa Długopis")
    page.get_by_label(re.compile("zgadzam się na przetwarzanie", re.IGNORECASE)).check()
    with page.expect_navigation():
        page.click(SUBMIT)

    expect(page.locator("#form-errors")).to_contain_text("Tekst jest za długi")
    assert page.get_by_label("Treść uwagi").input_value().strip() == long_text.strip()
    report = axe_report(page)
    assert not report, report
