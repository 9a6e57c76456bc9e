"""The form of Wagtail's document library (`WAGTAILDOCS_DOCUMENT_FORM_BASE`): it reminds whoever
uploads a PDF that the law requires an accessible version, both before the upload (under the file
field) and after it (in the multiple uploader's form of each uploaded PDF and on its edit page)."""

from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

UPLOAD_REMINDER = _(
    "Wgrywasz PDF? Sprawdź, czy ma tekst (nie skan), nagłówki i opisy obrazów, albo przygotuj wersję "
    "dostępną (np. DOCX, ODT lub tekst na stronie)."
)
PDF_REMINDER = _(
    "To plik PDF: zapewnij wersję dostępną. Ustawa o dostępności cyfrowej wymaga, by mieszkańcy "
    "przeczytali go także czytnikiem ekranu. Sprawdź, czy PDF ma tekst (nie skan), nagłówki i opisy "
    "obrazów, albo wgraj wersję dostępną (np. DOCX, ODT) i w „Materiałach do pobrania” wskaż ją w polu "
    "„Wersja dostępna”."
)


def is_pdf(document):
    return bool(document.file) and document.file_extension.lower() == "pdf"


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reminder = PDF_REMINDER if is_pdf(self.instance) else None
        if "file" in self.fields:
            field = self.fields["file"]
            field.help_text = f"{reminder or UPLOAD_REMINDER} {field.help_text}".strip()
        elif reminder and "title" in self.fields:
            self.fields["title"].help_text = reminder
