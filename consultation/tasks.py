"""E-mail about submissions, sent by the background worker, never inside a request. Moderators
read Polish; the sender reads the language of the page the form was sent from.

When the mail server does not take a message (down, refusing, timing out), the run is recorded as
failed and the task is queued again after the next of `EMAIL_RETRY_DELAYS` (1 min, 5 min, 15 min,
1 h, 3 h, 6 h) for the messages that did not go out only; after the last, the failure is logged as
an error. The queue holds the submission's number, never an address or a text: the messages are
written when they are sent, from the submission as it is then (anonymised, deleted: nothing)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

logger = logging.getLogger(__name__)

NEW_SUBMISSION_MESSAGES = ("moderators", "sender")


@task()
def notify_new_submission(submission_id, messages=NEW_SUBMISSION_MESSAGES, attempt=1):
    from .models import Submission

    submission = Submission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None:
        return
    senders = {
        "moderators": lambda: send_to_moderators(submission),
        "sender": lambda: send_confirmation(submission),
    }
    failed, error = send_each(senders, messages)
    if failed:
        retry_later(notify_new_submission, attempt, error, submission_id, failed)
        raise error


@task()
def notify_decision(submission_id, attempt=1):
    from .models import Submission

    submission = Submission.objects.select_related("page").filter(pk=submission_id).first()
    sender = sender_email(submission) if submission else ""
    if not sender:
        return
    try:
        with translation.override(submission.language):
            send_decision(submission, sender)
    except OSError as error:
        retry_later(notify_decision, attempt, error, submission_id)
        raise


def send_each(senders, names):
    """Calls each named sender; the names whose mail server failed, and the last failure."""
    failed, error = [], None
    for name in names:
        try:
            senders[name]()
        except OSError as exc:  # smtplib's errors too: refused, dropped, timed out, rejected
            failed.append(name)
            error = exc
    return failed, error


def retry_later(task_, attempt, error, *args):
    delays = settings.EMAIL_RETRY_DELAYS
    if attempt > len(delays) or not task_.get_backend().supports_defer:
        logger.error("E-mail task %s not sent after %s attempts: %r", task_.name, attempt, error)
        return
    run_after = timezone.now() + timedelta(seconds=delays[attempt - 1])
    task_.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
    logger.warning(
        "E-mail task %s failed (attempt %s), again at %s: %r", task_.name, attempt, run_after, error
    )


def send_to_moderators(submission):
    page = submission.page.specific
    recipients = page.moderator_recipients()
    if not recipients:
        return
    inbox_url = settings.WAGTAILADMIN_BASE_URL + reverse("submission_inbox:edit", args=[submission.pk])
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            _("Nowe zgłoszenie do moderacji: %(title)s") % {"title": page.title},
            _("Na stronie „%(title)s” czeka nowe zgłoszenie nr %(number)s.\n\nOtwórz je w panelu: %(url)s")
            % {"title": page.title, "number": submission.pk, "url": inbox_url},
            None,
            recipients,
        )


def send_confirmation(submission):
    sender = sender_email(submission)
    if sender:
        with translation.override(submission.language):
            subject, text = submission.page.specific.sender_confirmation(submission)
            send_mail(subject, text, None, [sender])


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
