"""A small registry of demo-content builders. Each app adds its part of the demo site in a
`demo_content` module with `@demo_builder(order)`; `load_demo_content` runs them in order."""

import json
import uuid
from contextlib import contextmanager
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils.text import slugify
from django_tasks import task_backends
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

_BUILDERS = []


def demo_builder(order):
    def register(func):
        _BUILDERS.append((order, func))
        return func

    return register


def builders():
    return [func for _, func in sorted(_BUILDERS, key=lambda item: item[0])]


@contextmanager
def tasks_queued_once():
    """Background tasks asked for while the demo is built are queued at the end, each task with the
    same arguments once: every save of a page asks for its search and reference index updates, so
    the demo's saves would queue twice the tasks the worker needs to run."""
    queued = {}

    def queue_once(task, args, kwargs):
        queued.setdefault(
            (task.module_path, json.dumps([args, kwargs], sort_keys=True, default=str)), (task, args, kwargs)
        )

    backends = [task_backends[alias] for alias in task_backends.settings]
    for backend in backends:
        backend.enqueue = queue_once
    try:
        yield
    finally:
        for backend in backends:
            del backend.enqueue
    for task, args, kwargs in queued.values():
        task.enqueue(*args, **kwargs)


def stream(*blocks):
    """StreamField data from (block_type, value) pairs, with stable ids."""
    return json.dumps(
        [{"type": block_type, "value": value, "id": str(uuid.uuid4())} for block_type, value in blocks]
    )


def paragraph(*paragraphs):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level, "anchor": ""})


def ensure_child(parent, model, slug, **fields):
    """The child page of `parent` with `slug`, created and published with `fields` if missing.
    An existing page is left as editors made it. Returns (page, created)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug or slugify(fields["title"]), locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_section(home, model, slug, stdout, announce, **fields):
    """A section of the site below the home page, shown in its menu: `ensure_child`, and `announce`
    written to stdout when the section is created. Returns the page."""
    page, created = ensure_child(home, model, slug, show_in_menus=True, **fields)
    if created:
        stdout.write(f"  {announce}")
    return page


def source_locale():
    return Locale.get_default()


def root_page():
    return Page.get_first_root_node()


def _pdf_bytes(lines):
    """A small valid one-page PDF with the given lines of ASCII text."""
    text = " T* ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj" for line in lines
    )
    stream_data = f"BT /F1 12 Tf 14 TL 72 770 Td {text} ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream_data) + stream_data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def demo_document(title, filename, lines):
    """A PDF document in the library, created once by title."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = document_model(title=title)
    document.file.save(filename, ContentFile(_pdf_bytes(lines)), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def drawn_image(title, filename, size, background, draw, *, image_format="JPEG", quality=None, **fields):
    """An image in the library drawn with Pillow: `draw` paints an ImageDraw of `size` on `background`.
    Created once by title; `fields` are further fields of the image (e.g. its description)."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PillowImage.new("RGB", size, background)
    draw(ImageDraw.Draw(canvas))
    data = BytesIO()
    canvas.save(data, image_format, **({"quality": quality} if quality else {}))
    image = image_model(title=title, file=ImageFile(data, name=filename), **fields)
    image._set_image_file_metadata()
    image.save()
    return image
