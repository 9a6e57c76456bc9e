from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.guides import Guide
from home.page_cache import cached
from home.sections import HomeSection, index_below

from . import results_admin, results_import
from .budget_listing import resident_action
from .cached_forms import FormTokenHole
from .choices import RejectionReason, ResponseOutcome
from .dates import days_left_in_words
from .discussion import CommentCountsHole
from .inbox.bulk import bulk_action_classes
from .inbox.permissions import SubmissionPermissionPolicy, submission_policy
from .inbox.viewset import SubmissionViewSet
from .models import (
    BudgetEditionPage,
    ConsultationIndexPage,
    ConsultationMeeting,
    ConsultationPage,
    ModeratedFormPage,
    PrivacyNotice,
    Submission,
)
from .models.budget import current_edition
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


# --- Sections of the home page (see home/sections.py) ---------------------------------------------

HOME_CONSULTATIONS = 6
HOME_MEETINGS = 4


def consultations_of(home_page):
    return ConsultationPage.objects.live().public().descendant_of(home_page)


class OpenConsultations(HomeSection):
    order = 10
    template = "consultation/home_section_open.html"

    def get_context(self, request, home_page):
        now = timezone.now()
        consultations = list(
            consultations_of(home_page)
            .filter(start_at__lte=now, end_at__gt=now)
            .order_by("end_at", "pk")[:HOME_CONSULTATIONS]
        )
        if not consultations:
            return None
        return {
            "consultations": [(page, days_left_in_words(page.end_at)) for page in consultations],
            "index": index_below(ConsultationIndexPage, home_page),
        }


class UpcomingMeetings(HomeSection):
    order = 30
    template = "consultation/home_section_meetings.html"

    def get_context(self, request, home_page):
        meetings = list(
            ConsultationMeeting.objects.filter(
                ends_at__gt=timezone.now(), page__in=consultations_of(home_page)
            )
            .select_related("page")
            .order_by("starts_at", "pk")[:HOME_MEETINGS]
        )
        return {"meetings": meetings} if meetings else None


class CurrentBudgetEdition(HomeSection):
    order = 20
    template = "consultation/home_section_budget.html"

    def get_context(self, request, home_page):
        edition = current_edition(cached("home-editions", lambda: editions_below(home_page), home_page.pk))
        if edition is None:
            return None
        return {
            "edition": edition,
            "action": resident_action(edition, request),
            "index": cached("parent", edition.get_parent, edition.pk),
        }


def editions_below(home_page):
    return list(
        BudgetEditionPage.objects.live()
        .public()
        .descendant_of(home_page)
        .order_by("-year")
        .prefetch_related("areas")
    )


@hooks.register("register_home_section")
def current_budget_edition():
    return CurrentBudgetEdition()


@hooks.register("register_home_section")
def open_consultations():
    return OpenConsultations()


@hooks.register("register_home_section")
def upcoming_meetings():
    return UpcomingMeetings()


# --- budget results: vote import and preview -------------------------------------------------------


@hooks.register("register_admin_urls")
def register_budget_results_urls():
    return results_admin.admin_urls()


class BudgetResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return results_admin.may_edit_an_edition(request.user)


@hooks.register("register_admin_menu_item")
def register_budget_results_menu_item():
    return BudgetResultsMenuItem(
        _("Wyniki głosowania"), reverse("budget_results_import"), icon_name="table", order=270
    )


@hooks.register("register_page_header_buttons")
def budget_results_button(page, user, view_name=None, next_url=None):
    if page.specific_class is BudgetEditionPage and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Wyniki głosowania"),
            reverse("budget_results_preview", args=[page.pk]),
            icon_name="table",
            priority=40,
        )


@hooks.register("register_log_actions")
def register_budget_results_log_actions(actions):
    @actions.register_action(results_import.IMPORT_ACTION)
    class VoteImportFormatter(LogFormatter):
        label = _("Wczytano głosy z pliku")

        def format_message(self, log_entry):
            return results_import.import_log_message(log_entry.data or {})

    @actions.register_action(results_import.MARK_ACTION)
    class OutcomesFormatter(LogFormatter):
        label = _("Zapisano wyniki głosowania")

        def format_message(self, log_entry):
            return results_import.mark_log_message(log_entry.data or {})


@hooks.register("register_page_cache_hole")
def form_token_hole():
    return FormTokenHole()


@hooks.register("register_page_cache_hole")
def comment_counts_hole():
    return CommentCountsHole()
