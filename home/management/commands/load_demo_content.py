from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from home.demo import builders, tasks_queued_once
from home.demo_accounts import DEMO_ACCOUNTS
from home.demo_translations import translate_demo_pages


class Command(BaseCommand):
    help = (
        "Builds the Polish demo site: pages, site settings and one account per role. "
        "Safe to run again: what exists is kept as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet-accounts", action="store_true", help="Do not print the demo accounts.")

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "Demo content creates accounts with published passwords and is refused with these "
                "settings. Use the dev settings (DJANGO_SETTINGS_MODULE=sosnowiec_bo.settings.dev)."
            )
        autodiscover_modules("demo_content")
        self.stdout.write("Treści demonstracyjne:")
        with transaction.atomic(), tasks_queued_once():
            for build in builders():
                build(self.stdout)
            translate_demo_pages(self.stdout)
        self.stdout.write(self.style.SUCCESS("Gotowe."))
        if not options["quiet_accounts"]:
            self.stdout.write("Konta demonstracyjne (panel: /admin/):")
            for username, password, role, _group, _superuser in DEMO_ACCOUNTS:
                self.stdout.write(f"  {role:<14} login: {username:<10} hasło: {password}")
