"""Staff's side of the vote in the Wagtail admin, for moderators (`moderate_submission`): the list of
ballots without personal data, a paper ballot entered with the online checks, invalidation with a
reason, the logged export of personal data for the registry check, and the count into the projects."""

import csv
import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from home.spreadsheets import neutralised_row

from ..choices import BallotStatus
from ..inbox.permissions import MODERATE_CODENAME
from ..models import Ballot, VotingPage
from .ballots import ALREADY_VOTED, AlreadyVoted, ballot_projects, cast_paper, check_selection, invalidate
from .forms import PERSONAL_FIELDS, IdentityForm
from .tally import write_counts

ONLINE_ONLY_FIELDS = (
    "telefon",
    "email",
    "kanal",
    "oswiadczenie_mieszkaniec",
    "oswiadczenie_dane",
    "website",
    "karta",
)


def is_moderator(user):
    return user.is_authenticated and user.is_active and user.has_perm(f"consultation.{MODERATE_CODENAME}")


class ModeratorRequired:
    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PaperBallotForm(IdentityForm):
    """The voter's identity as on the paper ballot, the projects ticked and the day it was cast."""

    def __init__(self, *args, page, areas, **kwargs):
        super().__init__(*args, page=page, areas=areas, **kwargs)
        for name in ONLINE_ONLY_FIELDS:
            self.fields.pop(name, None)
        self.projects = {project.pk: project for project in ballot_projects(page.edition)}
        self.fields["projekty"] = forms.TypedMultipleChoiceField(
            label=_("Projekty zaznaczone na karcie"),
            coerce=int,
            choices=[
                (pk, f"{project.number}. {project.title} ({project.area_name})")
                for pk, project in self.projects.items()
            ],
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["oddano"] = forms.DateField(
            label=_("Dzień oddania karty"),
            initial=timezone.localdate,
            help_text=_(
                "Data z karty lub z urny. Gdy ta sama osoba głosowała też w internecie, decyduje kolejność."
            ),
        )

    def clean(self):
        cleaned = super().clean()
        chosen = [self.projects[pk] for pk in cleaned.get("projekty", [])]
        if "projekty" not in self.errors:
            result = check_selection(self.page, chosen, cleaned.get("dzielnica"))
            if isinstance(result, list):
                for message in result:
                    self.add_error("projekty", message)
            else:
                cleaned["selection"] = result
        day = cleaned.get("oddano")
        edition = self.page.edition
        if day and not edition.voting_start <= day <= edition.voting_end:
            self.add_error("oddano", _("Karta musi być oddana w czasie głosowania tej edycji."))
        return cleaned


class VotingPageMixin(ModeratorRequired):
    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(VotingPage, pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)


class PaperBallotView(VotingPageMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "consultation/voting/admin/form.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return _("Karta papierowa: %(page)s") % {"page": self.page.edition.title}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "page": self.page, "areas": self.page.edition.areas.all()}

    def get_form_class(self):
        return PaperBallotForm

    def form_valid(self, form):
        cast_at = timezone.make_aware(
            datetime.datetime.combine(form.cleaned_data["oddano"], datetime.time(12))
        )
        try:
            ballot = cast_paper(
                self.page, form.identity_key(), form.cleaned_data["selection"], form.personal_data(), cast_at
            )
        except AlreadyVoted as refusal:
            form.add_error(None, _("Ta osoba ma już wpisaną kartę papierową w tej edycji."))
            if refusal.voided:
                form.add_error(
                    None,
                    _(
                        "Zgodnie z regulaminem tej edycji wszystkie karty osoby, która głosowała dwa "
                        "razy, są nieważne: jej wcześniejsze głosy unieważniono."
                    ),
                )
            return self.form_invalid(form)
        log(instance=ballot, action="consultation.ballot_paper", user=self.request.user)
        if ballot.status == BallotStatus.VALID:
            messages.success(self.request, _("Karta papierowa została zapisana i będzie policzona."))
        else:
            messages.warning(self.request, str(ALREADY_VOTED) + " " + str(ballot.get_status_display()))
        return HttpResponseRedirect(reverse("ballots:paper", args=[self.page.pk]))

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "submit_label": _("Zapisz kartę")}


class InvalidateForm(forms.ModelForm):
    class Meta:
        model = Ballot
        fields = ["invalidation_reason"]
        widgets = {"invalidation_reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invalidation_reason"].required = True
        self.fields["invalidation_reason"].help_text = _(
            "Np. „osoba nie mieszka w Sosnowcu (sprawdzenie w rejestrze, pismo z 3 czerwca)”. Zapisujemy to w historii."
        )


class InvalidateBallotView(EditView):
    """ "Edit" of a ballot is its invalidation: the one change staff may make, always with a reason."""

    def get_form_class(self):
        return InvalidateForm

    def save_instance(self):
        invalidate(self.object, self.request.user, self.form.cleaned_data["invalidation_reason"])
        return self.object

    def get_success_message(self, instance=None):
        return _("Karta została unieważniona i nie będzie liczona.")


class BallotIndexView(IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["voting_pages"] = VotingPage.objects.all().order_by("-path")
        return context


def export_personal_data(request, page_id):
    """Personal data of the page's ballots for the city's registry check, as CSV; logged."""
    if not is_moderator(request.user):
        raise PermissionDenied
    page = get_object_or_404(VotingPage, pk=page_id)
    if request.method != "POST":
        raise Http404
    ballots = Ballot.objects.filter(page=page).exclude(personal_data={}).order_by("pk")
    keys = PERSONAL_FIELDS
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="glosujacy-{page.edition.year}.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    writer.writerow(["karta", "sposob", "waznosc", *keys])
    count = 0
    for ballot in ballots.iterator():
        person = (ballot.personal_data.get(key, "") for key in keys)
        writer.writerow(neutralised_row([ballot.pk, ballot.channel, ballot.status, *person]))
        count += 1
    log(instance=page, action="consultation.voters_export", user=request.user, data={"count": count})
    return response


def count_votes(request, page_id):
    if not is_moderator(request.user):
        raise PermissionDenied
    page = get_object_or_404(VotingPage, pk=page_id)
    if request.method != "POST":
        raise Http404
    updated = write_counts(page)
    log(instance=page, action="consultation.votes_count", user=request.user, data={"projects": updated})
    messages.success(request, _("Głosy policzone: zapisano je w %(count)s projektach.") % {"count": updated})
    return HttpResponseRedirect(reverse("ballots:index"))


class BallotViewSet(ModelViewSet):
    model = Ballot
    name = "ballots"
    url_prefix = "glosowanie"
    icon = "tick"
    menu_label = _("Głosowanie")
    menu_order = 255
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = ["pk", "page", "channel", "status", "cast_at", "area"]
    list_filter = ["page", "channel", "status"]
    list_per_page = 50
    index_view_class = BallotIndexView
    edit_view_class = InvalidateBallotView
    index_template_name = "consultation/voting/admin/index.html"
    form_fields = ["invalidation_reason"]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("papier/<int:page_id>/", PaperBallotView.as_view(), name="paper"),
            path("eksport/<int:page_id>/", export_personal_data, name="export"),
            path("policz/<int:page_id>/", count_votes, name="count"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        # No delete route: a superuser (who may "delete") must not get a listing that links to one.
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "usage_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().none()
