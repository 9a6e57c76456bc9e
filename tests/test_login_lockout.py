"""Admin logins: django-axes locks one user name from one address out after five wrong passwords for
30 minutes, behind the proxy as the resident forms read addresses; passwords must be strong."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone, translation

from home.demo_content import DEMO_ACCOUNTS

LOGIN = "/admin/login/"
PASSWORD = "Sosnowiec-haslo-2026!"
ATTACKER = "203.0.113.9"
COLLEAGUE = "198.51.100.7"


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("redaktorka", "redaktorka@example.com", PASSWORD)
    user.is_superuser = True
    user.save()
    return user


def log_in(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra)


def fail_until_locked(client, username, **extra):
    for _ in range(5):
        log_in(client, username, "zle-haslo", **extra)


def is_logged_in(client):
    return client.get("/admin/").status_code == 200


def test_five_wrong_passwords_lock_the_account_out_with_a_polish_page(client, editor):
    for attempt in range(4):
        response = log_in(client, "redaktorka", f"zle-haslo-{attempt}")
        assert response.status_code == 200
        assert "Logowanie zablokowane" not in response.text

    locked = log_in(client, "redaktorka", "zle-haslo-5")
    right_password = log_in(client, "redaktorka", PASSWORD)

    for response in (locked, right_password):
        assert response.status_code == 429
        assert "Logowanie zablokowane" in response.text
        assert "Błędne hasło podano 5 razy" in response.text
        assert "30 min" in response.text
    assert not is_logged_in(client)


def test_a_lockout_leaves_other_addresses_and_other_accounts_alone(client, editor):
    get_user_model().objects.create_user("moderatorka", "m@example.com", PASSWORD)
    fail_until_locked(client, "redaktorka", REMOTE_ADDR=ATTACKER)
    assert log_in(client, "redaktorka", PASSWORD, REMOTE_ADDR=ATTACKER).status_code == 429

    other_account = log_in(client, "moderatorka", PASSWORD, REMOTE_ADDR=ATTACKER)
    assert other_account.status_code == 302
    client.logout()
    other_address = log_in(client, "redaktorka", PASSWORD, REMOTE_ADDR=COLLEAGUE)
    assert other_address.status_code == 302
    assert is_logged_in(client)


def test_the_lockout_ends_after_thirty_minutes(client, editor):
    fail_until_locked(client, "redaktorka")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=29))
    assert log_in(client, "redaktorka", PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    response = log_in(client, "redaktorka", PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_good_login_clears_earlier_failures(client, editor):
    for _ in range(4):
        log_in(client, "redaktorka", "zle-haslo")
    assert log_in(client, "redaktorka", PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        log_in(client, "redaktorka", "zle-haslo")

    assert log_in(client, "redaktorka", PASSWORD).status_code == 302


def test_behind_the_proxy_a_forged_forwarded_address_locks_out_only_the_sender(client, editor, settings):
    """The proxy appends the connection's address to X-Forwarded-For; what the client wrote before
    it (here the colleague's address) is not believed."""
    settings.TRUST_X_FORWARDED_FOR = True
    forged = {"HTTP_X_FORWARDED_FOR": f"{COLLEAGUE}, {ATTACKER}", "REMOTE_ADDR": "10.0.0.2"}
    fail_until_locked(client, "redaktorka", **forged)
    assert log_in(client, "redaktorka", PASSWORD, **forged).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}

    colleague = log_in(client, "redaktorka", PASSWORD, HTTP_X_FORWARDED_FOR=COLLEAGUE, REMOTE_ADDR="10.0.0.2")

    assert colleague.status_code == 302


@pytest.mark.parametrize(
    "forwarded", ["nie-adres", "'; DROP TABLE axes_accessattempt; --", "999.1.1.1", "\u0000", "a" * 5000]
)
def test_a_malformed_forwarded_address_falls_back_to_the_connection(client, editor, settings, forwarded):
    settings.TRUST_X_FORWARDED_FOR = True
    fail_until_locked(client, "redaktorka", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=ATTACKER)

    assert log_in(client, "redaktorka", PASSWORD, REMOTE_ADDR=ATTACKER).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


