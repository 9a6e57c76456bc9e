"""Measures the search: relevance (precision at 5, mean reciprocal rank) on the demo content, then
the same with PAGES extra pages of Polish text, the 95th-percentile time of /szukaj/ over the
relevance queries, the index size and the memory Morfeusz adds to a process.

Run it on its own PostgreSQL database, with the tasks run at once so pages are indexed as they are
made: `make bench-search DATABASE_URL=postgres://…/bench`. Extra pages are kept for the next run.
"""

import random
import resource
import statistics
import time
from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.utils import translation
from modelsearch.conf import get_app_config
from wagtail.models import Page

from home.models import HomePage, StandardPage
from search.polish import word_keys, words
from tests.search_relevance import QUERIES, evaluate

BENCH_SLUG = "bench-search"
BATCH = 200
DEMO_WORDS = 0.1


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


SYLLABLES = "ba be bi bo bu ce ci cz da de do ga go ja ka ki ko la le li lo ma me mi mo na ne ni no \
pa pe pi po ra re ri ro sa se si so sz ta te ti to wa we wi wo za ze zi zo".split()


def filler(rng, vocabulary, length):
    """Text for a filler page: mostly made-up words, so that a query word is as rare as in real
    pages, with one word in ten from the demo's titles and leads, so that filler pages compete."""
    return " ".join(
        rng.choice(vocabulary)
        if rng.random() < DEMO_WORDS
        else "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
        for _ in range(length)
    )


class Command(BaseCommand):
    help = "Mierzy trafność i szybkość wyszukiwarki (precision@5, MRR, p95) na treści demo i N stronach."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=3, help="ile razy każde zapytanie")

    def handle(self, pages, runs, **options):
        translation.activate("pl")
        before = rss_mb()
        word_keys("próba")
        self.stdout.write(f"Morfeusz 2 + Snowball: +{rss_mb() - before:.0f} MB pamięci procesu (maxrss)")
        if not HomePage.objects.filter(depth=2).exists():
            call_command("load_demo_content", stdout=StringIO())
        self.report("demo", evaluate())
        self.add_pages(pages)
        self.report(f"demo + {pages} stron", evaluate())
        self.latency(runs)
        self.index_size()

    def report(self, label, measured):
        self.stdout.write(
            f"[{label}] w pierwszej piątce: {measured['found']:.1%}, precision@5: "
            f"{measured['precision_at_5']:.3f}, MRR: {measured['mrr']:.3f}, chybione: {measured['misses']}"
        )

    def add_pages(self, count):
        home = HomePage.objects.get(depth=2, locale__language_code="pl")
        parent = Page.objects.filter(slug=BENCH_SLUG).first()
        if parent is None:
            parent = home.add_child(
                instance=StandardPage(title="Strony do pomiaru", slug=BENCH_SLUG, body=[])
            )
        have = parent.get_children().count()
        texts = [page.title for page in Page.objects.all()] + [
            page.lead for page in StandardPage.objects.all()
        ]
        vocabulary = sorted({word for text in texts for word in words(text)})
        rng = random.Random(have)
        started = time.perf_counter()
        for start in range(have, count, BATCH):
            with transaction.atomic():
                for number in range(start, min(start + BATCH, count)):
                    title = filler(rng, vocabulary, rng.randint(3, 7)).capitalize()
                    text = filler(rng, vocabulary, rng.randint(60, 160))
                    page = StandardPage(title=f"{title} {number}", slug=f"strona-{number}", lead=text[:300])
                    page.body = [("paragraph", f"<p>{text}</p>")]
                    parent.add_child(instance=page)
            self.stdout.write(f"  {min(start + BATCH, count)} / {count} stron", ending="\r")
        if count > have:
            self.stdout.write(f"\nDodano {count - have} stron w {time.perf_counter() - started:.0f} s")
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # the planner's statistics, as autovacuum would update them

    def latency(self, runs):
        client = Client()
        timings = []
        for _ in range(runs):
            for query, _slug in QUERIES:
                started = time.perf_counter()
                response = client.get("/szukaj/", {"q": query}, headers={"host": "localhost"})
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.status_code
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        self.stdout.write(
            f"/szukaj/ ({len(timings)} zapytań, {connection.vendor}): mediana {statistics.median(timings):.0f} ms, "
            f"p95 {p95:.0f} ms, max {timings[-1]:.0f} ms"
        )

    def index_size(self):
        entries = Page.objects.count()
        if connection.vendor != "postgresql":
            self.stdout.write(f"Rozmiar indeksu: mierzony tylko na PostgreSQL ({entries} stron)")
            return
        table = connection.ops.quote_name(get_app_config().get_model("IndexEntry")._meta.db_table)
        with connection.cursor() as cursor:
            # A model's own table name, quoted: no outside input reaches this query.
            cursor.execute(
                f"SELECT pg_total_relation_size('{table}'), "  # nosec B608
                f"(SELECT sum(length(title_text) + length(body_text)) FROM {table}), "
                f"(SELECT count(*) FROM {table})"
            )
            total, key_chars, rows = cursor.fetchone()
        self.stdout.write(
            f"Indeks: {total / 2**20:.1f} MB razem z indeksami GIN, {rows} wpisów, "
            f"{total / max(rows, 1) / 1024:.1f} kB na wpis; tekst kluczy {key_chars / 2**20:.1f} MB"
        )
