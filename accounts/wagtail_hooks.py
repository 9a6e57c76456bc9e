from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/code/", views.verify, name="two_factor_verify"),
        path("two-factor/setup/", views.enrol, name="two_factor_enrol"),
        path("two-factor/backup-codes/", views.backup_codes, name="two_factor_backup_codes"),
        path("account/two-factor/", views.manage, name="two_factor_manage"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    if not settings.OTP_REQUIRED:
        return None
    return {
        "url": reverse("two_factor_manage"),
        "label": _("Logowanie dwuetapowe"),
        "help_text": _("Nowe kody zapasowe albo połączenie nowej aplikacji, np. po zmianie telefonu."),
    }
