"""Polish, English and Ukrainian versions of a page: the language switcher in the header, the hreflang
links in the head, the English and Ukrainian trees kept in sync with the Polish one (an untranslated
page says so) and the translators' account."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.demo_content import DEMO_ACCOUNTS, build_home, build_language_trees
from home.models import HomePage, StandardPage
from home.sites import configure_default_site
from tests.translations import locale, sync_trees, translate

PUBLIC = "https://bo.sosnowiec.pl"


def switcher_links(html):
    """{language code: (href, attributes)} of the links in the header's language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {
        attributes["hreflang"]: (attributes["href"], attributes)
        for attributes in (
            dict(re.findall(r'([\w-]+)="([^"]*)"', tag)) for tag in re.findall(r"<a [^>]*>", nav)
        )
    }


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.fixture
def public_address(settings, site_tree):
    settings.SITE_URL = PUBLIC
    configure_default_site()
    return PUBLIC


# The switcher


def test_switcher_on_a_polish_page_links_its_english_translation(client, site_tree):
    translate(site_tree.about, "en", "About the budget")

    links = switcher_links(client.get("/o-budzecie/").text)

    assert links["en"][0] == "/en/o-budzecie/"
    assert links["pl"][0] == "/o-budzecie/"
    assert links["pl"][1]["aria-current"] == "true"
    assert "aria-current" not in links["en"][1]


def test_switcher_on_an_english_translation_links_back_to_the_polish_page(client, site_tree):
    translate(site_tree.about, "en", "About the budget")

    html = client.get("/en/o-budzecie/").text
    links = switcher_links(html)

    assert '<html lang="en"' in html
    assert links["pl"][0] == "/o-budzecie/"
    assert links["en"][1]["aria-current"] == "true"


def test_switcher_leads_to_the_language_home_page_where_the_page_is_not_translated(client, site_tree):
    translate(site_tree.about, "en", "About the budget")
    sync_trees()

    links = switcher_links(client.get("/o-budzecie/harmonogram/").text)

    # an alias of the Polish text under /en/ is not a translation
    assert links["en"][0] == "/en/"
    assert links["uk"][0] == "/uk/"
    assert client.get("/uk/").status_code == 200


def test_switcher_names_each_language_in_that_language_and_marks_it(client, site_tree):
    html = client.get("/").text
    links = switcher_links(html)

    assert [(code, attributes["lang"]) for code, (_url, attributes) in links.items()] == [
        ("pl", "pl"),
        ("en", "en"),
        ("uk", "uk"),
    ]
    assert '<nav class="language-switcher" aria-label="Wersja językowa">' in html
    assert ">English</a>" in html and ">Українська</a>" in html
    assert "<script" not in re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)


def test_switcher_on_the_search_keeps_the_query_in_the_other_language(client, site_tree):
    links = switcher_links(client.get("/szukaj/", {"q": "park"}).text)

    assert links["en"][0] == "/en/szukaj/?q=park"
    assert links["pl"][1]["aria-current"] == "true"


def test_switcher_on_a_missing_page_leads_to_the_language_home_pages(client, site_tree):
    response = client.get("/en/nie-ma-takiej-strony/")

    assert response.status_code == 404
    links = switcher_links(response.text)
    assert (links["pl"][0], links["en"][0], links["uk"][0]) == ("/", "/en/", "/uk/")


def test_switcher_adds_no_query_per_translation(client, site_tree):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/o-budzecie/").status_code == 200
        return len(captured)

    untranslated = queries()
    translate(site_tree.about, "en", "About the budget")
    translate(site_tree.about, "uk", "Про бюджет")
    sync_trees()

    assert queries() <= untranslated + 1


# The head


def test_head_names_every_translation_and_the_polish_page_as_x_default(client, public_address, site_tree):
    translate(site_tree.about, "en", "About the budget")

    for path in ["/o-budzecie/", "/en/o-budzecie/"]:
        html = client.get(path).text
        assert alternates(html) == {
            "pl": f"{PUBLIC}/o-budzecie/",
            "en": f"{PUBLIC}/en/o-budzecie/",
            "x-default": f"{PUBLIC}/o-budzecie/",
        }, path
    assert f'<link rel="canonical" href="{PUBLIC}/en/o-budzecie/">' in html


def test_head_of_an_untranslated_page_points_at_the_polish_page(client, public_address, site_tree):
    sync_trees()

    html = client.get("/en/o-budzecie/").text

    assert alternates(html) == {"pl": f"{PUBLIC}/o-budzecie/", "x-default": f"{PUBLIC}/o-budzecie/"}
    assert f'<link rel="canonical" href="{PUBLIC}/o-budzecie/">' in html


# Trees in sync and the untranslated page


def test_untranslated_page_under_en_says_it_is_in_polish_and_marks_its_text_polish(client, site_tree):
    sync_trees()

    response = client.get("/en/o-budzecie/")

    assert response.status_code == 200
    html = response.text
    assert '<html lang="en"' in html
    assert re.search(r'<main id="tresc" class="site-main" tabindex="-1" lang="pl">', html)
    notice = re.search(
        r'<div class="container translation-notice" lang="en" role="note">.*?</div>', html, re.S
    )
    assert notice is not None
    assert 'href="/o-budzecie/" hreflang="pl"' in notice.group(0)
    assert "Platformę przygotowało miasto." in html


