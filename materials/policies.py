"""The lifecycles of the forms in this app, plugged into the pipeline's inbox
(`consultation.policies`): registrations for a training and questions sent through a contact form."""

import calendar
import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from consultation.policies import Action, Deadline, Policy

from .choices import AccessibilityRequestStatus, ContactStatus, RegistrationStatus

R = RegistrationStatus
C = ContactStatus
A = AccessibilityRequestStatus
# States that hold a seat at a training.
SEAT_STATES = frozenset({R.CONFIRMED, R.ATTENDED})
CANCELLABLE_STATES = frozenset({R.CONFIRMED, R.WAITING_LIST})

# Not a moderator's button: what happens when the person cancels through the link in the e-mail,
# and when a freed seat goes to the first person on the waiting list.
SELF_CANCEL = Action(
    "self_cancel",
    _("Rezygnacja uczestnika"),
    target=R.CANCELLED,
    sources=CANCELLABLE_STATES,
    log_action="materials.registration.self_cancel",
    log_label=_("Uczestnik zrezygnował z udziału"),
)
PROMOTE = Action(
    "promote",
    _("Miejsce z listy rezerwowej"),
    target=R.CONFIRMED,
    sources=frozenset({R.WAITING_LIST}),
    log_action="materials.registration.promote",
    log_label=_("Przeniesiono z listy rezerwowej na zwolnione miejsce"),
)


class RegistrationPolicy(Policy):
    """A registration is confirmed while seats last, then waits on the reserve list; a cancelled
    seat goes to the first person waiting; staff mark who came, and they get a certificate."""

    key = "registration"
    label = _("zapisy na szkolenia")
    states = RegistrationStatus
    initial = R.CONFIRMED
    # Registrations are never shown publicly and wait for nobody's decision.
    slot_freeing_states = frozenset({R.CANCELLED})
    actions = (
        Action(
            "mark_attended",
            _("Potwierdź obecność"),
            target=R.ATTENDED,
            sources=frozenset({R.CONFIRMED}),
            form="plain",
            description=_("Uczestnik dostanie e-mail z linkiem do zaświadczenia o udziale (PDF)."),
            log_action="materials.registration.attended",
            log_label=_("Potwierdzono obecność na szkoleniu"),
            done=_("Potwierdzono obecność (zapis nr %(number)s). Wysyłamy e-mail z zaświadczeniem."),
            confirm=_("Tak, potwierdź obecność"),
            bulk=True,
        ),
        Action(
            "unmark_attended",
            _("Cofnij potwierdzenie obecności"),
            target=R.CONFIRMED,
            sources=frozenset({R.ATTENDED}),
            form="plain",
            description=_(
                "Np. gdy obecność potwierdzono przez pomyłkę. Link do zaświadczenia przestanie działać."
            ),
            log_action="materials.registration.unattended",
            log_label=_("Cofnięto potwierdzenie obecności"),
            style="button-secondary",
        ),
        Action(
            "cancel",
            _("Anuluj zapis"),
            target=R.CANCELLED,
            sources=CANCELLABLE_STATES,
            form="decision",
            description=_(
                "Np. gdy uczestnik zrezygnował telefonicznie. Zwolnione miejsce dostanie pierwsza osoba "
                "z listy rezerwowej (powiadomimy ją e-mailem)."
            ),
            log_action="materials.registration.cancel",
            log_label=_("Anulowano zapis"),
            done=_("Anulowano zapis nr %(number)s."),
            style="button-secondary",
        ),
    )

    def decision_email_lines(self, submission):
        return submission.page.specific.registration_email_lines(submission)

    def after_decision(self, submission, previous):
        status = submission.status
        if status == R.CANCELLED and previous in SEAT_STATES:
            submission.page.specific.promote_waiting()
        elif status == R.ATTENDED and previous != R.ATTENDED:
            from consultation.tasks import notify_decision

            pk = submission.pk
            transaction.on_commit(lambda: notify_decision.enqueue(pk))


