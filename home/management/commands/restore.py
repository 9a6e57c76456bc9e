from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, read_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Restores a backup made by `manage.py backup`: replaces the database and puts the backed-up "
        "files back. Stop the site and the task worker first; run `manage.py migrate` afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="the backup's directory")
        parser.add_argument("--no-input", action="store_false", dest="interactive", help="do not ask")

    def handle(self, *args, directory, interactive, **options):
        try:
            manifest = read_backup(directory)
            if interactive and not self.confirmed(manifest):
                raise CommandError("Przerwano: nic nie zmieniono.")
            restore_backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Przywrócono kopię z {manifest['created_at']}.")

    def confirmed(self, manifest):
        answer = input(
            f"Baza danych i pliki zostaną zastąpione kopią z {manifest['created_at']}. "
            "Wpisz „tak”, aby kontynuować: "
        )
        return answer.strip().lower() == "tak"
