"""The one block library of the site. Every StreamField body is built from `BodyStreamBlock`."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

HEADING_LEVELS = ("h2", "h3", "h4")


def field_error(field, message):
    """A StructBlock's refusal shown under one of its fields."""
    return StructBlockValidationError(block_errors={field: ErrorList([ValidationError(message)])})


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Treść nagłówka"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Poziom"),
        choices=[
            ("h2", _("Nagłówek sekcji (H2)")),
            ("h3", _("Podsekcja (H3)")),
            ("h4", _("Część podsekcji (H4)")),
        ],
        default="h2",
        help_text=_(
            "H2 otwiera nową sekcję strony, H3 dzieli sekcję na części, H4 dzieli podsekcję. Nie przeskakuj "
            "poziomów: po H2 może przyjść H3, ale nie od razu H4."
        ),
        search_index=False,
    )
    anchor = blocks.CharBlock(
        label=_("Nazwa sekcji w linku (opcjonalnie)"),
        required=False,
        max_length=80,
        help_text=_(
            "Słowo dopisywane do adresu strony po znaku #, żeby link otwierał stronę od razu w tym "
            "miejscu, np. „harmonogram” w linku …/o-budzecie/#harmonogram. Puste: utworzymy je z treści "
            "nagłówka."
        ),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        name = value["anchor"] or value["text"]
        # An ASCII id where the text has one (Polish „Skąd” → skad); Cyrillic has none and keeps its letters.
        context["anchor_id"] = slugify(name) or slugify(name, allow_unicode=True) or "sekcja"
        context["tag"] = value["level"] if value["level"] in HEADING_LEVELS else "h2"
        return context

    class Meta:
        icon = "title"
        label = _("Nagłówek")
        template = "blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "blocks/paragraph_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Obraz"))
    alt_text = blocks.CharBlock(
        label=_("Tekst alternatywny"),
        required=False,
        max_length=250,
        help_text=_(
            "Opisz, co widać na obrazie, dla osób, które go nie widzą (np. „Mieszkańcy na "
            "spotkaniu w sali obrad”). Wymagany, chyba że obraz jest tylko ozdobą."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Obraz dekoracyjny"),
        required=False,
        help_text=_(
            "Zaznacz tylko wtedy, gdy obraz niczego nie przekazuje (ozdobnik, tło). Czytniki ekranu go "
            "pominą, a tekst alternatywny zostaje pusty."
        ),
    )
    caption = blocks.CharBlock(label=_("Podpis (opcjonalnie)"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if value["decorative"] and value["alt_text"].strip():
            raise field_error(
                "decorative",
                _(
                    "Obraz dekoracyjny nie ma opisu: usuń tekst alternatywny albo odznacz „Obraz dekoracyjny”."
                ),
            )
        if not value["decorative"] and not value["alt_text"].strip():
            raise field_error(
                "alt_text",
                _(
                    "Opisz obraz w polu „Tekst alternatywny” albo zaznacz „Obraz dekoracyjny”, jeśli jest tylko ozdobą."
                ),
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["alt"] = "" if value["decorative"] else value["alt_text"]
        return context

    class Meta:
        icon = "image"
        label = _("Obraz")
        template = "blocks/image_block.html"


QUOTE_LANGUAGES = [
    ("pl", _("polski")),
    ("en", _("angielski")),
    ("uk", _("ukraiński")),
    ("de", _("niemiecki")),
    ("cs", _("czeski")),
    ("sk", _("słowacki")),
    ("fr", _("francuski")),
    ("es", _("hiszpański")),
    ("it", _("włoski")),
    ("ru", _("rosyjski")),
    ("la", _("łacina")),
]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Cytat"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Autor cytatu (opcjonalnie)"), required=False, max_length=200)
    language = blocks.ChoiceBlock(
        label=_("Język cytatu"),
        choices=QUOTE_LANGUAGES,
        default="pl",
        help_text=_(
            "Czytnik ekranu przeczyta cytat z wymową tego języka. Zmień, gdy cytat nie jest po polsku."
        ),
        search_index=False,
    )

    class Meta:
        icon = "openquote"
        label = _("Cytat")
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tytuł"), max_length=120)
    text = blocks.TextBlock(label=_("Opis (opcjonalnie)"), required=False, max_length=400)
    button_text = blocks.CharBlock(
        label=_("Tekst przycisku"),
        max_length=60,
        help_text=_("Powiedz, co się stanie po kliknięciu, np. „Zgłoś projekt”."),
    )
    page = blocks.PageChooserBlock(label=_("Strona w serwisie"), required=False)
    url = blocks.URLBlock(
        label=_("Albo adres zewnętrzny"),
        required=False,
        help_text=_("Użyj tylko wtedy, gdy przycisk ma prowadzić poza serwis."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value["page"]) == bool(value["url"]):
            raise field_error(
                "page", _("Wybierz stronę w serwisie albo wpisz adres zewnętrzny (jedno z dwóch).")
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["href"] = value["page"].url if value["page"] else value["url"]
        return context

    class Meta:
        icon = "pick"
        label = _("Wezwanie do działania")
        template = "blocks/call_to_action_block.html"


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tytuł listy (opcjonalnie)"), required=False, max_length=120)
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("Dokument")),
        label=_("Dokumenty"),
        help_text=_("Przy każdym pliku pokażemy jego nazwę, format i rozmiar."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Lista dokumentów")
        template = "blocks/document_list_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("Adres filmu"),
        help_text=_("Link do filmu w serwisie YouTube lub Vimeo."),
    )
    title = blocks.CharBlock(
        label=_("Tytuł filmu"),
        max_length=200,
        help_text=_("Czytniki ekranu odczytają go przed filmem."),
    )
    transcript = blocks.TextBlock(
        label=_("Transkrypcja"),
        required=False,
        help_text=_(
            "Wszystko, co słychać i widać w filmie, zapisane tekstem, dla osób, które nie mogą go obejrzeć "
            "lub wysłuchać. Podaj transkrypcję albo plik z napisami."
        ),
    )
    captions = DocumentChooserBlock(
        label=_("Napisy (plik VTT)"),
        required=False,
        help_text=_("Plik z napisami w formacie WebVTT (.vtt), ten sam, który dodano do filmu w serwisie."),
    )

    def clean(self, value):
        value = super().clean(value)
        captions = value["captions"]
        if captions and captions.file_extension.lower() != "vtt":
            raise field_error("captions", _("Plik z napisami musi mieć format WebVTT (rozszerzenie .vtt)."))
        if not captions and not value["transcript"].strip():
            raise field_error(
                "transcript",
                _(
                    "Dodaj transkrypcję filmu albo wybierz plik z napisami (VTT): bez nich film jest niedostępny."
                ),
            )
        return value

    class Meta:
        icon = "media"
        label = _("Film")
        template = "blocks/video_block.html"


# The table editor's right-click menu: Wagtail ships Handsontable without its Polish texts.
TABLE_CONTEXT_MENU = {
    "items": {
        "row_above": {"name": _("Wstaw wiersz powyżej")},
        "row_below": {"name": _("Wstaw wiersz poniżej")},
        "rows_end": {"name": "---------"},
        "col_left": {"name": _("Wstaw kolumnę z lewej")},
        "col_right": {"name": _("Wstaw kolumnę z prawej")},
        "columns_end": {"name": "---------"},
        "remove_row": {"name": _("Usuń wiersz")},
        "remove_col": {"name": _("Usuń kolumnę")},
        "removal_end": {"name": "---------"},
        "undo": {"name": _("Cofnij")},
        "redo": {"name": _("Ponów")},
    }
}


class TableBlock(WagtailTableBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("table_options", {"contextMenu": TABLE_CONTEXT_MENU})
        super().__init__(**kwargs)

    class Meta:
        icon = "table"
        label = _("Tabela")
        template = "blocks/table_block.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Pytanie"), max_length=250)
    answer = ParagraphBlock(label=_("Odpowiedź"))


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tytuł (opcjonalnie)"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Pytania i odpowiedzi"))

    class Meta:
        icon = "list-ul"
        label = _("Pytania i odpowiedzi (FAQ)")
        template = "blocks/accordion_block.html"


def heading_level(level):
    return HEADING_LEVELS.index(level) + 2 if level in HEADING_LEVELS else 2


class BodyStreamBlock(blocks.StreamBlock):
    """The page's title is its H1, so the body's headings start at H2 and go down one level at a time."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentListBlock()
    video = VideoBlock()
    table = TableBlock()
    accordion = AccordionBlock()

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        previous = 1
        for index, child in enumerate(value):
            if child.block_type != "heading":
                continue
            level = heading_level(child.value["level"])
            if level > previous + 1:
                errors[index] = field_error(
                    "level",
                    _(
                        "Nagłówek H%(level)d nie może być tutaj: przed nim musi być nagłówek H%(parent)d. "
                        "Zmień poziom na H%(allowed)d albo dodaj wyżej nagłówek H%(parent)d."
                    )
                    % {"level": level, "parent": level - 1, "allowed": previous + 1},
                )
            previous = level
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value
