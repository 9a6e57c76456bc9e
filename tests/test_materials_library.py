"""The materials library: the page in the editor, materials kept by editors in the admin (with the
refusals), what a resident sees and downloads, the filters and the search with hostile values, and
the number of queries of the list."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from materials.choices import MaterialLanguage, MaterialType
from materials.models import Material, MaterialsIndexPage
from tests.factories import DocumentFactory, MaterialFactory, MaterialsIndexPageFactory, index_page_form_data

HOSTILE = ["'", '"', "\x00", "9" * 30, "-1", "0", "abc", "²", "<script>alert(1)</script>", "a" * 5000, "1.5"]
ODD_QUERIES = [
    '"',
    "'",
    '"poradnik',
    "poradnik'",
    "AND OR NOT",
    "*",
    "-",
    "(",
    ")",
    "%",
    "_",
    "\\",
    "\x00",
    "a" * 5000,
    "ąęłńóśźż",
    "😀",
    ":",
    "~1",
    "^",
]
INDEX_MAX_QUERIES = 24
ADD_URL = reverse("wagtailsnippets_materials_material:add")
LIST_URL = reverse("wagtailsnippets_materials_material:list")


@pytest.fixture
def library(site_tree):
    return MaterialsIndexPageFactory(parent=site_tree.home)


# --- the page in the tree ---------------------------------------------------------------------------


def test_editor_creates_the_library_below_home(editor, site_tree, page_assertions):
    data = index_page_form_data("Materiały", "materialy", "Wszystko do pobrania w jednym miejscu.")
    page_assertions.assertCanCreate(site_tree.home, MaterialsIndexPage, data)

    html = editor.get("/materialy/").text
    assert "Wszystko do pobrania w jednym miejscu." in html
    assert "Nie znaleźliśmy materiałów spełniających te warunki." in html


def test_library_is_editable_and_previewable(library, page_assertions):
    MaterialFactory()
    data = index_page_form_data(library.title, library.slug)
    page_assertions.assertPageIsEditable(library, post_data=data)
    page_assertions.assertPageIsPreviewable(library, post_data=data)


# --- materials in the admin -------------------------------------------------------------------------


def material_form(**overrides):
    return {
        "title": "Poradnik: jak zgłosić projekt",
        "description": "Krok po kroku.",
        "material_type": MaterialType.GUIDE,
        "year": "2026",
        "language": MaterialLanguage.POLISH,
        "document": "",
        "video_url": "",
        "accessible_document": "",
        "tags": "budżet, projekty",
        **overrides,
    }


def test_materials_have_their_own_polish_entry_in_the_admin_menu(editor):
    page = BeautifulSoup(editor.get(reverse("wagtailadmin_home")).content, "html.parser")
    menu = json.loads(page.find(id="wagtail-sidebar-props").string)

    items = json.dumps(menu, ensure_ascii=False)
    assert '"label": "Materiały do pobrania"' in items
    assert f'"url": "{LIST_URL}"' in items


def test_material_list_in_the_admin_shows_type_year_and_language(editor):
    MaterialFactory(title="Ulotka dla dzielnic", material_type=MaterialType.LEAFLET, year=2025)

    html = editor.get(LIST_URL).text

    assert "Ulotka dla dzielnic" in html
    assert "ulotka" in html and "2025" in html and "polski" in html


def test_editor_adds_a_material_with_a_file_an_accessible_version_and_tags(editor, library):
    document, accessible = DocumentFactory(), DocumentFactory(title="Wersja łatwa do czytania")

    response = editor.post(ADD_URL, material_form(document=document.pk, accessible_document=accessible.pk))

    assert response.status_code == 302
    material = Material.objects.get()
    assert (material.document, material.accessible_document) == (document, accessible)
    assert sorted(material.tags.names()) == ["budżet", "projekty"]
    html = editor.get(library.url).text
    assert f'href="{document.url}" download>Poradnik: jak zgłosić projekt</a>' in html
    assert f'href="{accessible.url}" download>Wersja dostępna<span class="visually-hidden"> Poradnik' in html
    assert html.count("(PDF, 2,0\xa0KB)") == 2
    assert 'href="?tag=budzet">budżet</a>' in html


def test_editor_adds_a_recording_by_its_address(editor, library):
    response = editor.post(
        ADD_URL,
        material_form(
            title="Nagranie spotkania",
            material_type=MaterialType.RECORDING,
            video_url="https://www.youtube.com/watch?v=x",
        ),
    )

    assert response.status_code == 302
    html = editor.get(library.url).text
    assert 'href="https://www.youtube.com/watch?v=x">Nagranie spotkania</a>' in html
    assert "(nagranie w serwisie youtube.com)" in html


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({}, "document", "Wybierz plik do pobrania albo podaj adres nagrania."),
        ({"video_url": "javascript:alert(1)"}, "video_url", "Wpisz poprawny URL."),
        (
            {"year": "3000", "video_url": "https://vimeo.com/1"},
            "year",
            "Upewnij się, że ta wartość jest mniejsza lub równa 2100.",
        ),
        ({"year": "\x00", "video_url": "https://vimeo.com/1"}, "year", "Wpisz liczbę całkowitą."),
        ({"title": "", "video_url": "https://vimeo.com/1"}, "title", "To pole jest wymagane."),
        (
            {"material_type": "podcast", "video_url": "https://vimeo.com/1"},
            "material_type",
            "Wybierz poprawną wartość. podcast nie jest żadną z dostępnych opcji.",
        ),
    ],
)
def test_incomplete_or_wrong_material_is_refused_with_a_polish_message(editor, overrides, field, message):
    response = editor.post(ADD_URL, material_form(**overrides))

    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert not Material.objects.exists()


def test_every_material_field_in_the_admin_has_a_polish_label_and_help(editor):
    form = editor.get(ADD_URL).context["form"]

    for name in (
        "title",
        "description",
        "material_type",
        "document",
        "video_url",
        "accessible_document",
        "year",
        "language",
        "tags",
    ):
        field = form.fields[name]
        assert field.label and str(field.label).lower() != name.replace("_", " "), name
        assert field.help_text, name


# --- what a resident sees -----------------------------------------------------------------------


@pytest.fixture
def materials(library):
    return {
        "guide": MaterialFactory(title="Poradnik dla organizacji", year=2014, tags=["konsultacje"]),
        "leaflet": MaterialFactory(
            title="Leaflet in English",
            material_type=MaterialType.LEAFLET,
            language=MaterialLanguage.ENGLISH,
            tags=["budżet"],
        ),
        "recording": MaterialFactory(
            title="Film w języku migowym",
            material_type=MaterialType.RECORDING,
            language=MaterialLanguage.POLISH_SIGN,
            document=None,
            video_url="https://vimeo.com/123",
            description="Instrukcja głosowania.",
        ),
    }


NAMES = ["Poradnik dla organizacji", "Leaflet in English", "Film w języku migowym"]


def shown(response):
    return [name for name in NAMES if name in response.text]


def test_library_lists_every_material_newest_year_first(client, library, materials):
    orphan = MaterialFactory(title="Bez pliku")
    orphan.document.delete()

    response = client.get(library.url)

    html = response.text
    assert (
        html.index("Film w języku migowym")
        < html.index("Leaflet in English")
        < html.index("Poradnik dla organizacji")
    )
    assert "Bez pliku" not in response.text
    assert "polski język migowy" in response.text
    assert 'download lang="en">Leaflet in English</a>' in html
    assert '<option value="konsultacje">konsultacje</option>' in response.text


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"typ": "leaflet"}, ["Leaflet in English"]),
        ({"jezyk": "pjm"}, ["Film w języku migowym"]),
        ({"rok": "2014"}, ["Poradnik dla organizacji"]),
        ({"tag": "budzet"}, ["Leaflet in English"]),
        ({"q": "poradnik"}, ["Poradnik dla organizacji"]),
        ({"q": "głosowania"}, ["Film w języku migowym"]),
        ({"q": "konsultacje"}, ["Poradnik dla organizacji"]),
        (
            {"q": "english", "typ": "leaflet", "rok": "2026", "jezyk": "en", "tag": "budzet"},
            ["Leaflet in English"],
        ),
        ({"q": "poradnik", "typ": "leaflet"}, []),
    ],
)
def test_filters_and_search_narrow_the_list(client, library, materials, params, expected):
    response = client.get(library.url, params)

    assert shown(response) == expected
    for name, value in params.items():
        if name != "q":
            assert f'<option value="{value}" selected>' in response.text, name


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_search_with_odd_input_answers_with_a_page(client, library, materials, query):
    response = client.get(library.url, {"q": query, "typ": "guide"})

    assert response.status_code == 200
    assert set(shown(response)) <= {"Poradnik dla organizacji"}


@pytest.mark.parametrize("name", ["typ", "jezyk", "rok", "tag", "strona"])
@pytest.mark.parametrize("value", HOSTILE + ["budzet'", "1990"])
def test_hostile_filter_values_show_the_whole_library(client, library, materials, name, value):
    response = client.get(library.url, {name: value})

    assert response.status_code == 200
    assert len(shown(response)) == 3


def test_filters_and_the_query_are_kept_in_the_pagination_links(client, library):
    MaterialFactory.create_batch(22, title="Raport z konsultacji", material_type=MaterialType.REPORT)

    response = client.get(library.url, {"typ": "report", "q": "raport konsultacji"})

    assert response.text.count('class="materials-card materials-card--file"') == 20
    assert 'href="?typ=report&amp;q=raport+konsultacji&amp;strona=2"' in response.text


# --- queries ------------------------------------------------------------------------------------


def test_library_query_count_is_the_same_for_3_and_200_materials(
    client, library, django_assert_max_num_queries
):
    def add(count):
        for number in range(count):
            MaterialFactory(
                tags=[f"temat {number % 9}", "budżet"],
                accessible_document=DocumentFactory() if number % 2 else None,
            )

    add(3)
    client.get(library.url)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES) as few:
        client.get(library.url)
    add(197)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES) as many:
        client.get(library.url)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES):
        client.get(f"{library.url}?q=poradnik&tag=budzet&typ=guide&rok=2026&jezyk=pl&strona=3")

    assert len(many) == len(few)
