"""Every public form, posted the way a browser does (the page first, for the CSRF cookie and the
form token), with arbitrary values drawn by hypothesis in any of its fields: text of any Unicode
(NUL, right-to-left marks, characters beyond the BMP, no surrogates: a browser cannot send them),
huge strings, HTML and script, numbers beyond 64 bits, impossible dates, unknown choices, files of
any content and name, a filled honeypot, a broken token. Whatever arrives, the answer is never a
5xx; a form that refuses saves nothing (rows counted before and after) and says why in Polish.

Forms: a consultation comment, a budget proposal with its attachment, a training registration,
the contact form, the accessibility request, and the three steps of the online ballot.
More examples locally: PROPERTY_EXAMPLES=300 pytest tests/test_property_forms.py
"""

import itertools
import os
import re
from datetime import date, timedelta

import pytest
from django import forms
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from consultation.attachments import AttachmentField
from consultation.builder import HONEYPOT_FIELD, TIMESTAMP_FIELD, UNIT_FIELD
from consultation.models import Ballot, BallotChoice, Submission, SubmissionFile, VoteCode
from tests.budget_fixtures import PDF
from tests.form_fixtures import FORM_PAGES, Browser, good_value
from tests.voting_fixtures import PERSON, last_code, token

# The form pages are built through `request.getfixturevalue`, which the database order cannot see.
pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "25"))
PROPERTY_SETTINGS = hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ERRORS_RE = re.compile(r'<div class="form-errors".*?</div>|<ul class="form-field__errors".*?</ul>', re.S)
# Django's own messages, had a field been left without a Polish one.
ENGLISH_RE = re.compile(
    r"This field|Enter a |Ensure this|Select a valid|is required|No file was|Upload a valid|The submitted"
)
XSS = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"

