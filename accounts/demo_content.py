"""The demo accounts' backup codes: a person trying the demo logs in without an authenticator app.
The codes are published in README.md like the passwords, and only where demo content is allowed."""

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from accounts import two_factor
from home.demo import demo_builder
from home.demo_accounts import DEMO_ACCOUNTS

DEMO_BACKUP_CODES = [f"demo{number:04d}" for number in range(1, two_factor.BACKUP_CODE_COUNT + 1)]


@demo_builder(order=15)
def give_demo_backup_codes(stdout):
    """Each demo account without its own app gets the ten demo codes back (used ones included)."""
    users = get_user_model().objects.filter(username__in=[account[0] for account in DEMO_ACCOUNTS])
    for user in users:
        if two_factor.app_device(user) is not None:
            continue
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=two_factor.BACKUP_DEVICE_NAME, defaults={"confirmed": True}
        )
        have = set(device.token_set.values_list("token", flat=True))
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=code) for code in DEMO_BACKUP_CODES if code not in have
        )
    stdout.write("  kody zapasowe kont demonstracyjnych: " + ", ".join(DEMO_BACKUP_CODES))
