"""Real concurrency in tests: many threads, each with its own database connection, against a threaded
live server, on PostgreSQL and on SQLite alike.

PostgreSQL: every thread opens its own connection to the test database, as in production.

SQLite: the test database is in memory, and pytest-django's live server hands its one connection to
every request thread; transactions of fifty threads would interleave inside that one connection, and
two could never really overlap. So for a test that asks for `own_connections`, the test database is
copied to a file (sqlite3's backup API) and every thread (the test's, the server's request threads,
worker threads) opens its own connection to that file, with the project's SQLite options and a busy
timeout of SQLITE_BUSY_SECONDS: writers queue for SQLite's one write lock as they do on a laptop
running `make run`. The in-memory database is left as it was.
"""

import http.cookiejar
import re
import sqlite3
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.testcases import LiveServerThread

SQLITE_BUSY_SECONDS = 60
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN_RE = re.compile(r'name="form_token"[^>]*? value="([^"]+)"')


@pytest.fixture
def own_connections(transactional_db, tmp_path):
    """Each thread gets its own connection to a database that all of them share (see above)."""
    memory = connections[DEFAULT_DB_ALIAS]
    if memory.vendor != "sqlite" or not memory.is_in_memory_db():
        yield
        return
    original = connections.settings[DEFAULT_DB_ALIAS]
    path = tmp_path / "live.sqlite3"
    memory.ensure_connection()
    with sqlite3.connect(path) as copy:
        memory.connection.backup(copy)
    copy.close()
    options = {**original.get("OPTIONS", {}), "timeout": SQLITE_BUSY_SECONDS}
    connections.settings[DEFAULT_DB_ALIAS] = {**original, "NAME": str(path), "OPTIONS": options}
    connections[DEFAULT_DB_ALIAS] = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS].close()
        connections.settings[DEFAULT_DB_ALIAS] = original
        connections[DEFAULT_DB_ALIAS] = memory


class BusyWSGIServer(ThreadedWSGIServer):
    # Room for every thread's connection at once (socketserver's default queue is 5, Django's 10).
    request_queue_size = 128


class ServerThread(LiveServerThread):
    server_class = BusyWSGIServer


@pytest.fixture
def threaded_server(own_connections):
    """The site served by Django's threaded live server, one thread and one database connection
    per request; its base URL."""
    thread = ServerThread("127.0.0.1", StaticFilesHandler, connections_override={})
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One browser: its own cookies (CSRF, the form's browser id, messages), plain HTTP."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect
        )

    def request(self, path, data=None):
        """(status, body) of a GET, or of a POST when data is given; redirects are not followed."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base_url + path, data=body, timeout=120) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def form_tokens(self, path):
        """The CSRF token and the form's one-time token of the form at `path`."""
        status, html = self.request(path)
        assert status == 200, html[:500]
        return {
            "csrfmiddlewaretoken": CSRF_RE.search(html).group(1),
            "form_token": FORM_TOKEN_RE.search(html).group(1),
        }


def in_threads(count, work):
    """`work(n)` for n in range(count), each in its own thread, all started together; the results.
    Each thread's database connection is closed when its work ends."""

    def run(n):
        try:
            return work(n)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))
