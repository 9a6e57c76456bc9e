"""What happens to a submission is its form page's policy: the states it goes through, which of
them the public sees, which wait for a moderator, and the moderator's actions that move it on.
Comments, proposals, registrations and contact messages each name one (`ModeratedFormPage.policy`);
the inbox, its filters and bulk actions, the e-mails and the log read them from here, so a new kind
of form brings its lifecycle without a change to the pipeline."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .choices import ProposalStatus, SubmissionStatus

_POLICIES = {}


@dataclass(frozen=True)
class Action:
    """A moderator's action on one submission. `target` is the state it leads to (None: the state
    stays, e.g. the official response); `sources` the states it applies to (None: any but the
    target). `form` names the admin form it asks for (consultation/admin_forms.py: FORMS)."""

    name: str
    label: str
    target: str | None = None
    sources: frozenset | None = None
    form: str = "decision"
    description: str = ""
    button: str = ""
    log_action: str = ""
    log_label: str = ""
    bulk: bool = False
    clears_reason: bool = False
    style: str = ""
    done: str = ""  # the moderator's confirmation, with %(number)s
    confirm: str = ""  # the button that confirms it as a bulk action

    def applies_to(self, state):
        if self.sources is not None:
            return state in self.sources
        return self.target is None or state != self.target

    @property
    def button_label(self):
        return self.button or self.label


@dataclass(frozen=True)
class Deadline:
    """The date by which staff must act on a submission (a statutory term), shown in the inbox."""

    due: datetime.date
    overdue: bool
    note: str = ""


class Policy:
    key = ""
    label = ""
    states = SubmissionStatus
    initial = SubmissionStatus.PENDING
    public_states = frozenset()
    waiting_states = frozenset()
    # Where the page lets submissions be public at once (post-moderation), the state they start in.
    post_moderated_state = None
    # States that give the sender's place back where a form limits submissions per person.
    slot_freeing_states = frozenset()
    actions = ()
    # Whether the office's response states an outcome (uwzględniono …); a reply to a question does not.
    response_has_outcome = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.key:
            _POLICIES[cls.key] = cls()

    def state_label(self, state):
        try:
            return self.states(state).label
        except ValueError:
            return state

    def action(self, name):
        return next((action for action in self.actions if action.name == name), None)

    def available_actions(self, submission):
        return [action for action in self.actions if action.applies_to(submission.status)]

    def decision_email_lines(self, submission):
        """What the sender's e-mail about a decision says beyond the new status."""
        return []

    def after_decision(self, submission, previous):
        """Called inside the transaction that saved a moderator's decision (`previous`: the state
        before it), e.g. to give a cancelled seat to the next person waiting."""

    def deadline(self, submission, today):
        """The `Deadline` by which the submission must be dealt with, or None where no term runs."""
        return None


def get_policy(key):
    return _POLICIES[key]


def all_policies():
    return list(_POLICIES.values())


def waiting_states():
    return sorted({state for policy in all_policies() for state in policy.waiting_states})


def all_states():
    """(value, label) of every state of every policy, each value once, for filters."""
    seen = {}
    for policy in all_policies():
        for value, label in policy.states.choices:
            seen.setdefault(value, label)
    return list(seen.items())


class CommentPolicy(Policy):
    """Comments on a consultation: waiting, then published or not; the city's response any time."""

    key = "comment"
    label = _("uwagi do konsultacji")
    states = SubmissionStatus
    initial = SubmissionStatus.PENDING
    public_states = frozenset({SubmissionStatus.APPROVED})
    waiting_states = frozenset({SubmissionStatus.PENDING})
    post_moderated_state = SubmissionStatus.APPROVED

    def after_decision(self, submission, previous):
        """A comment published or withdrawn changes what the search finds on its consultation."""
        if (previous in self.public_states) != (submission.status in self.public_states):
            page = submission.page.specific
            transaction.on_commit(lambda: index.insert_or_update_object(page))

    actions = (
        Action(
            "approve",
            _("Zatwierdź"),
            target=SubmissionStatus.APPROVED,
            description=_("Zgłoszenie pojawi się na stronie (tylko pola oznaczone jako publiczne)."),
            log_action="consultation.approve",
            clears_reason=True,
            done=_("Zatwierdzono zgłoszenie nr %(number)s."),
            confirm=_("Tak, zatwierdź"),
            log_label=_("Zatwierdzono zgłoszenie"),
            bulk=True,
        ),
        Action(
            "reject",
            _("Odrzuć"),
            target=SubmissionStatus.REJECTED,
            sources=frozenset(SubmissionStatus.values),  # on a rejected item: correct the reason
            form="reason",
            log_action="consultation.reject",
            done=_("Odrzucono zgłoszenie nr %(number)s."),
            confirm=_("Tak, odrzuć"),
            log_label=_("Odrzucono zgłoszenie"),
            bulk=True,
            style="button-secondary",
        ),
        Action(
            "spam",
            _("Spam"),
            target=SubmissionStatus.SPAM,
            description=_(
                "Reklama lub automat: zgłoszenie zniknie z kolejki, nadawca nie dostanie powiadomienia."
            ),
            button=_("Oznacz jako spam"),
            form="plain",
            log_action="consultation.spam",
            clears_reason=True,
            done=_("Oznaczono zgłoszenie nr %(number)s jako spam."),
            confirm=_("Tak, to spam"),
            log_label=_("Oznaczono jako spam"),
            bulk=True,
            style="serious",
        ),
        Action(
            "undo",
            _("Cofnij decyzję"),
            target=SubmissionStatus.PENDING,
            description=_("Zgłoszenie wróci do kolejki jako oczekujące."),
            form="plain",
            log_action="consultation.undo",
            clears_reason=True,
            done=_("Cofnięto decyzję: zgłoszenie nr %(number)s znowu czeka na moderację."),
            log_label=_("Cofnięto decyzję"),
            style="button-secondary",
        ),
    )


