"""The admin's "Wyniki głosowania" (`/admin/budzet/wyniki/`): the form that takes a CSV file of vote
counts for an edition the user may edit, and the preview of the results per pool, from which the
projects' final statuses are saved. Reading and saving the file: `results_import`."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.permissions import page_permission_policy

from .models import BudgetEditionPage, BudgetProjectPage
from .results import VOTED_STATUSES, Outcome, compute_results
from .results_import import MAX_BYTES, mark_outcomes, read_vote_file, save_votes


def editable_editions(user):
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return BudgetEditionPage.objects.filter(pk__in=editable.values("pk")).order_by("-year")


def may_edit_an_edition(user):
    """Without any page-editing permission (cached for the request) no query is needed."""
    return page_permission_policy.user_has_any_permission(user, {"change", "add"}) and (
        editable_editions(user).exists()
    )


def editable_edition(user, pk):
    edition = get_object_or_404(BudgetEditionPage, pk=pk)
    if not edition.permissions_for_user(user).can_edit():
        raise PermissionDenied
    return edition


class VoteFileForm(forms.Form):
    edition = forms.ModelChoiceField(
        label=gettext_lazy("Edycja budżetu"),
        queryset=BudgetEditionPage.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": gettext_lazy("Wybierz edycję z listy.")},
    )
    file = forms.FileField(
        label=gettext_lazy("Plik CSV z głosami"),
        help_text=gettext_lazy(
            "Pierwszy wiersz: „numer projektu; głosy internetowe; głosy papierowe”, dalej jeden projekt "
            "w wierszu. Kolumny rozdziela średnik lub przecinek; plik z Excela („CSV”) też przyjmiemy. "
            "Najwyżej 2 MB."
        ),
        error_messages={
            "required": gettext_lazy("Wybierz plik z głosami."),
            "empty": gettext_lazy("Plik jest pusty."),
        },
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = editable_editions(user)
        self.vote_file = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Plik jest za duży: najwyżej 2 MB."))
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("edition") and cleaned.get("file"):
            self.vote_file = read_vote_file(cleaned["edition"], cleaned["file"].read())
            if self.vote_file.errors:
                raise forms.ValidationError(
                    _("Nie wczytano pliku: popraw błędne wiersze i wyślij go jeszcze raz.")
                )
        return cleaned


class AdminTemplateMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.page_title
        context["page_subtitle"] = self.page_subtitle
        context["header_title"] = ": ".join(
            str(part) for part in (self.page_title, self.page_subtitle) if part
        )
        context["header_icon"] = "table"
        return context


class VoteImportView(AdminTemplateMixin, FormView):
    form_class = VoteFileForm
    template_name = "consultation/admin/results_import.html"
    page_title = gettext_lazy("Wczytaj wyniki głosowania")
    page_subtitle = ""

    def dispatch(self, request, *args, **kwargs):
        if not may_edit_an_edition(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {"user": self.request.user, **super().get_form_kwargs()}

    def get_initial(self):
        return {"edition": self.request.GET.get("edycja", "")[:20]}

    def form_valid(self, form):
        edition = form.cleaned_data["edition"]
        save_votes(edition, form.vote_file, self.request.user, form.cleaned_data["file"].name)
        messages.success(
            self.request,
            _("Wczytano głosy do edycji %(year)s, liczba projektów: %(count)s.")
            % {"count": len(form.vote_file.rows), "year": edition.year},
        )
        return redirect("budget_results_preview", edition.pk)


class ResultsPreviewView(AdminTemplateMixin, TemplateView):
    template_name = "consultation/admin/results_import_preview.html"
    page_title = gettext_lazy("Wyniki głosowania")

    def dispatch(self, request, pk):
        self.edition = editable_edition(request.user, pk)
        self.page_subtitle = self.edition.title
        projects = BudgetProjectPage.objects.child_of(self.edition).select_related("area").order_by("number")
        self.projects = list(projects)
        self.results = compute_results(self.edition, self.projects)
        return super().dispatch(request, pk)

    @property
    def without_votes(self):
        return numbers(p for p in self.projects if p.status in VOTED_STATUSES and p.votes is None)

    def marking_refused(self):
        """Why the outcomes cannot be saved in the projects' statuses yet, or None."""
        if any(row.outcome in (Outcome.TIE, Outcome.UNDECIDED) for pool in self.results for row in pool.rows):
            return _("Najpierw rozstrzygnij remisy na granicy puli.")
        if self.without_votes:
            return _("Najpierw wczytaj głosy wszystkich projektów z listy do głosowania.")
        if not any(pool.rows for pool in self.results):
            return _("Nie ma jeszcze żadnych wyników do zapisania.")
        return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            edition=self.edition,
            results=self.results,
            tie_warnings=[tie_warning(pool) for pool in self.results if pool.ties],
            without_votes=self.without_votes,
            can_mark=self.marking_refused() is None,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.edition.pk]),
            import_url=f"{reverse('budget_results_import')}?edycja={self.edition.pk}",
            **kwargs,
        )

    def post(self, request, pk):
        refusal = self.marking_refused()
        if refusal:
            messages.error(request, refusal)
        else:
            count = mark_outcomes(self.edition, self.results, request.user)
            messages.success(
                request,
                _("Zapisano wyniki w statusach projektów, liczba zmienionych: %(count)s.") % {"count": count},
            )
        return redirect("budget_results_preview", self.edition.pk)


def tie_warning(pool):
    return (
        _(
            "Remis na granicy puli „%(pool)s”: rozstrzygnij go w polu „rozstrzygnięcie remisu” projektów %(numbers)s."
        )
        % {"pool": pool.pool.name, "numbers": numbers(row.project for row in pool.ties)},
        [(row.project, reverse("wagtailadmin_pages:edit", args=[row.project.pk])) for row in pool.ties],
    )


def numbers(projects):
    return ", ".join(_("nr %(number)s") % {"number": project.number} for project in projects)


def admin_urls():
    return [
        path("budzet/wyniki/", VoteImportView.as_view(), name="budget_results_import"),
        path("budzet/wyniki/<int:pk>/", ResultsPreviewView.as_view(), name="budget_results_preview"),
    ]
