"""The demo site in English and Ukrainian: six pages (and the index pages above them) translated
through wagtail-localize, published under /en/ and /uk/, linked to their Polish source, loaded twice
without duplicates, and a comment sent in English reaches the moderators' inbox."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from consultation.choices import SubmissionStatus
from consultation.models import Submission
from home.demo_translations import translate_demo_pages
from tests.consultation_fixtures import post_comment

# (Polish page's path below the home page, language, translated title, a sentence of its text)
TRANSLATED = [
    ("", "en", "Sosnowiec Participatory Budget", "A team of moderators reads every comment"),
    ("", "uk", "Громадський бюджет Сосновця", "Кожне зауваження читає команда модераторів"),
    (
        "o-budzecie/",
        "en",
        "About the budget",
        "We want public consultation in Sosnowiec to be more than a formality.",
    ),
    ("o-budzecie/", "uk", "Про бюджет", "Ми хочемо, щоб громадські консультації в Сосновці"),
    (
        "konsultacje/zasady-budzetu-obywatelskiego-2027/",
        "en",
        "Participatory budget rules for 2027",
        "Every comment goes to the team that drafts the City Hall",
    ),
    (
        "konsultacje/zasady-budzetu-obywatelskiego-2027/",
        "uk",
        "Правила громадського бюджету на 2027 рік",
        "Кожне зауваження потрапить до команди",
    ),
    ("budzet-obywatelski/{year}/", "en", "Participatory budget {year}", "Anyone who lives in Sosnowiec."),
    ("budzet-obywatelski/{year}/", "uk", "Громадський бюджет {year}", "Кожен, хто проживає в Сосновці."),
    (
        "szkolenia/konsultacje-spoleczne-od-podstaw/",
        "en",
        "Public consultation: the basics",
        "9:30 – the participatory budget cycle in Sosnowiec",
    ),
    (
        "szkolenia/konsultacje-spoleczne-od-podstaw/",
        "uk",
        "Громадські консультації: основи",
        "11:00 – перерва на каву.",
    ),
    (
        "dobre-praktyki/budzet-obywatelski-w-pieciu-krokach/",
        "en",
        "The participatory budget in five steps",
        "Projects that pass the check go on the ballot.",
    ),
    (
        "dobre-praktyki/budzet-obywatelski-w-pieciu-krokach/",
        "uk",
        "Громадський бюджет за п’ять кроків",
        "Проєкти, що пройшли перевірку, потрапляють до бюлетеня.",
    ),
]
CONSULTATION = "konsultacje/zasady-budzetu-obywatelskiego-2027/"
# Outside Polish the footer's links and the menu look up their pages' translations: a fixed few more.
OTHER_LANGUAGE_QUERIES = 5


def load_demo_content():
    call_command("load_demo_content", "--quiet-accounts", stdout=StringIO())


@pytest.fixture(scope="module")
def demo(demo_content):
    """The demo site (`demo_content` in tests/conftest.py)."""


@pytest.fixture
def current_year(demo, db):
    from consultation.models import BudgetEditionPage

    return BudgetEditionPage.objects.filter(locale__language_code="pl").order_by("-year").first().year


def polish_page(path, year):
    return Page.objects.get(url_path="/home/" + path.format(year=year), locale__language_code="pl").specific


def translation_of(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def visible(response):
    return response.content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize(("path", "language", "title", "sentence"), TRANSLATED)
def test_demo_page_is_translated_published_and_served_in_its_language(
    client, current_year, path, language, title, sentence
):
    source = polish_page(path, current_year)
    page = translation_of(source, language)

    assert page.live and not page.alias_of_id
    assert page.locale.language_code == language
    assert page.translation_key == source.translation_key
    assert page.url.startswith(f"/{language}/")
    response = client.get(page.url)
    assert response.status_code == 200
    text = visible(response)
    assert f'<html lang="{language}"' in text
    assert re.search(rf"<h1[^>]*>\s*{re.escape(title.format(year=current_year))}\s*</h1>", text)
    assert sentence in text
    assert source.title not in text.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("language", ["en", "uk"])
def test_demo_translations_are_wagtail_localize_translations_of_the_polish_pages(current_year, language):
    locale = Locale.objects.get(language_code=language)
    for path in {path for path, *_ in TRANSLATED}:
        source = polish_page(path, current_year)
        translation_source = TranslationSource.objects.get_for_instance(source)
        assert translation_source.locale.language_code == "pl"
        assert Translation.objects.filter(
            source=translation_source, target_locale=locale, enabled=True
        ).exists()
        assert translation_source.get_translated_instance(locale).pk == translation_of(source, language).pk


def test_demo_translation_opens_in_the_translation_editor(client, current_year):
    client.force_login(get_user_model().objects.get(username="admin"))
    page = translation_of(polish_page("o-budzecie/", current_year), "en")

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


def test_loading_the_demo_again_creates_no_second_translation(demo, db):
    def counts():
        return (
            Page.objects.count(),
            sorted(Page.objects.values_list("locale__language_code", "url_path")),
            TranslationSource.objects.count(),
            Translation.objects.count(),
        )

    first = counts()
    load_demo_content()

    assert counts() == first


def test_alias_in_the_target_locale_becomes_the_translation(demo, db, current_year):
    """A synchronised page tree leaves aliases of Polish pages in /en/; the loader converts the
    alias into the translation instead of adding a second page."""
    english = Locale.objects.get(language_code="en")
    source = polish_page("o-budzecie/", current_year)
    translation_of(source, "en").delete()
    alias = source.create_alias(
        parent=source.get_parent().get_translation(english),
        update_locale=english,
        reset_translation_key=False,
    )

    translate_demo_pages(StringIO())

    pages = Page.objects.filter(translation_key=source.translation_key, locale=english)
    assert list(pages.values_list("pk", flat=True)) == [alias.pk]
    converted = pages.get().specific
    assert converted.alias_of_id is None and converted.live
    assert converted.title == "About the budget"


def test_polish_text_without_a_translation_stops_the_loader_with_that_text(demo, db, current_year):
    source = polish_page("o-budzecie/", current_year)
    translation_of(source, "en").delete()
    source.lead = "Wstęp, którego nikt jeszcze nie przetłumaczył."
    source.save_revision().publish()

    with pytest.raises(CommandError, match="Wstęp, którego nikt jeszcze nie przetłumaczył."):
        translate_demo_pages(StringIO())


def test_comment_on_the_english_consultation_reaches_the_moderators_inbox(
    client, current_year, instant_forms
):
    page = translation_of(polish_page(CONSULTATION, current_year), "en")
    assert page.url.startswith("/en/")

    response = post_comment(client, page, text="Please keep the age limit at 16.")

    assert response.status_code == 302
    submission = Submission.objects.get(page=page)
    assert submission.status == SubmissionStatus.PENDING
    client.force_login(get_user_model().objects.get(username="moderator"))
    inbox = client.get("/admin/inbox/")
    assert inbox.status_code == 200
    assert submission in inbox.context["object_list"]


@pytest.mark.parametrize("path", sorted({path for path, *_ in TRANSLATED}))
def test_translated_page_renders_in_as_few_queries_as_the_polish_one(client, current_year, path):
    source = polish_page(path, current_year)

    def queries(url):
        client.get(url)  # caches warmed the same way for both
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    polish = queries(source.url)
    for language in ("en", "uk"):
        assert queries(translation_of(source, language).url) <= polish + OTHER_LANGUAGE_QUERIES
