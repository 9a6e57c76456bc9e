"""Pages are ready for translation: Polish is the source, English and Ukrainian locales exist."""

import pytest
from wagtail.models import Locale

from home.models import HomePage


@pytest.mark.django_db
def test_content_locales_polish_english_and_ukrainian_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"pl", "en", "uk"}
    assert Locale.get_default().language_code == "pl"


def test_polish_page_declares_html_lang_pl(client, site_tree):
    response = client.get("/o-budzecie/")

    assert site_tree.about.locale.language_code == "pl"
    assert '<html lang="pl"' in response.text


def test_english_translation_of_home_is_served_under_en_with_html_lang_en(client, site_tree):
    english = site_tree.home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Participatory Budget of Sosnowiec"
    english.save_revision().publish()

    response = client.get("/en/")

    assert response.status_code == 200
    assert '<html lang="en"' in response.text
    assert "Participatory Budget of Sosnowiec" in response.text
    assert HomePage.objects.filter(translation_key=site_tree.home.translation_key).count() == 2


def test_language_switcher_links_the_translation_of_the_page(client, site_tree):
    english = site_tree.home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()

    response = client.get("/")

    assert 'href="/en/" hreflang="en"' in response.text


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_polish_catalog_matches_its_source(domain):
    import polib
    from django.conf import settings

    folder = settings.BASE_DIR / "locale" / "pl" / "LC_MESSAGES"
    source = {
        (e.msgctxt, e.msgid, e.msgid_plural): e.msgstr_plural or e.msgstr
        for e in polib.pofile(str(folder / f"{domain}.po"))
    }
    compiled = {
        (e.msgctxt, e.msgid, e.msgid_plural): e.msgstr_plural or e.msgstr
        for e in polib.mofile(str(folder / f"{domain}.mo"))
    }
    assert compiled == source, f"run `make messages` after editing locale/pl/LC_MESSAGES/{domain}.po"
