"""The submission: what a resident sent through a moderated form page, with its state in the
page's policy, the moderator's decision, the city's response and what the law asks to keep
(consent time, the RODO clause's version)."""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission
from wagtail.log_actions import log

from ..builder import MAX_TEXT_LENGTH
from ..choices import RejectionReason, ResponseOutcome, SubmissionLanguage, SubmissionStatus
from ..impersonation import impersonation_signs
from ..policies import CommentPolicy, waiting_states


class SubmissionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=SubmissionStatus.APPROVED)

    def pending(self):
        return self.filter(status=SubmissionStatus.PENDING)

    def waiting(self):
        """Waiting for a moderator's decision, whatever the kind of form."""
        return self.filter(status__in=waiting_states())


class Submission(AbstractFormSubmission):
    # The states come from the form page's policy (consultation/policies.py), so no fixed choices.
    status = models.CharField(_("status"), max_length=20, default=SubmissionStatus.PENDING, db_index=True)
    unit_anchor = models.CharField(_("fragment projektu"), max_length=80, blank=True, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decyzja: kto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decyzja: kiedy"), null=True, blank=True)
    reason_category = models.CharField(
        _("powód odrzucenia"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    reason = models.TextField(_("uzasadnienie decyzji"), blank=True, max_length=2000)
    response_outcome = models.CharField(
        _("rozstrzygnięcie"), max_length=20, choices=ResponseOutcome.choices, blank=True
    )
    response = models.TextField(_("odpowiedź urzędu"), blank=True, max_length=MAX_TEXT_LENGTH)
    responded_at = models.DateTimeField(_("data odpowiedzi"), null=True, blank=True)
    consent_at = models.DateTimeField(_("zgoda: kiedy"), null=True, blank=True)
    privacy_notice_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("wersja klauzuli RODO"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(
        _("język zgłoszenia"),
        max_length=8,
        choices=SubmissionLanguage.choices,
        default=SubmissionLanguage.PL,
        help_text=_("Język strony, z której wysłano formularz. W tym języku piszemy do nadawcy."),
    )
    topic = models.CharField(
        _("obszar"), max_length=100, blank=True, db_index=True, help_text=_("Np. dzielnica projektu.")
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("połączony z"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_submissions",
    )
    appeal_text = models.TextField(_("treść odwołania"), blank=True, max_length=MAX_TEXT_LENGTH)
    appealed_at = models.DateTimeField(_("odwołanie: kiedy"), null=True, blank=True)
    ip_hash = models.CharField(_("skrót adresu IP"), max_length=64, blank=True)
    # Where a form limits submissions per person: a keyed hash of the sender's e-mail and the
    # numbered place the submission takes; the unique constraint keeps the limit also when two
    # submissions of one person arrive at the same moment.
    sender_key = models.CharField(_("skrót adresu e-mail nadawcy"), max_length=64, blank=True)
    sender_slot = models.PositiveSmallIntegerField(_("miejsce w limicie nadawcy"), null=True, blank=True)
    # A hash of the one-time token of the form it was sent with: the same form sent twice (a double
    # click, a resent request) is saved once.
    form_token_key = models.CharField(_("skrót jednorazowego klucza formularza"), max_length=64, blank=True)
    anonymized_at = models.DateTimeField(_("zanonimizowano"), null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("zgłoszenie")
        verbose_name_plural = _("zgłoszenia")
        ordering = ["submit_time", "pk"]
        permissions = [("moderate_submission", _("Może moderować zgłoszenia mieszkańców"))]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "sender_key", "sender_slot"],
                condition=models.Q(sender_slot__isnull=False),
                name="submission_one_slot_per_sender",
            ),
            models.UniqueConstraint(
                fields=["page", "form_token_key"],
                condition=~models.Q(form_token_key=""),
                name="submission_once_per_form_token",
            ),
        ]

    def __str__(self):
        return _("Zgłoszenie nr %(number)s") % {"number": self.pk}

    def _decide(self, user, status, action, **fields):
        previous = self.status
        self.status = status
        if status in self.policy.slot_freeing_states:
            self.sender_slot = None
        self.decided_by = user
        self.decided_at = timezone.now()
        for name, value in fields.items():
            setattr(self, name, value)
        with transaction.atomic():
            self.save()
            log(
                instance=self,
                action=action,
                user=user,
                data={"from": previous, "to": status, **{k: str(v) for k, v in fields.items()}},
            )
            self.policy.after_decision(self, previous)

    @cached_property
    def policy(self):
        return self.page.specific_class.get_policy()

    def get_status_display(self):
        return self.policy.state_label(self.status)

    def changes_stored_pages(self, created):
        """Whether saving this row changes a stored page or a cached fragment (home/page_cache.py): a
        comment just sent and not yet public shows only in its consultation's counts, which stored
        pages fill in on every request (consultation/discussion.py)."""
        return not created or self.policy.key != CommentPolicy.key or self.status in self.policy.public_states

    @property
    def is_waiting(self):
        return self.status in self.policy.waiting_states

    def apply(self, action, user, **fields):
        """Carry out one of the policy's actions and log it in Wagtail's log."""
        if action.clears_reason:
            fields = {"reason_category": "", "reason": "", **fields}
        self._decide(user, action.target or self.status, action.log_action, **fields)

    def apply_named(self, name, user, **fields):
        self.apply(self.policy.action(name), user, **fields)

    def approve(self, user):
        self.apply_named("approve", user)

    def reject(self, user, category, reason=""):
        self.apply_named("reject", user, reason_category=category, reason=reason)

    def mark_spam(self, user):
        self.apply_named("spam", user)

    def undo(self, user):
        self.apply_named("undo", user)

    def set_response(self, user, outcome, text):
        self.response_outcome = outcome
        self.response = text
        self.responded_at = timezone.now()
        with transaction.atomic():
            self.save(update_fields=["response_outcome", "response", "responded_at"])
            log(instance=self, action="consultation.respond", user=user, data={"outcome": outcome})

    def anonymize(self, field_names):
        """Personal fields, the IP hash and every attached file go; content and decisions stay."""
        for attachment in self.files.all():
            attachment.delete()
        self.form_data = {name: value for name, value in self.form_data.items() if name not in field_names}
        self.ip_hash = ""
        self.sender_key = ""
        self.sender_slot = None
        self.anonymized_at = timezone.now()
        self.save(update_fields=["form_data", "ip_hash", "sender_key", "sender_slot", "anonymized_at"])

    @cached_property
    def impersonation_signs(self):
        return impersonation_signs(self.form_data.values())

    @property
    def reason_text(self):
        parts = [self.get_reason_category_display() if self.reason_category else "", self.reason]
        return ": ".join(part for part in parts if part)

    def public_values(self, field_labels):
        """(label, value) pairs of the fields the editor marked public, in the form's order."""
        return [
            (label, self.form_data.get(name))
            for name, label in field_labels
            if self.form_data.get(name) not in (None, "")
        ]
