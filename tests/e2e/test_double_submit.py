"""A double-clicked submit button saves one submission: the comment form and the training
registration, without JavaScript (the browser sends the form twice; the server recognises the second
by its one-time token and answers as to the first) and with it (the button is disabled after the
first submit, so only one request leaves the browser).

Chromium drops a form submitted twice within one moment before any request leaves, so the double
click is the one that costs residents a duplicate: the second click comes while the first request
is on its way. The test holds the server's answers (Playwright's routing: each form post reaches
the live server at once, its answer is passed to the browser only after the second click)."""

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from consultation.models import Submission

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONSULTATION = "/konsultacje/zasady-budzetu-obywatelskiego-2027/"
TRAINING = "/szkolenia/dostepna-komunikacja-z-mieszkancami/"
SUBMIT = "form.resident-form button[type='submit']"


class SlowAnswers:
    """Form posts go to the server at once; their answers wait for `release()`."""

    def __init__(self, page):
        self.page = page
        self.held = []
        page.route("**/*", self.hold)

    def hold(self, route):
        if route.request.method != "POST":
            route.continue_()
            return
        self.held.append((route, route.fetch()))

    def wait_for(self, count, timeout_ms=3000):
        for _step in range(timeout_ms // 50):
            if len(self.held) >= count:
                return
            self.page.wait_for_timeout(50)

    def release(self):
        with self.page.expect_navigation():
            for route, answer in self.held:
                try:
                    route.fulfill(response=answer)
                except PlaywrightError:  # the browser gave up the first request for the second
                    pass
        self.page.wait_for_load_state()


def double_click(page, javascript):
    """Click, and click again while the first request is on its way; the posts that left the page."""
    answers = SlowAnswers(page)
    button = page.locator(SUBMIT)
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    # The mouse itself: Playwright's actions would wait for the first navigation to end.
    page.mouse.click(x, y)
    answers.wait_for(1)
    page.mouse.click(x, y)
    answers.wait_for(2, timeout_ms=1000 if javascript else 3000)
    posts = len(answers.held)
    answers.release()
    return posts


def saved_with(text):
    return [s for s in Submission.objects.all() if text in s.form_data.values()]


def fill_comment(page, text):
    form = page.locator("form.resident-form")
    form.get_by_label("Podpis").fill("Anna Testowa")
    form.get_by_label("Treść uwagi").fill(text)
    form.get_by_label(re.compile("zgadzam się na przetwarzanie", re.IGNORECASE)).check()


def fill_registration(page, email):
    page.get_by_label("Imię i nazwisko").fill("Łucja Żółkiewska")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Zgadzam się na przetwarzanie").check()


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_double_clicked_comment_is_saved_once(open_page, resident_form, javascript):
    page = open_page(CONSULTATION, javascript=javascript)
    text = "Dwa kliknięcia, jedna uwaga: <script>alert(1)</script>"
    fill_comment(page, text)

    posts = double_click(page, javascript)

    expect(page.locator("#potwierdzenie")).to_contain_text("Dziękujemy")
    assert posts == (1 if javascript else 2)
    assert len(saved_with(text)) == 1


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_double_clicked_registration_takes_one_seat_and_says_so(open_page, resident_form, javascript):
    page = open_page(TRAINING, javascript=javascript)
    email = f"dwuklik-{javascript}@example.com"
    fill_registration(page, email)

    posts = double_click(page, javascript)

    expect(page.locator("#potwierdzenie")).to_contain_text("Twoje miejsce jest potwierdzone")
    expect(page.locator("#form-errors")).to_have_count(0)
    assert posts == (1 if javascript else 2)
    assert len(saved_with(email)) == 1
    assert page.get_by_text("Wolne miejsca: 19 z 20").first.is_visible()
