"""The database gone for a few seconds under load: gunicorn with production settings answers the
Polish 503 page (never a 500, never a hang), `/health/` names the database, and the site serves
again by itself within seconds of the database coming back, with the connections its workers keep
(`CONN_MAX_AGE`), without a restart. The same test on both databases, each losing it its own way:

- PostgreSQL: the machine's server is never stopped; gunicorn reaches the test database through a
  TCP proxy on 127.0.0.1 that the test cuts (every connection dropped, new ones closed at once) and
  restores.
- SQLite: gunicorn serves a file copy of the test database, and the test's own process takes the
  file's exclusive lock (what restoring a backup into it with `sqlite3 … ".restore …"` or a VACUUM
  does) and lets go. There is no connection to lose: a worker's open file is still read when the
  file is moved or its permissions change, so a lock is what takes the database away from a running
  site. Every query then fails with "database is locked" after the busy timeout, 1 s in the test's
  settings (tests/faults_settings.py; production waits 20 s, so there a resident waits that long
  for the 503 page)."""

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.db import connection

from tests.fault_servers import CuttableProxy, SqliteLock, closed_port

# One test: a transactional test empties the database when it ends (Wagtail's root page included).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

UNAVAILABLE = "Serwis jest chwilowo niedostępny"
PATHS = ["/", "/o-budzecie/", "/o-budzecie/harmonogram/"]


@dataclass
class Outage:
    """How gunicorn reaches the test database (`url`), what cuts and restores it (`breaker`), and
    what of it a resident must never see on the 503 page (`hidden`)."""

    url: str
    breaker: CuttableProxy | SqliteLock
    hidden: tuple[str, ...]


def proxied_database_url(proxy):
    database = connection.settings_dict
    credentials = quote(database["USER"]) + (
        f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else ""
    )
    return f"postgres://{credentials}@127.0.0.1:{proxy.port}/{quote(database['NAME'])}"


@pytest.fixture
def outage(own_connections, site_tree):
    """On SQLite `own_connections` has put the test database in a file, the site tree in it."""
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        proxy = CuttableProxy(database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432))
        outage = Outage(proxied_database_url(proxy), proxy, (str(database["PORT"] or 5432), "127.0.0.1"))
    else:
        outage = Outage(
            f"sqlite:///{database['NAME']}", SqliteLock(database["NAME"]), (database["NAME"], "locked")
        )
    yield outage
    outage.breaker.close()


@pytest.fixture
def server(outage, tmp_path):
    """gunicorn (sosnowiec_bo/gunicorn.conf.py, 2 workers) on production settings, on `outage.url`."""
    port = closed_port()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="tests.faults_settings",
        SECRET_KEY="faults-only-not-a-secret",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=outage.url,
        PAGE_CACHE_SECONDS="0",
        SITE_URL=django_settings.SITE_URL,
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="2",
        LOG_LEVEL="WARNING",
    )
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "sosnowiec_bo/gunicorn.conf.py"],
        cwd=django_settings.BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        while fetch(port, "/health/", timeout=5)[0] != 200:
            assert process.poll() is None, (tmp_path / "gunicorn.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.3)
        for path in PATHS:
            assert fetch(port, path, timeout=30)[0] == 200, path
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def fetch(port, path, timeout=10):
    """(status, headers, body), or (None, None, the error) when there is no answer in `timeout`."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        client.request("GET", path, headers={"Host": "127.0.0.1"})
        response = client.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    except OSError as error:
        return None, None, repr(error)
    finally:
        client.close()


class Load:
    """A few visitors requesting pages one after another, each answer kept with its start and end."""

    def __init__(self, port, visitors=3):
        self.port = port
        self.answers = []
        self.running = True
        self.threads = [threading.Thread(target=self.visit, args=(n,)) for n in range(visitors)]

    def visit(self, number):
        while self.running:
            started = time.monotonic()
            status, headers, body = fetch(self.port, PATHS[number % len(PATHS)])
            self.answers.append((started, time.monotonic(), status, headers, body))
            time.sleep(0.05)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=30)

    def between(self, start, end):
        return [answer for answer in self.answers if answer[0] >= start and answer[1] <= end]


def wait_until(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.1)


def test_database_gone_under_load_gives_the_polish_503_and_the_site_recovers_by_itself(server, outage):
    with Load(server) as load:
        wait_until(lambda: len(load.answers) >= 6)
        cutting_at = time.monotonic()
        outage.breaker.cut()
        cut_at = time.monotonic()
        wait_until(lambda: len(load.between(cut_at + 0.2, time.monotonic())) >= 6)
        health_status, _headers, health_body = fetch(server, "/health/")
        restored_at = time.monotonic()
        outage.breaker.restore()
        wait_until(lambda: len(load.between(restored_at + 3, time.monotonic())) >= 6)

    statuses = {answer[2] for answer in load.answers}
    assert statuses <= {200, 503}, [answer[4][:300] for answer in load.answers if answer[2] not in (200, 503)]

    before = load.between(0, cutting_at)
    assert before and all(answer[2] == 200 for answer in before)

    during = load.between(cut_at + 0.2, restored_at)
    assert len(during) >= 6
    for _started, _ended, status, headers, body in during:
        assert status == 503
        assert UNAVAILABLE in body
        assert '<html lang="pl">' in body
        assert headers["Retry-After"] == "30"
        assert not [detail for detail in outage.hidden if detail in body]

    assert health_status == 503
    assert "database" in json.loads(health_body)["failed"]

    after = [answer for answer in load.answers if answer[0] >= restored_at]
    first_served = min(answer[1] for answer in after if answer[2] == 200)
    assert first_served - restored_at < 3
    assert all(answer[2] == 200 for answer in load.between(restored_at + 3, time.monotonic()))
    assert fetch(server, "/health/")[0] == 200
