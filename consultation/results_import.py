"""Vote counts of a budget edition imported from a CSV file (the admin views: `results_admin`), the results
per pool, and the projects' final statuses set from it. A file with any bad row is refused whole,
with every bad row reported; a good one is saved in one transaction and logged on the edition."""

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.models import get_serializable_data_for_fields
from wagtail.log_actions import log
from wagtail.models import Revision

from home.page_cache import invalidate_content

from .choices import ProposalStatus
from .models import BudgetProjectPage, ProjectStatusChange
from .results import VOTED_STATUSES

MAX_BYTES = 2 * 1024 * 1024
MAX_VOTES = 2_147_483_647  # the largest value the vote columns hold
MAX_REPORTED = 1000
BINARY = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DIGITS = re.compile(r"[0-9]+")
SPACES = re.compile(r"[\s\u00a0\u202f']")
COLUMNS = {
    "number": gettext_lazy("numer projektu"),
    "online": gettext_lazy("głosy internetowe"),
    "paper": gettext_lazy("głosy papierowe"),
}
# Statuses the outcome of the vote may still change; later ones (in progress, implemented) stay.
MARKABLE = frozenset({ProposalStatus.ON_BALLOT, ProposalStatus.SELECTED, ProposalStatus.NOT_SELECTED})
IMPORT_ACTION = "consultation.budget.votes_import"
MARK_ACTION = "consultation.budget.outcomes"


# --- reading the file -----------------------------------------------------------------------------


@dataclass
class BadRow:
    line: int | None
    message: str


@dataclass
class VoteFile:
    rows: list = field(default_factory=list)  # (project, votes online, votes on paper)
    errors: list = field(default_factory=list)

    @property
    def reported_errors(self):
        return self.errors[:MAX_REPORTED]

    @property
    def unreported_count(self):
        return max(0, len(self.errors) - MAX_REPORTED)


def read_vote_file(edition, raw):
    """Every project's votes from the file, or every bad row of it."""
    result = VoteFile()
    text = decode(raw, result)
    if text is None:
        return result
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if header_line.count(";") >= header_line.count(",") and ";" in header_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    projects = {project.number: project for project in BudgetProjectPage.objects.child_of(edition)}
    seen = {}
    columns = None
    line = 1  # where the row being read starts; a quoted cell may span lines
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if columns is None:
                    columns = header_columns(cells, line, result)
                    if columns is None:
                        return result
                else:
                    read_row(cells, line, columns, edition, projects, seen, result)
            line = reader.line_num + 1
    except csv.Error:
        result.errors.append(
            BadRow(
                line,
                _(
                    "wiersza nie da się odczytać (niedomknięty cudzysłów lub zbyt długie pole); "
                    "dalszej części pliku nie sprawdzono"
                ),
            )
        )
    if not result.rows and not result.errors:
        empty = _("Plik nie zawiera żadnego wiersza z głosami.") if columns else _("Plik jest pusty.")
        result.errors.append(BadRow(None, empty))
    return result


