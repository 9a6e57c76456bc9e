"""Shared fixtures: the one site-tree builder (`site_tree`) and Wagtail's page assertions for pytest."""

from dataclasses import dataclass
from io import StringIO
from itertools import groupby

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize import synctree

from home.models import HomePage, StandardPage
from home.sites import site_location
from tests.factories import HomePageFactory, StandardPageFactory, heading_block, paragraph_block

pytest_plugins = [
    "tests.consultation_fixtures",
    "tests.budget_fixtures",
    "tests.voting_fixtures",
    "tests.form_fixtures",
    "tests.live_threads",
]


@dataclass
class SiteTree:
    """The small Polish site most tests start from:

    root
    └── home             HomePage, locale pl, root of the default Site (at settings.SITE_URL)
        ├── about        "O budżecie", shown in the main menu
        │   └── schedule "Harmonogram", below it
        └── privacy      "Polityka prywatności", not in the menu
    """

    root: Page
    site: Site
    home: HomePage
    about: StandardPage
    schedule: StandardPage
    privacy: StandardPage


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached site root paths and settings must not leak from one test's tree into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo site (`load_demo_content`) built once for a test module, in a transaction rolled back
    after its last test. Each test (`db`) runs in a savepoint of it, so what one test writes is
    gone before the next. Not for transactional tests, which would flush it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", "--quiet-accounts", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def database_order(item):
    """pytest-django's order (tests in a rolled-back transaction, then transactional tests, which
    leave the database flushed, then tests without the database), counting a test on `demo_content`
    alone as one that uses the database."""
    marker = item.get_closest_marker("django_db")
    fixtures = item.fixturenames
    if (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))) or (
        "transactional_db" in fixtures or "live_server" in fixtures
    ):
        return 1
    return 0 if marker or "db" in fixtures or "demo_content" in fixtures else 2


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """In the database order, and within each run of one module's tests the tests on
    `demo_content` last: a test without it must not find the module's demo site in its database."""
    items.sort(key=database_order)
    items[:] = [
        item
        for _module, run in groupby(items, key=lambda item: item.nodeid.split("::")[0])
        for item in sorted(run, key=lambda item: "demo_content" in item.fixturenames)
    ]


@pytest.fixture(autouse=True)
def _polish_tree_only(request, monkeypatch):
    """A page added in the admin gets no aliases under /en/ and /uk/ (wagtail-localize's
    synchronisation, home migration 0009) unless the test takes `synced_trees`: most tests read
    one Polish tree. The demo loader synchronises the trees itself."""
    if "synced_trees" not in request.fixturenames:
        monkeypatch.setattr(synctree, "create_aliases_for_new_page", lambda page: None)


@pytest.fixture
def synced_trees():
    """The English and Ukrainian trees follow the Polish one, as on the site."""


@pytest.fixture
def site_tree(db):
    root = Page.get_first_root_node()
    # Wagtail's initial migration leaves a "Welcome" page (slug "home") with the default Site on it;
    # deleting it deletes that Site too.
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root)
    hostname, port = site_location()
    site = Site.objects.create(
        hostname=hostname,
        port=port,
        root_page=home,
        is_default_site=True,
        site_name="Budżet Obywatelski Sosnowiec",
    )
    about = StandardPageFactory(
        parent=home,
        title="O budżecie",
        slug="o-budzecie",
        show_in_menus=True,
        lead="Czym jest budżet obywatelski.",
        body=[heading_block("Skąd wziął się ten serwis"), paragraph_block("Platformę przygotowało miasto.")],
    )
    schedule = StandardPageFactory(parent=about, title="Harmonogram", slug="harmonogram")
    privacy = StandardPageFactory(parent=home, title="Polityka prywatności", slug="polityka-prywatnosci")
    return SiteTree(root=root, site=site, home=home, about=about, schedule=schedule, privacy=privacy)


class _PageAssertions(WagtailPageTestCase):
    """Wagtail's page-type assertions, driven from pytest functions rather than a TestCase run."""

    def runTest(self):  # unittest needs a test method to build an instance; never collected
        pass


@pytest.fixture
def page_assertions(client, db):
    """`assertCanCreateAt`, `assertCanCreate`, `assertPageIsEditable`... on pytest's test client.
    `assertCanCreate` needs a logged-in editor on that client (e.g. `client.force_login(admin_user)`)."""
    assertions = _PageAssertions()
    assertions.client = client
    return assertions
