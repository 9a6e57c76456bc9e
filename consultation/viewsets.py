"""The moderators' inbox: one list over the submissions of every moderated form page, a detail
view with the decisions and the official response, bulk decisions and CSV/XLSX export."""

import datetime
import json

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models.functions import Cast
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    StatusTagColumn,
    TitleColumn,
    UserColumn,
)
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from home.text import printable

from .admin_forms import BulkRejectForm, DecisionForm, RejectForm, ResponseForm
from .choices import SubmissionStatus
from .models import ModeratedFormPage, Submission

MODERATE_CODENAME = "moderate_submission"
EXCERPT_LENGTH = 90


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Moderators (`consultation.moderate_submission`) may list, view, decide, respond and export.
    Nobody adds a submission in the admin; only superusers delete one."""

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


# Listing helpers


def excerpt(submission):
    """The longest text the resident sent, shortened: usually the comment itself."""
    texts = [value for value in submission.form_data.values() if isinstance(value, str)]
    if not texts:
        return ""
    # Sentences before single words: an e-mail address or a name is rarely the comment.
    return Truncator(max(texts, key=lambda text: (" " in text.strip(), len(text)))).chars(EXCERPT_LENGTH)


def search_submissions(queryset, query):
    """`icontains` over the JSON text of the form data. SQLite stores non-ASCII characters as
    JSON unicode escapes, so the escaped spelling of the query is tried as well."""
    query = printable(query)
    if not query:
        return queryset
    escaped = json.dumps(query)[1:-1]
    condition = models.Q(form_text__icontains=query)
    if escaped != query:
        condition |= models.Q(form_text__icontains=escaped)
    return queryset.annotate(form_text=Cast("form_data", models.TextField())).filter(condition)


def impersonation_warning(submission):
    return _("⚠ może podszywać się pod urząd") if submission.impersonation_signs else ""


class SubmissionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=SubmissionStatus.choices,
        empty_label=_("Wszystkie"),
        widget=forms.RadioSelect,
    )
    page = django_filters.ModelChoiceFilter(
        label=_("Strona z formularzem"),
        queryset=ModeratedFormPage.objects.order_by("title"),
        empty_label=_("Wszystkie strony"),
    )
    submit_time = django_filters.DateFromToRangeFilter(label=_("Data wysłania"), widget=DateRangePickerWidget)

    class Meta:
        model = Submission
        fields = ["status", "page", "submit_time"]


def filtered_submissions(request, queryset=None):
    """The submissions a listing with the request's filters and search shows (also for
    "select all" in bulk actions)."""
    queryset = queryset if queryset is not None else Submission.objects.all()
    filterset = SubmissionFilterSet(data=request.GET, queryset=queryset, request=request)
    if filterset.is_valid():
        queryset = filterset.qs
    return search_submissions(queryset, request.GET.get("q", ""))


# Export


def sanitize_csv(value):
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def local_text(value):
    return date_format(timezone.localtime(value), "Y-m-d H:i") if value else ""


def display_value(value):
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def yes_no(value):
    return str(_("tak")) if value else str(_("nie"))


class SubmissionIndexView(generic.IndexView):
    filterset_class = SubmissionFilterSet
    is_searchable = True
    default_ordering = "-submit_time"
    export_filename = "zgloszenia"
    custom_value_preprocess = {
        bool: {"csv": yes_no, "xlsx": yes_no},
        datetime.datetime: {
            "csv": local_text,
            "xlsx": lambda value: timezone.make_naive(value) if timezone.is_aware(value) else value,
        },
        list: {
            "csv": lambda value: sanitize_csv(", ".join(str(v) for v in value)),
            "xlsx": lambda value: ", ".join(str(v) for v in value),
        },
        str: {"csv": sanitize_csv},
    }

    BASE_EXPORT = [
        ("status", _("Status")),
        ("reason", _("Powód odrzucenia")),
        ("response_outcome", _("Rozstrzygnięcie")),
        ("response", _("Odpowiedź urzędu")),
        ("submit_time", _("Wysłano")),
        ("decided_at", _("Decyzja: kiedy")),
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page", "decided_by")

    def search_queryset(self, queryset):
        return search_submissions(queryset, self.search_query) if self.is_searching else queryset

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="submission"),
            TitleColumn(
                "number",
                label=_("Nr"),
                accessor="pk",
                sort_key="pk",
                get_url=self.get_edit_url,
                get_title_id=lambda instance: f"submission_{quote(instance.pk)}_title",
                width="8%",
            ),
            Column("page", label=_("Strona"), accessor="page.title", sort_key="page__title"),
            Column("excerpt", label=_("Treść"), accessor=excerpt),
            Column("warning", label=_("Uwaga moderatora"), accessor=impersonation_warning),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                sort_key="status",
                primary=lambda instance: instance.status == SubmissionStatus.PENDING,
            ),
            DateColumn("submit_time", label=_("Wysłano"), sort_key="submit_time"),
            UserColumn("decided_by", label=_("Decyzja"), blank_display_name="—"),
        ]

    def get_page_title(self):
        return _("Moderacja zgłoszeń")

    # Export: one column per form field when the listing is filtered to one page.

    @cached_property
    def export_page(self):
        if self.filters and self.filters.is_valid():
            page = self.filters.form.cleaned_data.get("page")
            return page.specific if page else None
        return None

    @cached_property
    def export_fields(self):
        if self.export_page is not None:
            return [(field.clean_name, field.label) for field in self.export_page.get_form_fields()]
        return []

    @cached_property
    def list_export(self):
        fields = [("pk", _("Nr"))]
        if self.export_page is None:
            fields += [("page_title", _("Strona")), ("form_data", _("Treść (wszystkie pola)"))]
        fields += [(f"field:{name}", label) for name, label in self.export_fields]
        fields += self.BASE_EXPORT
        self.export_headings = {key: label for key, label in fields}
        return [key for key, _label in fields]

    def get_filename(self):
        if self.export_page is not None:
            return f"zgloszenia-{self.export_page.slug}"
        return self.export_filename

    def to_row_dict(self, item):
        values = {
            "pk": item.pk,
            "page_title": item.page.title,
            "form_data": "; ".join(f"{key}: {value}" for key, value in item.form_data.items()),
            "status": item.get_status_display(),
            "reason": item.reason_text,
            "response_outcome": item.get_response_outcome_display(),
            "response": item.response,
            "submit_time": item.submit_time,
            "decided_at": item.decided_at,
        }
        for name, _label in self.export_fields:
            value = item.form_data.get(name)
            values[f"field:{name}"] = "" if value is None else value
        return {key: values[key] for key in self.list_export}


class SubmissionDetailView(PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """What the resident sent (read only), the decision and the response, with a form for each
    action. Used as the viewset's edit view: moderators change decisions, never the resident's text."""

    model = Submission
    permission_required = "moderate"
    template_name = "consultation/admin/detail.html"
    index_url_name = None
    edit_url_name = None
    history_url_name = None
    delete_url_name = None
    header_icon = "mail"

    ACTIONS = ("approve", "reject", "spam", "undo", "respond")

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

    def get_forms(self, data=None, action=None):
        submission = self.object
        forms_by_action = {
            "approve": DecisionForm(prefix="approve"),
            "reject": RejectForm(
                prefix="reject",
                initial={"category": submission.reason_category, "reason": submission.reason},
            ),
            "spam": DecisionForm(prefix="spam"),
            "undo": DecisionForm(prefix="undo"),
            "respond": ResponseForm(
                prefix="respond",
                initial={"outcome": submission.response_outcome, "response": submission.response},
            ),
        }
        if data is not None and action in forms_by_action:
            form = forms_by_action[action]
            forms_by_action[action] = type(form)(data, prefix=form.prefix, initial=form.initial)
        return forms_by_action

    def available_actions(self):
        status = self.object.status
        return {
            "approve": status != SubmissionStatus.APPROVED,
            "reject": True,  # on a rejected item: correct the reason
            "spam": status != SubmissionStatus.SPAM,
            "undo": status != SubmissionStatus.PENDING,
            "respond": True,
        }

    def get_fields(self):
        """(label, value) for every form field, in the form's order, then anything the form no
        longer has (a field removed after the submission was sent)."""
        data = dict(self.object.form_data)
        rows = [
            (field.label, display_value(data.pop(field.clean_name, None)))
            for field in self.object.page.specific.get_form_fields()
        ]
        return rows + [(name, display_value(value)) for name, value in data.items()]

    def get_unit_label(self):
        anchor = self.object.unit_anchor
        if not anchor:
            return ""
        return dict(self.object.page.specific.get_unit_choices()).get(anchor, anchor)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "submission": self.object,
                "fields": self.get_fields(),
                "unit_label": self.get_unit_label(),
                "forms": kwargs.get("forms") or self.get_forms(),
                "available": self.available_actions(),
                "status_classname": "w-status--primary"
                if self.object.status == SubmissionStatus.PENDING
                else "",
                "action_url": self.request.path,
                "history_url": reverse(self.history_url_name, args=(quote(self.object.pk),)),
                "index_url": reverse(self.index_url_name),
                "public_url": self.object.page.url,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action not in self.ACTIONS or not self.available_actions()[action]:
            messages.error(request, _("Tej czynności nie można teraz wykonać."))
            return redirect(request.path)
        forms_by_action = self.get_forms(request.POST, action)
        form = forms_by_action[action]
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(forms=forms_by_action), status=400)
        message = self.perform(action, form.cleaned_data)
        messages.success(request, message)
        return redirect(request.path)

    def perform(self, action, data):
        submission, user = self.object, self.request.user
        number = {"number": submission.pk}
        if action == "approve":
            submission.approve(user)
            message = _("Zatwierdzono zgłoszenie nr %(number)s.") % number
        elif action == "reject":
            submission.reject(user, data["category"], data["reason"].strip())
            message = _("Odrzucono zgłoszenie nr %(number)s.") % number
        elif action == "spam":
            submission.mark_spam(user)
            message = _("Oznaczono zgłoszenie nr %(number)s jako spam.") % number
        elif action == "undo":
            submission.undo(user)
            message = _("Cofnięto decyzję: zgłoszenie nr %(number)s znowu czeka na moderację.") % number
        else:
            submission.set_response(user, data["outcome"], data["response"].strip())
            message = _("Zapisano odpowiedź urzędu na zgłoszenie nr %(number)s.") % number
        if data.get("notify"):
            from .tasks import notify_decision

            pk = submission.pk
            transaction.on_commit(lambda: notify_decision.enqueue(pk))
            message = f"{message} {_('Nadawca dostanie e-mail.')}"
        return message


class InboxMenuItem(MenuItem):
    """The menu item shows how many submissions wait for a decision (one COUNT query)."""

    def is_shown(self, request):
        return submission_policy().user_has_permission(request.user, "moderate")

    def render_component(self, request):
        pending = Submission.objects.pending().count()
        label = (
            _("%(label)s (%(count)s)") % {"label": self.label, "count": pending} if pending else self.label
        )
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class SubmissionViewSet(ModelViewSet):
    model = Submission
    name = "submission_inbox"
    url_prefix = "inbox"
    icon = "mail"
    menu_label = _("Moderacja")
    menu_order = 250
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 25
    index_view_class = SubmissionIndexView
    edit_view_class = SubmissionDetailView
    index_template_name = "consultation/admin/index.html"
    menu_item_class = InboxMenuItem

    def get_edit_view_kwargs(self, **kwargs):
        return {"template_name": SubmissionDetailView.template_name, **kwargs}

    def get_urlpatterns(self):
        # Nobody adds a submission in the admin: there is no add view and no route to one.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, "usage_url_name": None, **kwargs})

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename=MODERATE_CODENAME)


# Bulk decisions (Wagtail's bulk action framework: /admin/bulk/consultation/submission/<action>/)


class SubmissionBulkAction(BulkAction):
    models = [Submission]
    template_name = "consultation/admin/bulk_confirm.html"
    target_status = None
    method_name = None

    def dispatch(self, request, *args, **kwargs):
        if not submission_policy().user_has_permission(request.user, "moderate"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(model.objects.select_related("page").filter(pk__in=object_ids))

    def get_all_objects_in_listing_query(self, parent_id):
        return filtered_submissions(self.request).values_list("pk", flat=True)

    def object_context(self, obj):
        return {
            "item": obj,
            "excerpt": excerpt(obj),
            "edit_url": reverse("submission_inbox:edit", args=(quote(obj.pk),)),
            "unchanged": obj.status == self.target_status,
        }

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = 0
        for submission in objects:
            if submission.status == cls.target_status:
                continue
            cls.decide(submission, user, **kwargs)
            changed += 1
        return changed, 0

    @classmethod
    def decide(cls, submission, user, **kwargs):
        getattr(submission, cls.method_name)(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "header_icon": "mail",
                "title": self.display_name,
                "confirm_label": self.confirm_label,
                "target_status_label": SubmissionStatus(self.target_status).label,
            }
        )
        return context


class ApproveBulkAction(SubmissionBulkAction):
    display_name = _("Zatwierdź")
    aria_label = _("Zatwierdź zaznaczone zgłoszenia")
    action_type = "approve"
    action_priority = 10
    confirm_label = _("Tak, zatwierdź")
    target_status = SubmissionStatus.APPROVED
    method_name = "approve"

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("Zatwierdzono zgłoszenia: %(count)s.") % {"count": num_parent_objects}


class RejectBulkAction(SubmissionBulkAction):
    display_name = _("Odrzuć")
    aria_label = _("Odrzuć zaznaczone zgłoszenia z podanym powodem")
    action_type = "reject"
    action_priority = 20
    confirm_label = _("Tak, odrzuć")
    form_class = BulkRejectForm
    target_status = SubmissionStatus.REJECTED

    def get_execution_context(self):
        data = self.cleaned_form.cleaned_data
        return {**super().get_execution_context(), "category": data["category"], "reason": data["reason"]}

    @classmethod
    def decide(cls, submission, user, category="", reason="", **kwargs):
        submission.reject(user, category, reason.strip())

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("Odrzucono zgłoszenia: %(count)s.") % {"count": num_parent_objects}


class SpamBulkAction(SubmissionBulkAction):
    display_name = _("Spam")
    aria_label = _("Oznacz zaznaczone zgłoszenia jako spam")
    action_type = "spam"
    action_priority = 30
    confirm_label = _("Tak, to spam")
    classes = {"serious"}
    target_status = SubmissionStatus.SPAM
    method_name = "mark_spam"

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("Oznaczono jako spam: %(count)s.") % {"count": num_parent_objects}
