"""The high-contrast switch works without JavaScript (a form sent with GET) and with it (in place)."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONTRAST_BUTTON = "button[data-preference='contrast']"


def html_classes(page):
    return page.evaluate("document.documentElement.className")


def test_contrast_without_javascript_sends_the_form_and_reloads_with_class(open_page, screenshot):
    page = open_page("/o-budzecie/", javascript=False)
    assert "is-high-contrast" not in html_classes(page)

    with page.expect_navigation():
        page.click(CONTRAST_BUTTON)

    assert page.url.endswith("/o-budzecie/")
    assert "is-high-contrast" in html_classes(page)
    assert page.get_attribute(CONTRAST_BUTTON, "aria-pressed") == "true"
    screenshot(page, "high-contrast-no-js-desktop")

    with page.expect_navigation():
        page.click(CONTRAST_BUTTON)

    assert "is-high-contrast" not in html_classes(page)


def test_contrast_with_javascript_toggles_in_place_and_keeps_cookie(open_page, screenshot):
    page = open_page("/o-budzecie/", viewport="mobile")
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))

    page.click(CONTRAST_BUTTON)

    assert "is-high-contrast" in html_classes(page)
    assert page.get_attribute(CONTRAST_BUTTON, "aria-pressed") == "true"
    assert navigations == []
    cookies = {cookie["name"]: cookie for cookie in page.context.cookies()}
    assert cookies["bo_contrast"]["value"] == "1"
    assert cookies["bo_contrast"]["path"] == "/"
    assert cookies["bo_contrast"]["sameSite"] == "Lax"
    screenshot(page, "high-contrast-js-mobile")

    page.reload()
    assert "is-high-contrast" in html_classes(page), "the server renders the cookie the script wrote"

    page.click(CONTRAST_BUTTON)
    assert "is-high-contrast" not in html_classes(page)
    assert page.get_attribute(CONTRAST_BUTTON, "aria-pressed") == "false"


def test_large_text_with_javascript_scales_root_font(open_page):
    page = open_page("/")
    root_size = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    before = page.evaluate(root_size)

    page.click("button[data-preference='large_text']")

    assert "is-large-text" in html_classes(page)
    assert page.evaluate(root_size) == pytest.approx(before * 1.25)
