"""The draft act of a consultation with its comments, kept rendered in the process as well as in the
shared cache (`{% local_copy_cache %}`, consultation/templatetags/consultation_tags.py): a later
visit takes it from the process, yet a published comment or a changed unit shows on the next visit."""

import pytest
from django.core.cache import caches
from django.test import Client

from tests.consultation_fixtures import approve_in_inbox, pending_comment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on", "instant_forms")]


@pytest.fixture
def shared_reads(monkeypatch):
    """The keys read from the shared cache."""
    keys = []
    cache = caches["default"]
    get = cache.get

    def recording_get(key, *args, **kwargs):
        keys.append(key)
        return get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", recording_get)
    return keys


def visited(url):
    for _visit in range(2):
        Client().get(url)


def test_a_later_visit_takes_the_draft_act_from_the_process(consultations, shared_reads):
    page = consultations.open
    visited(page.url)
    shared_reads.clear()

    html = Client().get(page.url).content.decode()

    assert html.count('class="draft-act__unit"') == len(page.get_units())
    assert not [key for key in shared_reads if "consultation-units" in key]


def test_a_published_comment_shows_under_its_unit_on_the_next_visit(consultations, moderator):
    page = consultations.open
    anchor = page.get_units()[0].anchor
    submission = pending_comment(page, "Proszę dopisać Zagórze.", unit_anchor=anchor)
    visited(page.url)
    assert "Proszę dopisać Zagórze." not in Client().get(page.url).content.decode()

    approve_in_inbox(moderator, submission)

    html = Client().get(page.url).content.decode()
    assert 'class="comment comment--inline"' in html
    assert html.count("Proszę dopisać Zagórze.") == 2  # under its unit and in the list


def test_a_changed_unit_shows_on_the_next_visit(consultations):
    page = consultations.open
    visited(page.url)
    units = list(page.units.all())
    units[0].text = "Nowe brzmienie paragrafu o zieleni miejskiej."
    page.units = units
    page.save_revision().publish()

    assert "Nowe brzmienie paragrafu o zieleni miejskiej." in Client().get(page.url).content.decode()
