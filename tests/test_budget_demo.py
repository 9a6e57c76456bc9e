"""The demo budget `load_demo_content` builds: a list of editions in the main menu, last year's
edition with published results and projects in every final status, and next year's edition taking
proposals today through a form a resident can send."""

import pytest
from django.utils import timezone

from consultation.choices import BudgetPhase
from consultation.choices import ProposalStatus as S
from consultation.demo_voting import TRIAL_TITLE
from consultation.models import (
    BudgetEditionPage,
    BudgetIndexPage,
    BudgetProjectPage,
    ProposalFormPage,
    Submission,
    VotingPage,
)
from tests.budget_fixtures import post_proposal
from tests.voting_fixtures import Voter

FINAL_STATUSES = {S.SELECTED, S.IN_PROGRESS, S.IMPLEMENTED, S.NOT_SELECTED, S.NEGATIVE, S.WITHDRAWN}


@pytest.fixture
def demo(demo_content, db):
    index = BudgetIndexPage.objects.get(locale__language_code="pl")
    # The voting demo adds a trial edition voting today (consultation/demo_voting.py).
    editions = BudgetEditionPage.objects.child_of(index).exclude(title=TRIAL_TITLE)
    past, current = sorted(editions, key=lambda edition: edition.year)
    return index, past, current


def test_demo_budget_is_in_the_main_menu_beside_the_page_about_it(client, demo):
    index, _past, _current = demo

    html = client.get("/").content.decode()

    assert index.show_in_menus and index.live
    assert f'href="{index.url}">Budżet obywatelski</a>' in html
    assert 'href="/o-budzecie/">O budżecie</a>' in html


def test_demo_past_edition_has_results_and_projects_in_every_final_status(client, demo):
    _index, past, _current = demo
    projects = BudgetProjectPage.objects.child_of(past).live()

    assert past.current_phase == BudgetPhase.REALISATION
    assert past.results_published
    assert past.total_amount_display == "7\u00a0600\u00a0000\u00a0zł"
    assert 8 <= past.areas.count() <= 10
    assert FINAL_STATUSES <= set(projects.values_list("status", flat=True))
    for project in projects:
        assert project.status_changes.exists(), project.title
    built = projects.filter(status__in=[S.IN_PROGRESS, S.IMPLEMENTED])
    assert all(project.updates.exists() for project in built)
    photos = [update.image for project in built for update in project.updates.all() if update.image]
    assert photos and all(photo.description and photo.width == 1200 for photo in photos)

    html = client.get(past.url).content.decode()
    assert 'id="wyniki"' in html
    assert "Wykorzystano 2\u00a0240\u00a0000\u00a0zł z 2\u00a0500\u00a0000\u00a0zł." in html
    for project in projects:
        assert client.get(project.url).status_code == 200


def test_demo_current_edition_takes_proposals_today(client, demo):
    index, past, current = demo
    today = timezone.localdate()

    assert current.current_phase == BudgetPhase.SUBMISSION
    assert current.submission_start <= today <= current.submission_end
    assert current.year == today.year + 1
    highlight = client.get(index.url).content.decode()
    form = ProposalFormPage.objects.child_of(current).live().get()
    assert form.privacy_notice is not None
    assert f'href="{form.url}">Zgłoś projekt</a>' in highlight


def test_demo_proposal_form_accepts_a_proposal(client, demo, instant_forms):
    _index, _past, current = demo
    form = ProposalFormPage.objects.child_of(current).live().get()

    before = set(Submission.objects.filter(page=form).values_list("pk", flat=True))

    response = post_proposal(client, form)

    assert response.status_code == 302
    submission = Submission.objects.filter(page=form).exclude(pk__in=before).get()
    assert submission.status == S.SUBMITTED
    assert submission.topic == "Zagórze"


def test_demo_proposals_wait_in_the_inbox_by_district(admin_client, demo):
    _index, _past, current = demo
    html = admin_client.get("/admin/inbox/", {"edition": current.pk}).content.decode()
    proposals = Submission.objects.filter(page__in=ProposalFormPage.objects.child_of(current))
    assert proposals.count() == 4
    for proposal in proposals:
        assert f"/admin/inbox/edit/{proposal.pk}/" in html
    negative = proposals.get(status=S.NEGATIVE)
    detail = admin_client.get(f"/admin/inbox/edit/{negative.pk}/").content.decode()
    assert "<dd>Śródmieście</dd>" in detail and "zgody właściciela" in detail


def test_demo_vote_shows_its_own_privacy_clause_at_the_voters_data(client, demo):
    index, _past, _current = demo
    trial = BudgetEditionPage.objects.child_of(index).get(title=TRIAL_TITLE)
    page = VotingPage.objects.child_of(trial).get()
    citywide, district = (BudgetProjectPage.objects.child_of(trial).get(number=n) for n in (1, 3))

    html = Voter(client, page).choose(citywide, district).content.decode()

    clause = html[html.index('class="privacy-notice"') :]
    assert "policzenie Twojego głosu" in clause
    assert "90 dni po zakończeniu głosowania" in clause
    assert "niepotwierdzony głos razem z danymi usuwamy najpóźniej po dwóch dobach" in clause
    assert "zgłoszonego projektu" not in clause
    assert "zakończeniu naboru projektów" not in clause
