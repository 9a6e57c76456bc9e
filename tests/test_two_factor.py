"""Two-factor login to the admin (accounts/): a password opens nothing in the admin until a code from
the authenticator app, or a one-time backup code, confirms it; the first login sets the app up."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "haslo-redaktorki-2026"
PAGE = {"HTTP_ACCEPT": "text/html,application/xhtml+xml"}
VERIFY = "/admin/two-factor/code/"
ENROL = "/admin/two-factor/setup/"
CODES = "/admin/two-factor/backup-codes/"
MANAGE = "/admin/account/two-factor/"


@pytest.fixture(autouse=True)
def otp_required(settings):
    settings.OTP_REQUIRED = True
    # A wait of a minute after a wrong code: longer than any slow test machine takes between requests.
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    settings.OTP_STATIC_THROTTLE_FACTOR = 60


@pytest.fixture
def editor(site_tree):
    user = User.objects.create_user("redaktorka", "redaktorka@example.com", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def log_in(client, username="redaktorka"):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get("/admin/", **PAGE)


def code_of(device, drift=0):
    return f"{totp(device.bin_key, drift=drift):06d}"


def enrol(client):
    """Logs in, sets the app up with its first code; returns (device, backup codes)."""
    log_in(client)
    client.get(ENROL, **PAGE)
    device = TOTPDevice.objects.get(user__username="redaktorka")
    device.first_code = code_of(device)
    response = client.post(ENROL, {"code": device.first_code}, follow=True)
    return device, response.context["codes"]


def wait_out_the_lock(device):
    """A refused code makes the device wait a minute: the minute passes."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timezone.timedelta(seconds=61)
    )


def log_out_and_in(client):
    client.post("/admin/logout/")
    return log_in(client)


def errors(response):
    return " ".join(response.context["form"].errors.get("code", []))


def test_password_login_leads_to_setting_up_the_app(client, editor):
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    response = client.get(response["Location"], follow=True, **PAGE)
    assert response.redirect_chain[-1][0].startswith(ENROL)
    html = response.content.decode()
    assert "Włącz logowanie dwuetapowe" in html
    assert "<svg" in html and "Kod QR do zeskanowania" in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert response.context["secret"].replace(" ", "") in device.config_url
    assert "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org", "")


def test_first_code_turns_the_app_on_and_shows_ten_backup_codes_once(client, editor):
    device, codes = enrol(client)
    device.refresh_from_db()
    assert device.confirmed
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", code) for code in codes)
    assert client.get("/admin/", **PAGE).status_code == 200
    again = client.get(CODES)
    assert again.status_code == 200
    assert not any(code in again.content.decode() for code in codes)
    assert "pokazujemy tylko raz" in again.content.decode()


def test_next_login_needs_a_code_and_a_replayed_code_is_refused(client, editor):
    device, _ = enrol(client)
    assert log_out_and_in(client)["Location"].startswith(VERIFY)
    replayed = client.post(VERIFY, {"code": device.first_code})
    assert "nieprawidłowy albo został już użyty" in errors(replayed)
    assert client.get("/admin/", **PAGE).status_code == 302
    wait_out_the_lock(device)
    # The app's next 30-second code (tolerance of one step for a phone's clock).
    response = client.post(VERIFY, {"code": code_of(device, drift=1), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/", **PAGE).status_code == 200


def test_wrong_code_is_refused_and_locks_the_device_for_a_while(client, editor):
    device, _ = enrol(client)
    log_out_and_in(client)
    wrong = f"{(int(code_of(device, drift=1)) + 1) % 1_000_000:06d}"
    assert "nieprawidłowy" in errors(client.post(VERIFY, {"code": wrong}))
    locked = client.post(VERIFY, {"code": code_of(device, drift=1)})
    assert "Za dużo błędnych kodów" in errors(locked)
    assert client.get("/admin/", **PAGE).status_code == 302
    wait_out_the_lock(device)
    assert client.post(VERIFY, {"code": code_of(device, drift=1)}).status_code == 302
    assert client.get("/admin/", **PAGE).status_code == 200


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Wpisz kod."),
        ("abcdef", "6 cyfr"),
        ("1" * 100, "6 cyfr"),
        ("12345", "6 cyfr"),
        ("１２３４５６", "6 cyfr"),
        ("' OR 1=1 --", "6 cyfr"),
        ("<script>alert(1)</script>", "6 cyfr"),
        ("ż" * 10_000, "6 cyfr"),
    ],
)
def test_hostile_codes_are_refused_with_a_polish_message(client, editor, typed, message):
    enrol(client)
    log_out_and_in(client)
    response = client.post(VERIFY, {"code": typed})
    assert response.status_code == 200
    assert message in errors(response)
    assert "<script>alert" not in response.content.decode()
    assert client.get("/admin/", **PAGE).status_code == 302


