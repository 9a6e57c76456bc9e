"""Moderators verify proposals in the inbox: every status change is logged and can be e-mailed to the
author; a negative result carries a justification and an appeal link with its deadline; an appeal
after the deadline is refused; a positive proposal becomes a draft project page with only what is
public."""

import re
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from consultation.choices import ProposalStatus
from consultation.models import BudgetProjectPage, Submission
from consultation.policies import get_policy
from tests.budget_fixtures import post_proposal

pytestmark = pytest.mark.usefixtures("instant_forms")
P = ProposalStatus
APPEAL_LINK = re.compile(r"http://\S+/odwolanie/\?kod=\S+")


@pytest.fixture
def proposal(client, budget):
    assert post_proposal(client, budget.form).status_code == 302
    return Submission.objects.get()


def act(client, submission, action, **data):
    url = reverse("submission_inbox:edit", args=[submission.pk])
    fields = {f"{action}-{key}": value for key, value in data.items()}
    return client.post(url, {"action": action, **fields})


def walk(client, submission, *actions):
    for action in actions:
        response = act(client, submission, action)
        assert response.status_code == 302, (action, response.content.decode()[:2000])
    submission.refresh_from_db()
    return submission


# Every transition of the proposal policy, through the inbox
PATHS = [
    (("start_formal",), P.FORMAL),
    (("start_formal", "formal_passed"), P.SUBSTANTIVE),
    (("start_formal", "formal_passed", "verify_positive"), P.POSITIVE),
    (("start_formal", "formal_passed", "verify_positive", "put_on_ballot"), P.ON_BALLOT),
    (("start_formal", "formal_passed", "verify_positive", "put_on_ballot", "mark_selected"), P.SELECTED),
    (
        ("start_formal", "formal_passed", "verify_positive", "put_on_ballot", "mark_not_selected"),
        P.NOT_SELECTED,
    ),
    (
        ("start_formal", "formal_passed", "verify_positive", "put_on_ballot", "mark_selected", "start_work"),
        P.IN_PROGRESS,
    ),
    (
        (
            "start_formal",
            "formal_passed",
            "verify_positive",
            "put_on_ballot",
            "mark_selected",
            "start_work",
            "complete",
        ),
        P.IMPLEMENTED,
    ),
    (("withdraw",), P.WITHDRAWN),
    (("spam",), P.SPAM),
    (("spam", "reopen"), P.FORMAL),
]


@pytest.mark.parametrize("actions, status", PATHS)
def test_each_status_change_is_made_in_the_inbox_and_logged(admin_client, proposal, actions, status):
    walk(admin_client, proposal, *actions)
    assert proposal.status == status
    logged = list(ModelLogEntry.objects.filter(object_id=str(proposal.pk)).values_list("action", flat=True))
    assert {f"consultation.proposal.{name}" for name in actions} <= set(logged)
    history = admin_client.get(reverse("submission_inbox:history", args=[proposal.pk])).content.decode()
    assert str(get_policy("proposal").action(actions[-1]).log_label) in history


def test_the_author_is_told_by_email_when_the_moderator_ticks_it(
    admin_client, proposal, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, proposal, "start_formal", notify="on")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["zofia@example.com"]
    assert "weryfikacja formalna" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, proposal, "formal_passed")
    assert len(mail.outbox) == 1  # not ticked: no e-mail


def test_a_negative_result_needs_a_justification(admin_client, proposal):
    walk(admin_client, proposal, "start_formal")
    response = act(admin_client, proposal, "formal_failed", reason="  ")
    assert response.status_code == 400
    proposal.refresh_from_db()
    assert proposal.status == P.FORMAL


def reject(client, proposal, capture, reason="Teren nie należy do miasta."):
    walk(client, proposal, "start_formal", "formal_passed")
    mail.outbox.clear()
    with capture(execute=True):
        response = act(client, proposal, "verify_negative", reason=reason, notify="on")
    assert response.status_code == 302
    proposal.refresh_from_db()
    return mail.outbox[-1]


def test_the_negative_result_email_gives_the_reason_the_deadline_and_the_appeal_link(
    admin_client, proposal, django_capture_on_commit_callbacks, budget
):
    message = reject(admin_client, proposal, django_capture_on_commit_callbacks)
    deadline = timezone.localdate() + timedelta(days=7)
    assert "Teren nie należy do miasta." in message.body
    assert f"Możesz się odwołać do {deadline.day} " in message.body
    link = APPEAL_LINK.search(message.body).group(0)
    assert link.startswith("http://testserver/") or "localhost" not in link


