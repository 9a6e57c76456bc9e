"""Shared fixtures: the one site-tree builder (`site_tree`), the demo and the pages most tests start
from built once for many tests (`SharedDemo`, `SharedPages`), and Wagtail's page assertions for pytest."""

import copy
import functools
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
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


class SharedBuild:
    """Rows built once for several tests, in a transaction that stays open while those tests run
    one after another, each in a savepoint of it, and is rolled back after the last of them."""

    def __init__(self):
        self.atomic = None
        self.blocker = None

    def begin(self, blocker, build):
        """`build()` in a new transaction; what it returns."""
        # The database stays unblocked while the build is open, as it was for a module's tests.
        blocker.unblock()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.blocker = blocker
        try:
            return build()
        except BaseException:
            self.close()
            raise

    def close(self):
        if self.atomic is None:
            return
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)
        self.atomic = None
        self.blocker.restore()


class SharedDemo(SharedBuild):
    """The demo site (`load_demo_content`) built once per test process (`SharedBuild`): the tests on
    it run one after another (`pytest_collection_modifyitems` puts them together), so every test
    module finds the demo as the loader built it, as if built for that module alone.

    Building it costs tens of seconds; once for each module that used it, it was most of the suite."""

    def open(self, blocker):
        if self.atomic is None:
            self.begin(
                blocker, lambda: call_command("load_demo_content", "--quiet-accounts", stdout=StringIO())
            )


