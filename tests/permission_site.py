"""The small site the permission matrix (tests/test_permission_matrix.py) runs on: one account per
role in the demo's group for it, with that group's rights (home/demo_accounts.py `create_groups`),
and one object of each kind the admin views and public forms take."""

from dataclasses import dataclass
from datetime import timedelta

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Page, Site

from consultation.models import (
    Ballot,
    BudgetIndexPage,
    ConsultationIndexPage,
    PrivacyNotice,
    ProposalFormPage,
    SubmissionFile,
)
from home.demo_accounts import EDITORS, MODERATORS, TRANSLATORS, create_groups
from home.sites import site_location
from materials.models import AccessibilityRequestFormPage, FormPage, Material, TrainingIndexPage
from tests.budget_fixtures import make_edition
from tests.consultation_fixtures import make_consultation, pending_comment
from tests.factories import HomePageFactory
from tests.test_accessibility_statement import make_statement
from tests.test_materials_trainings import make_training
from tests.voting_fixtures import add_project, add_voting_page, voting_edition

ROLE_GROUPS = {"editor": EDITORS, "moderator": MODERATORS, "translator": TRANSLATORS}


@dataclass
class PermissionSite:
    users: dict
    ids: dict
    pages: dict


def role_accounts(home):
    groups = create_groups(home)
    users = {"anonymous": None}
    for role, group_name in ROLE_GROUPS.items():
        users[role] = get_user_model().objects.create_user(username=role, password="x")
        users[role].groups.add(groups[group_name])
    users["administrator"] = get_user_model().objects.create_superuser(username="administrator", password="x")
    return users


def publish_under(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_permission_site():
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root)
    hostname, port = site_location()
    Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    notice = PrivacyNotice.objects.create(title="Klauzula", text="<p>Administratorem jest Prezydent.</p>")
    notice.save_revision()
    now = timezone.now().replace(microsecond=0)
    consultations = publish_under(home, ConsultationIndexPage(title="Konsultacje", slug="konsultacje"))
    consultation = make_consultation(
        consultations, "zasady", now - timedelta(days=3), now + timedelta(days=10)
    )
    budget = publish_under(home, BudgetIndexPage(title="Budżet obywatelski", slug="budzet"))
    proposals = make_edition(budget, 2027, timezone.localdate() - timedelta(days=5))
    proposal_form = publish_under(
        proposals, ProposalFormPage(title="Zgłoś projekt", slug="zglos", notify_emails="bo@sosnowiec.invalid")
    )
    voting_year = voting_edition(budget, 2028)
    project = add_project(voting_year, 1, "Park linowy nad Przemszą")
    voting = add_voting_page(voting_year)
    trainings = publish_under(home, TrainingIndexPage(title="Szkolenia", slug="szkolenia"))
    training = make_training(trainings, capacity=10)
    contact = publish_under(
        home, FormPage(title="Pytanie", slug="pytanie", notify_emails="bo@sosnowiec.invalid")
    )
    statement = make_statement(home)
    accessibility = publish_under(
        statement,
        AccessibilityRequestFormPage(title="Żądanie", slug="zadanie", notify_emails="d@sosnowiec.invalid"),
    )
    submission = pending_comment(consultation, "Uwaga do § 1")
    attachment = SubmissionFile.objects.create(
        submission=submission,
        field_name="plik",
        file=ContentFile(b"%PDF-1.4\n", name="uwaga.pdf"),
        original_name="uwaga.pdf",
        kind="pdf",
        size=9,
    )
    ballot = Ballot.objects.create(page=voting, channel="online", status="valid", identity_key="k1")
    attempt = AccessAttempt.objects.create(
        username="redaktor",
        ip_address="10.0.0.1",
        user_agent="",
        get_data="",
        post_data="",
        failures_since_start=99,
        attempt_time=timezone.now(),
    )
    ids = {
        "submission_inbox": submission.pk,
        "submission_inbox:attachment": attachment.pk,
        "ballots": ballot.pk,
        "login_lockouts": attempt.pk,
        "budget_results_preview": voting_year.pk,
        "wagtailsnippets_consultation_privacynotice": notice.pk,
        "wagtailsnippets_materials_material": Material.objects.create(title="Poradnik").pk,
        "page_id": voting.pk,
        "revision_id": notice.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
    }
    pages = {
        "comment": consultation,
        "proposal": proposal_form,
        "ballot": voting,
        "project": project,
        "training": training,
        "contact": contact,
        "accessibility": accessibility,
    }
    return PermissionSite(users=role_accounts(home), ids=ids, pages=pages)
