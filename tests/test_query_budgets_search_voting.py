"""The query budget of tests/test_query_budgets.py for the pages whose cost grows with what they
find or count: search with the words residents type, its first page of results spread over six
page types (a page of results reads its pages' stored texts in one query, whatever their types),
with production's task backend
(counting the search is one row for the worker, not the test settings' immediate run), and the voting page after the vote, which publishes
its open data files with their SHA-256 (built from every ballot)."""

import itertools
import urllib.parse
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from consultation.choices import BallotChannel
from consultation.models import Ballot, BallotChoice
from materials.models import TrainingIndexPage
from tests.budget_fixtures import make_edition
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    LegalActIndexPageFactory,
    LegalActPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.test_query_budgets import FEW, MANY, MAX_QUERIES, add_training, queries_of, unique
from tests.voting_fixtures import add_project, add_voting_page

QUERIES = ["park", "boisko", "chodnik remont", "budżet obywatelski 2025"]
_ballots = itertools.count()


def search_sections(site_tree, budget):
    """Makers of a page of each searched type, titled with the query's words."""
    articles = ArticleIndexPageFactory(parent=site_tree.home)
    news = NewsIndexPageFactory(parent=site_tree.home)
    acts = LegalActIndexPageFactory(parent=site_tree.home)
    trainings = TrainingIndexPage(title="Szkolenia", slug="szkolenia")
    site_tree.home.add_child(instance=trainings)
    trainings.save_revision().publish()

    def training(title):
        page = add_training(trainings)
        page.title = title
        page.save_revision().publish()

    return [
        lambda title: StandardPageFactory(parent=site_tree.home, title=title, slug=unique("s")),
        lambda title: ArticlePageFactory(parent=articles, title=title, slug=unique("a")),
        lambda title: NewsPageFactory(parent=news, title=title, slug=unique("n")),
        lambda title: LegalActPageFactory(parent=acts, title=title, slug=unique("u")),
        lambda title: add_project(budget.edition, budget.edition.next_project_number(), title),
        training,
    ]


def queries_with_task_worker(client, url):
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        return queries_of(client, url, ("Wyniki dla",))


@pytest.mark.parametrize("words", QUERIES)
def test_search_costs_the_same_few_queries_with_few_or_many_results_of_every_type(
    client, site_tree, budget, words
):
    makers = search_sections(site_tree, budget)
    url = "/szukaj/?q=" + urllib.parse.quote(words)

    def grow(count):
        for n in range(count):
            for make in makers:
                make(f"{words.capitalize()} – wpis {n}")

    grow(FEW)
    few, few_sql = queries_with_task_worker(client, url)
    grow(MANY - FEW)
    many, many_sql = queries_with_task_worker(client, url)
    # With few pages the first page of results holds every type, with many the best ranked ones:
    # more results never cost more.
    assert few <= MAX_QUERIES, "\n".join(few_sql)
    assert many <= few, "\n".join(many_sql)


def add_ballots(page, projects, count):
    for _ in range(count):
        number = next(_ballots)
        ballot = Ballot.objects.create(
            page=page, channel=BallotChannel.PAPER, identity_key=f"osoba-{number}", phone_key=""
        )
        BallotChoice.objects.bulk_create(BallotChoice(ballot=ballot, project=p) for p in projects)


def test_voting_page_after_the_vote_costs_the_same_few_queries_with_few_or_many_ballots(client, budget):
    edition = make_edition(budget.index, 2024, timezone.localdate() - timedelta(days=120))
    page = add_voting_page(edition)
    projects = [add_project(edition, edition.next_project_number(), "Park kieszonkowy") for _ in range(3)]

    add_ballots(page, projects[:2], FEW)
    few, few_sql = queries_of(client, page.url, ("Dane otwarte", "SHA-256"))
    add_ballots(page, projects[1:], MANY - FEW)
    many, many_sql = queries_of(client, page.url, ("Dane otwarte", "SHA-256"))
    assert few == many, "\n".join(many_sql)
    assert many <= MAX_QUERIES, "\n".join(many_sql)


def test_search_results_of_six_page_types_cost_what_results_of_one_type_cost(client, site_tree, budget):
    makers = search_sections(site_tree, budget)
    for make in makers:
        make("Boisko przy szkole")
    for _ in makers:
        makers[0]("Chodnik przy szkole")
    labels = ("Strona", "Dobra praktyka", "Aktualność", "Akt prawny", "Projekt", "Szkolenie")

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        six_types, six_sql = queries_of(client, "/szukaj/?q=boisko", labels)
        one_type, _sql = queries_of(client, "/szukaj/?q=chodnik", ("Wyniki dla „chodnik”: 6",))
    # The page of results reads every shown page's text in one query, whatever its type.
    assert six_types == one_type, "\n".join(six_sql)
