"""/szukaj/ reads Polish as residents type it: inflected forms, missing diacritics (ł included),
text inside PDF and DOCX documents; results carry their type, date and a highlighted, escaped
snippet; filters and pages take any value; hostile queries get a page, never an error."""

import datetime
import io
import re

import docx
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.search.index import insert_or_update_object

from home.demo import _pdf_bytes
from search.models import DocumentText, UnansweredQuery
from search.polish import word_keys
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    MaterialFactory,
    StandardPageFactory,
    heading_block,
    paragraph_block,
)
from tests.search_relevance import QUERIES, evaluate


def titles(response):
    return re.findall(r'search-results__title"><a href="[^"]*">([^<]*)<', response.text)


def search(client, **params):
    response = client.get("/szukaj/", params)
    assert response.status_code == 200
    return response


def page_with(parent, title, *paragraphs, **fields):
    return StandardPageFactory(parent=parent, title=title, body=[paragraph_block(*paragraphs)], **fields)


@pytest.fixture
def pages(site_tree):
    home = site_tree.home
    return {
        "uchwala": page_with(home, "Projekt aktu", "Zapraszamy do zgłaszania uwag do projektu uchwały."),
        "konsultacje": page_with(
            home, "Spotkania", "Dziękujemy wszystkim uczestnikom konsultacjom poświęconym."
        ),
        "szkolenia": page_with(home, "Dla urzędników", "W szkoleniach wzięło udział 120 osób."),
        "zrodlo": page_with(home, "Finanse", "Źródło finansowania to budżet miasta."),
        "lodz": page_with(home, "Wizyta studyjna", "Byliśmy w Łodzi, by zobaczyć tamtejszy budżet."),
    }


# Polish


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("uchwała", "Projekt aktu"),
        ("uchwale", "Projekt aktu"),
        ("konsultacja", "Spotkania"),
        ("konsultacji", "Spotkania"),
        ("szkolenia", "Dla urzędników"),
        ("szkolenie", "Dla urzędników"),
        ("budżetu", "O budżecie"),
        ("budzet", "O budżecie"),
    ],
)
def test_a_query_finds_inflected_forms(client, pages, query, expected):
    assert expected in titles(search(client, q=query))


@pytest.mark.parametrize(
    ("query", "expected"),
    [("zrodlo", "Finanse"), ("źródła", "Finanse"), ("lodz", "Wizyta studyjna"), ("łódź", "Wizyta studyjna")],
)
def test_a_query_without_diacritics_finds_the_word_with_them_l_included(client, pages, query, expected):
    assert expected in titles(search(client, q=query))


def test_every_word_of_a_query_must_match(client, pages):
    assert titles(search(client, q="uchwały łódź")) == []
    assert titles(search(client, q="lodz budzetu")) == ["Wizyta studyjna"]


def test_keys_ignore_case_and_diacritics():
    assert set(word_keys("UCHWAŁY")) & set(word_keys("uchwala"))
    assert set(word_keys("Łódź")) & set(word_keys("lodz"))


# Results: type, date, snippet


def test_a_result_shows_its_type_and_date_the_polish_way(client, site_tree):
    index = ArticleIndexPageFactory(parent=site_tree.home)
    ArticlePageFactory(parent=index, title="Spacer badawczy", date=datetime.date(2026, 3, 5))

    response = search(client, q="spacerów")

    assert "Dobra praktyka" in response.text
    assert "5 marca 2026" in response.text


def test_a_snippet_marks_matched_words_and_escapes_html(client, site_tree):
    page_with(
        site_tree.home,
        "Bezpieczeństwo",
        "Formularz &lt;script&gt;alert(1)&lt;/script&gt; nie przyjmie uchwał.",
    )

    response = search(client, q="uchwała")

    snippet = re.search(r'search-results__snippet">(.*?)</p>', response.text).group(1)
    assert "<mark>uchwał</mark>" in snippet
    assert "&lt;script&gt;" in snippet
    assert "<script>" not in response.text.split("<main", 1)[1]


def test_a_result_found_by_an_article_tag(client, site_tree):
    index = ArticleIndexPageFactory(parent=site_tree.home)
    article = ArticlePageFactory(parent=index, title="Zielone podwórka", tags=["zieleń miejska"])
    insert_or_update_object(article)  # as the worker does once the page's tags are committed

    assert "Zielone podwórka" in titles(search(client, q="zielen miejska"))


# Documents


