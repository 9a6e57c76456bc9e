from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import two_factor


class Command(BaseCommand):
    help = (
        "Turns two-factor login off for one account (a lost phone and no backup codes left): the "
        "person logs in with the password and sets up the app again at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Nie ma konta „{username}”.")
        two_factor.reset(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Logowanie dwuetapowe konta „{username}” wyłączone: przy następnym logowaniu "
                "połączy nową aplikację."
            )
        )
