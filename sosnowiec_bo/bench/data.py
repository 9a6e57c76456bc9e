"""A large site for the benchmark (`manage.py generate_bench_data`, issue 13), built on top of the demo
content. Pages that need nothing but their own row (articles, projects, filler pages) are inserted in
batches with their tree paths computed here: Wagtail's `add_child` locks and re-reads the parent for
each page and takes tens of milliseconds, which is most of ten minutes at 10 000 pages. Form pages
(consultations, trainings) get their default form fields only through the model, so they go
through `add_child`; there are few of them."""

import random
from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from consultation.choices import BallotChannel, ProposalStatus, SubmissionStatus
from consultation.models import (
    Ballot,
    BallotChoice,
    BudgetArea,
    BudgetEditionPage,
    BudgetIndexPage,
    BudgetProjectPage,
    ConsultationIndexPage,
    ConsultationPage,
    DraftActUnit,
    PrivacyNotice,
    Submission,
    VotingPage,
)
from consultation.voting import identity
from materials.choices import ArticleKind, MaterialLanguage, MaterialType, TrainingAudience
from materials.models import ArticleIndexPage, ArticlePage, Material, TrainingIndexPage, TrainingPage

from .demo import _pdf_bytes, paragraph, stream
from .models import HomePage, StandardPage

MARKER_SLUG = "dane-benchmarku"
BATCH = 500
DAY = timedelta(days=1)

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

WORDS = (
    "budżet obywatelski projekt mieszkańcy dzielnica park boisko chodnik ścieżka rowerowa szkoła "
    "biblioteka konsultacje uchwała rada miejska plac zabaw zieleń drzewa ławki oświetlenie przystanek "
    "remont modernizacja świetlica seniorzy młodzież kultura sport rekreacja bezpieczeństwo Sosnowiec "
    "Pogoń Zagórze Środula Klimontów Niwka Milowice Kazimierz Maczki Porąbka Dańdówka Sielec Ostrowy"
).split()


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


def sentence(rng, length):
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."


def add_pages(parent, pages):
    """Inserts unsaved, specific `pages` as live children of `parent`, BATCH rows per INSERT."""
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    position = last._get_lastpos_in_path() if last else 0
    now = timezone.now()
    for batch_start in range(0, len(pages), BATCH):
        batch = pages[batch_start : batch_start + BATCH]
        for page in batch:
            position += 1
            page.path = Page._get_path(parent.path, parent.depth + 1, position)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.content_type = ContentType.objects.get_for_model(page)
            page.draft_title = page.title
            page.live = True
            page.first_published_at = page.last_published_at = now
        page_fields = [field for field in Page._meta.local_concrete_fields if not field.primary_key]
        ids = Page._base_manager._insert(
            batch, fields=page_fields, returning_fields=[Page._meta.pk], using=connection.alias
        )
        models = {}
        for page, (pk,) in zip(batch, ids, strict=True):
            page.id = pk
            page.page_ptr_id = pk
            models.setdefault(type(page), []).append(page)
        for model, rows in models.items():
            model._base_manager._insert(
                rows, fields=model._meta.local_concrete_fields, using=connection.alias
            )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def make_images(count):
    """`count` small JPEGs drawn here (a sky, houses, a sun) in different colours."""
    image_model = get_image_model()
    images = []
    for number in range(count):
        hue = (number * 47) % 255
        canvas = PillowImage.new("RGB", (1200, 675), (90, 150 + hue % 100, 220))
        draw = ImageDraw.Draw(canvas)
        draw.ellipse((880, 60, 1060, 240), fill=(250, 200, hue))
        for left in range(40, 1200, 150):
            top = 300 + (left * number) % 200
            draw.rectangle((left, top, left + 120, 600), fill=(hue, 90, 70))
        data = BytesIO()
        canvas.save(data, "JPEG", quality=80)
        image = image_model(
            title=f"Zdjęcie benchmarku {number + 1}", file=ImageFile(data, name=f"bench-{number}.jpg")
        )
        image._set_image_file_metadata()
        image.save()
        images.append(image)
    return images


def make_documents(count, rng):
    document_model = get_document_model()
    documents = []
    for number in range(count):
        title = f"{sentence(rng, 4)[:-1]} {number + 1}"
        document = document_model(title=title)
        document.file.save(
            f"bench-{number}.pdf", ContentFile(_pdf_bytes([f"Dokument {number + 1}"])), save=False
        )
        document._set_document_file_metadata()
        documents.append(document)
    document_model.objects.bulk_create(documents, batch_size=BATCH)
    Material.objects.bulk_create(
        (
            Material(
                title=document.title,
                description=sentence(rng, 12),
                material_type=MaterialType.GUIDE,
                document=document,
                year=2020 + number % 7,
                language=MaterialLanguage.POLISH,
            )
            for number, document in enumerate(documents)
        ),
        batch_size=BATCH,
    )
    return documents


