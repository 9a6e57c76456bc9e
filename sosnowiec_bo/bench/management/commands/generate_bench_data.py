"""Builds the benchmark's large site (issue 13) on the configured database: the demo content, then
at --scale 1.0 10 000 pages in all, 60 consultations (one with 2 000 approved comments on 80 units),
2 budget editions with 400 projects and 20 000 ballots, 500 articles, 100 trainings with
registrations and 1 000 documents, and the search index of all of it."""

import time
from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from home.models import HomePage
from sosnowiec_bo.bench.data import AlreadyGenerated, generate


class Command(BaseCommand):
    help = "Buduje duży serwis do pomiaru wydajności (make bench); na świeżej bazie, raz."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1.0: 10 000 stron; 0.02: do testów")
        parser.add_argument(
            "--keep-existing", action="store_true", help="Gdy dane już są: zostaw je i zakończ bez błędu."
        )
        parser.add_argument("--no-index", action="store_true", help="Bez budowania indeksu wyszukiwarki.")

    def handle(self, scale, keep_existing, no_index, **options):
        if not 0 < scale <= 10:
            raise CommandError("--scale musi być większe od 0 i nie większe niż 10.")
        started = time.perf_counter()
        if not HomePage.objects.filter(depth=2).exists():
            self.stdout.write("Treść demo…")
            call_command("load_demo_content", stdout=StringIO())
        self.stdout.write(f"Dane benchmarku (skala {scale})…")
        try:
            generate(scale, self.stdout)
        except AlreadyGenerated:
            if keep_existing:
                self.stdout.write("Dane benchmarku już są w tej bazie: mierzę na nich.")
                return
            raise CommandError(
                "Dane benchmarku są już w tej bazie. Uruchom na pustej bazie (np. dropdb i createdb) "
                "albo mierz na tych, które są."
            ) from None
        if not no_index:
            self.stdout.write("Indeks wyszukiwarki…")
            call_command("update_index", stdout=StringIO())
        if connection.vendor == "postgresql":
            # Autovacuum analyses new tables only after a while; until then the planner guesses and
            # walks the whole page tree for every listing, which the benchmark would measure.
            self.stdout.write("Statystyki planisty (ANALYZE)…")
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(f"Gotowe w {time.perf_counter() - started:.0f} s.")
