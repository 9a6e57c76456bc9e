"""When the database does not answer, residents get a Polish "try again shortly" page with 503 and
`Retry-After` instead of a server error, and the site serves again as soon as it is back."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import InterfaceError, OperationalError
from django.test import Client

from home.models import HomePage


@pytest.fixture
def failing_database(monkeypatch):
    """Every page fails as when the database server is down; `restore()` brings it back."""

    def refuse(self, request, *args, **kwargs):
        raise OperationalError("connection to server at 10.0.0.5 failed: Connection refused")

    monkeypatch.setattr(HomePage, "serve", refuse)
    return monkeypatch


def visit(path="/", **kwargs):
    return Client(raise_request_exception=False).get(path, **kwargs)


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "Serwis jest chwilowo niedostępny" in response.text
    assert "Spróbuj ponownie za kilka minut" in response.text
    assert '<html lang="pl">' in response.text
    assert "10.0.0.5" not in response.text


def test_unreachable_database_shows_the_polish_503_page(site_tree, failing_database):
    assert_unavailable_page(visit("/"))


def test_site_serves_again_when_the_database_is_back(site_tree, failing_database):
    assert visit("/").status_code == 503

    failing_database.undo()
    response = visit("/")

    assert response.status_code == 200
    assert "O budżecie" in response.text


def test_dropped_connection_in_a_middleware_shows_the_503_page(site_tree, client, admin_user, monkeypatch):
    client.force_login(admin_user)

    def dropped(self):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(SessionStore, "load", dropped)
    response = visit("/", headers={"cookie": f"sessionid={client.cookies['sessionid'].value}"})

    assert_unavailable_page(response)


def test_other_errors_still_show_the_500_page(site_tree, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise ValueError("awaria")

    monkeypatch.setattr(HomePage, "serve", broken)
    response = visit("/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Przepraszamy, wystąpił błąd serwera" in response.text
