"""Open data of a finished vote: every valid ballot (a random identifier unrelated to the receipt
code, its channel, the chosen project numbers) in random order, and separately the sorted list of
the receipt codes that were counted. No personal data. The SHA-256 of each file is shown beside it,
so anyone can check that the file they recount is the published one."""

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from functools import cached_property

from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _

from home.spreadsheets import neutralised_row

from ..choices import BallotStatus
from ..models import Ballot, BallotChoice


def ballot_rows(page):
    """Ordered by the random identifier, i.e. in an order unrelated to when anyone voted."""
    numbers = {}
    choices = BallotChoice.objects.filter(ballot__page=page, ballot__status=BallotStatus.VALID).values_list(
        "ballot_id", "project__number"
    )
    for ballot_id, number in choices:
        numbers.setdefault(ballot_id, []).append(number)
    ballots = (
        Ballot.objects.filter(page=page, status=BallotStatus.VALID)
        .order_by("public_id")
        .values_list("pk", "public_id", "channel")
    )
    return [
        {
            "ballot": public_id,
            "channel": channel,
            "projects": ";".join(str(n) for n in sorted(numbers.get(pk, []))),
        }
        for pk, public_id, channel in ballots
    ]


def receipt_codes(page):
    return sorted(
        Ballot.objects.filter(page=page, status=BallotStatus.VALID).values_list("receipt_code", flat=True)
    )


def as_csv(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(neutralised_row(row) for row in rows)
    return out.getvalue().encode()


class VoteData:
    """The rows every file of one page is built from, read once however many files are built."""

    def __init__(self, page, edition=None):
        self.page = page
        self.edition = edition

    @cached_property
    def year(self):
        return (self.edition or self.page.edition).year

    @cached_property
    def ballot_rows(self):
        return ballot_rows(self.page)

    @cached_property
    def receipt_codes(self):
        return receipt_codes(self.page)


def ballots_csv(data):
    return as_csv(
        ["ballot", "channel", "projects"],
        ([r["ballot"], r["channel"], r["projects"]] for r in data.ballot_rows),
    )


def ballots_json(data):
    rows = [
        {
            "ballot": r["ballot"],
            "channel": r["channel"],
            "projects": [int(n) for n in r["projects"].split(";") if n],
        }
        for r in data.ballot_rows
    ]
    return json.dumps({"edition": data.year, "ballots": rows}, ensure_ascii=False, indent=1).encode()


def receipts_csv(data):
    return as_csv(["receipt_code"], ([code] for code in data.receipt_codes))


def receipts_json(data):
    return json.dumps({"edition": data.year, "receipt_codes": data.receipt_codes}, indent=1).encode()


FILES = {
    "karty-csv": (ballots_csv, "text/csv; charset=utf-8", _("Karty do głosowania (CSV)")),
    "karty-json": (ballots_json, "application/json", _("Karty do głosowania (JSON)")),
    "kody-csv": (receipts_csv, "text/csv; charset=utf-8", _("Policzone kody potwierdzenia (CSV)")),
    "kody-json": (receipts_json, "application/json", _("Policzone kody potwierdzenia (JSON)")),
}


@dataclass
class PublishedFile:
    name: str
    label: str
    url: str
    sha256: str


def published_files(page, edition=None):
    if not page.is_over(edition):
        return []
    files = []
    data = VoteData(page, edition)
    for name, (build, _type, label) in FILES.items():
        content = build(data)
        url = page.url + page.reverse_subpage("open_data", args=[name])
        files.append(PublishedFile(name, label, url, hashlib.sha256(content).hexdigest()))
    return files


def open_data_view(request, page, name):
    if name not in FILES or not page.is_over():
        raise Http404
    build, content_type, _label = FILES[name]
    response = HttpResponse(build(VoteData(page)), content_type=content_type)
    # Wagtail's page paths take no dots: the route says "karty-csv", the file is "karty.csv".
    filename = "glosowanie-{}-{}".format(page.edition.year, name.replace("-", "."))
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
