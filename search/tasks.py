"""Background work of the search: reading the text of a saved document, counting a query for the
staff's reports."""

from django.db.models import F
from django_tasks import task
from wagtail.contrib.search_promotions.models import Query
from wagtail.documents import get_document_model

from .models import UnansweredQuery


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


@task()
def count_query(normalised, has_results):
    """One more search for `normalised` (and one more without a result, if so)."""
    logged = Query.get(normalised)
    logged.add_hit()
    if not has_results:
        UnansweredQuery.objects.get_or_create(query=logged)
        UnansweredQuery.objects.filter(query=logged).update(count=F("count") + 1)
