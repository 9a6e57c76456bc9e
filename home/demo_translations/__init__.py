"""English and Ukrainian translations of a few demo pages, made the way a translator makes them in
wagtail-localize: a translation source of the Polish page, every string translated in translation
memory, then the target page built from them and published.

The texts are the JSON files beside this module, one per page: "page" names the Polish page (its
"path" below the home page, or the latest page of a "type" by a field, e.g. the current budget
edition), "strings" pairs every Polish string of the page with its "en" and "uk" versions, and
"fields" lists the page's fields written into the texts as {name} (the edition's {year})."""

import json
from pathlib import Path

from django.apps import apps
from django.core.management.base import CommandError
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from ..models import HomePage

TEXTS = Path(__file__).parent
LANGUAGES = ("en", "uk")


def translate_demo_pages(stdout):
    """Translates the demo pages into every language of LANGUAGES. A page whose translation already
    exists is left as translators made it; an alias of the Polish page (from a synchronised page
    tree) becomes the translation."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return
    pages = []
    for texts in page_texts():
        page = find_source_page(home, texts["page"])
        if page is not None:
            pages.append((page, texts))
    pages.sort(key=lambda item: item[0].depth)  # parents before their children
    for language in LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        for page, texts in pages:
            translated = translate_page(page, texts, locale)
            if translated is not None:
                stdout.write(f"  {language}: {translated.title}")


def page_texts():
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(TEXTS.glob("*.json"))]


def find_source_page(home, where):
    """The Polish page a text file is about: by its path below the home page, or the latest page of
    a type (the current budget edition: the one with the highest year)."""
    if "path" in where:
        relative = where["path"].strip("/")
        url_path = home.url_path + (f"{relative}/" if relative else "")
        page = Page.objects.filter(url_path=url_path, locale=home.locale).first()
    else:
        model = apps.get_model(where["type"])
        page = model.objects.filter(locale=home.locale).order_by(f"-{where['latest_by']}").first()
    return page.specific if page is not None else None


def translated_strings(page, texts, language):
    """{Polish string: its translation}, with the page's own fields (e.g. {year}) filled in."""

    def fill(text):
        for name in texts.get("fields", []):
            text = text.replace("{" + name + "}", str(getattr(page, name)))
        return text

    return {fill(entry["pl"]): fill(entry[language]) for entry in texts["strings"]}


def translate_page(page, texts, locale):
    """The new translation of `page` into `locale`, published; None when one exists already."""
    existing = page.get_translation_or_none(locale)
    if existing is not None and not existing.alias_of_id:
        return None
    source, _created = TranslationSource.update_or_create_from_instance(page)
    strings = translated_strings(page, texts, locale.language_code)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    missing = sorted({segment.string.data for segment in segments} - strings.keys())
    if missing:
        raise CommandError(
            f"Brak tłumaczenia ({locale.language_code}) strony „{page.title}” dla tekstów: "
            + "; ".join(f"„{text}”" for text in missing)
        )
    for segment in segments:
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": strings[segment.string.data],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    Translation.objects.update_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    translated, _created = source.create_or_update_translation(
        locale, publish=False, copy_parent_pages=True, fallback=True
    )
    # Published here rather than when the command's transaction commits, so children and tests see it.
    translated.get_latest_revision().publish()
    return translated
