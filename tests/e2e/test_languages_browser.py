"""The site in English and Ukrainian, in a browser: the switcher leads both ways without JavaScript,
the translated pages and a page still only in Polish have no axe violations on a phone."""

import pytest

from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = {
    "en-home": "/en/",
    "en-about": "/en/about-the-budget/",
    "en-consultation": "/en/consultations/participatory-budget-rules-2027/",
    "uk-home": "/uk/",
    "uk-about": "/uk/pro-biudzhet/",
    "uk-consultation": "/uk/konsultatsii/pravyla-hromadskoho-biudzhetu-2027/",
    "en-polish-only": "/en/przyjety-model/",
}


def test_translated_pages_have_no_axe_violations(open_page, screenshot):
    reports = {}
    for name, path in PAGES.items():
        page = open_page(path, viewport="mobile")
        assert page.title(), path
        screenshot(page, f"{name}-mobile")
        reports[name] = axe_report(page)
    reports = {name: report for name, report in reports.items() if report}
    assert not reports, "\n\n".join(f"{name}:\n{report}" for name, report in reports.items())


def test_switcher_leads_to_the_translation_and_back_without_javascript(open_page):
    page = open_page("/o-budzecie/", javascript=False)

    page.locator('.language-switcher a[hreflang="en"]').click()
    assert page.url.endswith("/en/about-the-budget/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.locator('.language-switcher a[hreflang="uk"]').click()
    assert page.url.endswith("/uk/pro-biudzhet/")
    assert page.locator("html").get_attribute("lang") == "uk"

    page.locator('.language-switcher a[hreflang="pl"]').click()
    assert page.url.endswith("/o-budzecie/")
    assert page.locator("html").get_attribute("lang") == "pl"
