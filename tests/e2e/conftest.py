"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server, on the
demo site built by `load_demo_content`. One browser for all of them; a fresh context per test."""

import re
from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections

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
def _migrated_data_restored(django_db_setup, django_db_blocker):
    """Transactional tests leave the database empty. Put back what the migrations created (Wagtail's
    root page, the default locale and site) once they are done, so a reused test database
    (`--reuse-db`) still works for the tests that run next."""
    yield
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        with django_db_blocker.unblock():
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="package")
def browser(_migrated_data_restored):
    """One chromium for the browser tests, closed after the last of them so the tests that run later
    see neither its event loop nor the environment variable it needs."""
    if not CHROMIUM.exists():
        pytest.fail(f"The browser tests need {CHROMIUM}: run `make browser` (or apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections
    }
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's sync API keeps an event loop running in this thread; the ORM calls that the
        # tests and pytest-django make between browser steps are still plain synchronous calls.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # While that loop runs, Django keeps its connections in a separate, per-context store, so
        # the tests get fresh connection objects. Hand them the migrated data that pytest-django
        # serialised, or `serialized_rollback` has nothing to restore before each test.
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()


@pytest.fixture
def demo_site(browser, live_server):
    """The live server's base URL, serving the Polish demo site."""
    call_command("load_demo_content", "--quiet-accounts", stdout=StringIO())
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
