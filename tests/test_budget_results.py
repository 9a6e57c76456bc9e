"""Who wins an edition of the participatory budget: within each pool, the most votes first while the
money lasts; a project that no longer fits is skipped and the next one that fits is taken; a
minimum of votes; a tie at the money line is reported to staff until they decide it."""

import pytest

from consultation.choices import ProposalStatus, TieDecision
from consultation.models import BudgetArea
from consultation.results import Outcome, compute_results
from tests.factories import BudgetEditionPageFactory, BudgetIndexPageFactory, BudgetProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(site_tree):
    index = BudgetIndexPageFactory(parent=site_tree.home)
    edition = BudgetEditionPageFactory(parent=index, year=2027, citywide_pool=1_000_000)
    BudgetArea.objects.create(edition=edition, name="Zagórze", pool_amount=300_000, cost_limit=300_000)
    BudgetArea.objects.create(edition=edition, name="Pogoń", pool_amount=200_000, cost_limit=200_000)
    return edition


def area(edition, name):
    return edition.areas.get(name=name)


def project(edition, cost, votes, *, area=None, paper=0, **kwargs):
    return BudgetProjectPageFactory(
        parent=edition, cost=cost, votes_online=votes - paper, votes_paper=paper, area=area, **kwargs
    )


def results(edition):
    edition.refresh_from_db()
    projects = [page.specific for page in edition.get_children()]
    return {result.pool.name: result for result in compute_results(edition, projects)}


def citywide(edition):
    return next(iter(results(edition).values()))


def outcomes(pool_result):
    return [(row.project.number, row.votes, row.rank, row.outcome) for row in pool_result.rows]


def test_the_most_voted_projects_win_until_the_money_runs_out(edition):
    first = project(edition, 400_000, votes=900)
    second = project(edition, 500_000, votes=700, paper=200)
    third = project(edition, 200_000, votes=500)
    pool = citywide(edition)
    assert outcomes(pool) == [
        (first.number, 900, 1, Outcome.SELECTED),
        (second.number, 700, 2, Outcome.SELECTED),
        (third.number, 500, 3, Outcome.NO_MONEY),
    ]
    assert pool.used == 900_000
    assert pool.used_display == "900\u00a0000\u00a0zł"
    assert pool.selected_count == 2
    assert pool.ties == []
    assert str(pool.rows[2].outcome_label) == "niewybrany: zabrakło pieniędzy w puli"


def test_a_project_that_no_longer_fits_is_skipped_and_the_next_that_fits_wins(edition):
    project(edition, 700_000, votes=900)
    too_big = project(edition, 400_000, votes=800)
    fits = project(edition, 300_000, votes=100)
    pool = citywide(edition)
    by_number = {row.project.number: row.outcome for row in pool.rows}
    assert by_number[too_big.number] == Outcome.NO_MONEY
    assert by_number[fits.number] == Outcome.SELECTED
    assert pool.used == 1_000_000


def test_a_project_below_the_minimum_of_votes_cannot_win_even_with_money_left(edition):
    edition.min_votes = 100
    edition.save()
    enough = project(edition, 100_000, votes=100)
    too_few = project(edition, 100_000, votes=99)
    pool = citywide(edition)
    assert outcomes(pool) == [
        (enough.number, 100, 1, Outcome.SELECTED),
        (too_few.number, 99, 2, Outcome.BELOW_MINIMUM),
    ]
    assert str(pool.rows[1].outcome_label) == "niewybrany: za mało głosów"


def test_a_project_without_a_single_vote_does_not_win(edition):
    nobody = project(edition, 1_000, votes=0)
    assert outcomes(citywide(edition)) == [(nobody.number, 0, 1, Outcome.BELOW_MINIMUM)]


def test_equal_votes_above_the_money_line_all_win_and_share_a_rank(edition):
    a = project(edition, 300_000, votes=500)
    b = project(edition, 300_000, votes=500)
    c = project(edition, 300_000, votes=400)
    assert outcomes(citywide(edition)) == [
        (a.number, 500, 1, Outcome.SELECTED),
        (b.number, 500, 1, Outcome.SELECTED),
        (c.number, 400, 3, Outcome.SELECTED),
    ]


def test_a_tie_at_the_money_line_is_reported_and_what_follows_waits_for_it(edition):
    leader = project(edition, 400_000, votes=900)
    a = project(edition, 400_000, votes=500)
    b = project(edition, 400_000, votes=500)
    cheap = project(edition, 100_000, votes=300)
    too_big = project(edition, 700_000, votes=200)
    pool = citywide(edition)
    assert outcomes(pool) == [
        (leader.number, 900, 1, Outcome.SELECTED),
        (a.number, 500, 2, Outcome.TIE),
        (b.number, 500, 2, Outcome.TIE),
        (cheap.number, 300, 4, Outcome.UNDECIDED),
        (too_big.number, 200, 5, Outcome.NO_MONEY),
    ]
    assert [row.project.number for row in pool.ties] == [a.number, b.number]
    assert pool.used == 400_000
    assert str(pool.ties[0].outcome_label) == "remis na granicy puli: czeka na rozstrzygnięcie"