def menu_link_attributes(html):
    return re.findall(r'<a class="main-nav__link" href="[^"]+"([^>]*)>', html)


def test_menu_under_en_marks_the_polish_titles_of_untranslated_pages(client, site_tree):
    sync_trees()

    english = menu_link_attributes(client.get("/en/o-budzecie/").text)
    polish = menu_link_attributes(client.get("/o-budzecie/").text)

    assert english and all('lang="pl"' in attributes for attributes in english)
    assert polish and not any("lang=" in attributes for attributes in polish)


def breadcrumbs(html):
    return re.search(r'<nav class="breadcrumbs container".*?</nav>', html, re.S).group(0)


def test_breadcrumbs_under_en_mark_the_polish_titles_of_untranslated_pages(client, site_tree):
    sync_trees()

    english = breadcrumbs(client.get("/en/o-budzecie/harmonogram/").text)
    polish = breadcrumbs(client.get("/o-budzecie/harmonogram/").text)

    assert re.search(r'<a href="/en/"\s*>Home</a>', english)
    assert re.search(r'<a href="/en/o-budzecie/" lang="pl">O budżecie</a>', english)
    assert '<span aria-current="page" lang="pl">Harmonogram</span>' in english
    assert "lang=" not in polish


def test_form_sent_from_an_untranslated_page_goes_to_the_polish_page_with_its_data(client, site_tree):
    sync_trees()

    response = client.post("/en/o-budzecie/?strona=2", {"tresc": "Uwaga"})

    # 307: the browser sends the same form to the Polish page, where submissions and ballots belong
    assert response.status_code == 307
    assert response["Location"] == "/o-budzecie/?strona=2"


def test_translated_and_polish_pages_have_no_notice(client, site_tree):
    translate(site_tree.about, "en", "About the budget")

    for path in ["/o-budzecie/", "/en/o-budzecie/"]:
        html = client.get(path).text
        assert "translation-notice" not in html, path
        assert '<main id="tresc" class="site-main" tabindex="-1">' in html, path


def test_page_added_in_the_admin_appears_under_en_and_uk(client, admin_user, site_tree, synced_trees):
    client.force_login(admin_user)

    data = nested_form_data(
        {
            "title": "Harmonogram prac",
            "slug": "harmonogram-prac",
            "lead": "",
            "body": streamfield([("paragraph", rich_text("<p>Terminy.</p>"))]),
        }
    )
    data["action-publish"] = "action-publish"

    response = client.post(f"/admin/pages/add/home/standardpage/{site_tree.home.pk}/", data)

    assert response.status_code == 302
    page = StandardPage.objects.get(slug="harmonogram-prac", locale=locale("pl"))
    aliases = StandardPage.objects.filter(alias_of=page)
    assert sorted(aliases.values_list("locale__language_code", flat=True)) == ["en", "uk"]
    assert client.get("/uk/harmonogram-prac/").status_code == 200


# Translators


@pytest.fixture
def translator_site(db):
    build_home(StringIO())
    build_language_trees(StringIO())
    password = {username: password for username, password, *_ in DEMO_ACCOUNTS}["tlumacz"]
    return get_user_model().objects.get(username="tlumacz"), password


def test_translator_translates_a_page_in_the_admin(client, translator_site):
    translator, password = translator_site
    assert client.login(
        request=RequestFactory().post("/admin/login/"), username=translator.username, password=password
    )
    polish = StandardPage.objects.get(slug="o-budzecie", locale=locale("pl"))
    alias = StandardPage.objects.get(alias_of=polish, locale=locale("en"))

    edit_alias = client.get(f"/admin/pages/{alias.pk}/edit/")
    assert edit_alias.status_code == 200
    assert f"/admin/localize/submit/page/{polish.pk}/" in edit_alias.text

    submitted = client.post(f"/admin/localize/submit/page/{polish.pk}/", {"locales": [locale("en").pk]})

    english = Page.objects.get(translation_key=polish.translation_key, locale=locale("en"))
    assert english.alias_of_id is None
    assert submitted.status_code == 302
    assert submitted["Location"] == f"/admin/pages/{english.pk}/edit/"
    editor = client.get(submitted["Location"])
    assert editor.status_code == 200
    assert 'class="js-translation-editor"' in editor.text


def test_translator_cannot_edit_or_publish_polish_pages(client, translator_site):
    translator, password = translator_site
    assert client.login(
        request=RequestFactory().post("/admin/login/"), username=translator.username, password=password
    )
    polish = StandardPage.objects.get(slug="o-budzecie", locale=locale("pl"))
    english_home = HomePage.objects.get(depth=2, locale=locale("en"))

    assert not polish.permissions_for_user(translator).can_edit()
    assert not polish.permissions_for_user(translator).can_publish()
    assert english_home.permissions_for_user(translator).can_edit()
    assert not english_home.permissions_for_user(translator).can_publish()
    response = client.post(
        f"/admin/pages/{polish.pk}/edit/", {"title": "Zmienione", "action-publish": "publish"}
    )
    assert response.status_code in {302, 403}
    polish.refresh_from_db()
    assert polish.title == "O budżecie"
