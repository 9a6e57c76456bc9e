"""Every page type an anonymous visitor can open costs at most `MAX_QUERIES` SQL queries, and
exactly as many with little data as with a lot: the count is measured twice, once after adding a
few items (comments, children, documents, projects, menu pages) and once after adding many more.

Before each measured request the page is opened once: answers kept in the cache until the page tree
changes (the site's root paths, the menu, the breadcrumbs and language links, the news feed's
address, the footer's logos, the consultation's legal acts) are legitimately shared between
requests, and a visitor pays for them at most once per change of the tree."""

import itertools
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultation.choices import SubmissionStatus
from consultation.models import DraftActUnit, ProjectUpdate
from materials.choices import TrainingAudience
from materials.models import FormPage, TrainingDocument, TrainingIndexPage, TrainingPage
from tests.consultation_fixtures import add_submissions, make_consultation
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    DocumentFactory,
    ImageFactory,
    LegalActIndexPageFactory,
    LegalActPageFactory,
    MaterialFactory,
    MaterialsIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    document_list_block,
    paragraph_block,
)
from tests.voting_fixtures import add_project

MAX_QUERIES = 15
_numbers = itertools.count()
FEW, MANY = 2, 30
FEW_COMMENTS, MANY_COMMENTS, UNITS = 3, 60, 10


@dataclass
class Case:
    url: str
    grow: object  # grow(n): add n more of what the page lists
    shows: tuple = ()  # what the page must show, so that nothing measured is left out


def unique(prefix):
    return f"{prefix}-{next(_numbers)}"


def add_menu_pages(home, count):
    for _ in range(count):
        StandardPageFactory(parent=home, show_in_menus=True, body=[paragraph_block("Strona w menu.")])


def home_page(site_tree, budget, consultations):
    """Every section of the home page full: consultations with meetings, the budget edition,
    trainings, news and articles with cover pictures, picked materials; a hero picture and button."""
    home = site_tree.home
    news = NewsIndexPageFactory(parent=home)
    articles = ArticleIndexPageFactory(parent=home)
    MaterialsIndexPageFactory(parent=home)
    trainings = TrainingIndexPage(title="Szkolenia", slug="szkolenia")
    home.add_child(instance=trainings)
    trainings.save_revision().publish()
    home.hero_image = ImageFactory()
    home.hero_link_page, home.hero_link_label = consultations.open, "Zgłoś uwagę"
    home.save_revision().publish()

    def grow(count):
        now = consultations.now
        for _ in range(count):
            NewsPageFactory(parent=news, cover_image=ImageFactory(), cover_image_alt="Spotkanie")
            ArticlePageFactory(parent=articles, cover_image=ImageFactory(), cover_image_alt="Plac")
            add_training(trainings)
            make_consultation(
                consultations.index,
                unique("otwarta"),
                now - timedelta(days=1),
                now + timedelta(days=5),
                meetings=[(now + timedelta(days=1), "Sala Sesyjna")],
            )
        home.refresh_from_db()
        picked = [("material", MaterialFactory(tags=["poradnik"])) for _ in range(count)]
        home.featured_materials = [*[("material", b.value) for b in home.featured_materials], *picked][:6]
        home.save_revision().publish()

    sections = ("konsultacje", "budzet", "spotkania", "szkolenia", "aktualnosci", "artykuly", "materialy")
    shows = [f'aria-labelledby="home-{name}"' for name in sections] + [f'href="{consultations.open.url}"']
    return Case(home.url, grow, tuple(shows))


def standard_page(site_tree, budget, consultations):
    page = site_tree.about
    documents = []

    def grow(count):
        documents.extend(DocumentFactory() for _ in range(count))
        page.body = [paragraph_block("Wstęp."), document_list_block(documents)]
        page.save_revision().publish()
        for _ in range(count):
            StandardPageFactory(parent=page)

    return Case(page.url, grow)


def consultation_index(site_tree, budget, consultations):
    def grow(count):
        for _ in range(count):
            make_consultation(
                consultations.index,
                unique("k"),
                consultations.now - timedelta(days=1),
                consultations.now + timedelta(days=5),
            )

    return Case(consultations.index.url, grow)