class ContactPolicy(Policy):
    """Questions from a contact form: waiting to be dealt with, then dealt with; the reply goes to
    the sender by e-mail as the office's response."""

    key = "contact"
    label = _("pytania i wiadomości")
    states = ContactStatus
    initial = C.TO_HANDLE
    waiting_states = frozenset({C.TO_HANDLE})
    response_has_outcome = False
    actions = (
        Action(
            "handle",
            _("Załatwione"),
            target=C.HANDLED,
            sources=frozenset({C.TO_HANDLE}),
            description=_(
                "Najpierw zapisz odpowiedź niżej, w części „Odpowiedź urzędu”. Z zaznaczonym "
                "powiadomieniem nadawca dostanie ją e-mailem."
            ),
            button=_("Oznacz jako załatwione"),
            log_action="materials.contact.handled",
            log_label=_("Oznaczono jako załatwione"),
            done=_("Wiadomość nr %(number)s jest załatwiona."),
            confirm=_("Tak, załatwione"),
            bulk=True,
        ),
        Action(
            "reopen",
            _("Przywróć do załatwienia"),
            target=C.TO_HANDLE,
            sources=frozenset({C.HANDLED, C.SPAM}),
            form="plain",
            log_action="materials.contact.reopened",
            log_label=_("Przywrócono do załatwienia"),
            style="button-secondary",
        ),
        Action(
            "spam",
            _("Spam"),
            target=C.SPAM,
            sources=frozenset({C.TO_HANDLE}),
            form="plain",
            button=_("Oznacz jako spam"),
            log_action="materials.contact.spam",
            log_label=_("Oznaczono jako spam"),
            confirm=_("Tak, to spam"),
            bulk=True,
            style="serious",
        ),
    )


# The act on digital accessibility (art. 18): a request is dealt with without delay, within 7 days;
# when that is not possible the requester is told why and of a new term of at most 2 months.
REQUEST_DAYS = 7
EXTENDED_MONTHS = 2


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def accessibility_action(name, label, sources, target, **kwargs):
    return Action(
        name,
        label,
        target=target,
        sources=frozenset(sources),
        log_action=f"materials.accessibility_request.{name}",
        log_label=label,
        **kwargs,
    )


class AccessibilityRequestPolicy(Policy):
    """Requests to make content accessible ("żądanie zapewnienia dostępności"), with the act's
    terms: 7 days from the request, at most 2 months once the requester was told of a delay."""

    key = "accessibility_request"
    label = _("żądania zapewnienia dostępności")
    states = AccessibilityRequestStatus
    initial = A.NEW
    waiting_states = frozenset({A.NEW, A.IN_PROGRESS, A.EXTENDED})
    response_has_outcome = False
    actions = (
        accessibility_action(
            "start", _("Rozpocznij realizację"), {A.NEW}, A.IN_PROGRESS, form="plain", bulk=True
        ),
        accessibility_action(
            "complete",
            _("Zrealizowane"),
            {A.NEW, A.IN_PROGRESS, A.EXTENDED},
            A.DONE,
            description=_(
                "Najpierw zapisz niżej, w części „Odpowiedź urzędu”, gdzie jest dostępna treść albo jak ją "
                "udostępniamy. Z zaznaczonym powiadomieniem osoba dostanie ją e-mailem."
            ),
            button=_("Oznacz jako zrealizowane"),
            clears_reason=True,
            done=_("Żądanie nr %(number)s jest zrealizowane."),
        ),
        accessibility_action(
            "extend",
            _("Przedłuż termin (powiadom osobę)"),
            {A.NEW, A.IN_PROGRESS},
            A.EXTENDED,
            form="justification",
            description=_(
                "Gdy nie zdążymy w 7 dni: napisz przyczynę opóźnienia i nowy termin. Termin nie może "
                "przekroczyć 2 miesięcy od dnia żądania. Osoba dostanie tę wiadomość e-mailem."
            ),
            style="button-secondary",
        ),
        accessibility_action(
            "refuse",
            _("Odmów (z uzasadnieniem)"),
            {A.NEW, A.IN_PROGRESS, A.EXTENDED},
            A.REFUSED,
            form="justification",
            description=_(
                "Gdy zapewnienie dostępności nie jest możliwe: uzasadnij i zaproponuj alternatywny sposób "
                "dostępu. Osoba może złożyć skargę, a potem wniosek do Rzecznika Praw Obywatelskich."
            ),
            style="button-secondary",
        ),
        accessibility_action(
            "spam", _("Spam"), {A.NEW}, A.SPAM, form="plain", style="serious", clears_reason=True, bulk=True
        ),
        accessibility_action(
            "reopen",
            _("Przywróć do realizacji"),
            {A.DONE, A.REFUSED, A.SPAM},
            A.IN_PROGRESS,
            form="plain",
            description=_("Cofa decyzję, np. podjętą przez pomyłkę."),
            style="button-secondary",
        ),
    )

    def deadline(self, submission, today):
        if submission.status not in self.waiting_states:
            return None
        received = timezone.localdate(submission.submit_time)
        latest = add_months(received, EXTENDED_MONTHS)
        if submission.status == A.EXTENDED:
            return Deadline(latest, today > latest, _("przedłużony, najpóźniej 2 miesiące od żądania"))
        due = received + datetime.timedelta(days=REQUEST_DAYS)
        note = _("7 dni; po powiadomieniu osoby najpóźniej do %(date)s") % {
            "date": date_format(latest, "j E Y")
        }
        return Deadline(due, today > due, note)
