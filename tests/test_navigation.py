"""How residents find their way: the main menu, breadcrumbs, the skip link and the footer."""

from bs4 import BeautifulSoup

from home.models import SiteSettings
from tests.factories import StandardPageFactory


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def menu_links(response):
    return [(link.get_text(), link["href"]) for link in soup(response).select("nav.main-nav a")]


def test_main_menu_lists_only_pages_shown_in_menus(client, site_tree):
    assert menu_links(client.get("/")) == [("O budżecie", "/o-budzecie/")]


def test_main_menu_leaves_out_unpublished_pages(client, site_tree):
    draft = StandardPageFactory(parent=site_tree.home, title="Szkic", show_in_menus=True, live=False)

    assert draft.url not in [href for _, href in menu_links(client.get("/"))]


def test_main_menu_marks_the_section_of_the_current_page(client, site_tree):
    page = soup(client.get("/o-budzecie/harmonogram/"))

    current = page.select("nav.main-nav a[aria-current=page]")
    assert [link.get_text() for link in current] == ["O budżecie"]


def test_main_menu_marks_nothing_on_the_home_page(client, site_tree):
    assert soup(client.get("/")).select("nav.main-nav a[aria-current]") == []


def test_breadcrumbs_lead_from_home_to_the_current_page(client, site_tree):
    crumbs = soup(client.get("/o-budzecie/harmonogram/")).select("nav.breadcrumbs li")

    assert [crumb.get_text(strip=True) for crumb in crumbs] == ["Strona główna", "O budżecie", "Harmonogram"]
    assert [link["href"] for link in crumbs[0].parent.select("a")] == ["/", "/o-budzecie/"]
    assert crumbs[-1].select_one("[aria-current=page]") is not None


def test_home_page_has_no_breadcrumbs(client, site_tree):
    assert soup(client.get("/")).select_one("nav.breadcrumbs") is None


def test_skip_link_points_at_the_main_content(client, site_tree):
    page = soup(client.get("/o-budzecie/"))

    skip_link = page.select_one("a.skip-link")
    assert skip_link["href"] == "#tresc"
    assert page.select_one("main")["id"] == "tresc"


def test_footer_shows_contact_details_and_links_from_site_settings(client, site_tree):
    SiteSettings.objects.update_or_create(
        site=site_tree.site,
        defaults={
            "address": "Al. Zwycięstwa 20\n41-200 Sosnowiec",
            "email": "budzet@sosnowiec.invalid",
            "privacy_page": site_tree.privacy,
            "funding_notice": "Projekt współfinansowany przez Unię Europejską.",
        },
    )

    footer = soup(client.get("/")).select_one("footer")

    assert "Al. Zwycięstwa 20" in footer.get_text()
    assert footer.select_one('a[href="mailto:budzet@sosnowiec.invalid"]') is not None
    assert footer.select_one('a[href="/polityka-prywatnosci/"]').get_text() == "Polityka prywatności"
    assert "Projekt współfinansowany przez Unię Europejską." in footer.get_text()


def test_pagination_keeps_the_search_and_filters_each_value_encoded(rf, site_tree):
    from django.core.paginator import Paginator
    from django.template import Context, Template

    request = rf.get("/szukaj/", {"q": "R&D = 100%", "typ": "akt", "strona": "1"})
    page_obj = Paginator(range(30), 10).get_page(1)
    html = Template('{% include "includes/pagination.html" with page_obj=page_obj param="strona" %}').render(
        Context({"request": request, "page_obj": page_obj})
    )
    assert 'href="?q=R%26D+%3D+100%25&amp;typ=akt&amp;strona=2"' in html
