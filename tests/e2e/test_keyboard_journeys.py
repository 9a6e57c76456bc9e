"""Three residents with a keyboard alone, on the demo site: one comments on a unit of the draft act,
one proposes a budget project (without JavaScript), one registers for a training. Each page is first
walked with Tab from the skip link to the end of the footer and back with Shift+Tab; every form is
sent wrong first, its errors announced and tied to their fields, then put right and sent. Every Tab
is checked by tests/e2e/keyboard.py. (The ballot: tests/e2e/test_voting_browser.py.)"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultation.models import ConsultationPage, ProposalFormPage, Submission
from home.demo import _pdf_bytes
from materials.models import TrainingPage
from tests.e2e.keyboard import (
    assert_errors_tied,
    is_focused,
    skip_to_content,
    tab,
    tab_to,
    walk_to_footer_and_back,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONSULTATION = "/konsultacje/zasady-budzetu-obywatelskiego-2027/"
TRAINING = "/szkolenia/dostepna-komunikacja-z-mieszkancami/"
SUBMIT = "form.resident-form button[type='submit']"
ERROR_LINK = "#form-errors a"


def proposal_path():
    return f"/budzet-obywatelski/{timezone.localdate().year + 1}/zglos-projekt/"


def field_id(page, label):
    return page.locator("form.resident-form").get_by_label(label).get_attribute("id")


def send(page):
    """Enter on the focused submit button, waiting for the page that answers."""
    assert is_focused(page, SUBMIT)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def fix_first_error(page):
    """From the focused error summary, Tab to its first link; Enter puts focus in that field."""
    tab(page)
    assert is_focused(page, ERROR_LINK)
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    assert is_focused(page, target), f"the error link did not move focus to {target}"


def test_a_resident_comments_on_one_unit_of_the_draft_act(open_page, resident_form):
    page = open_page(CONSULTATION)
    walk_to_footer_and_back(page)
    skip_to_content(page)
    unit = page.locator("li.draft-act__unit").nth(1).get_attribute("id")
    tab_to(page, f".draft-act__actions a[href='?jednostka={unit}#formularz']")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    tab(page)
    assert is_focused(page, "#id_unit") and page.input_value("#id_unit") == unit
    tab_to(page, f"#{field_id(page, 'Podpis')}")
    page.keyboard.type("Jan Klawiaturowy")
    tab_to(page, f"#{field_id(page, 'Treść uwagi')}")
    text = "Proszę dopisać, że wniosek można złożyć także w bibliotece – nie każdy ma internet."
    page.keyboard.type(text)
    tab_to(page, SUBMIT)
    send(page)

    summary = page.locator("#form-errors")
    expect(summary).to_have_attribute("role", "alert")
    assert is_focused(page, "#form-errors"), "the error summary does not take focus"
    consent = field_id(page, "Zgadzam się na przetwarzanie")
    assert_errors_tied(page, [consent])
    expect(page.locator(f"#{consent}_error")).to_have_text("Bez tej zgody nie możemy przyjąć zgłoszenia.")
    fix_first_error(page)
    page.keyboard.press("Space")
    tab_to(page, SUBMIT)
    send(page)

    expect(page.locator("#potwierdzenie")).to_contain_text("Dziękujemy")
    consultation = ConsultationPage.objects.get(
        slug="zasady-budzetu-obywatelskiego-2027", locale__language_code="pl"
    )
    comment = Submission.objects.filter(page=consultation).latest("pk")
    body = field_id(page, "Treść uwagi").removeprefix("id_")
    assert (comment.unit_anchor, comment.form_data[body]) == (unit, text)


PROPOSAL = {
    "Tytuł projektu": "Stojaki rowerowe przy szkołach",
    "Szacunkowy koszt (zł)": "150000",
    "Miejsce realizacji": "Szkoły podstawowe nr 1 i 2",
    "Opis projektu": "Zadaszone stojaki na 20 rowerów przy każdej szkole.",
    "Uzasadnienie": "Dzieci przyjeżdżają rowerami, a rowery stoją na deszczu.",
    "Imię i nazwisko autora": "Łucja Żółkiewska",
    "E-mail": "lucja@example.com",
}


def test_a_resident_proposes_a_budget_project_without_javascript(open_page, resident_form):
    page = open_page(proposal_path(), javascript=False)
    # Playwright asks Chromium to intercept file choosers without waiting for the answer, so a
    # subscription made just before the key press may come too late and the chooser opens unseen.
    page.on("filechooser", lambda chooser: None)
    walk_to_footer_and_back(page)
    skip_to_content(page)
    tab_to(page, SUBMIT)
    send(page)

    expect(page.locator("#form-errors")).to_have_attribute("role", "alert")
    required = page.eval_on_selector_all(
        ".form-field--error [aria-invalid]", "fields => fields.map(f => f.id)"
    )
    assert len(required) == 10, required
    assert_errors_tied(page, required)
    # Without JavaScript the page opens at the form: the next Tab is the summary's first link.
    fix_first_error(page)
    assert is_focused(page, f"#{field_id(page, 'Tytuł projektu')}")
    for label, value in PROPOSAL.items():
        if label == "Szacunkowy koszt (zł)":
            tab_to(page, f"#{field_id(page, 'Dzielnica')}")
            page.keyboard.press("ArrowDown")
        tab_to(page, f"#{field_id(page, label)}")
        page.keyboard.type(value)
        if label == "Uzasadnienie":
            tab_to(page, f"#{field_id(page, 'Lista poparcia')}")
            with page.expect_file_chooser(timeout=10_000) as chooser:
                page.keyboard.press("Space")
            chooser.value.set_files(
                {"name": "lista.pdf", "mimeType": "application/pdf", "buffer": _pdf_bytes(["Lista poparcia"])}
            )
    tab_to(page, f"#{field_id(page, 'Zgadzam się na przetwarzanie')}")
    page.keyboard.press("Space")
    tab_to(page, SUBMIT)
    send(page)

    expect(page.locator("#potwierdzenie")).to_contain_text("Dziękujemy")
    form = ProposalFormPage.objects.get(
        url_path__endswith=f"/{timezone.localdate().year + 1}/zglos-projekt/", locale__language_code="pl"
    )
    assert PROPOSAL["Tytuł projektu"] in Submission.objects.filter(page=form).latest("pk").form_data.values()


def test_a_resident_registers_for_a_training(open_page, resident_form):
    training = TrainingPage.objects.get(slug=TRAINING.split("/")[2], locale__language_code="pl")
    registered = Submission.objects.filter(page=training).count()
    page = open_page(TRAINING)
    walk_to_footer_and_back(page)
    skip_to_content(page)
    email = field_id(page, "E-mail")
    tab_to(page, f"#{field_id(page, 'Imię i nazwisko')}")
    page.keyboard.type("Łucja Żółkiewska")
    tab_to(page, f"#{email}")
    page.keyboard.type("lucja@")
    tab_to(page, SUBMIT)
    send(page)

    expect(page.locator("#form-errors")).to_have_attribute("role", "alert")
    assert is_focused(page, "#form-errors"), "the error summary does not take focus"
    consent = field_id(page, "Zgadzam się na przetwarzanie")
    assert_errors_tied(page, [email, consent])
    fix_first_error(page)
    assert is_focused(page, f"#{email}")
    page.keyboard.press("Control+A")
    page.keyboard.type("lucja@example.com")
    tab_to(page, f"#{consent}")
    page.keyboard.press("Space")
    tab_to(page, SUBMIT)
    send(page)

    expect(page.locator("#potwierdzenie")).to_be_visible()
    assert Submission.objects.filter(page=training).count() == registered + 1
