"""A training's seats: counted with the training's row locked, so two people registering for the
last seat at the same moment cannot both get it; the reserve list, giving up a seat, and what the
registration e-mails say."""

from django.db import connection, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _

from consultation.models import Submission

from ..choices import RegistrationStatus as R
from ..policies import CANCELLABLE_STATES, PROMOTE, SEAT_STATES, SELF_CANCEL


def seats_taken_subquery():
    """The number of seats taken at each training of a queryset, as one subquery."""
    taken = (
        Submission.objects.filter(page_id=OuterRef("pk"), status__in=SEAT_STATES)
        .order_by()
        .values("page_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(taken, output_field=IntegerField()), Value(0))


def seats_left_expression():
    return Greatest(F("capacity") - seats_taken_subquery(), Value(0))


class TrainingRegistrationMixin:
    """For `TrainingPage`: one registration per e-mail address, a seat while seats last, then the
    reserve list."""

    def registrations(self):
        return Submission.objects.filter(page_id=self.pk)

    def max_per_sender(self):
        return 1

    def success_message(self, submission):
        if submission.status == R.WAITING_LIST:
            outcome = _(
                "Wszystkie miejsca są już zajęte, więc jesteś na liście rezerwowej. Gdy ktoś "
                "zrezygnuje, dostaniesz miejsce i napiszemy o tym e-mailem."
            )
        else:
            outcome = _("Twoje miejsce jest potwierdzone. Szczegóły wysłaliśmy e-mailem.")
        return " ".join(str(text) for text in (self.thank_you_text, outcome) if text)

    def sender_limit_message(self):
        return _(
            "Ten adres e-mail jest już zapisany na to szkolenie. Aby zrezygnować, użyj linku z e-maila "
            "z potwierdzeniem."
        )

    def lock(self):
        """Lock this training's row until the transaction ends, so the seats are counted by one
        registration at a time. SQLite has no row locks: a write takes its one database-wide write
        lock before the count instead."""
        rows = type(self).objects.filter(pk=self.pk)
        if connection.features.has_select_for_update:
            list(rows.select_for_update(of=("self",)).values_list("pk"))
        else:
            rows.update(capacity=F("capacity"))

    def initial_status(self):
        """Called inside the transaction that saves the registration."""
        self.lock()
        taken = self.registrations().filter(status__in=SEAT_STATES).count()
        return R.CONFIRMED if taken < self.capacity else R.WAITING_LIST

    def promote_waiting(self):
        """Give free seats to the people first on the reserve list; each is told by e-mail."""
        from consultation.tasks import notify_decision

        with transaction.atomic():
            self.lock()
            free = self.capacity - self.registrations().filter(status__in=SEAT_STATES).count()
            if free <= 0 or self.is_over:
                return []
            promoted = list(
                self.registrations().filter(status=R.WAITING_LIST).order_by("submit_time", "pk")[:free]
            )
            for submission in promoted:
                submission.apply(PROMOTE, None)
                transaction.on_commit(lambda pk=submission.pk: notify_decision.enqueue(pk))
        return promoted

    def cancel_registration(self, submission_pk):
        """Cancel through the person's own link; False when it was cancelled before or cannot be."""
        with transaction.atomic():
            self.lock()
            submission = self.registrations().select_for_update(of=("self",)).filter(pk=submission_pk).first()
            if submission is None or submission.status not in CANCELLABLE_STATES or self.is_over:
                return False
            submission.apply(SELF_CANCEL, None)
        return True

    def moderator_recipients(self):
        """Only the addresses the editor gave: a registration needs no moderator's decision."""
        return [address.strip() for address in self.notify_emails.split(",") if address.strip()]

    def sender_confirmation(self, submission):
        facts = {"title": self.title, "when": self.when_in_words(), "where": self.where()}
        if submission.status == R.WAITING_LIST:
            text = _(
                "Dziękujemy za zapis na szkolenie „%(title)s” (%(when)s, %(where)s).\n\n"
                "Wszystkie miejsca są już zajęte, więc jesteś na liście rezerwowej. Gdy ktoś "
                "zrezygnuje, dostaniesz miejsce i napiszemy o tym e-mailem."
            )
        else:
            text = _(
                "Dziękujemy za zapis na szkolenie „%(title)s”. Twoje miejsce jest potwierdzone.\n\n"
                "Termin: %(when)s\nMiejsce: %(where)s"
            )
        lines = [text % facts, self.cancel_line(submission), self.full_url or ""]
        return _("Zapis na szkolenie: %(title)s") % facts, "\n\n".join(str(line) for line in lines)

    def registration_email_lines(self, submission):
        """What the e-mail about a change of a registration's state adds."""
        if submission.status == R.CONFIRMED:
            return [
                _("Zwolniło się miejsce: czekamy na Ciebie %(when)s (%(where)s).")
                % {"when": self.when_in_words(), "where": self.where()},
                self.cancel_line(submission),
            ]
        if submission.status == R.ATTENDED:
            return [
                _("Dziękujemy za udział. Zaświadczenie o udziale w szkoleniu (PDF) pobierzesz tutaj: %(url)s")
                % {"url": self.certificate_url(submission)}
            ]
        return []
