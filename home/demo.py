"""A small registry of demo-content builders. Each app adds its part of the demo site in a
`demo_content` module with `@demo_builder(order)`; `load_demo_content` runs them in order."""

import json
import uuid

from django.utils.text import slugify
from wagtail.models import Locale, Page

_BUILDERS = []


def demo_builder(order):
    def register(func):
        _BUILDERS.append((order, func))
        return func

    return register


def builders():
    return [func for _, func in sorted(_BUILDERS, key=lambda item: item[0])]


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


def source_locale():
    return Locale.get_default()


def root_page():
    return Page.get_first_root_node()
