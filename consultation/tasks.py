"""E-mail about submissions, sent by the background worker, never inside a request. Moderators
read Polish; the sender reads the language of the page the form was sent from."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task


@task()
def notify_new_submission(submission_id):
    from .models import Submission

    submission = Submission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None:
        return
    page = submission.page.specific
    recipients = page.moderator_recipients()
    inbox_url = settings.WAGTAILADMIN_BASE_URL + reverse("submission_inbox:edit", args=[submission.pk])
    if recipients:
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(
                _("Nowe zgłoszenie do moderacji: %(title)s") % {"title": page.title},
                _(
                    "Na stronie „%(title)s” czeka nowe zgłoszenie nr %(number)s.\n\nOtwórz je w panelu: %(url)s"
                )
                % {"title": page.title, "number": submission.pk, "url": inbox_url},
                None,
                recipients,
            )
    sender = sender_email(submission)
    if sender:
        with translation.override(submission.language):
            subject, text = page.sender_confirmation(submission)
            send_mail(subject, text, None, [sender])


@task()
def notify_decision(submission_id):
    from .models import Submission

    submission = Submission.objects.select_related("page").filter(pk=submission_id).first()
    sender = sender_email(submission) if submission else ""
    if not sender:
        return
    with translation.override(submission.language):
        send_decision(submission, sender)


def send_decision(submission, sender):
    page = submission.page.specific
    lines = [
        _("Twoje zgłoszenie na stronie „%(title)s” ma status: %(status)s.")
        % {"title": page.title, "status": submission.get_status_display()}
    ]
    if submission.reason_text:
        lines.append(_("Powód: %(reason)s") % {"reason": submission.reason_text})
    if submission.response and submission.response_outcome:
        lines.append(
            _("Odpowiedź urzędu (%(outcome)s):\n%(response)s")
            % {"outcome": submission.get_response_outcome_display(), "response": submission.response}
        )
    elif submission.response:
        lines.append(_("Odpowiedź urzędu:\n%(response)s") % {"response": submission.response})
    lines += [str(line) for line in submission.policy.decision_email_lines(submission)]
    lines.append(page.full_url or "")
    send_mail(
        _("Decyzja w sprawie Twojego zgłoszenia nr %(number)s") % {"number": submission.pk},
        "\n\n".join(lines),
        None,
        [sender],
    )


def moderator_emails():
    """The addresses of everyone who moderates (through a group or on their own account)."""
    permission = Permission.objects.get(
        content_type__app_label="consultation", codename="moderate_submission"
    )
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
    return sorted(set(users.values_list("email", flat=True)))


def sender_email(submission):
    return submission.page.specific.sender_email(submission.form_data)
