"""What residents see when something goes wrong: the Polish 404, 405 and 500 pages."""

import pytest
from django.test import Client

from consultation.builder import new_form_token
from consultation.models import Submission
from home.models import HomePage
from tests.consultation_fixtures import comment_data


def test_missing_page_answers_404_with_the_polish_page(client, site_tree):
    response = client.get("/nie-ma-takiej-strony/")

    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.text
    assert "Strona, której szukasz, nie istnieje albo została przeniesiona." in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    assert '<html lang="pl"' in response.text


@pytest.mark.django_db
def test_missing_page_answers_404_without_a_site(client):
    response = client.get("/nie-ma-takiej-strony/")

    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.text


@pytest.mark.parametrize("method", ["post", "put", "delete"])
@pytest.mark.parametrize(
    ("url", "allowed"), [("/preferencje/", "GET, HEAD"), ("/robots.txt", "GET, HEAD, OPTIONS")]
)
def test_a_method_an_address_does_not_take_gets_the_polish_405_page(client, site_tree, method, url, allowed):
    response = getattr(client, method)(url)

    assert response.status_code == 405
    assert response["Allow"] == allowed
    assert "<h1>Tego adresu nie można tak użyć</h1>" in response.text
    assert "Otwórz go zwykłym linkiem albo wróć do poprzedniej strony" in response.text
    assert '<link rel="stylesheet" href="/static/css/base.css' in response.text
    assert '<html lang="pl">' in response.text


def test_server_error_answers_500_with_the_polish_page(site_tree, monkeypatch):
    def broken_serve(self, request, *args, **kwargs):
        raise RuntimeError("awaria")

    monkeypatch.setattr(HomePage, "serve", broken_serve)

    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == 500
    assert "Przepraszamy, wystąpił błąd serwera" in response.text
    assert '<html lang="pl">' in response.text


def test_expired_csrf_token_gets_a_polish_explanation_and_saves_nothing(consultations):
    strict = Client(enforce_csrf_checks=True)
    page = consultations.open
    response = strict.post(page.url, comment_data(page, new_form_token(page.pk)))

    assert response.status_code == 403
    assert "Formularz wygasł" in response.text
    assert not Submission.objects.exists()


def test_oversized_form_gets_a_polish_400_page(consultations, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    page = consultations.open
    response = Client(raise_request_exception=False).post(
        page.url, comment_data(page, new_form_token(page.pk), text="x" * 5000)
    )

    assert response.status_code == 400
    assert "Nie mogliśmy obsłużyć tego żądania" in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/szukaj/?q=%00bud%C5%BCet",
        "/szukaj/?q=" + "a" * 5000,
        "/szukaj/?q=budzet&strona=99999999999999999999",
        "/o-budzecie/?strona=%00",
    ],
)
def test_hostile_query_strings_never_give_a_server_error(client, site_tree, url):
    assert client.get(url).status_code in (200, 404)
