"""A positively verified proposal becomes a draft project page of its edition: what the author
marked for publication (the form's public fields and attachments) is copied, nothing private."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log

from .choices import ProposalStatus
from .models import BudgetProjectPage, FormField, ProjectStatusChange
from .models.proposals import AREA_FIELD, COST_FIELD

# Statuses after a positive verification: only these become a project.
PROJECT_READY = frozenset({ProposalStatus.POSITIVE, ProposalStatus.ON_BALLOT})


def can_create_project(submission, user):
    page = submission.page.specific
    if not hasattr(page, "edition") or submission.status not in PROJECT_READY:
        return False
    if submission.projects.exists():
        return False
    return page.edition.permissions_for_user(user).can_add_subpage()


def public_values(page, submission):
    """(field, value) of the public fields the author filled, in the form's order."""
    data = submission.form_data
    return [
        (field, data[field.clean_name])
        for field in page.get_form_fields()
        if field.is_public and data.get(field.clean_name) not in (None, "")
    ]


def copied_file(attachment, user):
    """A public attachment as a Wagtail image or document, with the author's file name as its title."""
    with attachment.file.open("rb") as handle:
        content = ContentFile(handle.read(), name=attachment.original_name)
    model = get_image_model() if attachment.kind in ("jpg", "png") else get_document_model()
    return model.objects.create(title=attachment.original_name, file=content, uploaded_by_user=user)


def project_body(fields, files, user):
    body = []
    for field, value in fields:
        if field.field_type == "multiline":
            body.append(("heading", {"text": field.label, "level": "h2", "anchor": ""}))
            body.append(("paragraph", linebreaks(escape(value))))
    documents = []
    for attachment in files:
        item = copied_file(attachment, user)
        if attachment.kind == "pdf":
            documents.append(item)
        else:
            body.append(("image", {"image": item, "alt_text": attachment.original_name, "caption": ""}))
    if documents:
        body.append(("documents", {"title": _("Załączniki autora"), "documents": documents}))
    return body


@transaction.atomic
def create_project(submission, user):
    page = submission.page.specific
    edition = page.edition
    fields = public_values(page, submission)
    lines = [value for field, value in fields if field.field_type == "singleline"]
    public_attachments = {
        field.clean_name
        for field in page.get_form_fields()
        if field.is_public and field.field_type == FormField.ATTACHMENT
    }
    files = [
        attachment for attachment in submission.files.all() if attachment.field_name in public_attachments
    ]
    pool = next((pool for pool in edition.pools() if pool.key == submission.form_data.get(AREA_FIELD)), None)
    project = BudgetProjectPage(
        title=(lines[0] if lines else str(submission))[:255],
        number=edition.next_project_number(),
        status=submission.status,
        area_id=pool.area_id if pool else None,
        cost=int(submission.form_data.get(COST_FIELD) or 0),
        location=(lines[1] if len(lines) > 1 else "")[:300],
        body=project_body(fields, files, user),
        verification_result=linebreaks(escape(submission.reason)) if submission.reason else "",
        proposal=submission,
        live=False,
        owner=user,
    )
    decided_on = submission.decided_at.date() if submission.decided_at else None
    if decided_on:
        project.status_changes = [ProjectStatusChange(date=decided_on, status=submission.status)]
    edition.add_child(instance=project)
    project.save_revision(user=user, log_action=False)
    log(instance=project, action="wagtail.create", user=user)
    log(
        instance=submission,
        action="consultation.proposal.project_created",
        user=user,
        data={"page": project.pk},
    )
    return project
