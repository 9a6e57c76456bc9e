"""The one block library of the site. Every StreamField body is built from `BodyStreamBlock`."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Treść nagłówka"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Poziom"),
        choices=[("h2", _("Nagłówek sekcji (H2)")), ("h3", _("Podsekcja (H3)"))],
        default="h2",
        help_text=_("H2 otwiera nową sekcję strony, H3 dzieli sekcję na części."),
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
        context["anchor_id"] = slugify(value["anchor"] or value["text"]) or "sekcja"
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
        max_length=250,
        help_text=_(
            "Opisz, co widać na obrazie, dla osób, które go nie widzą (np. „Mieszkańcy na "
            "spotkaniu w sali obrad”). Wymagane."
        ),
    )
    caption = blocks.CharBlock(label=_("Podpis (opcjonalnie)"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Obraz")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Cytat"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Autor cytatu (opcjonalnie)"), required=False, max_length=200)

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
            message = _("Wybierz stronę w serwisie albo wpisz adres zewnętrzny (jedno z dwóch).")
            raise StructBlockValidationError(block_errors={"page": ErrorList([ValidationError(message)])})
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
        label=_("Transkrypcja lub opis (opcjonalnie)"),
        required=False,
        help_text=_("Tekst dla osób, które nie mogą obejrzeć lub wysłuchać filmu."),
    )

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


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentListBlock()
    video = VideoBlock()
    table = TableBlock()
    accordion = AccordionBlock()
