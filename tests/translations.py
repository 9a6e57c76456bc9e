"""Pages in other languages for tests: a published translation, and the aliases wagtail-localize
keeps under /en/ and /uk/ for untranslated pages."""

from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(page, code, title):
    """A published translation of `page` into `code`; its untranslated parents get aliases."""
    translation = page.copy_for_translation(locale(code), copy_parents=True)
    translation.title = title
    translation.save_revision().publish()
    return translation


def sync_trees():
    """What wagtail-localize does for a page created in the admin: aliases under /en/ and /uk/."""
    for code in ["en", "uk"]:
        synchronize_tree(locale("pl"), locale(code))
