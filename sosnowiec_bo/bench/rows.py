"""The benchmark's building blocks: words, pages inserted in batches, images and documents.

Pages that need nothing but their own row (articles, projects, filler pages) are inserted in
batches with their tree paths computed here: Wagtail's `add_child` locks and re-reads the parent for
each page and takes tens of milliseconds, which is most of ten minutes at 10 000 pages."""

from datetime import timedelta
from io import BytesIO

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.db.models import F
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from home.demo import _pdf_bytes
from materials.choices import MaterialLanguage, MaterialType
from materials.models import Material

BATCH = 500
DAY = timedelta(days=1)

WORDS = (
    "budżet obywatelski projekt mieszkańcy dzielnica park boisko chodnik ścieżka rowerowa szkoła "
    "biblioteka konsultacje uchwała rada miejska plac zabaw zieleń drzewa ławki oświetlenie przystanek "
    "remont modernizacja świetlica seniorzy młodzież kultura sport rekreacja bezpieczeństwo Sosnowiec "
    "Pogoń Zagórze Środula Klimontów Niwka Milowice Kazimierz Maczki Porąbka Dańdówka Sielec Ostrowy"
).split()


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