def appeal_path(body):
    link = APPEAL_LINK.search(body).group(0)
    return "/" + link.split("/", 3)[3]


def test_the_author_appeals_within_the_deadline_once(
    client, admin_client, proposal, django_capture_on_commit_callbacks
):
    message = reject(admin_client, proposal, django_capture_on_commit_callbacks)
    path = appeal_path(message.body)
    page = client.get(path)
    assert page.status_code == 200
    assert "Teren nie należy do miasta." in page.content.decode()
    response = client.post(path, {"text": "Teren jest miejski: załączam wypis z ewidencji.", "website": ""})
    assert response.status_code == 200
    assert "Przyjęliśmy odwołanie" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == P.APPEALED
    assert proposal.appeal_text.startswith("Teren jest miejski")
    assert (
        ModelLogEntry.objects.filter(
            action="consultation.proposal.appeal", object_id=str(proposal.pk)
        ).count()
        == 1
    )
    again = client.post(path, {"text": "Drugie odwołanie", "website": ""})
    assert again.status_code == 403
    assert "Odwołanie od tej decyzji już złożono" in again.content.decode()
    proposal.refresh_from_db()
    assert proposal.appeal_text.startswith("Teren jest miejski")
    # The moderator sees the appeal and decides it.
    detail = admin_client.get(reverse("submission_inbox:edit", args=[proposal.pk])).content.decode()
    assert "Teren jest miejski" in detail
    assert (
        act(admin_client, proposal, "uphold_appeal", reason="Potwierdzono własność miasta.").status_code
        == 302
    )
    proposal.refresh_from_db()
    assert proposal.status == P.POSITIVE


def test_an_appeal_after_the_deadline_is_refused(
    client, admin_client, proposal, django_capture_on_commit_callbacks
):
    message = reject(admin_client, proposal, django_capture_on_commit_callbacks)
    path = appeal_path(message.body)
    Submission.objects.filter(pk=proposal.pk).update(decided_at=proposal.decided_at - timedelta(days=8))
    # The link is bound to the decision's time: rebuild it for the moved decision.
    proposal.refresh_from_db()
    from consultation.appeals import appeal_token

    path = path.split("?")[0] + "?" + urlencode({"kod": appeal_token(proposal)})
    response = client.post(path, {"text": "Za późno?", "website": ""})
    assert response.status_code == 403
    assert "Termin na odwołanie minął" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == P.NEGATIVE and not proposal.appeal_text


@pytest.mark.parametrize(
    "token", ["abc", '"', "%00", "x" * 500, "eyJzIjo5OTk5OTk5OTk5OTk5OTk5OTk5OX0:1abc:def"]
)
def test_a_broken_appeal_link_gives_a_clear_page_not_an_error(client, budget, token):
    response = client.get(budget.form.url + "odwolanie/", {"kod": token})
    assert response.status_code == 404
    assert "nieprawidłowy" in response.content.decode()


def test_an_empty_or_overlong_appeal_is_refused_with_the_text_kept(
    client, admin_client, proposal, django_capture_on_commit_callbacks
):
    path = appeal_path(reject(admin_client, proposal, django_capture_on_commit_callbacks).body)
    assert "Napisz treść odwołania." in client.post(path, {"text": " ", "website": ""}).content.decode()
    long_text = "Bardzo długie odwołanie. " * 400
    response = client.post(path, {"text": long_text, "website": ""})
    assert "Tekst jest za długi" in response.content.decode()
    assert long_text.strip()[:200] in response.content.decode()
    trap = client.post(path, {"text": "Odwołanie", "website": "http://spam.example"})
    assert trap.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == P.NEGATIVE


def test_merging_links_two_proposals(admin_client, client, budget, proposal):
    assert post_proposal(client, budget.form, **{"E-mail": "jan@example.com"}).status_code == 302
    other = Submission.objects.exclude(pk=proposal.pk).get()
    assert act(admin_client, proposal, "merge", number=other.pk).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == P.MERGED and proposal.merged_into == other
    assert act(admin_client, other, "merge", number=999999).status_code == 400


