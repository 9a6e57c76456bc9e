"""What every page repeats (the head's links, the language switcher, the menu, the breadcrumbs and the
footer) and the long lists (the library, a budget edition's projects) come from the fragment cache
on a second visit, without the page cache: no query for the site's settings or the list, yet an
editor's change shows on the next anonymous request, a preview shows the unsaved title, and no
visitor's CSRF token reaches another visitor."""

import re

import pytest
from django.test import Client

from consultation.models import Submission
from home.models import SiteSettings
from tests.consultation_fixtures import comment_data
from tests.factories import BudgetProjectPageFactory, MaterialFactory, MaterialsIndexPageFactory
from tests.test_fragment_cache import sql_of_second_visit as second_visit
from tests.test_page_cache import FORM_TOKEN_RE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on")]

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_second_visit_does_not_read_the_site_settings(site_tree):
    site_settings = SiteSettings.for_site(site_tree.site)
    site_settings.organisation = "Urząd Miejski w Sosnowcu"
    site_settings.save()

    html, sql = second_visit(site_tree.schedule.url)

    assert "Urząd Miejski w Sosnowcu" in html
    assert 'aria-current="page">O budżecie</a>' in html  # the menu, its section marked
    assert ">O budżecie</a></li>" in html  # the breadcrumbs
    assert "home_sitesettings" not in sql


def test_a_renamed_section_shows_at_once_in_the_menu_and_the_breadcrumbs(site_tree):
    second_visit(site_tree.schedule.url)

    site_tree.about.title = "Jak działa budżet"
    site_tree.about.save_revision().publish()

    html = Client().get(site_tree.schedule.url).content.decode()
    assert "O budżecie" not in html
    assert 'aria-current="page">Jak działa budżet</a>' in html
    assert ">Jak działa budżet</a></li>" in html


def test_changed_contact_details_show_at_once_in_the_footer(site_tree):
    second_visit(site_tree.about.url)

    site_settings = SiteSettings.for_site(site_tree.site)
    site_settings.phone = "32 296 06 00"
    site_settings.save()

    assert "32 296 06 00" in Client().get(site_tree.about.url).content.decode()


def test_each_visitor_keeps_a_csrf_token_of_their_own(consultations, instant_forms):
    page = consultations.open
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    pages = [client.get(page.url).content.decode() for client in (first, second)]
    tokens = [CSRF.search(html).group(1) for html in pages]

    assert tokens[0] != tokens[1]
    data = comment_data(page, FORM_TOKEN_RE.search(pages[1]).group(1), csrfmiddlewaretoken=tokens[1])
    assert second.post(page.url, data).status_code in (200, 302)
    assert Submission.objects.filter(page=page).count() == 1


def test_a_preview_shows_the_unsaved_title_in_the_breadcrumbs_and_the_head(site_tree):
    second_visit(site_tree.schedule.url)
    page = site_tree.schedule
    page.title = "Harmonogram (wersja robocza)"

    html = page.make_preview_request().content.decode()

    assert '<span aria-current="page">Harmonogram (wersja robocza)</span>' in html
    assert '<meta property="og:title" content="Harmonogram (wersja robocza)">' in html
    assert "Harmonogram (wersja robocza)" not in Client().get(site_tree.schedule.url).content.decode()


def test_a_material_added_to_the_library_shows_at_once_and_filters_keep_their_own_list(site_tree):
    library = MaterialsIndexPageFactory(parent=site_tree.home)
    MaterialFactory(title="Poradnik dla wnioskodawców", year=2025)
    html, sql = second_visit(library.url)
    assert "Poradnik dla wnioskodawców" in html
    assert '"materials_material"' not in sql

    MaterialFactory(title="Raport z konsultacji", year=2026)

    html = Client().get(library.url).content.decode()
    assert "Poradnik dla wnioskodawców" in html and "Raport z konsultacji" in html
    filtered = Client().get(library.url + "?rok=2025").content.decode()
    assert "Poradnik dla wnioskodawców" in filtered and "Raport z konsultacji" not in filtered


def test_a_renamed_project_shows_at_once_in_the_list_of_its_edition(budget):
    project = BudgetProjectPageFactory(parent=budget.edition, title="Ławki w parku Sieleckim")
    html, sql = second_visit(budget.edition.url)
    assert "Ławki w parku Sieleckim" in html
    assert "consultation_budgetprojectpage" not in sql

    project.title = "Ławki i kosze w parku Sieleckim"
    project.save_revision().publish()

    assert "Ławki i kosze w parku Sieleckim" in Client().get(budget.edition.url).content.decode()
