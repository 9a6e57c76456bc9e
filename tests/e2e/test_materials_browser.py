"""Articles, legal acts, the materials library and news in a browser: axe on every page type on a
phone and a desktop, card grids and the side column at both sizes, and a resident filtering the
library and following a tag without JavaScript."""

import pytest

from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ARTICLE = "/dobre-praktyki/punkt-konsultacyjny-w-bibliotece/"
LEGAL_ACT = "/prawo/uchwala-o-konsultacjach-spolecznych/"
PAGES = {
    "article-index": "/dobre-praktyki/",
    "article-index-tag": "/dobre-praktyki/tag/konsultacje/",
    "article-index-kind": "/dobre-praktyki/rodzaj/edukacja/",
    "article": ARTICLE,
    "legal-act-index": "/prawo/?status=in_force",
    "legal-act": LEGAL_ACT,
    "materials-index": "/materialy/",
    "materials-search": "/materialy/?q=poradnik",
    "news-index": "/aktualnosci/",
    "news": "/aktualnosci/ruszyly-konsultacje-zasad-budzetu-2027/",
    "consultation-with-legal-act": "/konsultacje/regulamin-konsultacji-spolecznych/",
}


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def boxes(page, selector):
    return [element.bounding_box() for element in page.locator(selector).all()]


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_materials_pages_have_no_axe_violations_or_sideways_scroll(open_page, screenshot, viewport):
    reports, widths = {}, {}
    for name, path in PAGES.items():
        page = open_page(path, viewport=viewport)
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy card images load
        page.wait_for_load_state("networkidle")
        screenshot(page, f"{name}-{viewport}")
        reports[name] = axe_report(page)
        widths[name] = page_width(page)

    reports = {name: report for name, report in reports.items() if report}
    assert not reports, "\n\n".join(f"{name}:\n{report}" for name, report in reports.items())
    if viewport == "mobile":
        assert widths == dict.fromkeys(widths, 360)


def test_lists_are_one_column_on_a_phone_and_a_grid_on_a_desktop(open_page):
    for path in ("/dobre-praktyki/", "/prawo/", "/materialy/", "/aktualnosci/"):
        phone = boxes(open_page(path, viewport="mobile"), ".materials-cards > li")
        desktop = boxes(open_page(path, viewport="desktop"), ".materials-cards > li")

        assert len({round(box["x"]) for box in phone}) == 1, path
        assert len({round(box["x"]) for box in desktop[:3]}) == 3, path
        assert len({round(box["y"]) for box in desktop[:3]}) == 1, path


def test_key_facts_sit_beside_the_text_on_a_desktop_and_below_it_on_a_phone(open_page):
    for path in (ARTICLE, LEGAL_ACT):
        desktop = open_page(path, viewport="desktop")
        main, facts = (
            desktop.locator(".materials-page__main").bounding_box(),
            desktop.locator(".materials-facts").bounding_box(),
        )
        assert facts["x"] >= main["x"] + main["width"], path
        assert abs(facts["y"] - main["y"]) < 5, path

        phone = open_page(path, viewport="mobile")
        main, facts = (
            phone.locator(".materials-page__main").bounding_box(),
            phone.locator(".materials-facts").bounding_box(),
        )
        assert facts["y"] >= main["y"] + main["height"], path


def test_resident_filters_the_library_and_downloads_a_guide_without_javascript(open_page, screenshot):
    page = open_page("/materialy/", viewport="mobile", javascript=False)

    page.select_option("#filtr-typ", "guide")
    page.fill("#filtr-q", "zgłosić")
    page.click(".materials-filters button[type='submit']")

    assert "typ=guide" in page.url
    titles = page.locator(".materials-card__title").all_inner_texts()
    assert len(titles) == 1 and "Poradnik: jak zgłosić projekt" in titles[0]
    link = page.locator(".materials-card__title a")
    assert link.get_attribute("download") is not None
    assert link.get_attribute("href").endswith(".pdf")
    assert page.locator(".materials-card__accessible a").get_attribute("download") is not None
    screenshot(page, "materials-filtered-no-js-mobile")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_resident_follows_a_tag_from_an_article_to_the_list(open_page):
    page = open_page(ARTICLE, viewport="desktop", javascript=False)

    page.locator(".materials-facts .materials-tags__link", has_text="konsultacje").click()

    assert page.url.endswith("/dobre-praktyki/tag/konsultacje/")
    assert page.locator("h2#lista").inner_text().startswith("Artykuły z tagiem „konsultacje”")
    assert page.locator(".materials-filters [aria-current='page']").inner_text() == "konsultacje"