def test_the_inbox_filters_by_edition_district_and_status(admin_client, client, budget, proposal):
    assert (
        post_proposal(
            client, budget.form, **{"dzielnica": str(budget.area("Pogoń").pk), "E-mail": "a@b.pl"}
        ).status_code
        == 302
    )
    index = reverse("submission_inbox:index")
    by_area = admin_client.get(index, {"topic": "Pogoń"}).content.decode()
    pogon = Submission.objects.get(topic="Pogoń")
    assert f"/admin/inbox/edit/{pogon.pk}/" in by_area
    assert f"/admin/inbox/edit/{proposal.pk}/" not in by_area
    by_edition = admin_client.get(index, {"edition": budget.edition.pk}).content.decode()
    assert f"/admin/inbox/edit/{proposal.pk}/" in by_edition
    for hostile in ["abc", '"', "99999999999999999999", "-1", "\x00"]:
        assert admin_client.get(index, {"edition": hostile, "topic": hostile}).status_code == 200


def test_a_positive_proposal_becomes_a_draft_project_with_only_public_content(admin_client, budget, proposal):
    walk(admin_client, proposal, "start_formal", "formal_passed", "verify_positive")
    detail = admin_client.get(reverse("submission_inbox:edit", args=[proposal.pk])).content.decode()
    assert "Utwórz szkic strony projektu" in detail
    assert "<dt>Dzielnica</dt>" in detail and "<dd>Zagórze</dd>" in detail
    assert "<dt>Szacunkowy koszt (zł)</dt>" in detail
    response = admin_client.post(reverse("submission_inbox:create_project", args=[proposal.pk]))
    project = BudgetProjectPage.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "wagtailadmin_pages:edit", args=[project.pk]
    )
    assert not project.live
    assert project.get_parent().pk == budget.edition.pk
    assert project.title == "Plac zabaw przy ul. Zielonej"
    assert project.area.name == "Zagórze" and project.cost == 150000 and project.number == 1
    assert project.proposal == proposal
    body = str(project.body.render_as_block() if hasattr(project.body, "render_as_block") else project.body)
    assert "Nowy plac zabaw" in body and "W okolicy nie ma" in body
    assert "Zofia Nowak" not in body and "zofia@example.com" not in body and "lista.pdf" not in body
    # Only once.
    admin_client.post(reverse("submission_inbox:create_project", args=[proposal.pk]))
    assert BudgetProjectPage.objects.count() == 1
    # The project's edit page opens for the editor.
    assert admin_client.get(response.url).status_code == 200


def test_a_proposal_not_verified_positively_cannot_become_a_project(admin_client, proposal):
    response = admin_client.post(reverse("submission_inbox:create_project", args=[proposal.pk]))
    assert response.status_code == 302
    assert not BudgetProjectPage.objects.exists()
    assert admin_client.get(reverse("submission_inbox:create_project", args=[proposal.pk])).status_code == 405


def test_a_moderator_without_page_rights_cannot_create_a_project(client, moderator, admin_client, proposal):
    walk(admin_client, proposal, "start_formal", "formal_passed", "verify_positive")
    client.force_login(moderator)
    detail = client.get(reverse("submission_inbox:edit", args=[proposal.pk])).content.decode()
    assert "Utwórz szkic strony projektu" not in detail
    client.post(reverse("submission_inbox:create_project", args=[proposal.pk]))
    assert not BudgetProjectPage.objects.exists()


def test_bulk_verification_moves_only_the_proposals_it_applies_to(moderator, client, budget, proposal):
    assert post_proposal(client, budget.form, **{"E-mail": "jan@example.com"}).status_code == 302
    other = Submission.objects.exclude(pk=proposal.pk).get()
    Submission.objects.filter(pk=other.pk).update(status=P.NEGATIVE)
    client.force_login(moderator)
    url = reverse("wagtail_bulk_action", args=["consultation", "submission", "proposal-start_formal"])
    query = f"?id={proposal.pk}&id={other.pk}"
    confirmation = client.get(url + query)
    assert confirmation.status_code == 200
    assert "rozpocznij weryfikację formalną" in confirmation.content.decode()
    assert client.post(url + query).status_code == 302
    proposal.refresh_from_db()
    other.refresh_from_db()
    assert proposal.status == P.FORMAL
    assert other.status == P.NEGATIVE
    assert ModelLogEntry.objects.filter(action="consultation.proposal.start_formal").count() == 1
