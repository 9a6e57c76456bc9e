"""The one-time code that confirms an online ballot: 4 digits by SMS or 6 by e-mail, valid
VOTING_CODE_MINUTES, VOTING_CODE_ATTEMPTS tries, a new one no sooner than VOTING_CODE_RESEND_SECONDS
after the last. Sending costs money, so it is rate-limited per phone and per network address with
the counters the resident forms use."""

import logging
import secrets
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ..choices import CodeChannel
from ..models import VoteCode
from ..protection import RateLimit, client_ip
from . import identity
from .sms import SmsError, send_sms

logger = logging.getLogger(__name__)

DIGITS = {CodeChannel.SMS: 4, CodeChannel.EMAIL: 6}


class CodeRateLimit(RateLimit):
    def __init__(self, request, phone_key):
        message = _lazy(
            "Na ten numer lub z tej sieci wysłaliśmy w krótkim czasie zbyt wiele kodów. "
            "Spróbuj ponownie za kilkanaście minut."
        )
        self.counters = [
            (f"vote-phone:{phone_key}", settings.VOTING_CODE_LIMIT_PHONE, message),
            (f"vote-address:{client_ip(request)}", settings.VOTING_CODE_LIMIT_ADDRESS, message),
        ]


def digits(vote_code):
    return DIGITS[vote_code.channel]


def new_secret(vote_code):
    code = "".join(secrets.choice("0123456789") for _ in range(digits(vote_code)))
    vote_code.code_hash = identity.code_hash(vote_code.pk, code)
    vote_code.sent_at = timezone.now()
    vote_code.expires_at = vote_code.sent_at + timedelta(minutes=settings.VOTING_CODE_MINUTES)
    vote_code.attempts = 0
    return code


class DeliveryFailed(Exception):
    """The gateway did not take the code: the voter is told and may try again; nothing is kept."""


DELIVERY_FAILED = _lazy(
    "Nie udało się teraz wysłać kodu (bramka SMS lub poczta nie odpowiada). Twój wybór i dane są "
    "zachowane: spróbuj ponownie za kilka minut."
)


def deliver(vote_code, phone, email, code):
    """Sent at once, not through the task queue: the voter waits for the code on the page, and the
    code must not be written to the queue's table in clear text."""
    text = _("Kod potwierdzający głos w budżecie obywatelskim: %(code)s. Ważny %(minutes)s min.") % {
        "code": code,
        "minutes": settings.VOTING_CODE_MINUTES,
    }
    try:
        if vote_code.channel == CodeChannel.EMAIL:
            send_mail(_("Kod potwierdzający głos"), text, None, [email])
        else:
            send_sms(phone, text)
    except (SmsError, smtplib.SMTPException, OSError) as error:
        logger.error("Vote code %s not delivered: %s", vote_code.pk, type(error).__name__)
        raise DeliveryFailed from error


def start(page, selection, form):
    """A waiting ballot with its first code, sent."""
    data = form.cleaned_data
    vote_code = VoteCode(
        page=page,
        project_ids=selection.ids,
        area_id=data.get("dzielnica") or selection.area_id,
        identity_key=form.identity_key(),
        phone_key=identity.phone_key(page.pk, data["telefon"]),
        personal_data=form.personal_data(),
        channel=form.code_channel,
    )
    with transaction.atomic():
        code = new_secret(vote_code)
        vote_code.save()
        deliver(vote_code, data["telefon"], data.get("email"), code)
    return vote_code


def resend_wait(vote_code):
    """Seconds until a new code may be sent (0: now)."""
    ready = vote_code.sent_at + timedelta(seconds=settings.VOTING_CODE_RESEND_SECONDS)
    return max(0, int((ready - timezone.now()).total_seconds()) + 1) if ready > timezone.now() else 0


@transaction.atomic
def resend(vote_code):
    code = new_secret(vote_code)
    vote_code.save(update_fields=["code_hash", "sent_at", "expires_at", "attempts"])
    personal = vote_code.personal_data
    deliver(vote_code, personal.get("telefon"), personal.get("email"), code)


class CodeCheck:
    OK, WRONG, EXPIRED, NO_ATTEMPTS = "ok", "wrong", "expired", "no_attempts"


def check(vote_code, code):
    """Counts the attempt in one conditional UPDATE before answering, so parallel guesses cannot
    exceed the limit."""
    if vote_code.expires_at <= timezone.now():
        return CodeCheck.EXPIRED, 0
    counted = VoteCode.objects.filter(pk=vote_code.pk, attempts__lt=settings.VOTING_CODE_ATTEMPTS).update(
        attempts=F("attempts") + 1
    )
    if not counted:
        return CodeCheck.NO_ATTEMPTS, 0
    if secrets.compare_digest(vote_code.code_hash, identity.code_hash(vote_code.pk, code)):
        return CodeCheck.OK, None
    vote_code.refresh_from_db(fields=["attempts"])
    return CodeCheck.WRONG, settings.VOTING_CODE_ATTEMPTS - vote_code.attempts


def send_receipt(ballot, phone):
    """The ballot is counted whether or not this message arrives: the page shows the receipt too."""
    if not phone:
        return
    try:
        send_sms(
            phone,
            _("Twój głos w budżecie obywatelskim został przyjęty. Kod potwierdzenia: %(receipt)s")
            % {"receipt": ballot.receipt_code},
        )
    except SmsError as error:
        logger.error("Receipt of ballot %s not delivered: %s", ballot.pk, type(error).__name__)