def make_consultations(index, counts, rng):
    """Consultations, the first open with `units` units of a draft act and `comments` approved comments."""
    notice = PrivacyNotice.objects.first()
    now = timezone.now().replace(microsecond=0)
    big = None
    for number in range(counts.consultations):
        opened = now - (3 + number * 20) * DAY
        page = ConsultationPage(
            title=f"Konsultacja: {sentence(rng, 5)[:-1]} {number + 1}",
            slug=f"konsultacja-benchmark-{number + 1}",
            lead=sentence(rng, 25),
            start_at=opened,
            end_at=now + 14 * DAY if number == 0 else opened + 30 * DAY,
            privacy_notice=notice,
            notify_emails="moderacja@sosnowiec.invalid",
            body=stream(paragraph(sentence(rng, 60), sentence(rng, 40))),
        )
        page.units = [
            DraftActUnit(label=f"§ {unit + 1}", text=sentence(rng, 30))
            for unit in range(counts.units if number == 0 else 3)
        ]
        index.add_child(instance=page)
        big = big or page
    fields = {field.field_type: field.clean_name for field in big.get_form_fields()}
    anchors = [unit.anchor for unit in big.units.all()]
    Submission.objects.bulk_create(
        (
            Submission(
                page=big,
                form_data={
                    fields["singleline"]: f"Mieszkaniec {number + 1}",
                    fields["multiline"]: sentence(rng, rng.randint(10, 60)),
                    fields["consent"]: True,
                },
                unit_anchor=anchors[number % len(anchors)] if number % 5 else "",
                status=SubmissionStatus.APPROVED,
                consent_at=now,
                decided_at=now,
            )
            for number in range(counts.comments)
        ),
        batch_size=BATCH,
    )
    return big


def make_editions(index, counts, images, rng):
    """Budget editions in voting, with their projects, a voting page and valid online ballots."""
    today = timezone.localdate()
    start = today - 95 * DAY
    per_edition = counts.projects // counts.editions
    ballots_per_edition = counts.ballots // counts.editions
    editions = []
    for number in range(counts.editions):
        year = 2090 + number
        edition = BudgetEditionPage(
            title=f"Budżet obywatelski – benchmark {year}",
            slug=f"benchmark-{year}",
            year=year,
            lead=sentence(rng, 20),
            citywide_pool=2_500_000,
            citywide_cost_limit=1_000_000,
            submission_start=start,
            submission_end=start + 30 * DAY,
            verification_end=start + 60 * DAY,
            appeals_end=start + 75 * DAY,
            voting_start=start + 90 * DAY,
            voting_end=start + 104 * DAY,
            results_date=start + 110 * DAY,
            realisation_start=start + 150 * DAY,
        )
        edition.areas = [
            BudgetArea(name=f"Dzielnica {district}", pool_amount=500_000, cost_limit=150_000)
            for district in ("Pogoń", "Zagórze", "Środula", "Klimontów")
        ]
        index.add_child(instance=edition)
        areas = list(edition.areas.all())
        projects = add_pages(
            edition,
            [
                BudgetProjectPage(
                    title=f"{sentence(rng, 4)[:-1]} – projekt {p + 1}",
                    slug=f"projekt-{p + 1}",
                    number=p + 1,
                    lead=sentence(rng, 20),
                    cost=20_000 + 1_000 * (p % 100),
                    area=areas[p % 5 - 1] if p % 5 else None,
                    status=ProposalStatus.ON_BALLOT,
                    social_image=images[p % len(images)],
                )
                for p in range(per_edition)
            ],
        )
        voting = VotingPage(
            title="Głosuj", slug=f"glosowanie-{year}", privacy_notice=PrivacyNotice.objects.first()
        )
        edition.add_child(instance=voting)
        ballots(voting, projects, ballots_per_edition)
        editions.append(edition)
    return editions


def ballots(voting, projects, count):
    citywide = [project for project in projects if project.area_id is None]
    local = [project for project in projects if project.area_id is not None] or citywide
    rows = [
        Ballot(
            page=voting,
            channel=BallotChannel.ONLINE,
            identity_key=identity.keyed_hash("bench", voting.pk, person),
            area_id=local[person % len(local)].area_id,
        )
        for person in range(count)
    ]
    Ballot.objects.bulk_create(rows, batch_size=BATCH)
    BallotChoice.objects.bulk_create(
        (
            BallotChoice(ballot=ballot, project=chosen)
            for person, ballot in enumerate(rows)
            for chosen in {citywide[person % len(citywide)], local[person % len(local)]}
        ),
        batch_size=2 * BATCH,
    )


def make_trainings(index, counts, rng):
    notice = PrivacyNotice.objects.first()
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + 10 * DAY
    for number in range(counts.trainings):
        starts = start + (number % 60 - 20) * DAY
        page = TrainingPage(
            title=f"Szkolenie: {sentence(rng, 4)[:-1]} {number + 1}",
            slug=f"szkolenie-benchmark-{number + 1}",
            lead=sentence(rng, 20),
            starts_at=starts,
            ends_at=starts + timedelta(hours=4),
            registration_opens_at=starts - 30 * DAY,
            registration_closes_at=starts - timedelta(hours=12),
            place="Sala Sesyjna",
            address="al. Zwycięstwa 20, 41-200 Sosnowiec",
            trainer="Zespół ds. budżetu obywatelskiego",
            capacity=30,
            audience=[TrainingAudience.RESIDENTS],
            privacy_notice=notice,
            programme=stream(paragraph(sentence(rng, 30))),
        )
        index.add_child(instance=page)
        fields = {field.label: field.clean_name for field in page.get_form_fields()}
        Submission.objects.bulk_create(
            Submission(
                page=page,
                form_data={fields["Imię i nazwisko"]: f"Uczestnik {person + 1}", fields["E-mail"]: ""},
                status=page.initial_status(),
                consent_at=timezone.now(),
            )
            for person in range(counts.registrations)
        )


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
