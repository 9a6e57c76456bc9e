from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Backs up the database (pg_dump or SQLite's backup API) and the uploaded files kept on disk "
        "(media and residents' private attachments) into a new directory. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="a new or empty directory for the backup")

    def handle(self, *args, output, **options):
        try:
            manifest = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = ", ".join(manifest["files"].values()) or "brak plików na dysku"
        self.stdout.write(f"Kopia zapasowa w {output}: {manifest['database']['file']}, {files}.")
