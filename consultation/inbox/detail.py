"""One submission in the inbox: what the resident sent (read only, attachments to download), the
decision with a form for each action the submission's policy allows now, the official response."""

from django.contrib.admin.utils import quote
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton

from ..admin_forms import FORMS, ResponseForm
from ..models import Submission
from ..proposal_project import can_create_project
from .listing import display_value, submission_deadline

RESPOND = "respond"


class SubmissionDetailView(PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """Used as the viewset's edit view: moderators change decisions, never the resident's text."""

    model = Submission
    permission_required = "moderate"
    template_name = "consultation/admin/detail.html"
    index_url_name = None
    edit_url_name = None
    history_url_name = None
    delete_url_name = None
    header_icon = "mail"

    def get_base_object_queryset(self):
        return Submission.objects.select_related("page", "decided_by", "privacy_notice_revision")

    def get_page_title(self):
        return str(self.object)

    def get_page_subtitle(self):
        return self.object.page.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Moderacja")},
            {"url": "", "label": str(self.object)},
        ]

    @cached_property
    def header_buttons(self):
        buttons = [
            HeaderButton(
                _("Historia"),
                url=reverse(self.history_url_name, args=(quote(self.object.pk),)),
                icon_name="history",
            )
        ]
        if self.user_has_permission("delete"):
            buttons.append(
                HeaderButton(
                    _("Usuń"),
                    url=reverse(self.delete_url_name, args=(quote(self.object.pk),)),
                    icon_name="bin",
                )
            )
        return buttons

    @cached_property
    def actions(self):
        return self.object.policy.available_actions(self.object)

    def initial_for(self, action):
        submission = self.object
        if action.target == submission.status:  # correcting a decision: start from what it says
            return {"category": submission.reason_category, "reason": submission.reason}
        return {}

    def get_forms(self, data=None, posted=None):
        """A bound form for the posted action, unbound ones for the rest."""
        submission = self.object
        forms = {
            action.name: FORMS[action.form](
                data if action.name == posted else None,
                prefix=action.name,
                initial=self.initial_for(action),
                submission=submission,
            )
            for action in self.actions
        }
        forms[RESPOND] = ResponseForm(
            data if posted == RESPOND else None,
            prefix=RESPOND,
            submission=submission,
            initial={"outcome": submission.response_outcome, "response": submission.response},
        )
        return forms

    def get_fields(self):
        """(label, value, attachment) for every form field, in the form's order, then anything the
        form no longer has (a field removed after the submission was sent)."""
        data = dict(self.object.form_data)
        files = {attachment.field_name: attachment for attachment in self.object.files.all()}
        page = self.object.page.specific
        rows = [
            (field.label, display_value(data.pop(field.clean_name, None)), files.get(field.clean_name))
            for field in page.get_form_fields()
        ]
        for name, field in page.extra_form_fields().items():
            value = data.pop(name, None)
            choices = dict(getattr(field, "choices", ()))
            rows.append((field.label, display_value(choices.get(str(value), value)), None))
        return rows + [(name, display_value(value), files.get(name)) for name, value in data.items()]

    def get_unit_label(self):
        anchor = self.object.unit_anchor
        if not anchor:
            return ""
        return dict(self.object.page.specific.get_unit_choices()).get(anchor, anchor)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        forms = kwargs.get("forms") or self.get_forms()
        context.update(
            {
                "submission": self.object,
                "fields": self.get_fields(),
                "unit_label": self.get_unit_label(),
                "actions": [(action, forms[action.name]) for action in self.actions],
                "response_form": forms[RESPOND],
                "status_classname": "w-status--primary" if self.object.is_waiting else "",
                "deadline": submission_deadline(self.object),
                "action_url": self.request.path,
                "history_url": reverse(self.history_url_name, args=(quote(self.object.pk),)),
                "index_url": reverse(self.index_url_name),
                "public_url": self.object.page.url,
                "projects": list(self.object.projects.all()),
                "can_create_project": can_create_project(self.object, self.request.user),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        name = request.POST.get("action")
        actions = {action.name: action for action in self.actions}
        if name != RESPOND and name not in actions:
            messages.error(request, _("Tej czynności nie można teraz wykonać."))
            return redirect(request.path)
        forms = self.get_forms(request.POST, name)
        form = forms[name]
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        submission, number = self.object, {"number": self.object.pk}
        if name == RESPOND:
            data = form.cleaned_data
            submission.set_response(request.user, data.get("outcome", ""), data["response"].strip())
            message = _("Zapisano odpowiedź urzędu na zgłoszenie nr %(number)s.") % number
        else:
            action = actions[name]
            submission.apply(action, request.user, **form.submission_fields())
            message = (action.done or _("Zgłoszenie nr %(number)s ma teraz status: %(status)s.")) % {
                **number,
                "status": submission.get_status_display(),
            }
        if form.cleaned_data.get("notify"):
            from ..tasks import notify_decision

            pk = submission.pk
            transaction.on_commit(lambda: notify_decision.enqueue(pk))
            message = f"{message} {_('Nadawca dostanie e-mail.')}"
        messages.success(request, message)
        return redirect(request.path)
