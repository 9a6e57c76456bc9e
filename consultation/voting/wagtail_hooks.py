"""The admin side of online voting, imported by consultation/wagtail_hooks.py."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from ..inbox.permissions import SubmissionPermissionPolicy
from ..models import Ballot
from .admin import BallotViewSet

# Ballots are moderators' work, like submissions: moderators list, inspect and invalidate them.
register_permission_policy(Ballot, SubmissionPermissionPolicy(Ballot))


@hooks.register("register_admin_viewset")
def register_ballot_viewset():
    return BallotViewSet()


@hooks.register("register_log_actions")
def register_voting_log_actions(actions):
    @actions.register_action("consultation.ballot_invalidate")
    class InvalidateFormatter(LogFormatter):
        label = _("Unieważniono kartę")

        def format_message(self, log_entry):
            return _("Unieważniono kartę, powód: %(reason)s") % {
                "reason": (log_entry.data or {}).get("reason", "")
            }

    actions.register_action(
        "consultation.ballot_paper", _("Wpisano kartę papierową"), _("Wpisano kartę papierową")
    )
    actions.register_action(
        "consultation.voters_export",
        _("Eksport danych głosujących"),
        _("Eksport danych głosujących do sprawdzenia"),
    )
    actions.register_action(
        "consultation.votes_count", _("Policzono głosy"), _("Policzono głosy w projektach")
    )
