"""Factories for the foundation's pages, images and documents.

StreamField bodies are raw block data (a list of ``{"type": ..., "value": ...}`` dicts), built with
the small ``*_block`` helpers below, so a test reads like the page an editor would build:

    StandardPageFactory(parent=home, body=[heading_block("Harmonogram"), paragraph_block("Tekst")])
"""

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Collection, Locale

from home.models import HomePage, StandardPage

# --- images and documents -------------------------------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    """A real JPEG made by Pillow, in the root collection (not one new root collection per image)."""

    title = factory.Sequence(lambda n: f"Zdjęcie {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=1600, height=900, format="JPEG", filename="zdjecie.jpg")


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A PDF-named document whose size and hash are recorded, as an upload through the admin does."""

    title = factory.Sequence(lambda n: f"Dokument {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(filename="regulamin.pdf", data=b"%PDF-1.4\n" + b"0" * 2039)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()
        document.save()
        return document


# --- pages ----------------------------------------------------------------------------------------


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Budżet Obywatelski w Sosnowcu"
    slug = "home"
    lead = "Tu mieszkańcy Sosnowca decydują, na co miasto wyda część swojego budżetu."
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="pl"))
    body = factory.LazyFunction(lambda: [paragraph_block("Jak możesz wziąć udział w budżecie.")])

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strona treści {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    lead = "Krótki wstęp do strony."
    body = factory.LazyFunction(lambda: [paragraph_block("Treść strony.")])

    class Meta:
        model = StandardPage


# --- StreamField block data (raw form, as stored in the database) --------------------------------


def heading_block(text, level="h2", anchor=""):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": anchor}}


def paragraph_block(*paragraphs):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}


def image_block(image, alt_text, caption=""):
    return {"type": "image", "value": {"image": image.pk, "alt_text": alt_text, "caption": caption}}


def quote_block(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def call_to_action_block(title, button_text, page=None, url="", text=""):
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "button_text": button_text,
            "page": page.pk if page else None,
            "url": url,
        },
    }


def document_list_block(documents, title=""):
    return {"type": "documents", "value": {"title": title, "documents": [doc.pk for doc in documents]}}


def video_block(url, title, transcript=""):
    return {"type": "video", "value": {"video": url, "title": title, "transcript": transcript}}


def table_block(rows, caption="", first_row_is_table_header=True, first_col_is_header=False):
    return {
        "type": "table",
        "value": {
            "data": rows,
            "table_caption": caption,
            "first_row_is_table_header": first_row_is_table_header,
            "first_col_is_header": first_col_is_header,
        },
    }


def accordion_block(items, title=""):
    return {
        "type": "accordion",
        "value": {
            "title": title,
            "items": [{"question": question, "answer": f"<p>{answer}</p>"} for question, answer in items],
        },
    }