def document(title, filename, content):
    model = get_document_model()
    doc = model(title=title)
    doc.file.save(filename, ContentFile(content), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def docx_bytes(*paragraphs):
    word = docx.Document()
    for text in paragraphs:
        word.add_paragraph(text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_text_inside_a_pdf_is_found_after_the_task_runs(
    client, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document("Załącznik 1", "zalacznik.pdf", _pdf_bytes(["Wykaz lokalizacji parkingow rowerowych"]))

    response = search(client, q="lokalizacja rowerowa")

    assert titles(response) == ["Załącznik 1"]
    assert "Dokument" in response.text
    assert "<mark>lokalizacji</mark>" in response.text


def test_text_inside_a_docx_is_found_after_the_task_runs(
    client, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document("Protokół", "protokol.docx", docx_bytes("Mieszkańcy głosowali nad rewitalizacją skwerów."))

    assert titles(search(client, q="rewitalizacja skwer")) == ["Protokół"]
    assert titles(search(client, q="glosowanie", typ="dokumenty")) == ["Protokół"]


def test_a_damaged_file_is_still_found_by_its_title(client, site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document("Harmonogram naboru", "zepsuty.pdf", b"%PDF-1.4 not really")

    assert DocumentText.objects.get().text == ""
    assert "Harmonogram naboru" in titles(search(client, q="harmonogramu"))


def test_a_library_material_is_found_with_its_type_and_year(client, site_tree):
    MaterialFactory(
        title="Ulotka o głosowaniu", description="Jak oddać głos w budżecie obywatelskim.", year=2025
    )
    page_with(site_tree.home, "Głosowanie krok po kroku", "Głosy liczymy w urzędzie.")

    everything = search(client, q="glosy")
    materials = search(client, q="glosy", typ="materialy")

    assert set(titles(everything)) == {"Ulotka o głosowaniu", "Głosowanie krok po kroku"}
    assert titles(materials) == ["Ulotka o głosowaniu"]
    assert "Materiał</span> · 2025" in materials.text


# Filters and pagination


def test_the_type_filter_keeps_only_that_type(client, site_tree):
    index = ArticleIndexPageFactory(parent=site_tree.home)
    ArticlePageFactory(parent=index, title="Parki kieszonkowe", body=[paragraph_block("Park przy szkole.")])
    page_with(site_tree.home, "Parki w mieście", "Park przy rzece.")

    assert set(titles(search(client, q="park"))) == {"Parki kieszonkowe", "Parki w mieście"}
    assert titles(search(client, q="park", typ="dobre-praktyki")) == ["Parki kieszonkowe"]
    assert titles(search(client, q="park", typ="konsultacje")) == []


def test_the_year_filter_keeps_pages_published_that_year(client, site_tree):
    old = page_with(site_tree.home, "Park dawniej", "Park.")
    page_with(site_tree.home, "Park dziś", "Park.")
    old.last_published_at = datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
    old.save()

    assert titles(search(client, q="park", rok="2024")) == ["Park dawniej"]


HOSTILE = ['"', "\x00", "99999999999999999999", "-1", "1e999", "<b>", "x" * 3000, "2024'--", "🎉"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_filter_and_page_values_give_the_results(client, pages, value):
    response = search(client, q="budżet", typ=value, rok=value, strona=value)

    assert "O budżecie" in titles(response)


def test_results_are_paginated_with_the_query_and_filters_kept(client, site_tree):
    for number in range(13):
        page_with(site_tree.home, f"Spotkanie w dzielnicy {number}", "Spotkanie mieszkańców.")

    first = search(client, q="spotkania", typ="")
    second = search(client, q="spotkania", strona="2")

    assert len(titles(first)) == 10
    assert len(titles(second)) == 3
    assert "?q=spotkania&amp;typ=&amp;strona=2" in first.text


def test_the_results_page_runs_a_fixed_number_of_queries(client, site_tree, django_assert_max_num_queries):
    index = ArticleIndexPageFactory(parent=site_tree.home)
    for number in range(10):
        page_with(site_tree.home, f"Park {number}", "Park.")
        ArticlePageFactory(parent=index, title=f"Park kieszonkowy {number}", tags=["park"])

    search(client, q="park")  # warms the site-root cache and the query log
    with django_assert_max_num_queries(22):
        response = search(client, q="park")

    assert len(titles(response)) == 10


# Hostile queries


@pytest.mark.parametrize(
    "query",
    ["", " ", "x" * 2000, '"', "'", '"budżet', "<script>alert(1)</script>", "1; DROP TABLE wagtailcore_page; --",
     "' OR 1=1 --", "?", "!!!", "*", "-", "AND", "OR", "NOT", "budżet AND", "bud*", "-budżet", "budżet -park",
     "a" * 200 + " budżet", "%", "_", "\\", "\x00"],
)  # fmt: skip
def test_a_hostile_query_gets_a_page_never_an_error(client, pages, query):
    response = search(client, q=query)

    assert "<script>alert" not in response.text


def test_an_empty_query_asks_for_words(client, site_tree):
    assert "Wpisz słowo" in search(client, q="").text


def test_a_query_of_punctuation_says_nothing_was_found(client, site_tree):
    assert "Nie znaleźliśmy stron" in search(client, q="!!! ???").text


def test_a_very_long_query_is_read_up_to_its_limit(client, pages):
    assert "O budżecie" in titles(search(client, q="budżet " * 400))
    assert "Nie znaleźliśmy stron" in search(client, q="budżet " + "x" * 2000).text


# Header, promotions, reports


def test_every_page_has_the_search_box_in_its_header(client, site_tree):
    response = client.get(site_tree.about.url)

    assert re.search(r'<form class="search-form" role="search" method="get" action="/szukaj/"', response.text)


def test_a_promoted_result_comes_first(client, pages, site_tree):
    SearchPromotion.objects.create(
        query=Query.get("finanse"), page=site_tree.privacy, description="Polecamy."
    )

    response = search(client, q="Finanse")

    assert response.text.index("Polityka prywatności") < response.text.index(
        'search-results__summary" aria-live'
    )


@pytest.fixture
def editor_client(client, db):
    editors = Group.objects.create(name="Redaktorzy testowi")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_searchpromotion"),
    )
    user = get_user_model().objects.create_user("redaktor-szukaj", password="x")
    user.groups.add(editors)
    client.force_login(user)
    return client


def test_staff_see_popular_queries_and_queries_that_found_nothing(client, pages, editor_client):
    search(client, q="budżet")
    search(client, q="budżet", strona="2")
    search(client, q="basen olimpijski")
    search(client, q="basen olimpijski")

    popular = editor_client.get("/admin/wyszukiwania/popularne/")
    unanswered = editor_client.get("/admin/wyszukiwania/bez-wynikow/")

    assert popular.status_code == 200 and "budżet" in popular.text
    assert unanswered.status_code == 200 and "basen olimpijski" in unanswered.text
    assert "budżet" not in unanswered.text
    assert UnansweredQuery.objects.get().count == 2


def test_search_reports_are_closed_to_a_user_without_the_permission(client, site_tree):
    user = get_user_model().objects.create_user("moderator-szukaj", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert client.get("/admin/wyszukiwania/bez-wynikow/").status_code in (302, 403)


@pytest.mark.parametrize("url", ["/szukaj/", "/en/szukaj/", "/uk/szukaj/"])
def test_the_results_page_answers_in_each_language(client, pages, url):
    assert client.get(url, {"q": "budżet"}).status_code == 200


def test_a_heading_is_searched_too(client, site_tree):
    StandardPageFactory(
        parent=site_tree.home, title="Harmonogram", body=[heading_block("Terminy głosowania")]
    )

    assert "Harmonogram" in titles(search(client, q="termin glosowania"))


# Relevance against the demo content


def test_at_least_nine_in_ten_relevance_queries_find_their_page_in_the_first_five(demo_content, db):
    translation.activate("pl")

    measured = evaluate()

    assert len(QUERIES) >= 40
    assert measured["found"] >= 0.9, measured["misses"]


# --- approved comments are part of their consultation ---------------------------------------------


def test_an_approved_comment_makes_its_consultation_findable_and_a_rejected_one_does_not(
    client, admin_client, consultations, instant_forms, django_capture_on_commit_callbacks
):
    from consultation.models import Submission
    from tests.consultation_fixtures import post_comment

    page = consultations.open
    with django_capture_on_commit_callbacks(execute=True):
        assert post_comment(client, page, text="Proponuję fontannę z wodą pitną.").status_code == 302
    assert page.title not in titles(search(client, q="fontanna"))  # waiting for a moderator

    comment = Submission.objects.get(page=page)
    inbox = f"/admin/inbox/edit/{comment.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(inbox, {"action": "approve"})
    assert page.title in titles(search(client, q="fontanny"))

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(inbox, {"action": "reject", "reject-category": "off_topic"})
    assert page.title not in titles(search(client, q="fontanna"))
