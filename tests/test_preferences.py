"""The high-contrast and larger-text switches: a plain form, sent with GET, that sets a cookie; as a
browser without JavaScript sends it: the button pressed says the state it switches to."""

import re

import pytest
from django.test import Client


def press(client, name, path="/o-budzecie/"):
    """Presses the page's switch `name` as a browser without JavaScript does (the form's values)."""
    html = client.get(path).text
    value = re.search(rf'name="{name}" value="([01])"', html).group(1)
    return client.get("/preferencje/", {"next": path, name: value})


@pytest.fixture
def post_preference(client, site_tree):
    def post(toggle, next_url="/o-budzecie/"):
        if next_url == "/o-budzecie/":
            return press(client, toggle)
        return client.get("/preferencje/", {toggle: "1", "next": next_url})

    return post


def html_classes(client, path="/o-budzecie/"):
    response = client.get(path)
    assert response.status_code == 200
    start = response.text.index("<html ")
    return response.text[start : response.text.index(">", start)]


def test_contrast_toggle_sets_cookie_and_redirects_back(post_preference):
    response = post_preference("contrast")

    assert response.status_code == 302
    assert response["Location"] == "/o-budzecie/"
    assert response.cookies["bo_contrast"].value == "1"
    assert response.cookies["bo_contrast"]["samesite"] == "Lax"


def test_contrast_toggle_makes_the_next_page_high_contrast(client, post_preference):
    assert "is-high-contrast" not in html_classes(client)

    post_preference("contrast")

    assert 'class="is-high-contrast"' in html_classes(client)


def test_contrast_toggle_twice_switches_it_off(client, post_preference):
    post_preference("contrast")
    response = post_preference("contrast")

    assert response.cookies["bo_contrast"].value == "0"
    assert "is-high-contrast" not in html_classes(client)


def test_large_text_toggle_makes_the_next_page_use_larger_text(client, post_preference):
    post_preference("large_text")

    assert "is-large-text" in html_classes(client)


def test_toggle_button_reports_its_state_to_screen_readers(client, post_preference):
    post_preference("contrast")

    assert 'name="contrast" value="0" aria-pressed="true"' in client.get("/o-budzecie/").text


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "javascript:alert(1)"],
    ids=["url", "scheme", "js"],
)
def test_preference_redirect_to_another_site_goes_home(post_preference, next_url):
    response = post_preference("contrast", next_url=next_url)

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_unknown_preference_sets_no_cookie(client, site_tree):
    response = client.get("/preferencje/", {"dark_mode": "1", "toggle": "contrast", "next": "/o-budzecie/"})

    assert response.status_code == 302
    assert not response.cookies


@pytest.mark.django_db
def test_preferences_answer_post_with_405(client):
    assert client.post("/preferencje/", {"contrast": "1"}).status_code == 405


@pytest.mark.parametrize("value", ["", "2", "yes", "1" * 5000, "<b>1</b>"])
def test_a_made_up_value_sets_no_cookie(client, site_tree, value):
    response = client.get("/preferencje/", {"contrast": value, "next": "/o-budzecie/"})

    assert response.status_code == 302
    assert not response.cookies


def test_both_switches_at_once_and_a_repeated_request_give_the_same_display(client, site_tree):
    for _ in range(2):
        response = client.get("/preferencje/", {"contrast": "1", "large_text": "1", "next": "/o-budzecie/"})
        assert response.cookies["bo_contrast"].value == response.cookies["bo_large_text"].value == "1"

    assert 'class="is-high-contrast is-large-text"' in html_classes(client)


def test_a_page_whose_only_form_is_the_switches_carries_no_csrf_token_or_cookie(site_tree):
    response = Client().get("/o-budzecie/")

    assert "csrfmiddlewaretoken" not in response.text
    assert "csrftoken" not in response.cookies
