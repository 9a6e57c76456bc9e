"""What axe-core finds on the main kinds of page, on a phone and on a desktop."""

import pytest

from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = {
    "home": "/",
    "standard-page": "/przyjety-model/",
    "accessibility-statement": "/deklaracja-dostepnosci/",
    "accessibility-request-form": "/deklaracja-dostepnosci/zadanie-zapewnienia-dostepnosci/",
    "search-results": "/szukaj/?q=bud%C5%BCet",
    "not-found": "/nie-ma-takiej-strony/",
}


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_main_pages_have_no_axe_violations(open_page, screenshot, viewport):
    reports = {}
    for name, path in PAGES.items():
        page = open_page(path, viewport=viewport)
        screenshot(page, f"{name}-{viewport}")
        reports[name] = axe_report(page)
    reports = {name: report for name, report in reports.items() if report}
    assert not reports, "\n\n".join(f"{name}:\n{report}" for name, report in reports.items())
