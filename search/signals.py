from django.db import transaction


def document_saved(sender, instance, **kwargs):
    """Reads the file's text after the document is saved (new file or new title alike)."""
    from .tasks import extract_document_text

    pk = instance.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(pk))
