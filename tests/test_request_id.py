"""Every answer carries a request id (the proxy's `X-Request-ID` when it is a plain token, a new
one otherwise) and every log line of that request names it, as one JSON object a line."""

import io
import json
import logging
import re

import pytest
from django.db import connection
from django.test import Client
from gunicorn.glogging import SafeAtoms

from home.logs import JsonFormatter, RequestIdFilter
from tests.test_health import refuse_connection

pytestmark = pytest.mark.django_db

NEW_ID = re.compile(r"[0-9a-f]{32}")


def request_id(sent=None):
    headers = {"X-Request-ID": sent} if sent is not None else {}
    return Client().get("/health/", headers=headers)["X-Request-ID"]


@pytest.mark.parametrize(
    "sent", ["4bf92f3577b34da6a3ce929d0e0e4736", "req-2026.11.26:node1", "Root=1-5759e988-bd862e3fe1be46a9"]
)
def test_proxy_request_id_is_echoed(sent):
    assert request_id(sent) == sent


@pytest.mark.parametrize(
    "sent",
    [
        "",
        "a" * 129,
        "abc\nX-Injected: yes",
        "abc\r\n",
        "żółw-ідентифікатор",
        "<script>alert(1)</script>",
        "id with spaces",
        "' OR 1=1 --",
    ],
)
def test_hostile_request_id_is_replaced_by_a_new_one(sent):
    assert NEW_ID.fullmatch(request_id(sent))


def test_each_request_without_an_id_gets_its_own():
    first, second = request_id(), request_id()

    assert NEW_ID.fullmatch(first) and NEW_ID.fullmatch(second)
    assert first != second


@pytest.fixture
def json_log():
    """What the application logs, formatted as production writes it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger()
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_log_records_of_a_request_are_json_with_its_id(json_log, monkeypatch):
    monkeypatch.setattr(connection, "cursor", refuse_connection)
    Client().get("/health/", headers={"X-Request-ID": "trace-42"})

    records = [record for record in json_log() if record["logger"] == "home.health"]
    assert records
    assert {record["request_id"] for record in records} == {"trace-42"}
    assert records[0]["level"] == "WARNING"
    assert "database" in records[0]["message"]


def test_djangos_line_about_a_missing_page_carries_the_request_id(json_log):
    Client().get("/nie-ma-takiej-strony/", headers={"X-Request-ID": "trace-404"})

    [record] = [record for record in json_log() if record["logger"] == "django.request"]
    assert record["request_id"] == "trace-404"
    assert record["status"] == 404
    assert record["message"] == "Not Found: /nie-ma-takiej-strony/"


def test_log_records_outside_a_request_have_no_id(json_log):
    Client().get("/health/", headers={"X-Request-ID": "trace-earlier"})
    logging.getLogger("home.tasks").warning("Zadanie „wyślij e-mail” nie powiodło się")

    [record] = [record for record in json_log() if record["logger"] == "home.tasks"]
    assert record["request_id"] == "-"
    assert record["message"] == "Zadanie „wyślij e-mail” nie powiodło się"


def test_exceptions_are_logged_as_one_json_line(json_log):
    try:
        raise ValueError('zły "cudzysłów"\nw dwóch liniach')
    except ValueError:
        logging.getLogger("home").exception("Błąd")

    [record] = [record for record in json_log() if record["logger"] == "home"]
    assert 'ValueError: zły "cudzysłów"' in record["exception"]


def test_gunicorn_access_lines_are_json_with_the_answers_request_id():
    atoms = SafeAtoms(
        {
            "m": "GET",
            "U": "/szukaj/",
            "s": "200",
            "B": 5120,
            "M": 42,
            "h": "10.0.0.7",
            "a": 'Mozilla/5.0 "quoted"',
            "{x-request-id}o": "trace-42",
            "q": "q=pesel+12345678901",
        }
    )
    record = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, "%(h)s %(r)s", (atoms,), None)

    line = JsonFormatter().format(record)

    entry = json.loads(line)
    assert "\n" not in line
    assert entry["request_id"] == "trace-42"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/szukaj/", 200)
    assert entry["duration_ms"] == 42
    assert entry["user_agent"] == 'Mozilla/5.0 "quoted"'
    assert "pesel" not in line
