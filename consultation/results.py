"""Who wins an edition: within each pool, the projects with the most votes while the money lasts.
A project that no longer fits is skipped and the next one that fits is taken (the common Polish
rule); a project below the edition's minimum of votes cannot win; equal votes at the money line
are a tie that staff decide (`BudgetProjectPage.tie_decision`), never the code."""

from dataclasses import dataclass, field
from itertools import groupby

from django.utils.translation import gettext_lazy as _

from .choices import ProposalStatus, TieDecision
from .money import zloty

# Projects that were on the ballot, whatever became of them after the vote.
VOTED_STATUSES = frozenset(
    {
        ProposalStatus.ON_BALLOT,
        ProposalStatus.SELECTED,
        ProposalStatus.NOT_SELECTED,
        ProposalStatus.IN_PROGRESS,
        ProposalStatus.IMPLEMENTED,
    }
)


class Outcome:
    SELECTED = "selected"
    NO_MONEY = "no_money"
    BELOW_MINIMUM = "below_minimum"
    TIE = "tie"
    TIE_LOST = "tie_lost"
    UNDECIDED = "undecided"

    LABELS = {
        SELECTED: _("wybrany"),
        NO_MONEY: _("niewybrany: zabrakło pieniędzy w puli"),
        BELOW_MINIMUM: _("niewybrany: za mało głosów"),
        TIE: _("remis na granicy puli: czeka na rozstrzygnięcie"),
        TIE_LOST: _("niewybrany: remis rozstrzygnięty na korzyść innego projektu"),
        UNDECIDED: _("zależy od rozstrzygnięcia remisu"),
    }


@dataclass
class ProjectResult:
    project: object
    votes: int
    rank: int
    outcome: str

    @property
    def selected(self):
        return self.outcome == Outcome.SELECTED

    @property
    def outcome_label(self):
        return Outcome.LABELS[self.outcome]


@dataclass
class PoolResult:
    pool: object
    rows: list = field(default_factory=list)

    @property
    def used(self):
        return sum(row.project.cost for row in self.rows if row.selected)

    @property
    def used_display(self):
        return zloty(self.used)

    @property
    def ties(self):
        return [row for row in self.rows if row.outcome == Outcome.TIE]

    @property
    def selected_count(self):
        return sum(1 for row in self.rows if row.selected)


def pool_result(pool, projects, min_votes):
    ordered = sorted(projects, key=lambda project: (-(project.votes or 0), project.number))
    result = PoolResult(pool)
    remaining = pool.amount
    undecided = False
    rank = 1
    for votes, group in groupby(ordered, key=lambda project: project.votes or 0):
        group = list(group)
        outcomes = group_outcomes(group, votes, remaining, min_votes, undecided)
        for project in group:
            outcome = outcomes[project.pk]
            if outcome == Outcome.SELECTED:
                remaining -= project.cost
            undecided = undecided or outcome == Outcome.TIE
            result.rows.append(ProjectResult(project, votes, rank, outcome))
        rank += len(group)
    return result


def group_outcomes(group, votes, remaining, min_votes, undecided):
    """Outcomes of projects with equal votes. They all win when they all fit; when only some fit,
    staff's tie decisions say which, and without them the tie is reported. After an undecided tie
    the money left is unknown: a project is then undecided unless it cannot fit in any case."""
    if votes < min_votes or votes == 0:
        return {project.pk: Outcome.BELOW_MINIMUM for project in group}
    fitting = [project for project in group if project.cost <= remaining]
    outcomes = {project.pk: Outcome.NO_MONEY for project in group}
    if undecided:
        return outcomes | {project.pk: Outcome.UNDECIDED for project in fitting}
    if sum(project.cost for project in fitting) <= remaining:
        return outcomes | {project.pk: Outcome.SELECTED for project in fitting}
    winners = [project for project in fitting if project.tie_decision == TieDecision.WINS]
    settled = all(project.tie_decision for project in fitting)
    if not settled or sum(project.cost for project in winners) > remaining:
        return outcomes | {project.pk: Outcome.TIE for project in fitting}
    return outcomes | {
        project.pk: Outcome.SELECTED if project in winners else Outcome.TIE_LOST for project in fitting
    }


def compute_results(edition, projects):
    """One PoolResult per pool of the edition, from the projects that were on the ballot and have
    votes. `projects` is the edition's projects, already fetched."""
    by_area = {}
    for project in projects:
        if project.status in VOTED_STATUSES and project.votes is not None:
            by_area.setdefault(project.area_id, []).append(project)
    return [pool_result(pool, by_area.get(pool.area_id, []), edition.min_votes) for pool in edition.pools()]
