"""The lifecycles of the forms in this app, plugged into the pipeline's inbox
(`consultation.policies`): registrations for a training and questions sent through a contact form."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from consultation.policies import Action, Policy

from .choices import ContactStatus, RegistrationStatus

R = RegistrationStatus
C = ContactStatus
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
