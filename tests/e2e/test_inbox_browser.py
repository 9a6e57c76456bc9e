"""The moderator's path in a browser: log in, find a resident's pending comment in the inbox, approve
it, and see it on the public consultation page."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OPEN = "/konsultacje/zasady-budzetu-obywatelskiego-2027/"
TEXT = "Proszę dodać punkt do głosowania w bibliotece na Pogoni."

# axe runs on our own content only: Wagtail's admin chrome (sidebar, header, its own listing
# widgets) is Wagtail's markup, which we neither write nor can fix here. `main` is the admin's
# content region; anything axe finds outside it belongs in a report to Wagtail, not in this test.
ADMIN_CONTENT = {"include": [["main"]]}


def test_moderator_approves_a_pending_comment(open_page, screenshot, resident_form):
    page = open_page(OPEN)
    form = page.locator("form.resident-form")
    form.get_by_label("Podpis").fill("Piotr Testowy")
    form.get_by_label("Treść uwagi").fill(TEXT)
    form.get_by_label(re.compile("zgadzam się na przetwarzanie", re.IGNORECASE)).check()
    with page.expect_navigation():
        form.locator("button[type='submit']").click()
    expect(page.locator("#potwierdzenie")).to_contain_text("Dziękujemy")
    expect(page.get_by_text(TEXT)).to_have_count(0)

    page.goto("/admin/login/")
    page.get_by_label(re.compile("nazwa użytkownika|username", re.IGNORECASE)).fill("moderator")
    page.get_by_label(re.compile("hasło|password", re.IGNORECASE)).fill("moderator-bo-2026")
    with page.expect_navigation():
        page.locator("form button[type='submit']").click()
    expect(page).not_to_have_url(re.compile("/admin/login/"))

    page.goto("/admin/inbox/")
    screenshot(page, "inbox-list-desktop")
    row = page.locator("tr", has_text=TEXT)
    expect(row).to_have_count(1)
    reports = {"inbox list": axe_report(page, ADMIN_CONTENT)}

    with page.expect_navigation():
        row.locator("a").first.click()
    expect(page.get_by_text(TEXT)).to_be_visible()
    screenshot(page, "inbox-detail-desktop")
    reports["inbox detail"] = axe_report(page, ADMIN_CONTENT)

    approve = page.locator("form.inbox-detail__action", has=page.locator("input[value='approve']"))
    with page.expect_navigation():
        approve.locator("button[type='submit']").click()

    page.goto(OPEN + "#uwagi")
    expect(page.locator("#uwagi").get_by_text(TEXT)).to_be_visible()
    screenshot(page, "consultation-open-after-approval-desktop")
    assert not any(reports.values()), "\n\n".join(f"{k}:\n{v}" for k, v in reports.items() if v)
