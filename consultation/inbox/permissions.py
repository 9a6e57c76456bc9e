from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from ..models import Submission

MODERATE_CODENAME = "moderate_submission"


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Moderators (`consultation.moderate_submission`) may list, view, decide, respond, export and
    download attachments. Nobody adds a submission in the admin; only superusers delete one."""

    MODERATOR_ACTIONS = {"view", "change", "moderate", "export"}

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if action == "add":
            return False
        if action == "delete":
            return user.is_superuser
        if action in self.MODERATOR_ACTIONS:
            return user.has_perm(f"{self.app_label}.{MODERATE_CODENAME}")
        return user.is_superuser

    def users_with_any_permission(self, actions):
        actions = set(actions)
        if actions & self.MODERATOR_ACTIONS:
            return self._get_users_with_any_permission_codenames({MODERATE_CODENAME})
        if actions - {"add"}:
            # Superusers only: no Permission row matches an empty set of codenames.
            return self._get_users_with_any_permission_codenames(set())
        return get_user_model().objects.none()


def submission_policy():
    return policy_registry.get_by_type(Submission)
