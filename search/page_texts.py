"""What a search result shows of a page (search.models.PageText), kept with the index: each time a
page goes into the search index, its texts and date are written too."""

from wagtail.models import Page

# The snippet is taken around the first match; a page is all but never searched past this.
MAX_TEXT = 100_000


def searchable_text(page):
    """The page's own searched texts, read from fields already loaded (no query per result): its
    lead, body and any other text column its `search_fields` name, the title aside; related objects
    (tags, comments) are searched but not quoted in the snippet."""
    texts = []
    for field in page.get_search_fields():
        name = getattr(field, "field_name", "")
        model_field = next((f for f in page._meta.concrete_fields if f.name == name), None)
        if name != "title" and model_field is not None and hasattr(field, "boost"):
            value = field.get_value(page)
            texts.append(" ".join(value) if isinstance(value, list) else str(value or ""))
    return " ".join(texts)


def page_date(page):
    value = getattr(page, "date", None) or page.last_published_at or page.first_published_at
    return value.date() if hasattr(value, "date") else value


def store(objs):
    """Writes the texts of the pages among `objs` that are loaded as their own type (a page read as
    a plain `Page` has none of its type's fields)."""
    from .models import PageText

    texts = [
        PageText(page_id=obj.pk, text=searchable_text(obj)[:MAX_TEXT], date=page_date(obj))
        for obj in objs
        if isinstance(obj, Page) and obj.pk and type(obj) is obj.specific_class
    ]
    if texts:
        PageText.objects.bulk_create(
            texts, update_conflicts=True, unique_fields=["page"], update_fields=["text", "date"]
        )
