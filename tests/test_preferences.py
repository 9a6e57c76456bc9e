"""The high-contrast and larger-text switches: a plain form post that sets a cookie."""

import pytest


@pytest.fixture
def post_preference(client, site_tree):
    def post(toggle, next_url="/o-budzecie/"):
        return client.post("/preferencje/", {"toggle": toggle, "next": next_url})

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

    assert 'value="contrast" aria-pressed="true"' in client.get("/o-budzecie/").text


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "javascript:alert(1)"],
    ids=["url", "scheme", "js"],
)
def test_preference_redirect_to_another_site_goes_home(post_preference, next_url):
    response = post_preference("contrast", next_url=next_url)

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_unknown_preference_sets_no_cookie(post_preference):
    response = post_preference("dark_mode")

    assert response.status_code == 302
    assert not response.cookies


@pytest.mark.django_db
def test_preferences_answer_get_with_405(client):
    assert client.get("/preferencje/").status_code == 405
