"""The article, budget project and budget edition pages keep their content in the fragment cache
(issue 13): a second anonymous visit reads one query and renders only the page's frame, yet every
change that alters what the page shows (the page itself, the pages it links to, its images,
documents and tags, the imported votes) shows on the next anonymous visit, each filtered list of
projects keeps its own content, and a preview shows the unsaved text."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from consultation.choices import BudgetPhase, ProposalStatus
from consultation.models import ProjectStatusChange, ProjectUpdate
from consultation.results_import import update_projects
from materials.choices import ArticleKind
from materials.models import Tag
from tests.budget_fixtures import make_edition
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    BudgetProjectPageFactory,
    DocumentFactory,
    ImageFactory,
    call_to_action_block,
    document_list_block,
    image_block,
    paragraph_block,
)
from tests.test_fragment_cache import sql_of_second_visit as second_visit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on")]

# A second visit: the page itself (routing reads the pages along the address from the cache).
SECOND_VISIT_MAX_QUERIES = 2


def html_of(url):
    return Client().get(url).content.decode()


# --- articles -------------------------------------------------------------------------------------


@pytest.fixture
def index(site_tree):
    return ArticleIndexPageFactory(parent=site_tree.home)


@pytest.fixture
def article(index):
    ArticlePageFactory(parent=index, title="Ławki przy szkole", tags=["budżet", "szkoła"])
    return ArticlePageFactory(
        parent=index,
        title="Spacer badawczy po Zagórzu",
        tags=["budżet", "szkoła"],
        body=[paragraph_block("Trasa prowadziła od szkoły do parku.")],
    )


@pytest.mark.parametrize("others", [1, 20])
def test_a_second_visit_to_an_article_reads_neither_its_list_nor_its_tags(
    index, others, django_assert_max_num_queries
):
    for number in range(others):
        ArticlePageFactory(parent=index, title=f"Podobny {number}", tags=["budżet"])
    page = ArticlePageFactory(parent=index, title="Spacer badawczy", tags=["budżet", "szkoła"])

    html, sql = second_visit(page.url)
    with django_assert_max_num_queries(SECOND_VISIT_MAX_QUERIES):
        Client().get(page.url)

    assert "Podobne artykuły" in html and 'href="/dobre-praktyki/tag/szkola/"' in html
    assert "Wróć do listy: Dobre praktyki" in html
    assert "materials_tag" not in sql


def test_an_article_edited_and_published_in_the_admin_shows_at_once(article, index, admin_user):
    second_visit(article.url)
    editor = Client()
    editor.force_login(admin_user)
    form = {
        "title": "Spacer badawczy po Zagórzu i Pogoni",
        "slug": article.slug,
        "lead": article.lead,
        "kind": ArticleKind.EDUCATION,
        "date": "12.03.2026",
        "author": "Wydział Komunikacji Społecznej",
        "source": "",
        "source_url": "",
        "tags": "budżet, zieleń",
        "cover_image": "",
        "cover_image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Trasa prowadziła od parku do rzeki.</p>"))]),
        "action-publish": "action-publish",
    }

    answer = editor.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), nested_form_data(form))

    assert answer.status_code == 302
    html = html_of(article.url)
    assert "Spacer badawczy po Zagórzu i Pogoni" in html
    assert "Trasa prowadziła od parku do rzeki." in html and "od szkoły" not in html
    assert 'href="/dobre-praktyki/tag/zielen/"' in html and "/tag/szkola/" not in html
    assert 'href="/dobre-praktyki/rodzaj/edukacja/"' in html


def test_a_renamed_related_article_and_list_show_at_once_in_the_article(article, index):
    second_visit(article.url)
    related = index.get_children().get(title="Ławki przy szkole").specific
    related.title = "Ławki i stojaki przy szkole"
    related.save_revision().publish()
    index.title = "Dobre praktyki miast"
    index.save_revision().publish()

    html = html_of(article.url)

    assert "Ławki i stojaki przy szkole" in html
    assert "Wróć do listy: Dobre praktyki miast" in html


def test_a_renamed_tag_shows_at_once_in_the_article(article):
    second_visit(article.url)
    tag = Tag.objects.get(name="szkoła")
    tag.name = "szkoły podstawowe"
    tag.save()

    assert ">szkoły podstawowe</a>" in html_of(article.url)


def test_a_renamed_document_and_a_deleted_image_show_at_once_in_the_article(index):
    cover, picture = ImageFactory(), ImageFactory()
    document = DocumentFactory(title="Mapa trasy")
    page = ArticlePageFactory(
        parent=index,
        cover_image=cover,
        cover_image_alt="Mieszkańcy na spacerze",
        body=[document_list_block([document]), image_block(picture, "Park Sielecki")],
    )
    html, _sql = second_visit(page.url)
    assert "Mapa trasy" in html and 'alt="Mieszkańcy na spacerze"' in html and 'alt="Park Sielecki"' in html

    document.title = "Mapa trasy spaceru"
    document.save()
    cover.delete()
    picture.delete()

    html = html_of(page.url)
    assert "Mapa trasy spaceru" in html
    assert "Mieszkańcy na spacerze" not in html and "Park Sielecki" not in html


def test_a_linked_page_given_a_new_address_is_linked_at_once_from_the_article(index, site_tree):
    page = ArticlePageFactory(
        parent=index, body=[call_to_action_block("Poznaj zasady", "Czytaj", page=site_tree.about)]
    )
    assert 'href="/o-budzecie/"' in second_visit(page.url)[0]

    site_tree.about.slug = "zasady"
    site_tree.about.save_revision().publish()

    html = html_of(page.url)
    assert 'href="/zasady/"' in html and "/o-budzecie/" not in html


def test_a_preview_of_an_article_shows_the_unsaved_text_and_visitors_the_published_one(article):
    second_visit(article.url)
    article.body = [paragraph_block("Wersja robocza tekstu.")]

    preview = article.make_preview_request().content.decode()

    assert "Wersja robocza tekstu." in preview
    assert "Wersja robocza tekstu." not in html_of(article.url)


# --- budget projects and editions -----------------------------------------------------------------


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def project(budget):
    return BudgetProjectPageFactory(parent=budget.edition, title="Ławki w parku Sieleckim")


@pytest.mark.parametrize("projects", [1, 30])
def test_a_second_visit_to_a_project_or_its_edition_reads_only_the_page(
    budget, projects, django_assert_max_num_queries
):
    pages = [BudgetProjectPageFactory(parent=budget.edition) for _number in range(projects)]
    ProjectStatusChange.objects.create(project=pages[0], date=timezone.localdate(), status="positive")

    for url in (pages[0].url, budget.edition.url):
        html, sql = second_visit(url)
        with django_assert_max_num_queries(SECOND_VISIT_MAX_QUERIES):
            Client().get(url)
        assert "consultation_budgetarea" not in sql
        assert "consultation_projectstatuschange" not in sql
    assert f"Projekt nr {pages[0].number}" in html_of(pages[0].url)


def test_a_project_s_new_status_update_and_edition_title_show_at_once(budget, project):
    second_visit(project.url)
    image = ImageFactory()
    project.status_changes.add(
        ProjectStatusChange(date=timezone.localdate(), status=ProposalStatus.SELECTED, note="Uchwała 12/2027")
    )
    project.updates.add(ProjectUpdate(date=timezone.localdate(), text="Ławki stoją.", image=image))
    publish(project, status=ProposalStatus.SELECTED)
    publish(budget.edition, title="Budżet obywatelski Sosnowca 2027")

    html = html_of(project.url)

    assert "Uchwała 12/2027" in html and "Ławki stoją." in html
    assert "Budżet obywatelski Sosnowca 2027</a>" in html


def test_imported_votes_show_at_once_on_the_project_and_its_edition(budget, project):
    publish(budget.edition, results_published=True)
    update_projects({project.pk: {"votes_online": 120, "votes_paper": 3}})
    assert "<dd>123</dd>" in second_visit(project.url)[0]
    second_visit(budget.edition.url)

    update_projects({project.pk: {"votes_online": 500, "votes_paper": 7}})

    assert "<dd>507</dd>" in html_of(project.url)
    assert re.search(r">\s*507\s*<", html_of(budget.edition.url))


def test_an_edition_s_text_and_rules_show_at_once_and_each_filter_keeps_its_own_list(budget, project):
    BudgetProjectPageFactory(parent=budget.edition, title="Plac zabaw", status=ProposalStatus.NEGATIVE)
    rules = DocumentFactory(title="Regulamin 2027")
    publish(
        budget.edition, body=[paragraph_block("Zgłaszaj projekty do końca miesiąca.")], rules_document=rules
    )
    second_visit(budget.edition.url)
    filtered = budget.edition.url + "?status=negative"
    second_visit(filtered)

    rules.title = "Regulamin budżetu 2027"
    rules.save()
    publish(budget.edition, body=[paragraph_block("Zgłaszanie przedłużone.")])

    html = html_of(budget.edition.url)
    assert "Zgłaszanie przedłużone." in html and "do końca miesiąca" not in html
    assert "Regulamin budżetu 2027" in html
    assert "Ławki w parku Sieleckim" in html and "Plac zabaw" in html
    only_negative = html_of(filtered)
    assert "Plac zabaw" in only_negative and "Ławki w parku Sieleckim" not in only_negative


def test_an_edition_moves_to_its_next_phase_with_the_clock(budget, monkeypatch):
    edition = make_edition(budget.index, 2028, timezone.localdate() - timedelta(days=30))
    html, _sql = second_visit(edition.url)
    assert f"Teraz: <strong>{BudgetPhase.SUBMISSION.label}</strong>" in html

    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr("consultation.models.budget.timezone.localdate", lambda: tomorrow)
    monkeypatch.setattr("home.page_cache.clock_minute", lambda: 0)

    assert f"Teraz: <strong>{BudgetPhase.VERIFICATION.label}</strong>" in html_of(edition.url)