def test_setup_takes_only_a_code_from_the_app(client, editor):
    log_in(client)
    client.get(ENROL, **PAGE)
    for typed in ("abcdefgh", "1" * 100, ""):
        assert errors(client.post(ENROL, {"code": typed}))
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_backup_code_works_once(client, editor):
    _, codes = enrol(client)
    log_out_and_in(client)
    response = client.post(VERIFY, {"code": codes[0].upper()[:4] + "-" + codes[0][4:]}, follow=True)
    assert response.status_code == 200
    assert "Niewykorzystane kody zapasowe: 9" in response.content.decode()
    assert client.get("/admin/", **PAGE).status_code == 200
    log_out_and_in(client)
    assert "nieprawidłowy albo został już użyty" in errors(client.post(VERIFY, {"code": codes[0]}))
    assert client.get("/admin/", **PAGE).status_code == 302


def test_admin_data_and_forms_without_the_code_get_403(client, editor):
    enrol(client)
    log_out_and_in(client)
    api = client.get("/admin/api/main/pages/", HTTP_ACCEPT="application/json")
    assert api.status_code == 403
    assert "Potwierdź logowanie" in api.json()["error"] and "results" not in api.json()
    xhr = client.get("/admin/pages/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert xhr.status_code == 403
    assert client.post("/admin/account/", {"name_email-email": "x@example.com"}).status_code == 403
    assert client.get(MANAGE, **PAGE)["Location"].startswith(VERIFY)
    assert client.get(CODES, **PAGE)["Location"].startswith(VERIFY)


def test_password_alone_cannot_set_up_another_app(client, editor):
    enrol(client)
    log_out_and_in(client)
    assert client.get(ENROL, **PAGE)["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


@pytest.mark.parametrize(
    "target", ["https://evil.example/admin/", "//evil.example/", "/", "javascript:alert(1)"]
)
def test_next_leads_only_into_the_admin(client, editor, target):
    device, _ = enrol(client)
    log_out_and_in(client)
    response = client.post(VERIFY, {"code": code_of(device, drift=1), "next": target})
    assert response["Location"] == "/admin/"


def test_account_page_renews_backup_codes_after_a_code(client, editor):
    device, old = enrol(client)
    account = client.get("/admin/account/")
    assert MANAGE in account.content.decode() and "Logowanie dwuetapowe" in account.content.decode()
    assert "nieprawidłowy" in errors(client.post(MANAGE, {"action": "codes", "code": "000000"}))
    response = client.post(MANAGE, {"action": "codes", "code": old[0]}, follow=True)
    new = response.context["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert StaticDevice.objects.get(user=editor).token_set.count() == 10


def test_account_page_connects_a_new_app(client, editor):
    _, codes = enrol(client)
    response = client.post(MANAGE, {"action": "reset", "code": codes[0]}, follow=True)
    assert response.redirect_chain[-1][0] == ENROL
    assert "Połącz teraz nową" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get("/admin/", **PAGE)["Location"].startswith(VERIFY)


def test_a_resident_account_is_not_asked_for_a_code(client, site_tree):
    resident = User.objects.create_user("mieszkaniec", password=PASSWORD)
    client.force_login(resident)
    assert client.get("/").status_code == 200
    assert not client.get("/admin/", **PAGE)["Location"].startswith(VERIFY)


def test_switched_off_the_admin_needs_no_code(client, editor, settings):
    settings.OTP_REQUIRED = False
    assert log_in(client).status_code == 200


def test_code_page_has_a_bounded_number_of_queries(client, editor, django_assert_max_num_queries):
    enrol(client)
    log_out_and_in(client)
    with django_assert_max_num_queries(12):
        response = client.get(VERIFY, **PAGE)
    assert response.status_code == 200
    assert "demo0001" not in response.content.decode()


def test_administrator_command_lets_a_person_without_phone_and_codes_set_up_again(client, editor):
    enrol(client)
    client.post("/admin/logout/")
    call_command("reset_two_factor", "redaktorka", stdout=StringIO())
    log_in(client)
    assert client.get(VERIFY, **PAGE)["Location"].startswith(ENROL)
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nie-ma-takiego' OR 1=1", stdout=StringIO())


def test_demo_accounts_log_in_with_the_published_backup_codes(client, demo_content):
    client.post("/admin/login/", {"username": "redaktor", "password": "redaktor-bo-2026"})
    assert client.get("/admin/", **PAGE)["Location"].startswith(VERIFY)
    assert "demo0001 … demo0010" in client.get(VERIFY, **PAGE).content.decode()
    assert client.post(VERIFY, {"code": "demo0001"}).status_code == 302
    assert client.get("/admin/", **PAGE).status_code == 200
