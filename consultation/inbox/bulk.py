"""Bulk decisions in the inbox through Wagtail's bulk action framework
(/admin/bulk/consultation/submission/<action>/): one bulk action for every policy action marked
`bulk`. A selected submission of another kind of form, or one the action does not apply to, is
listed and left as it is."""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.bulk_action import BulkAction

from ..admin_forms import BulkRejectForm, JustificationForm, PlainForm
from ..models import Submission
from ..policies import CommentPolicy, all_policies
from .listing import excerpt, filtered_submissions
from .permissions import submission_policy

BULK_FORMS = {"reason": BulkRejectForm, "justification": JustificationForm}


class SubmissionBulkAction(BulkAction):
    models = [Submission]
    template_name = "consultation/admin/bulk_confirm.html"
    policy = None
    action = None
    confirm_label = _("Tak, wykonaj")

    def dispatch(self, request, *args, **kwargs):
        if not submission_policy().user_has_permission(request.user, "moderate"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(model.objects.select_related("page").filter(pk__in=object_ids))

    def get_all_objects_in_listing_query(self, parent_id):
        return filtered_submissions(self.request).values_list("pk", flat=True)

    @classmethod
    def applies_to(cls, submission):
        return (
            submission.policy.key == cls.policy.key
            and cls.action.applies_to(submission.status)
            and submission.status != cls.action.target
        )

    def object_context(self, obj):
        return {
            "item": obj,
            "excerpt": excerpt(obj),
            "edit_url": reverse("submission_inbox:edit", args=(quote(obj.pk),)),
            "unchanged": not self.applies_to(obj),
        }

    def get_execution_context(self):
        return {"user": self.request.user, "fields": self.cleaned_form.submission_fields()}

    @classmethod
    def execute_action(cls, objects, user=None, fields=None, **kwargs):
        changed = 0
        for submission in objects:
            if cls.applies_to(submission):
                submission.apply(cls.action, user, **(fields or {}))
                changed += 1
        return changed, 0

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "header_icon": "mail",
                "title": self.display_name,
                "confirm_label": self.confirm_label,
                "target_status_label": self.policy.state_label(self.action.target),
            }
        )
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("%(action)s – zmienione zgłoszenia: %(count)s.") % {
            "action": self.display_name,
            "count": num_parent_objects,
        }


def bulk_action_classes():
    """A bulk action class for every bulk action of every policy. Comments keep their short
    addresses (approve, reject, spam); other policies' are prefixed with the policy's key."""
    classes = []
    for policy in all_policies():
        for priority, action in enumerate(a for a in policy.actions if a.bulk):
            is_comment = policy.key == CommentPolicy.key
            name = (
                str(action.label)
                if is_comment
                else f"{str(policy.label).capitalize()}: {str(action.label).lower()}"
            )
            classes.append(
                type(
                    f"{policy.key.title()}{action.name.title()}BulkAction",
                    (SubmissionBulkAction,),
                    {
                        "__module__": __name__,
                        "policy": policy,
                        "action": action,
                        "display_name": name,
                        "aria_label": _("%(action)s – zaznaczone zgłoszenia") % {"action": name},
                        "action_type": action.name if is_comment else f"{policy.key}-{action.name}",
                        "action_priority": 10 * (priority + 1),
                        "form_class": BULK_FORMS.get(action.form, PlainForm),
                        "confirm_label": action.confirm or _("Tak, wykonaj"),
                        "classes": {action.style} if action.style == "serious" else set(),
                    },
                )
            )
    return classes
