"""Layout and keyboard: the stylesheets load, nothing scrolls sideways on a phone, and the first Tab
lands on the skip link."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE_PAGES = ["/", "/o-budzecie/", "/przyjety-model/", "/deklaracja-dostepnosci/", "/szukaj/?q=bud%C5%BCet"]


def test_stylesheets_load(open_page):
    page = open_page("/")
    footer_background = page.evaluate(
        "getComputedStyle(document.querySelector('.site-footer')).backgroundColor"
    )
    assert footer_background == "rgb(10, 44, 77)"


def test_phone_width_has_no_horizontal_scroll(open_page, screenshot):
    widths = {}
    for path in PHONE_PAGES:
        page = open_page(path, viewport="mobile")
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
    assert widths == dict.fromkeys(PHONE_PAGES, 360)


def test_large_text_on_phone_has_no_horizontal_scroll(open_page, screenshot):
    page = open_page("/przyjety-model/", viewport="mobile")
    page.click("button[data-preference='large_text']")
    screenshot(page, "large-text-mobile")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_first_tab_focuses_skip_link_which_moves_to_content(open_page, screenshot):
    page = open_page("/o-budzecie/")

    page.keyboard.press("Tab")

    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip-link", "#tresc"]
    assert page.is_visible(".skip-link")
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0, "the focused skip link is on screen"
    screenshot(page, "skip-link-focused-desktop")

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "tresc"
