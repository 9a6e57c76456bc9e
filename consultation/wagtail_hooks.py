from django.db.models import Count
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.guides import Guide

from .choices import RejectionReason, ResponseOutcome
from .inbox.bulk import bulk_action_classes
from .inbox.permissions import SubmissionPermissionPolicy, submission_policy
from .inbox.viewset import SubmissionViewSet
from .models import ConsultationIndexPage, ModeratedFormPage, PrivacyNotice, Submission
from .policies import all_policies, all_states, waiting_states
from .voting import wagtail_hooks as voting_hooks  # noqa: F401 (registers the voting admin)

# Registered before anything asks the registry for Submission's policy (the viewset does).
register_permission_policy(Submission, SubmissionPermissionPolicy(Submission))


@hooks.register("register_admin_viewset")
def register_submission_inbox():
    return SubmissionViewSet()


class PrivacyNoticeViewSet(SnippetViewSet):
    """The RODO clauses shown at forms. Every save is a new revision; a submission keeps the one
    its sender saw."""

    model = PrivacyNotice
    icon = "doc-full"
    menu_label = _("Klauzule RODO")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", UpdatedAtColumn()]


register_snippet(PrivacyNoticeViewSet)


for bulk_action in bulk_action_classes():
    hooks.register("register_bulk_action", bulk_action)


def choice_label(choices, value):
    try:
        return choices(value).label
    except ValueError:
        return value


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    for policy in all_policies():
        for action in policy.actions:
            if action.log_action and action.log_action != "consultation.reject":
                actions.register_action(action.log_action, action.log_label, action.log_label)
    actions.register_action(
        "consultation.proposal.project_created",
        _("Utworzono stronę projektu"),
        _("Ze zgłoszenia utworzono szkic strony projektu"),
    )
    actions.register_action(
        "consultation.proposal.appeal", _("Autor złożył odwołanie"), _("Autor projektu złożył odwołanie")
    )
    actions.register_action(
        "consultation.download", _("Pobrano załącznik"), _("Moderator pobrał załącznik zgłoszenia")
    )

    @actions.register_action("consultation.reject")
    class RejectFormatter(LogFormatter):
        label = _("Odrzucono zgłoszenie")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            category = data.get("reason_category")
            if not category:
                return _("Odrzucono zgłoszenie")
            reason = choice_label(RejectionReason, category)
            if data.get("reason"):
                reason = f"{reason} ({Truncator(data['reason']).chars(120)})"
            return _("Odrzucono zgłoszenie, powód: %(reason)s") % {"reason": reason}

    @actions.register_action("consultation.respond")
    class RespondFormatter(LogFormatter):
        label = _("Odpowiedź urzędu")

        def format_message(self, log_entry):
            outcome = (log_entry.data or {}).get("outcome")
            if not outcome:
                return _("Zapisano odpowiedź urzędu")
            return _("Zapisano odpowiedź urzędu: %(outcome)s") % {
                "outcome": choice_label(ResponseOutcome, outcome)
            }


class ModerationSummaryPanel(Component):
    name = "moderation_summary"
    template_name = "consultation/admin/home_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        counts = dict(Submission.objects.values_list("status").annotate(count=Count("pk")).order_by())
        index_url = reverse("submission_inbox:index")
        waiting = set(waiting_states())
        return {
            "rows": [
                (label, counts.get(value, 0), f"{index_url}?status={value}", value in waiting)
                for value, label in all_states()
                if counts.get(value) or value in waiting
            ],
            "index_url": index_url,
            "pending": sum(counts.get(value, 0) for value in waiting),
        }


@hooks.register("filter_form_submissions_for_user")
def hide_moderated_forms_from_non_moderators(user, editable_forms):
    """Wagtail's own "Formularze" list would show residents' personal data to every page editor;
    the submissions of moderated forms are for moderators, in the inbox."""
    if submission_policy().user_has_permission(user, "moderate"):
        return editable_forms
    return editable_forms.not_type(ModeratedFormPage)


@hooks.register("construct_homepage_panels")
def add_moderation_summary_panel(request, panels):
    if submission_policy().user_has_permission(request.user, "moderate"):
        panels.append(ModerationSummaryPanel())


@hooks.register("register_editor_guide")
def consultation_guide(request):
    index = ConsultationIndexPage.objects.live().order_by("path").first()
    if index is None or not index.permissions_for_user(request.user).can_add_subpage():
        return None
    return Guide(
        title=_("Jak dodać konsultację z formularzem uwag"),
        steps=[
            _("Wpisz tytuł, wstęp i termin, np. od 1.12.2026 8:00 do 31.12.2026 23:59."),
            _("Wklej tekst projektu aktu: każdy paragraf lub ustęp jako osobną jednostkę."),
            _("Dodaj spotkania i dokumenty. Formularz uwag ma już potrzebne pola i zgodę RODO."),
            _("Kliknij „Opublikuj”. Uwagi mieszkańców trafią do moderatorów."),
        ],
        url=reverse("wagtailadmin_pages:add", args=["consultation", "consultationpage", index.pk]),
        link_text=_("Dodaj konsultację"),
        order=10,
    )
