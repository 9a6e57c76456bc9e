"""A new editor's first login in a browser with two-factor login on: password, then setting up the
authenticator app from the page's key, then the backup codes, then the dashboard."""

import re
from base64 import b32decode

import pytest
from django.contrib.auth.models import Group, User
from django_otp.oath import totp
from playwright.sync_api import expect

from home.demo_content import EDITORS
from tests.e2e.conftest import axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ADMIN_CONTENT = {"include": [["main"]]}
PASSWORD = "nowa-redaktorka-2026"


def test_new_editor_sets_up_the_app_and_reaches_the_dashboard(open_page, screenshot, settings):
    settings.OTP_REQUIRED = True
    user = User.objects.create_user("nowa", "nowa@sosnowiec.invalid", PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS))

    page = open_page("/admin/login/")
    page.get_by_label(re.compile("nazwa użytkownika|username", re.IGNORECASE)).fill("nowa")
    page.get_by_label(re.compile("hasło|password", re.IGNORECASE)).fill(PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type='submit']").click()
    expect(page).to_have_url(re.compile("/admin/two-factor/setup/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Włącz logowanie dwuetapowe")
    expect(page.get_by_role("img", name="Kod QR do zeskanowania")).to_be_visible()
    screenshot(page, "two-factor-setup-desktop")
    reports = {"setup": axe_report(page, ADMIN_CONTENT)}

    page.get_by_label("Kod z aplikacji").fill("12ab56")
    with page.expect_navigation():
        page.get_by_role("button", name="Włącz").click()
    expect(page.locator(".error-message")).to_contain_text("Wpisz 6 cyfr")
    reports["setup with an error"] = axe_report(page, ADMIN_CONTENT)

    secret = page.locator("#two-factor-secret").inner_text().replace(" ", "")
    page.get_by_label("Kod z aplikacji").fill(f"{totp(b32decode(secret)):06d}")
    with page.expect_navigation():
        page.get_by_role("button", name="Włącz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kody zapasowe")
    codes = page.get_by_role("list", name="Twoje kody zapasowe").get_by_role("listitem")
    expect(codes).to_have_count(10)
    # The admin's message fades in: axe reads its colours once it is fully shown.
    page.wait_for_function(
        """() => { for (let node = document.querySelector('.messages .success'); node; node = node.parentElement)
            { if (getComputedStyle(node).opacity !== '1') return false; } return true; }"""
    )
    screenshot(page, "two-factor-backup-codes-desktop")
    reports["backup codes"] = axe_report(page, ADMIN_CONTENT)

    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("przejdź do panelu")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    assert not any(reports.values()), "\n\n".join(f"{k}:\n{v}" for k, v in reports.items() if v)
