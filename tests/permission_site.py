"""The small site the permission matrix (tests/test_permission_matrix.py) runs on: one account per
role with the rights the demo content gives its groups (home/demo_content.py `_groups_and_users` and
the other apps' builders), and one object of each kind the admin views and public forms take."""

from dataclasses import dataclass
from datetime import timedelta

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from consultation.models import (
    Ballot,
    BudgetIndexPage,
    ConsultationIndexPage,
    PrivacyNotice,
    ProposalFormPage,
    SubmissionFile,
)
from home.sites import site_location
from materials.models import AccessibilityRequestFormPage, FormPage, Material, TrainingIndexPage
from tests.budget_fixtures import make_edition
from tests.consultation_fixtures import make_consultation, pending_comment
from tests.factories import HomePageFactory
from tests.test_accessibility_statement import make_statement
from tests.test_materials_trainings import make_training
from tests.voting_fixtures import add_project, add_voting_page, voting_edition

ROLE_GROUPS = {"editor": "Redaktorzy", "moderator": "Moderatorzy", "translator": "Tłumacze"}
MEDIA = [("wagtailimages", "image"), ("wagtaildocs", "document")]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
GROUP_PERMISSIONS = {
    "editor": [
        "wagtailadmin.access_admin",
        "consultation.add_privacynotice",
        "consultation.change_privacynotice",
        "materials.add_material",
        "materials.change_material",
        "materials.delete_material",
        *(
            f"wagtailsearchpromotions.{action}_{model}"
            for action in ("add", "change", "delete")
            for model in ("query", "searchpromotion")
        ),
    ],
    "moderator": ["wagtailadmin.access_admin", "consultation.moderate_submission"],
    "translator": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
}
COLLECTION_PERMISSIONS = {
    "editor": [f"{app}.{action}_{model}" for app, model in MEDIA for action in ("add", "change", "choose")],
    "translator": [f"{app}.choose_{model}" for app, model in MEDIA],
}


@dataclass
class PermissionSite:
    users: dict
    ids: dict
    pages: dict


def permission(name):
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def role_accounts(home):
    users = {"anonymous": None}
    root_collection = Collection.get_first_root_node()
    for role, group_name in ROLE_GROUPS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*(permission(name) for name in GROUP_PERMISSIONS[role]))
        for name in COLLECTION_PERMISSIONS.get(role, []):
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=permission(name)
            )
        if role == "editor":
            for codename in EDITOR_PAGE_PERMISSIONS:
                GroupPagePermission.objects.create(
                    group=group, page=home, permission=permission(f"wagtailcore.{codename}")
                )
        users[role] = get_user_model().objects.create_user(username=role, password="x")
        users[role].groups.add(group)
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
