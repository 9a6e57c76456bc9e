"""Two-factor login for everyone who can open the admin: an authenticator app (TOTP) confirmed by its
first code, ten one-time backup codes, and the checks of a typed code (format, throttling, replay)."""

import math
import re
from base64 import b32encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "Aplikacja uwierzytelniająca"
BACKUP_DEVICE_NAME = "Kody zapasowe"
SESSION_NEW_CODES = "two_factor_new_codes"

APP_CODE = re.compile(r"[0-9]{6}")
BACKUP_CODE = re.compile(r"[a-z0-9]{8}")
WRONG_CODE = _("Ten kod jest nieprawidłowy albo został już użyty. Wpisz aktualny kod z aplikacji.")


class CodeRefused(Exception):
    """A typed code that does not let the user in, with the message to show."""


def is_required(user):
    """Everyone who can open the admin logs in with a second factor (when OTP_REQUIRED is on)."""
    if not (settings.OTP_REQUIRED and user.is_authenticated):
        return False
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def normalize(code):
    """What people type: spaces and dashes between groups and capital letters are allowed."""
    return re.sub(r"[\s-]", "", code or "").lower()


def app_device(user, confirmed=True):
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def backup_device(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def has_demo_codes(user):
    """A demo account (where demo content is allowed) whose published backup codes are left."""
    return (
        getattr(settings, "DEMO_CONTENT_ALLOWED", False)
        and StaticToken.objects.filter(device__user=user, token__startswith="demo").exists()
    )


def can_verify(user):
    """A confirmed app, or backup codes left (the demo accounts have only those)."""
    return app_device(user) is not None or backup_codes_left(user) > 0


def pending_app_device(user):
    """The app device being set up: unconfirmed until the first code from the app is typed."""
    device = app_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device):
    """The key as people type it into an app: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device):
    """The app's setup link as an inline SVG QR code (drawn here: no external service sees the key)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    svg = svg[svg.index("<svg") :]
    # The SVG is qrcode's own drawing of our device's URL, with a fixed label added: no outside text.
    return mark_safe(  # nosec B308, B703 # qrcode's own SVG, our own label
        svg.replace("<svg", '<svg role="img" aria-label="Kod QR do zeskanowania"', 1)
    )


def _locked_message(device):
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    seconds = max(1, math.ceil((details["locked_until"] - timezone.now()).total_seconds()))
    return _("Za dużo błędnych kodów. Następny kod możesz wpisać za %(seconds)d s.") % {"seconds": seconds}


def check_code(user, code, *, device=None):
    """The device that accepts `code` (an app code, or a backup code, which is then used up); raises
    CodeRefused. Each device counts wrong codes and makes the next try wait (django-otp)."""
    if device is not None and not APP_CODE.fullmatch(code):
        raise CodeRefused(_("Wpisz 6 cyfr, które pokazuje teraz aplikacja."))
    if APP_CODE.fullmatch(code):
        device = device or app_device(user)
    elif BACKUP_CODE.fullmatch(code):
        device = backup_device(user)
    else:
        raise CodeRefused(
            _("Kod z aplikacji ma 6 cyfr, a kod zapasowy 8 liter i cyfr. Sprawdź, co zostało wpisane.")
        )
    if device is None:
        raise CodeRefused(WRONG_CODE)
    locked = _locked_message(device)
    if locked:
        raise CodeRefused(locked)
    accepted = verify_token(user, device.persistent_id, code)
    if accepted is None:
        raise CodeRefused(WRONG_CODE)
    return accepted


def log_in(request, device):
    """Marks the session as confirmed by `device`, under a new session key."""
    request.session.cycle_key()
    otp_login(request, device)


def new_backup_codes(user):
    """Ten fresh backup codes replacing the old ones; the caller shows them once."""
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def confirm_app(request, device):
    """The app's device, whose first code `check_code` accepted, turns on; returns the new backup
    codes. (The check runs outside this transaction, so a refused code still counts.)"""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_backup_codes(request.user)
    log_in(request, device)
    return codes


def reset(user):
    """Removes the app and the backup codes: the next admin page asks to set up the app again."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
