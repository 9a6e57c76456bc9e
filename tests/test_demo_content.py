"""`load_demo_content`: safe to run twice, the roles it sets up, and refused outside dev settings."""

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from wagtail.models import Page, Site

from home.demo_content import DEMO_ACCOUNTS, EDITORS, MODERATORS, TRANSLATORS
from home.models import HomePage, StandardPage

PASSWORDS = {username: password for username, password, *_ in DEMO_ACCOUNTS}


def load_demo_content():
    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture
def demo_site(demo_content, db):
    return HomePage.objects.get(slug="home")


def log_in(client, username):
    # django-axes counts every login against its request (the admin's login form passes its own).
    request = RequestFactory().post("/admin/login/")
    assert client.login(request=request, username=username, password=PASSWORDS[username])
    return client


def test_load_demo_content_twice_creates_no_duplicates(demo_content, db):
    first = (Page.objects.count(), get_user_model().objects.count(), Group.objects.count())

    load_demo_content()

    assert (Page.objects.count(), get_user_model().objects.count(), Group.objects.count()) == first
    # each language tree (Polish pages, their English and Ukrainian aliases) once
    slugs = Counter(Page.objects.exclude(depth=1).values_list("locale__language_code", "slug"))
    assert [slug for slug, count in slugs.items() if count > 1] == []
    assert slugs[("en", "przyjety-model")] == slugs[("uk", "przyjety-model")] == 1
    assert slugs[("en", "about-the-budget")] == slugs[("uk", "pro-biudzhet")] == 1


def test_load_demo_content_replaces_the_welcome_page_with_the_home_page(demo_content, db, client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    response = client.get("/")
    assert response.status_code == 200
    assert "Budżet Obywatelski w Sosnowcu" in response.text


def test_demo_home_page_call_to_action_links_to_a_page(demo_site, client):
    response = client.get("/")

    assert 'href="/przyjety-model/"' in response.text


def test_demo_groups_exist_with_their_accounts(demo_site):
    editors = Group.objects.get(name=EDITORS)
    moderators = Group.objects.get(name=MODERATORS)

    assert editors.user_set.filter(username="redaktor").exists()
    assert moderators.user_set.filter(username="moderator").exists()
    assert Group.objects.get(name=TRANSLATORS).user_set.filter(username="tlumacz").exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


@pytest.mark.parametrize("username", ["redaktor", "moderator"])
def test_demo_editor_and_moderator_can_open_the_admin(demo_site, client, username):
    response = log_in(client, username).get("/admin/")

    assert response.status_code == 200


def test_demo_editor_can_edit_and_publish_pages(demo_site, client):
    page = StandardPage.objects.get(slug="o-budzecie", locale__language_code="pl")
    editor = get_user_model().objects.get(username="redaktor")

    response = log_in(client, "redaktor").get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    permissions = page.permissions_for_user(editor)
    assert permissions.can_edit()
    assert permissions.can_publish()
    assert demo_site.permissions_for_user(editor).can_add_subpage()


def test_demo_moderator_cannot_open_the_page_editor(demo_site, client):
    page = StandardPage.objects.get(slug="o-budzecie", locale__language_code="pl")
    moderator = get_user_model().objects.get(username="moderator")

    response = log_in(client, "moderator").get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not page.permissions_for_user(moderator).can_edit()
    assert not page.permissions_for_user(moderator).can_publish()


def test_load_demo_content_is_refused_when_not_allowed(db, settings):
    settings.DEMO_CONTENT_ALLOWED = False

    with pytest.raises(CommandError, match="refused"):
        load_demo_content()

    assert not HomePage.objects.exists()
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.parametrize(
    "username, inbox, privacy_notices",
    [("redaktor", 302, 200), ("moderator", 200, 302)],
)
def test_demo_roles_reach_only_their_admin_screens(demo_site, client, username, inbox, privacy_notices):
    log_in(client, username)
    assert client.get("/admin/inbox/").status_code == inbox
    assert client.get("/admin/snippets/consultation/privacynotice/").status_code == privacy_notices