def test_a_tie_half_decided_is_still_a_tie(edition):
    a = project(edition, 600_000, votes=500, tie_decision=TieDecision.WINS)
    b = project(edition, 600_000, votes=500)
    assert [row.outcome for row in citywide(edition).rows] == [Outcome.TIE, Outcome.TIE]
    assert a.number < b.number


@pytest.mark.parametrize("winner", [0, 1])
def test_staff_decide_a_tie_at_the_money_line_either_way(edition, winner):
    tied = [project(edition, 600_000, votes=500), project(edition, 600_000, votes=500)]
    cheap = project(edition, 300_000, votes=100)
    for index, page in enumerate(tied):
        page.tie_decision = TieDecision.WINS if index == winner else TieDecision.LOSES
        page.save()
    pool = citywide(edition)
    by_number = {row.project.number: row.outcome for row in pool.rows}
    assert by_number[tied[winner].number] == Outcome.SELECTED
    assert by_number[tied[1 - winner].number] == Outcome.TIE_LOST
    assert by_number[cheap.number] == Outcome.SELECTED
    assert pool.ties == []
    assert pool.used == 900_000
    assert str(pool.rows[1 - winner].outcome_label).startswith("niewybrany: remis rozstrzygnięty")


def test_a_decision_naming_more_winners_than_the_money_allows_leaves_the_tie_open(edition):
    project(edition, 600_000, votes=500, tie_decision=TieDecision.WINS)
    project(edition, 600_000, votes=500, tie_decision=TieDecision.WINS)
    assert len(citywide(edition).ties) == 2


def test_a_tie_decision_means_nothing_when_everyone_fits(edition):
    a = project(edition, 100_000, votes=500, tie_decision=TieDecision.LOSES)
    b = project(edition, 100_000, votes=500)
    assert [row.outcome for row in citywide(edition).rows] == [Outcome.SELECTED, Outcome.SELECTED]
    assert {a.number, b.number} == {row.project.number for row in citywide(edition).rows}


def test_only_projects_that_were_on_the_ballot_count(edition):
    voted = project(edition, 100_000, votes=10)
    project(edition, 100_000, votes=999, status=ProposalStatus.POSITIVE)
    project(edition, 100_000, votes=999, status=ProposalStatus.WITHDRAWN)
    project(edition, 100_000, votes=999, status=ProposalStatus.NEGATIVE)
    BudgetProjectPageFactory(parent=edition, cost=1)  # on the ballot, no votes imported yet
    implemented = project(edition, 100_000, votes=5, status=ProposalStatus.IMPLEMENTED)
    assert [row.project.number for row in citywide(edition).rows] == [voted.number, implemented.number]


def test_each_district_spends_only_its_own_pool(edition):
    zagorze, pogon = area(edition, "Zagórze"), area(edition, "Pogoń")
    city = project(edition, 900_000, votes=5000)
    z1 = project(edition, 250_000, votes=800, area=zagorze)
    z2 = project(edition, 100_000, votes=700, area=zagorze)
    p1 = project(edition, 150_000, votes=50, area=pogon)
    p2 = project(edition, 50_000, votes=40, area=pogon)
    by_pool = results(edition)
    assert list(by_pool) == ["cała gmina (projekty ogólnomiejskie)", "Zagórze", "Pogoń"]
    assert outcomes(by_pool["cała gmina (projekty ogólnomiejskie)"]) == [
        (city.number, 5000, 1, Outcome.SELECTED)
    ]
    assert outcomes(by_pool["Zagórze"]) == [
        (z1.number, 800, 1, Outcome.SELECTED),
        (z2.number, 700, 2, Outcome.NO_MONEY),
    ]
    assert outcomes(by_pool["Pogoń"]) == [
        (p1.number, 50, 1, Outcome.SELECTED),
        (p2.number, 40, 2, Outcome.SELECTED),
    ]
    assert [result.used for result in by_pool.values()] == [900_000, 250_000, 200_000]


def test_a_pool_without_voted_projects_is_listed_empty(edition):
    pools = results(edition)
    assert [(len(pool.rows), pool.used, pool.selected_count) for pool in pools.values()] == [(0, 0, 0)] * 3


def test_in_a_tie_a_project_that_cannot_fit_at_all_is_simply_out_of_money(edition):
    a = project(edition, 600_000, votes=500)
    b = project(edition, 600_000, votes=500)
    huge = project(edition, 2_000_000, votes=500)
    outcomes_by_number = {row.project.number: row.outcome for row in citywide(edition).rows}
    assert outcomes_by_number == {a.number: Outcome.TIE, b.number: Outcome.TIE, huge.number: Outcome.NO_MONEY}
