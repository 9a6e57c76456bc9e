"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server, on the
demo site built by `load_demo_content`. One browser for all of them; a fresh context per test.

The demo is built once: its database is copied (`DemoSnapshot`) and put back before every test, so
each test starts from the same demo whatever the tests before it wrote, at a fraction of the cost of
building it again."""

import re
import sqlite3
from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections, transaction

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {
    "mobile": {"width": 360, "height": 800},
    "desktop": {"width": 1280, "height": 900},
}
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def migrated_data(django_db_setup):
    """What the migrations created (Wagtail's root page, the default locale and site), as
    pytest-django serialised it before Playwright's event loop gave the tests other connections."""
    return getattr(connection, "_test_serialized_contents", None)


@pytest.fixture(scope="package")
def browser(migrated_data):
    """One chromium for the browser tests, closed after the last of them so the tests that run later
    see neither its event loop nor the environment variable it needs."""
    if not CHROMIUM.exists():
        pytest.fail(f"The browser tests need {CHROMIUM}: run `make browser` (or apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's sync API keeps an event loop running in this thread; the ORM calls that the
        # tests and pytest-django make between browser steps are still plain synchronous calls.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # While that loop runs, Django keeps its connections in a separate, per-context store, so
        # the tests get fresh connection objects. Every test starts from the demo snapshot
        # (`demo_database`), which holds the migrated data too: an empty serialisation leaves
        # `serialized_rollback` nothing to load before a test and keeps its flush after one
        # without the post-migrate signal (content types and permissions return with the snapshot).
        for alias in connections:
            connections[alias]._test_serialized_contents = "[]"
            if connections[alias].vendor == "postgresql":
                patch.setattr(connections[alias].ops, "sql_flush", deleting_flush(connections[alias].ops))
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()


def deleting_flush(ops):
    """`ops.sql_flush` emptying the tables with DELETE. On PostgreSQL, Django's flush is a TRUNCATE
    of every table, which costs seconds on each test (PostgreSQL drops and recreates the files of a
    hundred tables and their indexes); the demo's few thousand rows are deleted in a fraction of
    that. Django's foreign keys are checked at commit, so the order of the tables does not matter."""

    def sql_flush(style, tables, *, reset_sequences=False, allow_cascade=False):
        sql = [f"DELETE FROM {ops.quote_name(table)}" for table in tables]
        if reset_sequences:
            sql += ops.sequence_reset_by_name_sql(style, ops.connection.introspection.sequence_list())
        return sql

    return sql_flush


class DemoSnapshot:
    """A copy of the database as `load_demo_content` leaves it, put back with `restore()`.

    PostgreSQL: the tables are copied into a schema of their own (`CREATE TABLE ... AS TABLE`) and
    copied back in one transaction, after the rows there are deleted; the sequences get back the
    values they had. SQLite: sqlite3's backup API copies the whole database, full-text index
    included, to memory and back."""

    SCHEMA = "e2e_demo_snapshot"

    def __init__(self, connection):
        self.connection = connection
        self.tables = sorted(connection.introspection.django_table_names(only_existing=True))
        if connection.vendor == "postgresql":
            self._copy_to_schema()
        else:
            connection.ensure_connection()
            self.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copy)

    def _copy_to_schema(self):
        quote = self.connection.ops.quote_name
        with self.connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE; CREATE SCHEMA {self.SCHEMA}")
            self.filled = []
            for table in self.tables:
                cursor.execute(f"CREATE TABLE {self.SCHEMA}.{quote(table)} AS TABLE {quote(table)}")
                if cursor.rowcount:
                    self.filled.append(table)
            cursor.execute(
                "SELECT format('%I.%I', schemaname, sequencename), coalesce(last_value, start_value), "
                "last_value IS NOT NULL FROM pg_sequences WHERE schemaname = current_schema()"
            )
            self.sequences = [list(column) for column in zip(*cursor.fetchall(), strict=True)] or [[], [], []]

    def restore(self):
        if self.connection.vendor != "postgresql":
            self.connection.ensure_connection()
            self.copy.backup(self.connection.connection)
            return
        quote = self.connection.ops.quote_name
        statements = [f"DELETE FROM {quote(table)}" for table in self.tables]
        statements += [
            f"INSERT INTO {quote(table)} SELECT * FROM {self.SCHEMA}.{quote(table)}" for table in self.filled
        ]
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            cursor.execute(";".join(statements))
            cursor.execute(
                "SELECT setval(name::regclass, value, called) "
                "FROM unnest(%s::text[], %s::bigint[], %s::boolean[]) AS s(name, value, called)",
                self.sequences,
            )

    def drop(self):
        if self.connection.vendor == "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE")
        else:
            self.copy.close()


@pytest.fixture(scope="package")
def _demo_snapshot(browser, migrated_data, django_db_blocker):
    """The demo built once, on the migrated data alone, and copied. Afterwards only the migrated
    data is left, so a reused test database (`--reuse-db`) still works for the tests that run next."""

    def migrated_data_alone():
        call_command(
            "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
        )
        if migrated_data:
            connection.creation.deserialize_db_from_string(migrated_data)

    with django_db_blocker.unblock():
        migrated_data_alone()
        call_command("load_demo_content", "--quiet-accounts", stdout=StringIO())
        snapshot = DemoSnapshot(connection)
        yield snapshot
        snapshot.drop()
        migrated_data_alone()


@pytest.fixture(autouse=True)
def demo_database(_demo_snapshot, transactional_db):
    """Every browser test starts from the demo as `load_demo_content` built it."""
    _demo_snapshot.restore()


@pytest.fixture
def demo_site(demo_database, live_server):
    """The live server's base URL, serving the Polish demo site."""
    return live_server.url


@pytest.fixture
def open_page(browser, demo_site):
    """`open_page(path, viewport="desktop", javascript=True)`: a new browser context at that size,
    the page loaded. Contexts close when the test ends."""
    contexts = []

    def _open(path, viewport="desktop", javascript=True):
        context = browser.new_context(
            base_url=demo_site,
            viewport=VIEWPORTS[viewport],
            java_script_enabled=javascript,
            locale="pl-PL",
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(path)
        return page

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    """`screenshot(page, name)` saves a full-page PNG under test-artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def _save(page, name):
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        page.screenshot(path=SCREENSHOTS / f"{slug}.png", full_page=True)

    return _save


@pytest.fixture
def resident_form(settings):
    """The resident form takes a submission at once: no minimum filling time, and the per-address
    rate limit starts from zero (the cache is local memory, shared with the live server's thread)."""
    from django.core.cache import cache

    settings.FORM_MIN_FILL_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


def axe_report(page, context=None):
    """axe-core's report of the page's WCAG violations; empty when there are none."""
    results = Axe().run(page, context=context)
    return results.generate_report() if results.violations_count else ""
