"""The inbox listing: filters, search, the excerpt and warning columns, and CSV/XLSX export with
one column per form field when the list is filtered to one form page."""

import datetime
import json

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    StatusTagColumn,
    TitleColumn,
    UserColumn,
)
from wagtail.admin.views import generic

from home.spreadsheets import neutralise_formula
from home.text import printable

from ..models import BudgetEditionPage, ModeratedFormPage, Submission
from ..policies import all_states

EXCERPT_LENGTH = 90


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


def submission_topics():
    topics = Submission.objects.exclude(topic="").order_by("topic").values_list("topic", flat=True).distinct()
    return [(topic, topic) for topic in topics]


def submission_deadline(submission):
    return submission.policy.deadline(submission, timezone.localdate())


class DeadlineColumn(Column):
    """The term a policy sets (e.g. 7 days for an accessibility request); overdue ones stand out."""

    cell_template_name = "consultation/admin/deadline_cell.html"


class SubmissionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=all_states,
        empty_label=_("Wszystkie"),
        widget=forms.RadioSelect,
    )
    page = django_filters.ModelChoiceFilter(
        label=_("Strona z formularzem"),
        queryset=ModeratedFormPage.objects.order_by("title"),
        empty_label=_("Wszystkie strony"),
    )
    edition = django_filters.ModelChoiceFilter(
        label=_("Edycja budżetu obywatelskiego"),
        queryset=BudgetEditionPage.objects.order_by("-year"),
        empty_label=_("Wszystkie edycje"),
        method="filter_edition",
    )
    topic = django_filters.ChoiceFilter(
        label=_("Dzielnica projektu"), choices=submission_topics, empty_label=_("Wszystkie dzielnice")
    )
    submit_time = django_filters.DateFromToRangeFilter(label=_("Data wysłania"), widget=DateRangePickerWidget)

    class Meta:
        model = Submission
        fields = ["status", "page", "edition", "topic", "submit_time"]

    def filter_edition(self, queryset, name, value):
        return queryset.filter(page__path__startswith=value.path, page__depth__gt=value.depth)


def filtered_submissions(request, queryset=None):
    """The submissions a listing with the request's filters and search shows (also for
    "select all" in bulk actions)."""
    queryset = queryset if queryset is not None else Submission.objects.all()
    filterset = SubmissionFilterSet(data=request.GET, queryset=queryset, request=request)
    if filterset.is_valid():
        queryset = filterset.qs
    return search_submissions(queryset, request.GET.get("q", ""))


# Export


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
            "csv": lambda value: neutralise_formula(", ".join(str(v) for v in value)),
            "xlsx": lambda value: neutralise_formula(", ".join(str(v) for v in value)),
        },
        str: {"csv": neutralise_formula, "xlsx": neutralise_formula},
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
                primary=lambda instance: instance.is_waiting,
            ),
            Column("language", label=_("Język"), accessor="get_language_display", sort_key="language"),
            DateColumn("submit_time", label=_("Wysłano"), sort_key="submit_time"),
            DeadlineColumn("deadline", label=_("Termin"), accessor=submission_deadline),
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
