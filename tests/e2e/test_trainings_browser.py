"""Trainings and the contact form in a browser: no axe violations on a phone and a desktop (the
list, an open training, a full one, one that took place, the cancel page and the contact form), and
a resident registering without JavaScript."""

import pytest

from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OPEN = "/szkolenia/dostepna-komunikacja-z-mieszkancami/"
PAGES = {
    "training-index": "/szkolenia/",
    "training-open": OPEN,
    "training-full": "/szkolenia/moderowanie-spotkan-z-mieszkancami/",
    "training-past": "/szkolenia/konsultacje-spoleczne-od-podstaw/",
    "training-cancel-invalid": f"{OPEN}rezygnacja/?kod=zmieniony",
    "contact-form": "/zadaj-pytanie/",
}


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_training_pages_have_no_axe_violations_or_sideways_scroll(open_page, screenshot, viewport):
    reports, widths = {}, {}
    for name, path in PAGES.items():
        page = open_page(path, viewport=viewport)
        screenshot(page, f"{name}-{viewport}")
        reports[name] = axe_report(page)
        widths[name] = page.evaluate("document.documentElement.scrollWidth")

    reports = {name: report for name, report in reports.items() if report}
    assert not reports, "\n\n".join(f"{name}:\n{report}" for name, report in reports.items())
    if viewport == "mobile":
        assert widths == dict.fromkeys(widths, 360)


def test_a_resident_registers_without_javascript_and_sees_the_seat_taken(open_page, resident_form):
    page = open_page(OPEN, viewport="mobile", javascript=False)
    assert page.get_by_text("Wolne miejsca: 20 z 20").first.is_visible()

    page.get_by_label("Imię i nazwisko").fill("Łucja Żółkiewska")
    page.get_by_label("E-mail").fill("lucja@example.com")
    page.get_by_label("Zgadzam się na przetwarzanie").check()
    page.get_by_role("button", name="Zapisz się na szkolenie").click()

    assert page.locator("#potwierdzenie").is_visible()
    assert page.get_by_text("Wolne miejsca: 19 z 20").first.is_visible()
