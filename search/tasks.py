"""Background work of the search: reading the text of a saved document."""

from django_tasks import task
from wagtail.documents import get_document_model


@task()
def extract_document_text(document_id):
    from .extract import file_text
    from .models import DocumentText

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    try:
        with document.open_file() as file:
            text = file_text(file, document.file_extension)
    except FileNotFoundError:
        text = ""
    DocumentText.objects.update_or_create(document=document, defaults={"text": text})
