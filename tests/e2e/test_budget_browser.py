"""The participatory budget in a browser, on the demo site: axe on the list of editions, an edition
with its results and projects, a project and the proposal form, on a phone and a desktop, with
nothing scrolling sideways; a resident filtering and sorting projects without JavaScript and reaching
the proposal form from the list of editions. (The main menu's fit: tests/e2e/test_layout.py.)"""

import pytest
from django.utils import timezone

from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

INDEX = "/budzet-obywatelski/"


def pages():
    past, current = timezone.localdate().year, timezone.localdate().year + 1
    return {
        "budget-index": INDEX,
        "budget-edition-results": f"{INDEX}{past}/",
        "budget-edition-filtered": f"{INDEX}{past}/?dzielnica=miasto&sortuj=glosy#projekty",
        "budget-edition-submission": f"{INDEX}{current}/",
        "budget-project": f"{INDEX}{past}/1-zielona-sciezka-rowerowa-wzdluz-czarnej-przemszy/",
        "budget-proposal-form": f"{INDEX}{current}/zglos-projekt/",
    }


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_budget_pages_have_no_axe_violations_or_sideways_scroll(open_page, screenshot, viewport):
    reports, widths = {}, {}
    for name, path in pages().items():
        page = open_page(path, viewport=viewport)
        # Down the page a screen at a time, so every lazy image loads before the screenshot.
        page.evaluate(
            "async () => { for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {"
            " scrollTo(0, y); await new Promise(done => setTimeout(done, 50)); } }"
        )
        page.wait_for_load_state("networkidle")
        screenshot(page, f"{name}-{viewport}")
        reports[name] = axe_report(page)
        widths[name] = page.evaluate("document.documentElement.scrollWidth")

    reports = {name: report for name, report in reports.items() if report}
    assert not reports, "\n\n".join(f"{name}:\n{report}" for name, report in reports.items())
    assert widths == dict.fromkeys(widths, {"mobile": 360, "desktop": 1280}[viewport])


def test_resident_filters_and_sorts_projects_without_javascript(open_page, screenshot):
    page = open_page(f"{INDEX}{timezone.localdate().year}/", viewport="mobile", javascript=False)

    page.select_option("#filtr-dzielnica", "miasto")
    page.fill("#filtr-koszt-do", "990000")
    page.select_option("#filtr-sortuj", "glosy")
    page.click(".budget-filters button[type='submit']")

    assert "dzielnica=miasto" in page.url and "sortuj=glosy" in page.url
    numbers = page.locator(".budget-project__number").all_inner_texts()
    assert numbers == [
        "Projekt nr 1",
        "Projekt nr 2",
        "Projekt nr 3",
        "Projekt nr 4",
        "Projekt nr 5",
        "Projekt nr 6",
    ]
    totals = page.locator(".budget-totals").inner_text()
    assert "Znaleziono 6 projektów." in totals
    assert "Wybrane projekty: 4 na kwotę 2\u00a0240\u00a0000\u00a0zł z 2\u00a0500\u00a0000\u00a0zł." in totals
    screenshot(page, "budget-edition-filtered-no-js-mobile")

    projects = page.locator(".budget-projects")
    assert projects.get_by_role("link", name="Plac zabaw w parku w Zagórzu").count() == 0
    projects.get_by_role("link", name="Zielona ścieżka rowerowa wzdłuż Czarnej Przemszy").click()
    assert page.locator("h1").inner_text() == "Zielona ścieżka rowerowa wzdłuż Czarnej Przemszy"


def test_the_current_edition_leads_to_the_proposal_form(open_page):
    page = open_page(INDEX, viewport="mobile", javascript=False)

    assert "Teraz: zgłaszanie projektów" in page.locator(".budget-current").inner_text()
    page.locator(".budget-current").get_by_role("link", name="Zgłoś projekt").click()

    assert page.url.endswith("/zglos-projekt/")
    assert page.locator("form.resident-form").count() == 1


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_the_appeal_page_has_no_axe_violations(open_page, screenshot, viewport):
    from consultation.appeals import appeal_url
    from consultation.choices import ProposalStatus
    from consultation.models import ProposalFormPage, Submission

    form = ProposalFormPage.objects.live().first()
    proposal = Submission.objects.create(
        page=form,
        form_data={"e_mail": "autor@example.com"},
        status=ProposalStatus.NEGATIVE,
        reason="Teren nie należy do miasta.",
        decided_at=timezone.now(),
    )
    path = "/" + appeal_url(form, proposal).split("/", 3)[3]
    page = open_page(path, viewport=viewport)
    screenshot(page, f"budget-appeal-{viewport}")
    assert "Teren nie należy do miasta." in page.content()
    report = axe_report(page)
    assert not report, report