@pytest.mark.parametrize(
    "username, password, next_url",
    [
        ("redaktorka", "x" * 100_000, "/admin/"),
        ("r" * 5000, "zle-haslo", "/admin/"),
        ("żółć-用户-🙂", "hasło-ąę-🙂", "/admin/"),
        ("redak\x00torka", "zle\x00haslo", "/admin/\x00"),
        ("redaktorka", "zle-haslo", "/admin/\x00<script>alert(1)</script>"),
        ("<script>alert(1)</script>", "' OR 1=1 --", "javascript:alert(1)"),
        ("", "", ""),
    ],
)
def test_hostile_login_forms_are_refused_without_an_error(client, editor, username, password, next_url):
    for _ in range(6):
        response = client.post(LOGIN, {"username": username, "password": password, "next": next_url})
        assert response.status_code in (200, 429)
    assert "<script>alert(1)</script>" not in response.text
    assert not is_logged_in(client)


def test_hostile_user_agent_is_stored_cut_to_its_column(client, editor):
    fail_until_locked(client, "redaktorka", HTTP_USER_AGENT="Ż" * 5000)

    assert log_in(client, "redaktorka", PASSWORD, HTTP_USER_AGENT="Ż" * 5000).status_code == 429


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda account: account[0])
def test_demo_account_passwords_pass_the_password_rules(db, account):
    username, password, *_ = account
    user = get_user_model()(username=username, email=f"{username}@example.com", first_name=username)

    validate_password(password, user)


@pytest.mark.parametrize(
    "password, message",
    [
        ("Krotkie-1", "To hasło jest za krótkie. Musi zawierać co najmniej 12 znaków."),
        ("123456789012345", "Hasło składa się wyłącznie z cyfr."),
        ("password1234", "To hasło jest zbyt powszechne."),
        ("redaktorka1234", "Hasło jest zbyt podobne"),
    ],
)
def test_weak_passwords_are_refused_in_polish(db, password, message):
    user = get_user_model()(username="redaktorka", email="redaktorka@example.com")

    with translation.override("pl"), pytest.raises(ValidationError) as refused:
        validate_password(password, user)

    assert any(text.startswith(message) for text in refused.value.messages)


UNLOCKS = "/admin/blokady-logowania/"


def test_an_administrator_sees_the_lockout_and_unlocks_it(client, editor, admin_client):
    fail_until_locked(client, "redaktorka", REMOTE_ADDR=ATTACKER)

    listing = admin_client.get(UNLOCKS)
    assert listing.status_code == 200
    row = BeautifulSoup(listing.content, "html.parser").select_one("table.listing tbody tr")
    assert "redaktorka" in row.get_text() and ATTACKER in row.get_text()
    unlocked = admin_client.post(row.select_one("form")["action"], follow=True)

    assert "Odblokowano logowanie konta „redaktorka”" in unlocked.text
    assert "Żadne konto nie jest teraz zablokowane." in unlocked.text
    assert log_in(client, "redaktorka", PASSWORD, REMOTE_ADDR=ATTACKER).status_code == 302


def test_only_staff_allowed_to_unlock_see_the_lockouts(client, editor):
    moderator = get_user_model().objects.create_user("moderatorka", "m@example.com", PASSWORD)
    moderator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(moderator)

    assert client.get(UNLOCKS).status_code in (302, 403)
    assert "Blokady logowania" not in client.get("/admin/").text

    moderator.user_permissions.add(Permission.objects.get(codename="delete_accessattempt"))
    assert client.get(UNLOCKS).status_code == 200
    assert "Blokady logowania" in client.get("/admin/").text


@pytest.mark.parametrize("url", ["999999/odblokuj/", "abc/odblokuj/", "-1/odblokuj/", "1e9/odblokuj/"])
def test_unlocking_what_does_not_exist_is_not_found(admin_client, url):
    assert admin_client.post(UNLOCKS + url).status_code == 404


def test_unlocking_needs_a_post(client, editor, admin_client):
    fail_until_locked(client, "redaktorka")
    attempt = AccessAttempt.objects.get()

    assert admin_client.get(f"{UNLOCKS}{attempt.pk}/odblokuj/").status_code == 405
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_failed_and_good_logins_keep_the_page_cache(client, editor, site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 600
    visitor = Client()
    for _visit in range(3):  # the site's first visit creates its settings row, a new generation
        visitor.get("/o-budzecie/")
    assert visitor.get("/o-budzecie/")["X-Page-Cache"] == "hit"

    fail_until_locked(client, "redaktorka")
    log_in(client, "moderatorka-nieistniejaca", "zle-haslo")

    assert visitor.get("/o-budzecie/")["X-Page-Cache"] == "hit"
