"""Consultations as most tests need them: an index with an open, an upcoming and a closed
consultation (`consultations`), and helpers that read a form's token and post a resident's comment
the way a browser does. Registered as a plugin in tests/conftest.py."""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consultation.choices import SubmissionStatus
from consultation.models import (
    ConsultationIndexPage,
    ConsultationMeeting,
    ConsultationPage,
    DraftActUnit,
    FormField,
    PrivacyNotice,
    Submission,
)

UNITS = [
    ("§ 1", "Ustala się zasady budżetu obywatelskiego."),
    ("§ 2 ust. 1", "Projekt może zgłosić każdy mieszkaniec, który ukończył 16 lat."),
]
TOKEN_RE = re.compile(r'name="form_token" value="([^"]+)"')


@pytest.fixture
def instant_forms(settings):
    """No minimum fill time (the too-fast test sets it back) and a fresh rate-limit counter."""
    settings.FORM_MIN_FILL_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def moderator(db, django_user_model):
    """A moderator: the admin and the inbox, no page rights."""
    group, _ = Group.objects.get_or_create(name="Moderatorzy")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="consultation", codename="moderate_submission"),
    )
    user = django_user_model.objects.create_user(username="moderatorka", password="x", first_name="Ewa")
    user.groups.add(group)
    return user


def make_consultation(index, slug, start_at, end_at, *, units=(), meetings=(), **kwargs):
    page = ConsultationPage(
        title=kwargs.pop("title", f"Konsultacja {slug}"),
        slug=slug,
        start_at=start_at,
        end_at=end_at,
        notify_emails=kwargs.pop("notify_emails", "moderacja@sosnowiec.invalid"),
        **kwargs,
    )
    page.units = [DraftActUnit(label=label, text=text) for label, text in units]
    page.meetings = [
        ConsultationMeeting(starts_at=starts, ends_at=starts + timedelta(hours=2), place=place)
        for starts, place in meetings
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@dataclass
class Consultations:
    index: ConsultationIndexPage
    notice: PrivacyNotice
    open: ConsultationPage
    upcoming: ConsultationPage
    closed: ConsultationPage
    now: object


@pytest.fixture
def consultations(site_tree, shared_pages):
    return shared_pages.get("consultations") or build_consultations(site_tree)


def build_consultations(site_tree):
    notice = PrivacyNotice.objects.create(
        title="Klauzula – konsultacje", text="<p>Administratorem danych jest Prezydent Miasta.</p>"
    )
    notice.save_revision()
    index = ConsultationIndexPage(title="Konsultacje społeczne", slug="konsultacje")
    site_tree.home.add_child(instance=index)
    index.save_revision().publish()
    now = timezone.now().replace(microsecond=0)
    open_page = make_consultation(
        index,
        "zasady-bo",
        now - timedelta(days=3),
        now + timedelta(days=10),
        title="Zasady budżetu obywatelskiego",
        units=UNITS,
        meetings=[(now + timedelta(days=2), "Sala Sesyjna"), (now + timedelta(days=5), "Dom Kultury")],
    )
    upcoming = make_consultation(
        index,
        "program-wspolpracy",
        now + timedelta(days=7),
        now + timedelta(days=30),
        title="Program współpracy",
    )
    closed = make_consultation(
        index, "regulamin", now - timedelta(days=60), now - timedelta(days=30), title="Regulamin konsultacji"
    )
    return Consultations(
        index=index, notice=notice, open=open_page, upcoming=upcoming, closed=closed, now=now
    )


def field_names(page):
    names = {field.field_type: field.clean_name for field in page.get_form_fields()}
    return {
        "name": names["singleline"],
        "email": names["email"],
        "text": names["multiline"],
        "consent": names[FormField.CONSENT],
    }


def read_token(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return TOKEN_RE.search(response.content.decode()).group(1)


def comment_data(page, token, **overrides):
    names = field_names(page)
    data = {
        names["name"]: "Anna Kowalska",
        names["email"]: "",
        names["text"]: "Proponuję obniżyć wiek do 13 lat.",
        names["consent"]: "on",
        "website": "",
        "form_token": token,
    }
    for key, value in overrides.items():
        data[names.get(key, key)] = value
    return {key: value for key, value in data.items() if value is not None}


def post_comment(client, page, **overrides):
    return client.post(page.url, comment_data(page, read_token(client, page), **overrides))


def add_submissions(page, count, status=SubmissionStatus.APPROVED, **fields):
    names = field_names(page)
    Submission.objects.bulk_create(
        Submission(
            page=page,
            form_data={
                names["name"]: f"Mieszkaniec {n}",
                names["text"]: f"Uwaga numer {n}",
                names["consent"]: True,
            },
            status=status,
            **fields,
        )
        for n in range(count)
    )


def pending_comment(page, text, **fields):
    """A comment from Jan Nowak waiting for the moderator."""
    names = field_names(page)
    return Submission.objects.create(
        page=page,
        form_data={names["name"]: "Jan Nowak", names["text"]: text, names["consent"]: True},
        status=SubmissionStatus.PENDING,
        **fields,
    )


def approve_in_inbox(moderator, submission):
    """The moderator's "approve" in the admin inbox."""
    moderator_client = Client()
    moderator_client.force_login(moderator)
    response = moderator_client.post(
        reverse("submission_inbox:edit", args=[submission.pk]), {"action": "approve"}
    )
    assert response.status_code in (200, 302)
