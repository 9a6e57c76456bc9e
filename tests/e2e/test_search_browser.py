"""The search from the header to the results: filters, highlighted words, pages; axe on a phone and a
desktop."""

import pytest

from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_a_search_from_the_header_lists_results_with_highlights_and_no_axe_violations(
    open_page, screenshot, viewport
):
    page = open_page("/", viewport=viewport)

    page.fill("#site-search", "uchwala budzet")
    with page.expect_navigation():
        page.locator(".site-header .search-form button").click()
    screenshot(page, f"search-results-{viewport}")

    assert page.locator(".search-results__item").count() > 0
    assert page.locator(".search-results__snippet mark").count() > 0
    assert page.locator(".search-results__type").first.inner_text() != ""
    assert axe_report(page) == ""


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_filters_and_the_nothing_found_page_have_no_axe_violations(open_page, screenshot, viewport):
    page = open_page("/szukaj/?q=konsultacji", viewport=viewport)

    page.select_option("#filtr-typ", "akty-prawne")
    with page.expect_navigation():
        page.locator(".search-filters button").click()
    labels = page.locator(".search-results__type").all_inner_texts()
    nothing = open_page("/szukaj/?q=%22%3Cb%3E", viewport=viewport)
    screenshot(nothing, f"search-nothing-{viewport}")

    assert labels and set(labels) == {"Akt prawny"}
    assert axe_report(page) == ""
    assert "Nie znaleźliśmy stron" in nothing.content()
    assert axe_report(nothing) == ""
