"""Counting: the valid ballots of a voting page into each project's `votes_online` and
`votes_paper`, so the edition's results (consultation/results.py) are computed unchanged."""

from collections import Counter

from django.db.models import Count

from ..choices import BallotChannel, BallotStatus
from ..models import BallotChoice, BudgetProjectPage
from .ballots import ballot_projects


def counts(page):
    """{project id: (online, paper)} over the valid ballots."""
    rows = (
        BallotChoice.objects.filter(ballot__page=page, ballot__status=BallotStatus.VALID)
        .values("project_id", "ballot__channel")
        .annotate(votes=Count("pk"))
        .order_by()
    )
    result = {}
    for row in rows:
        online, paper = result.get(row["project_id"], (0, 0))
        if row["ballot__channel"] == BallotChannel.PAPER:
            paper += row["votes"]
        else:
            online += row["votes"]
        result[row["project_id"]] = (online, paper)
    return result


def write_counts(page):
    """Stores the counts on the edition's projects; returns how many projects were updated."""
    totals = counts(page)
    projects = list(ballot_projects(page.edition))
    for project in projects:
        project.votes_online, project.votes_paper = totals.get(project.pk, (0, 0))
    BudgetProjectPage.objects.bulk_update(projects, ["votes_online", "votes_paper"])
    return len(projects)


def recount(rows):
    """Votes per project number from the rows of the published ballots file: anyone can do this."""
    online, paper = Counter(), Counter()
    for row in rows:
        target = paper if row["channel"] == BallotChannel.PAPER else online
        for number in filter(None, row["projects"].split(";")):
            target[int(number)] += 1
    return online, paper