def consultation_page(site_tree, budget, consultations):
    page = consultations.open
    page.units = [DraftActUnit(label=f"§ {n}", text=f"Przepis {n}.") for n in range(1, UNITS + 1)]
    page.save_revision().publish()
    anchors = [unit.anchor for unit in page.units.all()]

    def grow(count):
        comments = FEW_COMMENTS if count == FEW else MANY_COMMENTS - FEW_COMMENTS
        for n in range(comments):
            add_submissions(page, 1, unit_anchor=anchors[n % UNITS])

    return Case(page.url, grow)


def budget_index(site_tree, budget, consultations):
    def grow(count):
        for _ in range(count):
            add_project(budget.edition, budget.edition.next_project_number(), "Projekt")

    return Case(budget.index.url, grow)


def budget_edition(site_tree, budget, consultations):
    case = budget_index(site_tree, budget, consultations)
    return Case(budget.edition.url, case.grow)


def budget_project(site_tree, budget, consultations):
    project = add_project(budget.edition, 1, "Plac zabaw")

    def grow(count):
        for n in range(count):
            ProjectUpdate.objects.create(project=project, date=timezone.localdate(), text=f"Postęp {n}")
        add_menu_pages(site_tree.home, count)

    return Case(project.url, grow)


def proposal_form(site_tree, budget, consultations):
    def grow(count):
        add_menu_pages(site_tree.home, count)

    return Case(budget.form.url, grow)


def voting_page(site_tree, budget, consultations):
    from tests.voting_fixtures import add_voting_page, voting_edition

    edition = voting_edition(budget.index, 2028)
    page = add_voting_page(edition)

    def grow(count):
        for _ in range(count):
            add_project(edition, edition.next_project_number(), "Projekt na karcie")

    return Case(page.url, grow)


def training_index(site_tree, budget, consultations):
    index = TrainingIndexPage(title="Szkolenia", slug="szkolenia")
    site_tree.home.add_child(instance=index)
    index.save_revision().publish()

    def grow(count):
        for _ in range(count):
            add_training(index)

    return Case(index.url, grow)


