"""Layout and keyboard: the stylesheets load, nothing scrolls sideways on a phone, and the first Tab
lands on the skip link."""

import re

import pytest
from playwright.sync_api import expect

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


# --- the width of a desktop -----------------------------------------------------------------------

CONSULTATION = "/konsultacje/zasady-budzetu-obywatelskiego-2027/"


def card_columns(page, selector=".card-grid"):
    """How many columns the first card grid of the page shows (distinct left edges of its cards)."""
    lefts = page.eval_on_selector_all(
        f"{selector} > li", "items => items.map(item => Math.round(item.getBoundingClientRect().left))"
    )
    assert lefts, f"no cards in {selector}"
    return len(set(lefts))


@pytest.mark.parametrize(
    "path", ["/", "/konsultacje/", "/dobre-praktyki/", "/aktualnosci/", "/materialy/", "/prawo/"]
)
def test_lists_are_card_grids_on_a_desktop_and_one_column_on_a_phone(open_page, screenshot, path):
    grid = ".card-grid" if path in ("/", "/konsultacje/") else ".materials-cards"
    # The home page's first section may hold a single open consultation; the news are three.
    selector = "[aria-labelledby=home-aktualnosci] .card-grid" if path == "/" else grid
    desktop = open_page(path, viewport="desktop")
    phone = open_page(path, viewport="mobile")
    screenshot(desktop, f"cards{path}-desktop")
    screenshot(phone, f"cards{path}-mobile")

    assert card_columns(phone, selector) == 1
    assert phone.evaluate("document.documentElement.scrollWidth") == 360
    if path != "/konsultacje/":  # the demo's groups hold one consultation each
        assert card_columns(desktop, selector) > 1


def test_consultation_page_has_its_key_facts_and_call_to_action_beside_the_text(open_page, screenshot):
    desktop = open_page(CONSULTATION, viewport="desktop")
    phone = open_page(CONSULTATION, viewport="mobile")
    screenshot(desktop, "consultation-desktop")
    screenshot(phone, "consultation-mobile")

    main = desktop.locator(".with-aside__main").bounding_box()
    aside = desktop.locator(".page-aside").bounding_box()
    assert aside["x"] >= main["x"] + main["width"]
    assert aside["y"] < main["y"] + 200
    assert 600 <= main["width"] <= 760, "the text keeps a readable line length"
    action = desktop.locator(".page-aside a", has_text="Zgłoś uwagę")
    assert action.get_attribute("href") == "#formularz"

    phone_main = phone.locator(".with-aside__main").bounding_box()
    phone_aside = phone.locator(".page-aside").bounding_box()
    assert phone_aside["y"] > phone_main["y"] + phone_main["height"] - 1
    assert phone.evaluate("document.documentElement.scrollWidth") == 360


def test_main_menu_fits_on_one_line_at_1280_px(open_page):
    page = open_page("/", viewport="desktop")

    tops = page.eval_on_selector_all(
        ".main-nav__link", "links => links.map(link => Math.round(link.getBoundingClientRect().top))"
    )

    assert len(tops) >= 7
    assert len(set(tops)) == 1


def test_main_menu_folds_behind_a_menu_button_on_a_phone(open_page, screenshot):
    page = open_page("/o-budzecie/", viewport="mobile")
    toggle = page.get_by_role("button", name="Menu", exact=True)
    first_link = page.locator(".main-nav__link").first

    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first_link).to_be_hidden()
    assert page.locator("h1").bounding_box()["y"] < 420, "the content starts on the first screen"

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(first_link).to_be_visible()
    screenshot(page, "main-menu-open-mobile")

    page.locator(".main-nav__link", has_text="Przyjęty model").click()
    expect(page).to_have_url(re.compile(r"/przyjety-model/$"))


def test_main_menu_without_javascript_shows_every_link_and_no_button_on_a_phone(open_page):
    page = open_page("/o-budzecie/", viewport="mobile", javascript=False)

    expect(page.locator(".main-nav__toggle")).to_be_hidden()
    links = page.locator(".main-nav__link")
    assert links.count() >= 7
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()


def test_main_menu_has_no_button_on_a_desktop(open_page):
    page = open_page("/o-budzecie/", viewport="desktop")

    expect(page.locator(".main-nav__toggle")).to_be_hidden()
    expect(page.locator(".main-nav__link").first).to_be_visible()
