"""The editor's whole path through the admin in a browser, as the demo editor and not through the
ORM: a consultation created under the index from the dashboard's guide, with dates typed by hand in
the Polish form, two draft-act units, a meeting and the default comment fields, published with the
main button; then a resident comments on it and the moderator approves the comment."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultation.models import ConsultationPage
from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Zasady korzystania z parków miejskich"
COMMENT = "Proszę pozwolić na grillowanie w wyznaczonych miejscach w Parku Sieleckim."
ADMIN_CONTENT = {"include": [["main"]]}


def polish(moment):
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("form button[type='submit']").click()
    expect(page).not_to_have_url(re.compile("/admin/login/"))


def type_date(page, selector, text):
    field = page.locator(selector)
    field.click()
    field.fill(text)
    page.keyboard.press("Escape")
    field.blur()
    expect(field).to_have_value(text)


def test_editor_creates_and_publishes_a_consultation_a_resident_comments_a_moderator_approves(
    browser, open_page, screenshot, resident_form
):
    now = timezone.now().replace(second=0, microsecond=0)
    start, end, meeting = now - timedelta(hours=1), now + timedelta(days=20), now + timedelta(days=7)

    editor = open_page("/admin/login/")
    log_in(editor, "redaktor", "redaktor-bo-2026")
    editor.locator("#editor-guides-section").get_by_role("link", name="Dodaj konsultację").click()
    expect(editor.locator("#id_title")).to_be_visible()

    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_lead").fill("Jak korzystać z parków: grill, psy, rowery.")
    type_date(editor, "#id_start_at", polish(start))
    type_date(editor, "#id_end_at", polish(end))
    for number, (label, text) in enumerate(
        [("§ 1", "Regulamin obowiązuje w parkach miejskich."), ("§ 2", "Grillowanie jest zakazane.")]
    ):
        editor.locator("#id_units-ADD").click()
        editor.locator(f"#id_units-{number}-label").fill(label)
        editor.locator(f"#id_units-{number}-text").fill(text)
    editor.locator("#id_meetings-ADD").click()
    type_date(editor, "#id_meetings-0-starts_at", polish(meeting))
    type_date(editor, "#id_meetings-0-ends_at", polish(meeting + timedelta(hours=2)))
    editor.locator("#id_meetings-0-place").fill("Pałac Schoena, sala kominkowa")
    expect(editor.locator("#id_form_fields-TOTAL_FORMS")).to_have_value("4")
    screenshot(editor, "admin-consultation-filled-desktop")

    publish = editor.locator("footer").get_by_role("button", name="Opublikuj")
    expect(publish).to_be_visible()
    with editor.expect_navigation():
        publish.click()
    expect(editor.locator(".messages")).to_contain_text(TITLE)

    created = ConsultationPage.objects.get(title=TITLE)
    assert created.live
    assert (created.start_at, created.end_at) == (start, end)
    assert [unit.label for unit in created.units.all()] == ["§ 1", "§ 2"]
    assert created.meetings.get().starts_at == meeting
    assert created.form_fields.count() == 4

    resident = open_page(created.url, viewport="mobile")
    resident.get_by_label("Której części projektu dotyczy uwaga?").select_option(label="§ 2")
    resident.get_by_label("Podpis").fill("Marek Zieliński")
    resident.get_by_label("Treść uwagi").fill(COMMENT)
    resident.get_by_label(re.compile("zgadzam się na przetwarzanie", re.IGNORECASE)).check()
    with resident.expect_navigation():
        resident.locator("form.resident-form button[type='submit']").click()
    expect(resident.locator("#potwierdzenie")).to_be_visible()

    moderator = open_page("/admin/login/")
    log_in(moderator, "moderator", "moderator-bo-2026")
    moderator.goto("/admin/inbox/")
    row = moderator.locator("table.listing tr", has_text=COMMENT[:40])
    with moderator.expect_navigation():
        row.locator("a").first.click()
    approve = moderator.locator("form.inbox-detail__action", has=moderator.locator("input[value='approve']"))
    with moderator.expect_navigation():
        approve.locator("button[type='submit']").click()
    screenshot(moderator, "admin-inbox-after-approval-desktop")

    resident.goto(created.url + "?uwagi=1#uwagi")  # a new load, not a jump within the page
    expect(resident.locator("#uwagi").get_by_text(COMMENT)).to_be_visible()
    report = axe_report(resident)
    assert not report, report


@pytest.mark.parametrize("typed", ["2026-12-31 23:59", "31.12.2026, godz. 23:59", "jutro"])
def test_date_typed_in_another_form_stays_as_typed_when_the_field_loses_focus(open_page, typed):
    editor = open_page("/admin/login/")
    log_in(editor, "redaktor", "redaktor-bo-2026")
    editor.locator("#editor-guides-section").get_by_role("link", name="Dodaj konsultację").click()

    type_date(editor, "#id_end_at", typed)
    editor.locator("#id_title").click()

    expect(editor.locator("#id_end_at")).to_have_value(typed)
