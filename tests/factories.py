"""Factories for the foundation's pages, images and documents.

StreamField bodies are raw block data (a list of ``{"type": ..., "value": ...}`` dicts), built with
the small ``*_block`` helpers below, so a test reads like the page an editor would build:

    StandardPageFactory(parent=home, body=[heading_block("Harmonogram"), paragraph_block("Tekst")])
"""

import datetime

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Collection, Locale

from consultation.choices import ProposalStatus
from consultation.models import BudgetEditionPage, BudgetIndexPage, BudgetProjectPage
from home.models import HomePage, StandardPage
from materials.choices import ArticleKind, LegalActStatus, LegalActType, MaterialLanguage, MaterialType
from materials.models import (
    ArticleIndexPage,
    ArticlePage,
    LegalActConsultation,
    LegalActDocument,
    LegalActIndexPage,
    LegalActPage,
    Material,
    MaterialsIndexPage,
    NewsIndexPage,
    NewsPage,
)

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


def image_block(image, alt_text, caption="", decorative=False):
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": alt_text, "decorative": decorative, "caption": caption},
    }


def quote_block(text, attribution="", language="pl"):
    return {"type": "quote", "value": {"text": text, "attribution": attribution, "language": language}}


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


def stored_video_embed(url, title="Jak zgłosić projekt"):
    """The oEmbed answer for a YouTube video, stored as Wagtail stores a fetched one."""
    from wagtail.embeds import embeds
    from wagtail.embeds.models import Embed

    return Embed.objects.create(
        url=url,
        hash=embeds.get_embed_hash(url),
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/bo-sosnowiec" title="Film"></iframe>',
        title=title,
        provider_name="YouTube",
        width=640,
        height=360,
    )


def video_block(url, title, transcript="", captions=None):
    return {
        "type": "video",
        "value": {
            "video": url,
            "title": title,
            "transcript": transcript,
            "captions": captions.pk if captions else None,
        },
    }


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


# --- materials: articles, legal acts, the materials library, news --------------------------------


def _save_tags(obj, create, names):
    """`tags=["budżet", "szkoła"]` on a factory call: the tags, saved with the object."""
    if names:
        obj.tags.add(*names)
        if create:
            obj.save()


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Dobre praktyki"
    slug = "dobre-praktyki"
    lead = "Jak to robią inni i co już działa w Sosnowcu."

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Artykuł {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    lead = "Krótki wstęp do artykułu."
    author = "Wydział Komunikacji Społecznej"
    source = "Urząd Miejski w Sosnowcu"
    kind = ArticleKind.GOOD_PRACTICE
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300))
    body = factory.LazyFunction(lambda: [paragraph_block("Treść artykułu.")])

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    tags = factory.PostGeneration(_save_tags)


class LegalActIndexPageFactory(wagtail_factories.PageFactory):
    title = "Uregulowania prawne"
    slug = "prawo"
    lead = "Uchwały, zarządzenia i regulaminy o konsultacjach i budżecie obywatelskim."

    class Meta:
        model = LegalActIndexPage


class LegalActPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Uchwała w sprawie konsultacji {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    lead = "Zasady konsultacji społecznych w Sosnowcu."
    act_type = LegalActType.RESOLUTION
    number = factory.Sequence(lambda n: f"XL/{n}/2026")
    status = LegalActStatus.IN_FORCE
    adopted_on = datetime.date(2026, 3, 26)
    in_force_from = datetime.date(2026, 4, 20)
    summary = "<ul><li>Konsultacje trwają co najmniej 21 dni.</li></ul>"
    publication_name = "Dziennik Urzędowy Województwa Śląskiego"
    publication_url = "https://dzienniki.example.invalid/2026/1234"

    class Meta:
        model = LegalActPage
        skip_postgeneration_save = True

    @factory.post_generation
    def consultations(page, create, extracted, **kwargs):
        """`consultations=[page, …]`: the consultations held about the act."""
        if extracted:
            page.consultation_links = [LegalActConsultation(consultation=item) for item in extracted]
            if create:
                page.save()

    @factory.post_generation
    def documents(page, create, extracted, **kwargs):
        if extracted:
            page.documents = [LegalActDocument(document=document) for document in extracted]
            if create:
                page.save()


class MaterialsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Materiały do pobrania"
    slug = "materialy"
    lead = "Prezentacje, poradniki, raporty i nagrania."

    class Meta:
        model = MaterialsIndexPage


class MaterialFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Poradnik {n}")
    description = "Jak zgłosić projekt do budżetu obywatelskiego."
    material_type = MaterialType.GUIDE
    document = factory.SubFactory(DocumentFactory)
    year = 2026
    language = MaterialLanguage.POLISH

    class Meta:
        model = Material
        skip_postgeneration_save = True

    tags = factory.PostGeneration(_save_tags)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktualności"
    slug = "aktualnosci"
    lead = "Co nowego w budżecie obywatelskim."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Wiadomość {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    lead = "Krótko o tym, co się wydarzyło."
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300))
    body = factory.LazyFunction(lambda: [paragraph_block("Treść wiadomości.")])

    class Meta:
        model = NewsPage


def index_page_form_data(title, slug, text="Tekst nad listą."):
    """What the admin posts for a materials index page (title, lead and a one-paragraph body)."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": f"Wstęp: {title}.",
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
        }
    )


# --- participatory budget -------------------------------------------------------------------------


class BudgetIndexPageFactory(wagtail_factories.PageFactory):
    title = "Budżet obywatelski"
    slug = "budzet-obywatelski"

    class Meta:
        model = BudgetIndexPage


class BudgetEditionPageFactory(wagtail_factories.PageFactory):
    """An edition whose vote ended in June 2026; districts are added with `BudgetArea` rows."""

    title = factory.LazyAttribute(lambda page: f"Budżet obywatelski {page.year}")
    slug = factory.LazyAttribute(lambda page: f"edycja-{page.year}")
    year = factory.Sequence(lambda n: 2027 + n % 70)
    citywide_pool = 1_000_000
    citywide_cost_limit = 1_000_000
    submission_start = datetime.date(2026, 1, 10)
    submission_end = datetime.date(2026, 2, 10)
    verification_end = datetime.date(2026, 3, 31)
    appeals_end = datetime.date(2026, 4, 30)
    voting_start = datetime.date(2026, 6, 1)
    voting_end = datetime.date(2026, 6, 14)
    results_date = datetime.date(2026, 6, 30)
    realisation_start = datetime.date(2027, 1, 1)

    class Meta:
        model = BudgetEditionPage


class BudgetProjectPageFactory(wagtail_factories.PageFactory):
    """A project on the ballot, city-wide unless given an `area`, numbered within its edition."""

    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    number = factory.LazyAttribute(lambda page: page.parent.specific.next_project_number())
    status = ProposalStatus.ON_BALLOT
    cost = 100_000

    class Meta:
        model = BudgetProjectPage
