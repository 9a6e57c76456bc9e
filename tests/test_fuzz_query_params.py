"""Hostile query strings never give a 5xx: a property-based test (hypothesis) over every public list
page and every admin listing, with the demo site as data and DEBUG off.

TARGETS is the table to extend: one row per URL with the parameters it reads and who opens it
(None for a resident, or a demo account). A new page type, route or listing appends its row; a
parameter with well-formed values worth mixing in gets them in VALID. Placeholders in braces are
filled from the demo site (see `demo`). Every example sends all of a row's parameters at once, each
left out, given once or repeated, with a valid value or a hostile one: random text (control
characters, NUL, quotes, characters beyond the BMP), integers beyond 64 bits and negative ones,
floats like 1e999, very long strings, plus undecodable percent-escapes and an unknown parameter.

More examples locally: FUZZ_EXAMPLES=200 pytest tests/test_fuzz_query_params.py
"""

import os
from dataclasses import dataclass
from urllib.parse import unquote, urlencode

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page, Site

from consultation.models import (
    BudgetEditionPage,
    BudgetProjectPage,
    ConsultationPage,
    ProposalFormPage,
    Submission,
)
from materials.models import TrainingPage

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))


@dataclass(frozen=True)
class Target:
    url: str
    params: tuple = ()
    user: str | None = None
    method: str = "get"

    def __str__(self):
        return f"{self.method} {self.url} as {self.user or 'resident'}"


def bulk(model, action, user, *extra):
    return Target(f"/admin/bulk/{model}/{action}/", ("id", "childOf", "q", "next", *extra), user)


INBOX = (
    "q",
    "status",
    "page",
    "edition",
    "topic",
    "submit_time_from",
    "submit_time_to",
    "ordering",
    "p",
    "export",
)
EXPLORER = ("q", "p", "ordering", "content_type", "locale", "owner", "edited_by", "site", "has_child_pages")
EXPLORER_DATES = ("latest_revision_created_at_from", "latest_revision_created_at_to")
MEDIA = ("q", "p", "ordering", "collection_id", "tag", "usage_count_min", "usage_count_max", "layout")
HISTORY = ("action", "user", "timestamp_from", "timestamp_to", "is_commenting_action", "p")

