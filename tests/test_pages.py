"""The foundation's page types: where they may sit in the tree, how an editor creates them, what a
resident sees, and how many queries a page view costs."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests.factories import DocumentFactory, StandardPageFactory, document_list_block, paragraph_block

# Page views must cost a fixed number of queries, whatever the number of menu pages or documents.
# The page, the menu, the settings with the footer logos, and each home section (empty here: one or
# two queries each; tests/test_home_sections.py counts them with content).
HOME_PAGE_MAX_QUERIES = 27
STANDARD_PAGE_MAX_QUERIES = 25


def h1_text(response):
    return BeautifulSoup(response.content, "html.parser").find("h1").get_text(strip=True)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# --- tree rules -----------------------------------------------------------------------------------


def test_home_page_tree_rules_allow_it_only_at_the_root(page_assertions):
    page_assertions.assertAllowedParentPageTypes(HomePage, {Page})
    page_assertions.assertCanCreateAt(Page, HomePage)
    page_assertions.assertCanNotCreateAt(StandardPage, HomePage)


def test_home_page_tree_rules_offer_standard_pages_but_no_second_home_below_it(page_assertions):
    # Feature apps add their index pages below the home page, so the full list keeps growing.
    page_assertions.assertCanCreateAt(HomePage, StandardPage)
    page_assertions.assertCanNotCreateAt(HomePage, HomePage)
    assert StandardPage in HomePage.creatable_subpage_models()
    assert Page not in HomePage.creatable_subpage_models()


def test_standard_page_tree_rules_allow_it_below_home_and_standard_pages_only(page_assertions):
    page_assertions.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
    page_assertions.assertAllowedSubpageTypes(StandardPage, {StandardPage})
    page_assertions.assertCanCreateAt(HomePage, StandardPage)
    page_assertions.assertCanCreateAt(StandardPage, StandardPage)
    page_assertions.assertCanNotCreateAt(Page, StandardPage)


# --- the editor path ------------------------------------------------------------------------------


def standard_page_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "Zasady zgłaszania projektów w skrócie.",
            "body": streamfield(
                [
                    ("heading", {"text": "Kto może zgłosić projekt", "level": "h2", "anchor": ""}),
                    ("paragraph", rich_text("<p>Każda mieszkanka i każdy mieszkaniec Sosnowca.</p>")),
                ]
            ),
        }
    )


def test_standard_page_created_in_admin_is_published_with_its_content(
    client, admin_user, site_tree, page_assertions
):
    client.force_login(admin_user)

    page_assertions.assertCanCreate(site_tree.home, StandardPage, standard_page_form("Zasady", "zasady"))

    page = StandardPage.objects.get(slug="zasady")
    assert page.live
    assert page.get_parent().specific == site_tree.home
    response = client.get("/zasady/")
    assert h1_text(response) == "Zasady"
    assert "Każda mieszkanka i każdy mieszkaniec Sosnowca." in response.text
    assert '<h2 class="heading-block" id="kto-moze-zgosic-projekt">' in response.text


def test_standard_page_created_in_admin_below_a_standard_page_gets_a_nested_url(
    client, admin_user, site_tree, page_assertions
):
    client.force_login(admin_user)

    page_assertions.assertCanCreate(site_tree.about, StandardPage, standard_page_form("Etapy", "etapy"))

    assert client.get("/o-budzecie/etapy/").status_code == 200


def test_standard_page_without_body_is_refused_in_admin(client, admin_user, site_tree):
    client.force_login(admin_user)
    data = nested_form_data({"title": "Pusta", "slug": "pusta", "lead": "", "body": streamfield([])})
    data["action-publish"] = "action-publish"

    response = client.post(f"/admin/pages/add/home/standardpage/{site_tree.home.pk}/", data)

    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not StandardPage.objects.filter(slug="pusta").exists()


def test_home_page_created_in_admin_at_the_root_is_published(client, admin_user, site_tree, page_assertions):
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "Budżet Obywatelski – nowa strona główna",
            "slug": "nowa-strona-glowna",
            "lead": "Wstęp.",
            "featured_materials": streamfield([]),
            "body": streamfield([("paragraph", rich_text("<p>Witamy.</p>"))]),
        }
    )

    page_assertions.assertCanCreate(site_tree.root, HomePage, data)

    assert HomePage.objects.get(slug="nowa-strona-glowna").live


@pytest.mark.parametrize("page_name", ["home", "about"])
def test_page_is_editable_and_previewable_in_admin(site_tree, page_assertions, page_name):
    page = getattr(site_tree, page_name)
    # Wagtail's StreamField editor is built in JavaScript, so the form data is given, not scraped.
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "lead": page.lead,
            "body": streamfield([("paragraph", rich_text("<p>Poprawiona treść.</p>"))]),
            **({"featured_materials": streamfield([])} if page_name == "home" else {}),
        }
    )

    page_assertions.assertPageIsEditable(page, post_data=data)
    page_assertions.assertPageIsPreviewable(page, post_data=data)


# --- what a resident sees -------------------------------------------------------------------------


def test_home_page_renders_its_title_in_h1_and_its_lead(client, site_tree):
    response = client.get("/")

    assert response.status_code == 200
    assert h1_text(response) == "Budżet Obywatelski w Sosnowcu"
    assert site_tree.home.lead in response.text
    assert "home/home_page.html" in [template.name for template in response.templates]


def test_standard_page_renders_its_title_in_h1_and_its_body(client, site_tree):
    response = client.get("/o-budzecie/")

    assert response.status_code == 200
    assert h1_text(response) == "O budżecie"
    assert "Platformę przygotowało miasto." in response.text
    assert "home/standard_page.html" in [template.name for template in response.templates]


def test_page_meta_description_falls_back_to_the_lead(client, site_tree):
    response = client.get("/o-budzecie/")

    assert '<meta name="description" content="Czym jest budżet obywatelski.">' in response.text


def test_unpublished_page_answers_404(client, site_tree):
    site_tree.privacy.unpublish()

    assert client.get("/polityka-prywatnosci/").status_code == 404


# --- query counts ---------------------------------------------------------------------------------


def test_home_page_query_count_stays_bounded_with_3_or_20_menu_pages(
    client, site_tree, django_assert_max_num_queries
):
    for number in range(2):  # the tree's "O budżecie" makes three
        StandardPageFactory(parent=site_tree.home, title=f"Menu {number}", show_in_menus=True)
    client.get("/")  # warm the per-process caches (site root paths, settings)
    with django_assert_max_num_queries(HOME_PAGE_MAX_QUERIES):
        with_3 = count_queries(client, "/")

    for number in range(2, 19):
        StandardPageFactory(parent=site_tree.home, title=f"Menu {number}", show_in_menus=True)
    with django_assert_max_num_queries(HOME_PAGE_MAX_QUERIES):
        response = client.get("/")
    with_20 = count_queries(client, "/")

    assert response.text.count('class="main-nav__link"') == 20
    assert with_20 == with_3


def test_standard_page_query_count_stays_bounded_with_3_or_20_documents(
    client, site_tree, django_assert_max_num_queries
):
    documents = DocumentFactory.create_batch(20)
    few = StandardPageFactory(parent=site_tree.about, body=[document_list_block(documents[:3])])
    many = StandardPageFactory(parent=site_tree.about, body=[document_list_block(documents)])
    client.get(few.url)  # warm the per-process caches (site root paths, settings)

    with django_assert_max_num_queries(STANDARD_PAGE_MAX_QUERIES):
        with_3 = count_queries(client, few.url)
    with django_assert_max_num_queries(STANDARD_PAGE_MAX_QUERIES):
        response = client.get(many.url)
    with_20 = count_queries(client, many.url)

    assert response.text.count('class="document-list-block__link"') == 20
    assert with_20 == with_3


def test_standard_page_query_count_does_not_grow_with_body_blocks(client, site_tree):
    short = StandardPageFactory(parent=site_tree.home, body=[paragraph_block("Jeden.")])
    long = StandardPageFactory(
        parent=site_tree.home, body=[paragraph_block(f"Akapit {n}.") for n in range(30)]
    )
    client.get(short.url)  # warm the caches: site root paths, settings, each page's breadcrumbs
    client.get(long.url)

    assert count_queries(client, long.url) == count_queries(client, short.url)