def decode(raw, result):
    if not raw.strip():
        result.errors.append(BadRow(None, _("Plik jest pusty.")))
        return None
    if BINARY.search(raw):
        result.errors.append(
            BadRow(
                None,
                _(
                    "To nie jest plik CSV: zawiera znaki binarne. Zapisz arkusz jako „CSV (rozdzielany średnikami)”."
                ),
            )
        )
        return None
    raw = raw.removeprefix(codecs.BOM_UTF8)
    for encoding in ("utf-8", "cp1250"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    result.errors.append(BadRow(None, _("Nie rozpoznano kodowania znaków. Zapisz plik jako „CSV UTF-8”.")))
    return None


def normalized(text):
    """A header cell compared without case, extra spaces or Polish letters ("Glosy  internetowe")."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.lower().split())


def header_columns(cells, line, result):
    positions = {normalized(cell): index for index, cell in reversed(list(enumerate(cells)))}
    columns, missing = {}, []
    for key, label in COLUMNS.items():
        index = positions.get(normalized(str(label)))
        if index is None:
            missing.append(f"„{label}”")
        columns[key] = index
    if missing:
        result.errors.append(
            BadRow(
                line,
                _("w nagłówku brak kolumn: %(missing)s. Pierwszy wiersz musi mieć nazwy kolumn: %(all)s.")
                % {
                    "missing": ", ".join(missing),
                    "all": ", ".join(f"„{label}”" for label in COLUMNS.values()),
                },
            )
        )
        return None
    return columns


def read_row(cells, line, columns, edition, projects, seen, result):
    values = {}
    for key, index in columns.items():
        value, error = whole_number(cells[index] if index < len(cells) else None, COLUMNS[key])
        if error:
            result.errors.append(BadRow(line, error))
        values[key] = value
    number = values["number"]
    if number is None:
        return
    project = projects.get(number)
    if project is None:
        error = _("w edycji %(year)s nie ma projektu nr %(number)s") % {
            "year": edition.year,
            "number": number,
        }
    elif project.status not in VOTED_STATUSES:
        error = _(
            "projekt nr %(number)s („%(title)s”) nie był na liście do głosowania (status: %(status)s)"
        ) % {
            "number": number,
            "title": project.title,
            "status": project.get_status_display(),
        }
    elif number in seen:
        error = _("projekt nr %(number)s był już w wierszu %(line)s") % {
            "number": number,
            "line": seen[number],
        }
    else:
        error = None
        seen[number] = line
    if error:
        result.errors.append(BadRow(line, error))
    elif values["online"] is not None and values["paper"] is not None:
        result.rows.append((project, values["online"], values["paper"]))


def whole_number(value, label):
    """(the number, None) or (None, what is wrong) for one cell; "1 234" is read as 1234."""
    if value is None:
        return None, _("brak kolumny „%(column)s”") % {"column": label}
    compact = SPACES.sub("", value)
    if not compact:
        return None, _("puste pole „%(column)s”") % {"column": label}
    shown = Truncator(value.strip()).chars(30)
    if compact.startswith("-") and DIGITS.fullmatch(compact[1:]):
        return None, _("„%(column)s”: liczba nie może być ujemna (%(value)s)") % {
            "column": label,
            "value": shown,
        }
    if not DIGITS.fullmatch(compact):
        return None, _("„%(column)s”: „%(value)s” to nie jest liczba całkowita") % {
            "column": label,
            "value": shown,
        }
    if len(compact) > 10 or int(compact) > MAX_VOTES:
        return None, _("„%(column)s”: liczba %(value)s jest za duża") % {"column": label, "value": shown}
    return int(compact), None


# --- saving ---------------------------------------------------------------------------------------


def update_projects(changes):
    """Sets fields of project pages in the database and in each page's latest revision, so the page
    editor shows the new values and a later publish does not bring back the old ones.
    `changes` maps a project's pk to {field: value}; a value that is a list is appended to the
    revision's list of that child relation (the rows themselves are already saved)."""
    for pk, fields in changes.items():
        columns = {name: value for name, value in fields.items() if not isinstance(value, list)}
        BudgetProjectPage.objects.filter(pk=pk).update(**columns)
    revision_ids = BudgetProjectPage.objects.filter(pk__in=changes, latest_revision__isnull=False).values(
        "latest_revision"
    )
    revisions = list(Revision.objects.filter(pk__in=revision_ids))
    for revision in revisions:
        for name, value in changes[int(revision.object_id)].items():
            if isinstance(value, list):
                revision.content[name] = revision.content.get(name, []) + [
                    get_serializable_data_for_fields(row) for row in value
                ]
            else:
                revision.content[name] = value
    Revision.objects.bulk_update(revisions, ["content"])
    invalidate_content()


@transaction.atomic
def save_votes(edition, vote_file, user, filename):
    update_projects(
        {
            project.pk: {"votes_online": online, "votes_paper": paper}
            for project, online, paper in vote_file.rows
        }
    )
    log(
        instance=edition,
        action=IMPORT_ACTION,
        user=user,
        data={
            "file": Truncator(filename).chars(100),
            "projects": len(vote_file.rows),
            "online": sum(online for _project, online, _paper in vote_file.rows),
            "paper": sum(paper for _project, _online, paper in vote_file.rows),
        },
    )


@transaction.atomic
def mark_outcomes(edition, results, user):
    """Selected or not selected for every voted project whose status the vote still decides; each
    change is added to the project's status history. Returns how many projects changed."""
    today = timezone.localdate()
    note = _("Wyniki głosowania")
    changes = {}
    for pool in results:
        for row in pool.rows:
            status = ProposalStatus.SELECTED if row.selected else ProposalStatus.NOT_SELECTED
            if row.project.status in MARKABLE and row.project.status != status:
                history = ProjectStatusChange.objects.create(
                    project=row.project,
                    date=today,
                    status=status,
                    note=note,
                    sort_order=row.project.status_changes.count(),
                )
                changes[row.project.pk] = {"status": status.value, "status_changes": [history]}
    update_projects(changes)
    selected = sum(1 for change in changes.values() if change["status"] == ProposalStatus.SELECTED)
    log(
        instance=edition,
        action=MARK_ACTION,
        user=user,
        data={"selected": selected, "not_selected": len(changes) - selected},
    )
    return len(changes)


def import_log_message(data):
    return _(
        "Wczytano głosy z pliku „%(file)s”, liczba projektów: %(projects)s "
        "(głosy internetowe: %(online)s, papierowe: %(paper)s)"
    ) % {
        "projects": data.get("projects", "?"),
        "file": data.get("file", ""),
        "online": data.get("online", "?"),
        "paper": data.get("paper", "?"),
    }


def mark_log_message(data):
    return _(
        "Zapisano wyniki głosowania w statusach projektów (wybrane: %(selected)s, niewybrane: %(not_selected)s)"
    ) % {
        "selected": data.get("selected", "?"),
        "not_selected": data.get("not_selected", "?"),
    }