TARGETS = [
    # What residents open
    Target("/", ("q",)),
    Target("/konsultacje/", ("status", "rok", "strona")),
    Target("/en/konsultacje/", ("status", "rok", "strona")),
    Target("/uk/konsultacje/", ("status", "rok", "strona")),
    Target("{consultation}", ("fragment", "uwagi", "jednostka")),
    Target("/en{consultation}", ("fragment", "uwagi", "jednostka")),
    Target("{closed}raport/"),
    Target("{consultation}kalendarz/"),
    Target("{consultation}kalendarz/{meeting}/"),
    Target("/szukaj/", ("q", "strona", "typ", "rok")),
    Target("/en/szukaj/", ("q", "strona", "typ", "rok")),
    Target("/uk/szukaj/", ("q", "strona", "typ", "rok")),
    Target("/preferencje/", ("next", "contrast", "large_text")),
    Target("{budget_index}"),
    Target("{budget_edition}", ("dzielnica", "status", "koszt_od", "koszt_do", "sortuj", "strona")),
    Target("{budget_project}"),
    Target("{voting}", ("dzielnica",)),
    Target("{voting}", ("projekty", "karta", "website", "wroc"), method="post"),
    Target(
        "{voting}dane/",
        ("karta", "imie", "data_urodzenia", "telefon", "pesel", "dzielnica", "kanal"),
        method="post",
    ),
    Target("{voting}kod/", ("karta", "kod", "ponow"), method="post"),
    Target("{past_voting}dane-otwarte/karty-csv/", ("format",)),
    Target("/admin/glosowanie/", ("page", "channel", "status", "p", "ordering", "q"), "moderator"),
    Target(
        "/admin/glosowanie/papier/{voting_id}/",
        ("imie", "data_urodzenia", "projekty", "oddano"),
        "moderator",
        "post",
    ),
    Target("{proposal_form}", ("jednostka",)),
    Target("{proposal_form}odwolanie/", ("kod",)),
    Target("{proposal_form}odwolanie/", ("kod", "text", "website"), method="post"),
    Target("/sitemap.xml", ("p",)),
    Target("/szkolenia/", ("strona",)),
    Target("{training}", ()),
    Target("{training}kalendarz/"),
    Target("{training}rezygnacja/", ("kod",)),
    Target("{training}rezygnacja/", ("kod",), method="post"),
    Target("{past_training}zaswiadczenie/", ("kod",)),
    Target("/zadaj-pytanie/", ()),
    # The moderators' inbox
    Target("/admin/inbox/", INBOX, "moderator"),
    Target("/admin/inbox/results/", INBOX, "moderator"),
    Target("/admin/inbox/edit/{submission}/", (), "moderator"),
    Target(
        "/admin/inbox/history/{submission}/",
        ("action", "user", "timestamp_from", "timestamp_to", "p"),
        "moderator",
    ),
    bulk("consultation/submission", "approve", "moderator", "status", "page", "submit_time_from"),
    bulk("consultation/submission", "reject", "moderator", "status", "page"),
    bulk("consultation/submission", "spam", "moderator", "status", "page"),
    bulk("consultation/submission", "registration-mark_attended", "moderator", "status", "page"),
    bulk("consultation/submission", "contact-handle", "moderator", "status", "page"),
    # Wagtail's listings
    Target("/admin/pages/{home}/", EXPLORER + EXPLORER_DATES, "redaktor"),
    Target("/admin/pages/search/", ("q", "p", "ordering", "content_type", "locale"), "redaktor"),
    Target("/admin/pages/{home}/history/", HISTORY, "redaktor"),
    Target("/admin/images/", MEDIA, "redaktor"),
    Target("/admin/documents/", MEDIA, "redaktor"),
    Target("/admin/snippets/consultation/privacynotice/", ("q", "p", "ordering", "locale"), "redaktor"),
    Target(
        "/admin/users/",
        ("q", "p", "ordering", "is_active", "is_superuser", "group", "last_login_from"),
        "admin",
    ),
    Target("/admin/groups/", ("q", "p", "ordering"), "admin"),
    Target("/admin/settings/home/sitesettings/{site}/", ("locale",), "admin"),
    Target("/admin/forms/", EXPLORER, "admin"),
    Target("/admin/forms/submissions/{consultation_id}/", ("date_from", "date_to", "p", "export"), "admin"),
    Target("/admin/reports/site-history/", (*HISTORY, "label", "object_type", "export"), "admin"),
    Target(
        "/admin/reports/locked/", ("locked_by", "locked_at_from", "live", "locale", "p", "export"), "admin"
    ),
    Target(
        "/admin/reports/aging-pages/",
        ("live", "last_published_at_from", "content_type", "locale", "p"),
        "admin",
    ),
    Target(
        "/admin/reports/workflow/",
        ("reviewable", "workflow", "status", "requested_by", "created_at_from", "p"),
        "admin",
    ),
    Target("/admin/reports/workflow_tasks/", ("workflow", "task", "status", "started_at_to", "p"), "admin"),
    Target("/admin/reports/page-types-usage/", ("page_locale", "p", "ordering"), "admin"),
    Target("/admin/pages/usage/home/standardpage/", EXPLORER, "admin"),
    Target(
        "/admin/localize/reports/translations/",
        ("content_type", "source_title", "target_locale", "p"),
        "admin",
    ),
    # Choosers (the listings inside the editor's dialogs)
    Target("/admin/choose-page/{home}/", ("q", "locale", "p", "page_type"), "redaktor"),
    Target("/admin/choose-page/search/", ("q", "locale", "p", "page_type"), "redaktor"),
    Target("/admin/images/chooser/", ("q", "tag", "collection_id", "p"), "redaktor"),
    Target("/admin/documents/chooser/", ("q", "collection_id", "p"), "redaktor"),
    Target("/admin/snippets/choose/consultation/privacynotice/", ("q", "p", "locale"), "redaktor"),
    Target("/admin/tag-autocomplete/", ("term",), "redaktor"),
    bulk("wagtailcore/page", "publish", "redaktor"),
    bulk("wagtailcore/page", "delete", "admin"),
    bulk("wagtailimages/image", "delete", "redaktor"),
    bulk("wagtaildocs/document", "add_to_collection", "redaktor"),
    bulk("consultation/privacynotice", "delete", "admin"),
    bulk("auth/user", "set_active", "admin"),
    Target("/admin/budzet/wyniki/", ("edycja",), "admin"),
    # Search reports
    Target("/admin/wyszukiwania/popularne/", ("p", "export"), "redaktor"),
    Target("/admin/wyszukiwania/bez-wynikow/", ("p", "export"), "redaktor"),
]

