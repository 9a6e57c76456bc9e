"""Legal acts: the editor's path (documents, the consultations held about
the act), the refusals, the link between an act and its consultations seen from both pages, the
filters of the list with hostile values, and the number of queries."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from consultation.models import ConsultationIndexPage, ConsultationPage
from materials.choices import LegalActStatus, LegalActType
from materials.models import LegalActIndexPage, LegalActPage
from tests.factories import (
    DocumentFactory,
    LegalActIndexPageFactory,
    LegalActPageFactory,
    index_page_form_data,
)

DATE_ERROR = "Nie rozpoznaliśmy tej daty. Wpisz ją tak: 31.12.2026 (dzień.miesiąc.rok)."
HOSTILE = ["'", '"', "\x00", "9" * 30, "-1", "0", "abc", "²", "<script>alert(1)</script>", "a" * 5000, "1.5"]
INDEX_MAX_QUERIES = 25


@pytest.fixture
def index(site_tree):
    return LegalActIndexPageFactory(parent=site_tree.home)


@pytest.fixture
def consultation(site_tree):
    consultations = ConsultationIndexPage(title="Konsultacje społeczne", slug="konsultacje")
    site_tree.home.add_child(instance=consultations)
    now = timezone.now()
    page = ConsultationPage(
        title="Regulamin konsultacji społecznych",
        slug="regulamin",
        start_at=now - timedelta(days=40),
        end_at=now - timedelta(days=10),
    )
    consultations.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- the editor's path ----------------------------------------------------------------------------


def legal_act_form(documents=(), consultations=(), **overrides):
    data = {
        "title": "Uchwała w sprawie konsultacji społecznych",
        "slug": "uchwala-konsultacje",
        "lead": "Zasady konsultacji w Sosnowcu.",
        "act_type": LegalActType.RESOLUTION,
        "number": "XXXVIII/701/2025",
        "status": LegalActStatus.IN_FORCE,
        "adopted_on": "27.11.2025",
        "in_force_from": "01.01.2026",
        "summary": rich_text("<ul><li>Konsultacje trwają co najmniej 21 dni.</li></ul>"),
        "publication_name": "Dziennik Urzędowy Województwa Śląskiego, poz. 1234",
        "publication_url": "https://dziennik.example.invalid/2025/1234",
        "documents": inline_formset([{"document": document.pk} for document in documents]),
        "consultation_links": inline_formset([{"consultation": page.pk} for page in consultations]),
        "body": streamfield([("paragraph", rich_text("<p>Uchwała zastąpiła zasady z 2014 roku.</p>"))]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_a_legal_act_index_below_home(editor, site_tree, page_assertions):
    page_assertions.assertCanCreate(site_tree.home, LegalActIndexPage, index_page_form_data("Prawo", "prawo"))

    assert "Brak aktów prawnych spełniających wybrane warunki." in editor.get("/prawo/").text


def test_editor_creates_a_legal_act_with_documents_and_its_consultation(
    editor, index, consultation, page_assertions
):
    document = DocumentFactory(title="Tekst uchwały")
    page_assertions.assertCanCreate(index, LegalActPage, legal_act_form([document], [consultation]))

    act = LegalActPage.objects.get(slug="uchwala-konsultacje")
    assert act.adopted_on == date(2025, 11, 27)
    assert [link.consultation_id for link in act.consultation_links.all()] == [consultation.pk]
    html = editor.get(act.url).text
    for text in (
        "obowiązujący",
        "uchwała Rady Miejskiej",
        "XXXVIII/701/2025",
        "27 listopada 2025",
        "1 stycznia 2026",
        "Konsultacje trwają co najmniej 21 dni.",
        "Uchwała zastąpiła zasady z 2014 roku.",
        'href="https://dziennik.example.invalid/2025/1234">Dziennik Urzędowy Województwa Śląskiego, poz. 1234</a>',
        f'href="{document.url}" download>Tekst uchwały</a>',
        "(PDF, 2,0\xa0KB)",
        f'href="{consultation.url}">Regulamin konsultacji społecznych</a>',
    ):
        assert text in html, text


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"adopted_on": "01.02.2026", "in_force_from": "01.01.2026"},
            "in_force_from",
            "Akt nie może obowiązywać wcześniej, niż go przyjęto.",
        ),
        (
            {"adopted_on": "", "status": LegalActStatus.IN_FORCE},
            "adopted_on",
            "Podaj datę przyjęcia aktu, który obowiązuje lub uchylono.",
        ),
        ({"adopted_on": "31.02.2026"}, "adopted_on", DATE_ERROR),
        ({"publication_url": "javascript:alert(1)"}, "publication_url", "Wpisz poprawny URL."),
    ],
)
def test_inconsistent_legal_act_is_refused_with_a_polish_message_and_nothing_is_saved(
    editor, index, overrides, field, message
):
    url = reverse("wagtailadmin_pages:add", args=["materials", "legalactpage", index.pk])
    response = editor.post(url, {**legal_act_form(**overrides), "action-publish": "publish"})

    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert not LegalActPage.objects.exists()


def test_draft_act_without_a_number_or_dates_is_accepted(editor, index, page_assertions):
    data = legal_act_form(number="", adopted_on="", in_force_from="", status=LegalActStatus.DRAFT)
    page_assertions.assertCanCreate(index, LegalActPage, data)

    html = editor.get(LegalActPage.objects.get().url).text
    assert "projekt" in html
    assert "Przyjęty" not in html


def test_legal_act_and_index_are_editable_and_previewable(index, consultation, page_assertions):
    act = LegalActPageFactory(parent=index, consultations=[consultation], documents=[DocumentFactory()])
    index_data = index_page_form_data(index.title, index.slug)
    page_assertions.assertPageIsEditable(index, post_data=index_data)
    page_assertions.assertPageIsPreviewable(index, post_data=index_data)
    data = legal_act_form([DocumentFactory()], [consultation], slug=act.slug)
    page_assertions.assertPageIsEditable(act, post_data=data)
    page_assertions.assertPageIsPreviewable(act, post_data=data)


# --- the act and its consultations, from both sides -----------------------------------------------


def test_consultation_page_lists_the_live_acts_that_name_it(client, index, consultation):
    act = LegalActPageFactory(parent=index, title="Uchwała o konsultacjach", consultations=[consultation])
    LegalActPageFactory(parent=index, title="Szkic uchwały", consultations=[consultation], live=False)
    LegalActPageFactory(parent=index, title="Inna uchwała")

    html = client.get(consultation.url).text

    assert "Akty prawne tej konsultacji" in html
    assert f'href="{act.url}">Uchwała o konsultacjach</a>' in html
    assert "Szkic uchwały" not in html
    assert "Inna uchwała" not in html


def test_consultation_lists_its_act_once_not_the_acts_aliases_in_other_languages(client, index, consultation):
    from wagtail.models import Locale

    act = LegalActPageFactory(parent=index, title="Uchwała o konsultacjach", consultations=[consultation])
    english = act.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], True, True)
    consultation.copy_for_translation(english.locale, copy_parents=True, alias=True)

    html = client.get(consultation.url).text

    assert html.count("Uchwała o konsultacjach</a>") == 1
    assert f'href="{act.url}">Uchwała o konsultacjach</a>' in html


def test_consultation_without_legal_acts_shows_no_such_section(client, consultation):
    assert "Akty prawne tej konsultacji" not in client.get(consultation.url).text


def test_unpublished_consultation_is_not_linked_from_the_act(client, index, consultation):
    act = LegalActPageFactory(parent=index, consultations=[consultation])
    consultation.unpublish()

    assert consultation.title not in client.get(act.url).text


def test_consultation_code_knows_nothing_of_materials():
    """The link lives on the legal act; the consultation app reads it back without importing us."""
    sources = Path(settings.BASE_DIR, "consultation").rglob("*.py")
    assert [str(path) for path in sources if "materials" in path.read_text()] == []


# --- the list and its filters ---------------------------------------------------------------------


@pytest.fixture
def acts(index):
    return {
        "resolution": LegalActPageFactory(
            parent=index, title="Uchwała 2025", adopted_on=date(2025, 3, 1), in_force_from=date(2025, 4, 1)
        ),
        "order": LegalActPageFactory(
            parent=index,
            title="Zarządzenie 2026",
            act_type=LegalActType.ORDER,
            adopted_on=date(2026, 2, 1),
            in_force_from=date(2026, 2, 1),
        ),
        "draft": LegalActPageFactory(
            parent=index,
            title="Projekt regulaminu",
            act_type=LegalActType.REGULATIONS,
            status=LegalActStatus.IN_CONSULTATION,
            adopted_on=None,
            in_force_from=None,
        ),
    }


def titles(response):
    return [
        title
        for title in ("Uchwała 2025", "Zarządzenie 2026", "Projekt regulaminu")
        if title in response.text
    ]


def test_list_shows_drafts_first_then_the_newest_acts(client, index, acts):
    html = client.get(index.url).text

    assert html.index("Projekt regulaminu") < html.index("Zarządzenie 2026") < html.index("Uchwała 2025")
    assert '<option value="2026">2026</option>' in html
    assert '<option value="2025">2025</option>' in html


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"typ": "order"}, ["Zarządzenie 2026"]),
        ({"status": "in_consultation"}, ["Projekt regulaminu"]),
        ({"rok": "2025"}, ["Uchwała 2025"]),
        ({"typ": "resolution", "rok": "2026"}, []),
    ],
)
def test_filters_by_type_status_and_year(client, index, acts, params, expected):
    response = client.get(index.url, params)

    assert titles(response) == expected
    for name, value in params.items():
        assert f'<option value="{value}" selected>' in response.text, name


@pytest.mark.parametrize("name", ["typ", "status", "rok", "strona"])
@pytest.mark.parametrize("value", HOSTILE + ["2019", "in_force'"])
def test_hostile_filter_values_show_the_whole_list(client, index, acts, name, value):
    response = client.get(index.url, {name: value})

    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_filters_are_kept_in_the_pagination_links(client, index):
    for number in range(22):
        LegalActPageFactory(parent=index, act_type=LegalActType.ORDER, adopted_on=date(2026, 1, 1 + number))

    response = client.get(index.url, {"typ": "order", "rok": "2026"})

    assert 'href="?typ=order&amp;rok=2026&amp;strona=2"' in response.text


# --- queries ------------------------------------------------------------------------------------


def test_index_query_count_is_the_same_for_3_and_200_acts(client, index, django_assert_max_num_queries):
    def add_acts(first, count):
        for number in range(first, first + count):
            LegalActPageFactory(parent=index, adopted_on=date(2000 + number % 26, 1, 1))

    add_acts(0, 3)
    client.get(index.url)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES) as few:
        client.get(index.url)
    add_acts(3, 197)
    client.get(index.url)  # new pages drew a new generation of the cached menu and breadcrumbs
    filtered = f"{index.url}?typ=resolution&status=in_force&rok=2010&strona=1"
    with django_assert_max_num_queries(INDEX_MAX_QUERIES) as many:
        client.get(index.url)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES):
        client.get(filtered)

    assert len(many) == len(few)


def warm_count(client, url):
    """The queries of a page seen a second time, as nearly every visitor sees it."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_act_and_consultation_queries_do_not_grow_with_links(client, index, consultation):
    documents = DocumentFactory.create_batch(20)
    act = LegalActPageFactory(parent=index, consultations=[consultation], documents=documents[:1])
    act_few, consultation_few = warm_count(client, act.url), warm_count(client, consultation.url)

    act = LegalActPageFactory(parent=index, consultations=[consultation], documents=documents)
    for _ in range(29):
        LegalActPageFactory(parent=index, consultations=[consultation])
    act.save_revision().publish()  # as an editor publishes: the cached list of the consultation's acts goes

    assert warm_count(client, act.url) == act_few
    assert warm_count(client, consultation.url) == consultation_few
    assert client.get(consultation.url).text.count(f'href="{index.url}') == 31


def test_consultation_page_costs_no_query_for_its_acts_once_seen(client, index, consultation):
    LegalActPageFactory(parent=index, consultations=[consultation])
    client.get(consultation.url)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(consultation.url)

    assert "Akty prawne tej konsultacji" in response.text
    assert [query["sql"] for query in queries if "materials_" in query["sql"]] == []


def test_consultation_page_follows_acts_published_and_unpublished_after_it_was_seen(
    client, index, consultation
):
    assert "Akty prawne tej konsultacji" not in client.get(consultation.url).text

    act = LegalActPageFactory(parent=index, title="Nowa uchwała", consultations=[consultation])
    act.save_revision().publish()
    assert "Nowa uchwała" in client.get(consultation.url).text

    act.title = "Nowa uchwała, poprawiona"
    act.save_revision().publish()
    assert "Nowa uchwała, poprawiona" in client.get(consultation.url).text

    act.unpublish()
    assert "Nowa uchwała" not in client.get(consultation.url).text