_shared_demo = SharedDemo()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo site (`SharedDemo`). Each test on it runs in a savepoint (`db`, which a test on the
    demo gets whether it asks for it or not), so what one test writes is gone before the next.
    Not for transactional tests, which would flush it."""
    _shared_demo.open(django_db_blocker)


@pytest.fixture(autouse=True)
def _demo_test_in_savepoint(request):
    if database_order(request.node) == 1:
        request.getfixturevalue("db")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """The shared demo (and the shared pages) are rolled back once the next test does not use them,
    after this test's fixtures (and its module's, if the next test is in another module) are torn
    down."""
    try:
        return (yield)
    finally:
        if nextitem is None or "demo_content" not in nextitem.fixturenames:
            _shared_demo.close()
        # A test that closed the connection (Django's request signals do inside a transaction)
        # took the shared pages with it: the next test builds them again.
        if (
            nextitem is None
            or shared_pages_key(nextitem) != _shared_pages.key
            or connection.closed_in_transaction
        ):
            _shared_pages.close()


def database_order(item):
    """pytest-django's order (tests in a rolled-back transaction, then transactional tests, which
    leave the database flushed, then tests without the database), with the tests on `demo_content`
    after all other tests in a rolled-back transaction, one run of them on the shared demo."""
    marker = item.get_closest_marker("django_db")
    fixtures = item.fixturenames
    if (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))) or (
        "transactional_db" in fixtures or "live_server" in fixtures
    ):
        return 2
    if "demo_content" in fixtures:
        return 1
    return 0 if marker or "db" in fixtures else 3


class SharedPages(SharedBuild):
    """The pages most tests start from (`site_tree`, `consultations`, `budget`, `voting`), built as
    the demo is (`SharedBuild`): once for a run of tests that take the same of them; each of those
    tests gets its own copy of the built objects (`shared_pages`), as Django's `setUpTestData` does.
    Building them costs more than most tests that take them."""

    def __init__(self):
        super().__init__()
        self.key = None
        self.values = None

    def open(self, key, blocker):
        if self.key == key:
            return
        self.close()
        self.values = self.begin(blocker, lambda: self.build(key))
        self.key = key

    @staticmethod
    def build(key):
        with pytest.MonkeyPatch.context() as patch:
            if "synced_trees" not in key:
                polish_tree_only(patch)
            values = {}
            for name, (build, needs) in shared_page_builders().items():
                if name in key:
                    values[name] = build(*(values[need] for need in needs))
            return values

    def close(self):
        super().close()
        self.key = self.values = None


_shared_pages = SharedPages()


def shared_pages_key(item):
    """The shared pages a test takes, in the order they are built (and whether it takes
    `synced_trees`, which they are built with); empty for a test that cannot run in a savepoint of
    them: a transactional one, one on the demo or on another build kept open for its module."""
    key = item.stash.get(_shared_pages_key, None)
    if key is None:
        key = item.stash[_shared_pages_key] = _shared_pages_key_of(item)
    return key


_shared_pages_key = pytest.StashKey[tuple]()


def _shared_pages_key_of(item):
    if database_order(item) != 0 or not hasattr(item, "_fixtureinfo"):
        return ()
    definitions = item._fixtureinfo.name2fixturedefs
    for name in item.fixturenames:
        definition = definitions.get(name, [None])[-1]
        if (
            definition is not None
            and definition.scope != "function"
            and not definition.func.__module__.startswith("pytest_django")
            and {"django_db_blocker", "django_db_setup"} & set(definition.argnames)
        ):
            return ()
    key = tuple(
        name
        for name, (build, _needs) in shared_page_builders().items()
        if name in item.fixturenames and definitions[name][-1].func.__module__ == build.__module__
    )
    if key and "synced_trees" in item.fixturenames:
        key += ("synced_trees",)
    return key


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """In the database order (pytest-xdist's `load` hands each worker its tests in this order), and
    within it the tests on the same shared pages one after another. Those tests set up
    `shared_pages` first, before the savepoint (`db`) that the others' fixtures may open."""
    keys = {}
    for item in items:
        if key := shared_pages_key(item):
            keys.setdefault(key, len(keys) + 1)
            item.fixturenames = [
                "shared_pages",
                *(name for name in item.fixturenames if name != "shared_pages"),
            ]
    items.sort(key=lambda item: (database_order(item), keys.get(shared_pages_key(item), 0)))


@pytest.fixture
def shared_pages(request, django_db_setup, django_db_blocker):
    """This test's copy of the shared pages it takes (`SharedPages`); empty if it builds its own."""
    key = shared_pages_key(request.node)
    if not key:
        return {}
    _shared_pages.open(key, django_db_blocker)
    return copy.deepcopy(_shared_pages.values)


@pytest.fixture(autouse=True)
def _polish_tree_only(request, monkeypatch):
    """A page added in the admin gets no aliases under /en/ and /uk/ (wagtail-localize's
    synchronisation, home migration 0009) unless the test takes `synced_trees`: most tests read
    one Polish tree. The demo loader synchronises the trees itself."""
    if "synced_trees" not in request.fixturenames:
        polish_tree_only(monkeypatch)


def polish_tree_only(monkeypatch):
    monkeypatch.setattr(synctree, "create_aliases_for_new_page", lambda page: None)


@pytest.fixture
def synced_trees():
    """The English and Ukrainian trees follow the Polish one, as on the site."""


def build_site_tree():
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


@pytest.fixture
def site_tree(db, shared_pages):
    return shared_pages.get("site_tree") or build_site_tree()


@functools.cache
def shared_page_builders():
    """The shared pages (`SharedPages`) in the order they are built: name, builder, the pages it
    needs. Imported here, once pytest has loaded the fixture modules as plugins."""
    from tests.budget_fixtures import build_budget
    from tests.consultation_fixtures import build_consultations
    from tests.voting_fixtures import build_voting

    return {
        "site_tree": (build_site_tree, ()),
        "consultations": (build_consultations, ("site_tree",)),
        "budget": (build_budget, ("site_tree",)),
        "voting": (build_voting, ("budget",)),
    }


@pytest.fixture
def fragment_cache_on(settings):
    """The fragment cache on and the page cache off: what a page renders is kept, whole pages are not."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture
def editor(client, admin_user):
    """The test client, logged in to the admin as a superuser."""
    client.force_login(admin_user)
    return client


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