VALID = {
    "status": ["open", "upcoming", "closed", "pending", "approved", "rejected", "spam"],
    "rok": ["{year}"],
    "q": ["budżet", "konsultacje", "uchwała"],
    "ordering": ["title", "-title", "-submit_time", "page__title", "status", "latest_revision_created_at"],
    "export": ["csv", "xlsx"],
    "fragment": ["{unit}"],
    "jednostka": ["{unit}"],
    "page": ["{consultation_id}"],
    "id": ["all", "{submission}", "{home}"],
    "childOf": ["{home}"],
    "locale": ["pl", "en", "uk"],
    "toggle": ["contrast", "large_text"],
    "next": ["/", "/konsultacje/", "//evil.example/"],
    "content_type": ["{content_type}"],
    "live": ["true", "false"],
    "kod": ["{cancel_code}", "MQ:1vXYZ:abc"],
    "dzielnica": ["miasto", "{budget_area}"],
    "koszt_od": ["100000"],
    "koszt_do": ["300000"],
    "sortuj": ["glosy", "koszt", "tytul"],
    "typ": ["dokumenty", "konsultacje", "aktualnosci"],
}
NUMBERS = st.one_of(
    st.integers().map(str),
    st.integers(min_value=2**63 - 2, max_value=2**70).map(str),
    st.floats().map(repr),
    st.sampled_from(
        ["1e999", "-1e999", "1e9999", "nan", "-0", "0x10", "1_000", "١٢", "2026-02-30", "0000-00-00"]
    ),
)
TEXTS = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(
        ['"', "'", '" OR "1"="1', "%", "%%", "\\", "\x00", "a\x00b", "<script>", "../", "*", ":", "-"]
    ),
    st.builds(str.__mul__, st.sampled_from(["a", "ą ", '"', "%", "\x00"]), st.integers(1000, 4000)),
)
# Escapes QueryDict decodes with replacement characters: CESU surrogates, stray bytes, bare percents.
RAW = st.sampled_from(["%ED%A0%80", "%ED%B0%80", "%FF%FE", "%C0%80", "%", "%zz", "%0"])


@st.composite
def query_strings(draw, params, placeholders):
    pairs = []
    for name in params:
        valid = [value.format(**placeholders) for value in VALID.get(name, [])]
        value = st.one_of(st.sampled_from(valid), NUMBERS, TEXTS) if valid else st.one_of(NUMBERS, TEXTS)
        pairs += [(name, item) for item in draw(st.lists(value, max_size=3))]
    extra = draw(st.lists(st.tuples(st.text(st.characters(codec="utf-8"), max_size=10), TEXTS), max_size=1))
    raw = (
        [f"{draw(st.sampled_from(params))}={draw(RAW)}" for _ in range(draw(st.integers(0, 1)))]
        if params
        else []
    )
    return "&".join([urlencode(pairs + extra)] + raw)


@pytest.fixture(scope="module")
def demo(demo_content, django_db_blocker):
    """The demo site (`demo_content` in tests/conftest.py). Returns the values the table's
    placeholders take."""
    with django_db_blocker.unblock():
        consultations = ConsultationPage.objects.filter(locale__language_code="pl").order_by("start_at")
        open_one = next(page for page in consultations if page.phase == "open")
        closed = next(page for page in consultations if page.phase == "closed")
        full_training = TrainingPage.objects.get(
            slug="moderowanie-spotkan-z-mieszkancami", locale__language_code="pl"
        )
        return {
            "home": Site.objects.get(is_default_site=True).root_page_id,
            "site": Site.objects.get(is_default_site=True).pk,
            "consultation": open_one.url,
            "consultation_id": open_one.pk,
            "closed": closed.url,
            "meeting": open_one.meetings.first().pk,
            "unit": open_one.units.first().anchor,
            "submission": Submission.objects.filter(page=open_one).first().pk,
            "content_type": Page.objects.get(pk=open_one.pk).content_type_id,
            "year": open_one.start_at.year,
            "training": full_training.url,
            "past_training": TrainingPage.objects.get(
                slug="konsultacje-spoleczne-od-podstaw", locale__language_code="pl"
            ).url,
            "cancel_code": unquote(
                full_training.cancel_url(full_training.registrations().first()).rsplit("=", 1)[1]
            ),
            **budget_placeholders(),
            **voting_placeholders(),
        }


def budget_placeholders():
    edition = BudgetEditionPage.objects.filter(results_published=True).first()
    return {
        "budget_index": edition.get_parent().url,
        "budget_edition": edition.url,
        "budget_area": edition.areas.first().pk,
        "budget_project": BudgetProjectPage.objects.child_of(edition).first().url,
        "proposal_form": ProposalFormPage.objects.live().first().url,
    }


def voting_placeholders():
    from consultation.demo_voting import TRIAL_TITLE
    from consultation.models import VotingPage

    trial = VotingPage.objects.child_of(
        BudgetEditionPage.objects.get(title=TRIAL_TITLE, locale__language_code="pl")
    ).get()
    past = VotingPage.objects.child_of(BudgetEditionPage.objects.filter(results_published=True).first()).get()
    return {"voting": trial.url, "voting_id": trial.pk, "past_voting": past.url}


@pytest.mark.parametrize("target", TARGETS, ids=str)
@hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_query_parameters_never_give_a_server_error(demo, db, settings, target, data):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    if target.user:
        client.force_login(get_user_model().objects.get(username=target.user))
    url = target.url.format(**demo)
    query = data.draw(query_strings(target.params, demo), label="query")

    with transaction.atomic():
        if target.method == "post":
            response = client.post(url, query, content_type="application/x-www-form-urlencoded")
        else:
            response = client.get(f"{url}?{query}")
        if response.streaming:
            b"".join(response.streaming_content)
        transaction.set_rollback(True)

    assert response.status_code < 500, f"{target}: {response.status_code} for ?{query[:300]}"