def add_training(index):
    starts = timezone.now() + timedelta(days=10)
    page = TrainingPage(
        title="Budżet obywatelski w praktyce",
        slug=unique("t"),
        starts_at=starts,
        ends_at=starts + timedelta(hours=4),
        registration_opens_at=timezone.now() - timedelta(days=5),
        registration_closes_at=starts - timedelta(hours=1),
        place="Sala Sesyjna",
        trainer="Anna Kowalska",
        audience=[TrainingAudience.OFFICIALS],
        capacity=20,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def training_page(site_tree, budget, consultations):
    index = TrainingIndexPage(title="Szkolenia", slug="szkolenia")
    site_tree.home.add_child(instance=index)
    index.save_revision().publish()
    page = add_training(index)

    def grow(count):
        for _ in range(count):
            TrainingDocument.objects.create(page=page, document=DocumentFactory())
        add_menu_pages(site_tree.home, count)

    return Case(page.url, grow)


def article_index(site_tree, budget, consultations):
    index = ArticleIndexPageFactory(parent=site_tree.home)

    def grow(count):
        for _ in range(count):
            ArticlePageFactory(parent=index, tags=["budżet", "konsultacje"])

    return Case(index.url, grow)


def article_page(site_tree, budget, consultations):
    index = ArticleIndexPageFactory(parent=site_tree.home)
    article = ArticlePageFactory(parent=index, tags=["budżet", "konsultacje"])

    def grow(count):
        for _ in range(count):
            ArticlePageFactory(parent=index, tags=["budżet", "konsultacje"])

    return Case(article.url, grow)


def news_index(site_tree, budget, consultations):
    index = NewsIndexPageFactory(parent=site_tree.home)

    def grow(count):
        for _ in range(count):
            NewsPageFactory(parent=index)

    return Case(index.url, grow)


def news_page(site_tree, budget, consultations):
    index = NewsIndexPageFactory(parent=site_tree.home)
    news = NewsPageFactory(parent=index)

    def grow(count):
        for _ in range(count):
            NewsPageFactory(parent=index)

    return Case(news.url, grow)


def legal_index(site_tree, budget, consultations):
    index = LegalActIndexPageFactory(parent=site_tree.home)

    def grow(count):
        for _ in range(count):
            LegalActPageFactory(parent=index, consultations=[consultations.open])

    return Case(index.url, grow)


def legal_act(site_tree, budget, consultations):
    index = LegalActIndexPageFactory(parent=site_tree.home)
    act = LegalActPageFactory(parent=index)

    def grow(count):
        act.refresh_from_db()
        act.documents = list(act.documents.all()) + [
            type(act.documents.first() or act.documents.model())(document=DocumentFactory())
            for _ in range(count)
        ]
        act.save_revision().publish()

    return Case(act.url, grow)


def library(site_tree, budget, consultations):
    index = MaterialsIndexPageFactory(parent=site_tree.home)

    def grow(count):
        for _ in range(count):
            MaterialFactory(tags=["poradnik"])

    return Case(index.url, grow)


def search_results(site_tree, budget, consultations):
    def grow(count):
        for _ in range(count):
            StandardPageFactory(
                parent=site_tree.home, title="Spacer badawczy po Zagórzu", slug=unique("spacer")
            )

    return Case("/szukaj/?q=spacer", grow)


def contact_form(site_tree, budget, consultations):
    page = FormPage(title="Zadaj pytanie", slug="zadaj-pytanie", notify_emails="bo@sosnowiec.invalid")
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()

    def grow(count):
        add_menu_pages(site_tree.home, count)

    return Case(page.url, grow)


def not_found(site_tree, budget, consultations):
    def grow(count):
        add_menu_pages(site_tree.home, count)

    return Case("/nie-ma-takiej-strony/", grow)


CASES = [
    home_page,
    standard_page,
    consultation_index,
    consultation_page,
    budget_index,
    budget_edition,
    budget_project,
    proposal_form,
    voting_page,
    training_index,
    training_page,
    article_index,
    article_page,
    news_index,
    news_page,
    legal_index,
    legal_act,
    library,
    search_results,
    contact_form,
    not_found,
]


def queries_of(client, url, shows=()):
    client.get(url)  # warms the per-process and shared caches, see the module's docstring
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    assert all(text in response.text for text in shows), [t for t in shows if t not in response.text]
    return len(captured.captured_queries), [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("make_case", CASES, ids=lambda case: case.__name__)
def test_page_costs_the_same_few_queries_with_little_or_much_data(
    client, site_tree, budget, consultations, make_case
):
    case = make_case(site_tree, budget, consultations)
    case.grow(FEW)
    few, few_sql = queries_of(client, case.url, case.shows)
    case.grow(MANY - FEW)
    many, many_sql = queries_of(client, case.url, case.shows)
    assert few == many, "\n".join(many_sql)
    assert many <= MAX_QUERIES, "\n".join(many_sql)


def test_a_unit_shows_its_three_oldest_comments_and_counts_all_of_them(client, consultations):
    page = consultations.open
    first, second = page.units.all()
    add_submissions(page, 7, unit_anchor=first.anchor)
    add_submissions(page, 2, unit_anchor=second.anchor)
    add_submissions(page, 3, status=SubmissionStatus.PENDING, unit_anchor=first.anchor)

    html = client.get(page.url).content.decode()

    first_html = html[html.index(f'id="{first.anchor}"') : html.index(f'id="{second.anchor}"')]
    second_html = html[html.index(f'id="{second.anchor}"') : html.index('id="formularz"')]
    assert "7 opublikowanych uwag" in first_html
    assert "Wszystkie uwagi do tego fragmentu (7)" in first_html
    assert re.findall(r"Uwaga numer (\d)", first_html) == ["0", "1", "2"]
    assert "2 opublikowane uwagi" in second_html or "2 opublikowanych uwag" in second_html
    assert re.findall(r"Uwaga numer (\d)", second_html) == ["0", "1"]


def test_addresses_lead_where_wagtails_own_walk_leads(client, site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home)
    NewsPageFactory(parent=index, title="Kanał", slug="rss")
    news = NewsPageFactory(parent=index, title="Nowy nabór wniosków")

    assert client.get(f"{index.url}rss/")["Content-Type"].startswith("application/rss+xml")
    assert "Nowy nabór wniosków" in client.get(news.url).text
    assert "Harmonogram" in client.get(site_tree.schedule.url).text
    assert client.get(f"{site_tree.schedule.url}nie-ma/").status_code == 404
    assert client.get("/nie-ma/harmonogram/").status_code == 404