TEXT_CHARS = st.characters(codec="utf-8")  # everything but surrogates
TEXTS = st.one_of(
    st.text(TEXT_CHARS, max_size=300),
    st.sampled_from([XSS, "\x00", "Anna\x00Kowalska", '=HYPERLINK("http://x")', "\u202eanna", "🙂" * 40]),
    st.builds(str.__mul__, st.sampled_from(["a", "ą", "🙂", "<b>", "\x00"]), st.integers(250, 20_000)),
)
NUMBERS = st.one_of(
    st.integers().map(str),
    st.integers(min_value=2**63 - 2, max_value=2**80).map(str),
    st.floats().map(repr),
    st.sampled_from(["1e999", "-1", "0", "-0", "١٢", "0x10", "1_000", " 5 ", "150 000", ""]),
)
DATES = st.one_of(
    st.dates().map(str),
    st.dates().map(lambda day: day.strftime("%d.%m.%Y")),
    st.sampled_from(["2026-02-30", "0000-00-00", "31.12.99999", "29.02.2023", "9999-12-31"]),
)
FILE_NAMES = st.one_of(
    st.sampled_from(["lista.pdf", "lista.PDF", "skan.jpg", "wirus.exe", "a" * 300 + ".pdf", "..pdf", ".pdf"]),
    st.text(TEXT_CHARS.filter(lambda char: char not in '/\\"\r\n\x00'), min_size=1, max_size=60),
)
FILE_CONTENTS = st.one_of(
    st.just(PDF),
    st.binary(max_size=3000),
    st.sampled_from([b"", b"%PDF-1.4 nie pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, XSS.encode()]),
)
FILES = st.builds(SimpleUploadedFile, FILE_NAMES, FILE_CONTENTS)


def hostile_values(field):
    if isinstance(field, AttachmentField):
        return st.one_of(FILES, TEXTS)
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return st.one_of(NUMBERS, TEXTS)
    if isinstance(field, forms.DateField):
        return st.one_of(DATES, TEXTS)
    if isinstance(field, forms.ChoiceField):
        return st.one_of(NUMBERS, TEXTS, st.lists(TEXTS, max_size=3))
    return TEXTS


@st.composite
def form_posts(draw, fields):
    """A post of every field: each kept as a resident fills it, given a hostile value or left out."""
    data = {}
    for name, field in fields.items():
        how = draw(st.sampled_from(["good", "good", "hostile", "hostile", "missing"]), label=name)
        if how == "good":
            data[name] = good_value(name, field)
        elif how == "hostile":
            data[name] = draw(hostile_values(field), label=name)
    return data


def refused_in_polish(response):
    """The form is shown again with a summary of what to correct, in Polish."""
    html = response.content.decode()
    errors = " ".join(ERRORS_RE.findall(html))
    assert errors, f"{response.status_code} with no message"
    assert not ENGLISH_RE.search(errors), errors[:500]
    return errors


@pytest.mark.parametrize("kind", FORM_PAGES)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_post_to_a_form_is_saved_whole_or_refused_in_polish(request, no_rate_limits, kind, data):
    page = FORM_PAGES[kind](request.getfixturevalue)
    fields = {
        name: field
        for name, field in page.get_form(page=page).fields.items()
        if name not in (HONEYPOT_FIELD, TIMESTAMP_FIELD)
    }
    cache.clear()
    browser = Browser()
    browser.open(page.url)
    post = data.draw(form_posts(fields), label="post")
    post[TIMESTAMP_FIELD] = data.draw(st.one_of(st.just(browser.form_token), TEXTS), label="token")
    post[HONEYPOT_FIELD] = data.draw(st.one_of(st.just(""), TEXTS), label="honeypot")
    before = Submission.objects.count(), SubmissionFile.objects.count()

    response = browser.post(page.url, post)

    assert response.status_code < 500
    if response.status_code == 302:
        assert Submission.objects.count() == before[0] + 1
    else:
        assert response.status_code in (200, 409)
        refused_in_polish(response)
        assert (Submission.objects.count(), SubmissionFile.objects.count()) == before


def test_a_resident_filling_every_form_well_is_not_refused(request, no_rate_limits):
    """The good values above are good: without a hostile one, every form is sent."""
    for kind, get_page in FORM_PAGES.items():
        page = get_page(request.getfixturevalue)
        fields = page.get_form(page=page).fields
        browser = Browser()
        browser.open(page.url)
        post = {name: good_value(name, field) for name, field in fields.items() if name != UNIT_FIELD}
        post.update({TIMESTAMP_FIELD: browser.form_token, HONEYPOT_FIELD: ""})

        response = browser.post(page.url, post)

        assert response.status_code == 302, (kind, ERRORS_RE.findall(response.content.decode()))
    assert Submission.objects.count() == len(FORM_PAGES)
    assert SubmissionFile.objects.filter(submission__page=request.getfixturevalue("budget").form).exists()


# The ballot


def ballot_rows():
    return Ballot.objects.count(), BallotChoice.objects.count(), VoteCode.objects.count()


PROJECT_IDS = st.one_of(NUMBERS, TEXTS)
VOTERS = itertools.count()


@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_choice_of_projects_goes_to_the_next_step_or_is_refused_in_polish(no_rate_limits, voting, data):
    known = [project.pk for project in voting.projects.values()]
    chosen = data.draw(st.lists(st.one_of(st.sampled_from(known), PROJECT_IDS), max_size=6), label="projekty")
    honeypot = data.draw(st.one_of(st.just(""), TEXTS), label="website")
    browser = Browser()
    browser.open(voting.page.url)
    before = ballot_rows()

    response = browser.post(voting.page.url, {"projekty": chosen, "website": honeypot})

    assert response.status_code < 500
    assert ballot_rows() == before
    html = response.content.decode()
    if 'name="telefon"' not in html:  # not on step 2: step 1 again, with its errors
        assert response.status_code == 200
        refused_in_polish(response)


def first_step_done(voting):
    """A browser on the ballot's second step, one project chosen."""
    browser = Browser()
    browser.open(voting.page.url)
    return browser, browser.post(voting.page.url, {"projekty": [voting.projects["park"].pk], "website": ""})


PERSON_FIELDS = {
    "imie": TEXTS,
    "drugie_imie": TEXTS,
    "nazwisko": TEXTS,
    "data_urodzenia": st.one_of(DATES, TEXTS),
    "adres": TEXTS,
    "telefon": st.one_of(NUMBERS, TEXTS, st.sampled_from(["600 123 456", "+48600123456", "(600)-123-456"])),
    "opiekun": TEXTS,
    "oswiadczenie_mieszkaniec": st.one_of(st.just("on"), TEXTS),
    "oswiadczenie_dane": st.one_of(st.just("on"), TEXTS),
    "website": st.one_of(st.just(""), TEXTS),
}


@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_identity_either_sends_a_code_or_is_refused_in_polish(no_rate_limits, voting, data):
    browser, chosen = first_step_done(voting)
    person = dict(PERSON)
    for name, values in PERSON_FIELDS.items():
        how = data.draw(st.sampled_from(["good", "hostile", "missing"]), label=name)
        if how == "hostile":
            person[name] = data.draw(values, label=name)
        elif how == "missing":
            person.pop(name, None)
    person["karta"] = data.draw(st.one_of(st.just(token(chosen)), TEXTS), label="karta")
    before = ballot_rows()

    response = browser.post(voting.page.url + "dane/", person)

    assert response.status_code < 500
    assert ballot_rows()[:2] == before[:2]
    html = response.content.decode()
    if response.status_code == 400:  # a broken step token: start again
        assert "Zacznij głosowanie od nowa" in html
    elif 'name="kod"' in html:  # step 3: a code was sent, nothing counted yet
        assert ballot_rows()[2] == before[2] + 1
    else:
        assert response.status_code == 200
        refused_in_polish(response)
        assert ballot_rows() == before


@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_code_either_counts_the_vote_once_or_is_refused_in_polish(no_rate_limits, voting, data):
    browser, chosen = first_step_done(voting)
    voter = next(VOTERS)  # a new person each time: a repeated one would have voted already
    born = date(1940, 1, 1) + timedelta(days=voter)
    person = {**PERSON, "telefon": f"600{voter:06d}", "data_urodzenia": born.strftime("%d.%m.%Y")}
    step3 = browser.post(voting.page.url + "dane/", {**person, "karta": token(chosen)})
    sent = last_code()
    code = data.draw(st.one_of(st.just(sent), NUMBERS, TEXTS), label="kod")
    karta = data.draw(st.one_of(st.just(token(step3)), TEXTS), label="karta")
    before = ballot_rows()

    response = browser.post(voting.page.url + "kod/", {"kod": code, "karta": karta, "website": ""})

    assert response.status_code < 500
    html = response.content.decode()
    if response.status_code == 400:
        assert "Zacznij głosowanie od nowa" in html
        assert ballot_rows() == before
    elif Ballot.objects.count() == before[0] + 1:
        assert re.sub(r"\s", "", code) == sent
    else:
        assert response.status_code == 200
        refused_in_polish(response)
        assert ballot_rows()[:2] == before[:2]
