"""A large site for the benchmark (`manage.py generate_bench_data`, issue 13), built on top of the demo
content: the counts per scale and the order of building (`rows.py` inserts pages in batches and
makes the files, `participation.py` the form pages and what residents sent through them)."""

import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from consultation.models import BudgetIndexPage, ConsultationIndexPage
from home.demo import paragraph, stream
from home.models import HomePage, StandardPage
from materials.choices import ArticleKind
from materials.models import ArticleIndexPage, ArticlePage, TrainingIndexPage

from .participation import make_consultations, make_editions, make_trainings
from .rows import DAY, add_pages, make_documents, make_images, sentence

MARKER_SLUG = "dane-benchmarku"

# The counts at scale 1.0 (issue 13); `pages` is the total the filler pages make up to.
FULL = {
    "pages": 10_000,
    "consultations": 60,
    "comments": 2_000,
    "units": 80,
    "editions": 2,
    "projects": 400,
    "ballots": 20_000,
    "articles": 500,
    "trainings": 100,
    "registrations": 10,
    "documents": 1_000,
    "images": 40,
}
MINIMUM = {"editions": 1, "registrations": 2, "units": 2, "images": 2, "consultations": 1}


class AlreadyGenerated(Exception):
    pass


@dataclass
class Counts:
    pages: int
    consultations: int
    comments: int
    units: int
    editions: int
    projects: int
    ballots: int
    articles: int
    trainings: int
    registrations: int
    documents: int
    images: int

    @classmethod
    def at(cls, scale):
        return cls(**{name: max(MINIMUM.get(name, 0), round(full * scale)) for name, full in FULL.items()})


def generate(scale, stdout, seed=13):
    """Adds the benchmark's data under the demo site's home page; refuses a second time."""
    counts = Counts.at(scale)
    home = HomePage.objects.get(depth=2, locale__language_code="pl")
    if home.get_children().filter(slug=MARKER_SLUG).exists():
        raise AlreadyGenerated
    rng = random.Random(seed)
    with transaction.atomic():
        marker = StandardPage(title="Dane benchmarku", slug=MARKER_SLUG, lead="Strony do pomiaru wydajności.")
        home.add_child(instance=marker)
        images = make_images(counts.images)
        stdout.write(f"  {len(images)} obrazów")
        make_documents(counts.documents, rng)
        stdout.write(f"  {counts.documents} dokumentów")
        make_consultations(ConsultationIndexPage.objects.get(locale=home.locale), counts, rng)
        stdout.write(f"  {counts.consultations} konsultacji, {counts.comments} uwag")
        make_editions(BudgetIndexPage.objects.get(locale=home.locale), counts, images, rng)
        stdout.write(f"  {counts.editions} edycje, {counts.projects} projektów, {counts.ballots} kart")
        make_trainings(TrainingIndexPage.objects.get(locale=home.locale), counts, rng)
        stdout.write(f"  {counts.trainings} szkoleń")
        today = timezone.localdate()
        add_pages(
            ArticleIndexPage.objects.get(locale=home.locale),
            [
                ArticlePage(
                    title=f"{sentence(rng, 6)[:-1]} {number + 1}",
                    slug=f"artykul-benchmark-{number + 1}",
                    lead=sentence(rng, 25),
                    kind=ArticleKind.GOOD_PRACTICE,
                    date=today - number * DAY,
                    author="Zespół ds. budżetu obywatelskiego",
                    cover_image=images[number % len(images)],
                    cover_image_alt="Domy w słońcu",
                    body=stream(paragraph(sentence(rng, 80), sentence(rng, 60))),
                )
                for number in range(counts.articles)
            ],
        )
        stdout.write(f"  {counts.articles} artykułów")
        missing = counts.pages - Page.objects.filter(depth__gt=1).count()
        add_pages(
            marker,
            [
                StandardPage(
                    title=f"{sentence(rng, 5)[:-1]} {number + 1}",
                    slug=f"strona-{number + 1}",
                    lead=sentence(rng, 25),
                    body=stream(paragraph(sentence(rng, 120), sentence(rng, 80))),
                )
                for number in range(max(missing, 0))
            ],
        )
        stdout.write(f"  {max(missing, 0)} stron uzupełniających")
    return counts