P = ProposalStatus
UNDER_REVIEW = frozenset({P.SUBMITTED, P.FORMAL, P.SUBSTANTIVE})
STILL_OPEN = UNDER_REVIEW | {P.POSITIVE, P.NEGATIVE, P.APPEALED, P.ON_BALLOT}


def proposal_action(name, label, sources, target, **kwargs):
    return Action(
        name,
        label,
        target=target,
        sources=frozenset(sources),
        log_action=f"consultation.proposal.{name}",
        log_label=label,
        **kwargs,
    )


class ProposalPolicy(Policy):
    """Budget project proposals: formal and substantive verification, a negative result with its
    justification and the author's appeal, then the vote and the project's realisation. A proposal
    can be withdrawn by its author or merged into another one at any open stage."""

    key = "proposal"
    label = _("projekty do budżetu")
    states = ProposalStatus
    initial = P.SUBMITTED
    waiting_states = frozenset({P.SUBMITTED, P.FORMAL, P.SUBSTANTIVE, P.APPEALED})
    actions = (
        proposal_action(
            "start_formal", _("Rozpocznij weryfikację formalną"), {P.SUBMITTED}, P.FORMAL, bulk=True
        ),
        proposal_action(
            "formal_passed",
            _("Przekaż do weryfikacji merytorycznej"),
            {P.FORMAL},
            P.SUBSTANTIVE,
            description=_("Projekt spełnia wymogi formalne: kompletny formularz, podpisy, zgody."),
            bulk=True,
        ),
        proposal_action(
            "formal_failed",
            _("Zweryfikuj negatywnie (braki formalne)"),
            {P.FORMAL},
            P.NEGATIVE,
            form="justification",
            description=_("Autor dostanie uzasadnienie i termin na odwołanie."),
            style="button-secondary",
        ),
        proposal_action(
            "verify_positive", _("Zweryfikuj pozytywnie"), {P.SUBSTANTIVE}, P.POSITIVE, clears_reason=True
        ),
        proposal_action(
            "verify_negative",
            _("Zweryfikuj negatywnie"),
            {P.SUBSTANTIVE},
            P.NEGATIVE,
            form="justification",
            description=_("Autor dostanie uzasadnienie i termin na odwołanie."),
            style="button-secondary",
        ),
        proposal_action(
            "uphold_appeal",
            _("Uwzględnij odwołanie"),
            {P.APPEALED},
            P.POSITIVE,
            form="justification",
            description=_("Projekt wraca jako zweryfikowany pozytywnie."),
        ),
        proposal_action(
            "reject_appeal",
            _("Odrzuć odwołanie"),
            {P.APPEALED},
            P.APPEAL_REJECTED,
            form="justification",
            style="button-secondary",
        ),
        proposal_action("put_on_ballot", _("Dopuść do głosowania"), {P.POSITIVE}, P.ON_BALLOT, bulk=True),
        proposal_action("mark_selected", _("Wybrany w głosowaniu"), {P.ON_BALLOT}, P.SELECTED, bulk=True),
        proposal_action(
            "mark_not_selected", _("Niewybrany w głosowaniu"), {P.ON_BALLOT}, P.NOT_SELECTED, bulk=True
        ),
        proposal_action("start_work", _("Rozpocznij realizację"), {P.SELECTED}, P.IN_PROGRESS, bulk=True),
        proposal_action("complete", _("Zrealizowany"), {P.IN_PROGRESS}, P.IMPLEMENTED),
        proposal_action(
            "withdraw",
            _("Wycofany przez autora"),
            STILL_OPEN,
            P.WITHDRAWN,
            description=_("Gdy autor poprosi o wycofanie projektu."),
            style="button-secondary",
        ),
        proposal_action(
            "merge",
            _("Połącz z innym projektem"),
            UNDER_REVIEW | {P.POSITIVE},
            P.MERGED,
            form="merge",
            description=_("Gdy autorzy dwóch podobnych projektów zgodzą się je połączyć."),
            style="button-secondary",
        ),
        proposal_action(
            "spam", _("Spam"), {P.SUBMITTED}, P.SPAM, form="plain", style="serious", clears_reason=True
        ),
        proposal_action(
            "reopen",
            _("Wróć do weryfikacji formalnej"),
            {P.NEGATIVE, P.APPEAL_REJECTED, P.WITHDRAWN, P.MERGED, P.SPAM},
            P.FORMAL,
            form="plain",
            description=_("Cofa decyzję, np. podjętą przez pomyłkę."),
            style="button-secondary",
            clears_reason=True,
        ),
    )

    def decision_email_lines(self, submission):
        return submission.page.specific.decision_email_lines(submission)
