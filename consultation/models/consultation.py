from functools import partial

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.models import BasePage
from home.page_cache import fragment_generation
from home.panels import CheckedInlinePanel
from home.per_request import remembered_for

from ..choices import ConsultationPhase, RejectionReason, SubmissionStatus
from ..dates import when_in_words
from ..discussion import Discussion, comment_counts, counts_holes, kept
from ..formsets import DraftActUnitFormSet
from ..ics import calendar_response
from ..panels import SubmissionsPanel
from .forms import FormField, ModeratedFormPage, Submission, form_settings_panel

CONSULTATIONS_PER_PAGE = 10

DEFAULT_COMMENT_FIELDS = [
    # (label, field_type, required, is_public, help_text)
    (
        gettext_noop("Podpis"),
        "singleline",
        True,
        True,
        gettext_noop("Imię i nazwisko albo nazwa organizacji. Pokażemy go przy uwadze."),
    ),
    (
        gettext_noop("E-mail"),
        "email",
        False,
        False,
        gettext_noop("Nieobowiązkowy. Wyślemy na niego potwierdzenie i odpowiedź urzędu."),
    ),
    (
        gettext_noop("Treść uwagi"),
        "multiline",
        True,
        True,
        gettext_noop("Co proponujesz zmienić i dlaczego."),
    ),
    (
        gettext_noop("Zgadzam się na przetwarzanie moich danych osobowych w celu rozpatrzenia uwagi"),
        FormField.CONSENT,
        True,
        False,
        gettext_noop("Zasady opisuje klauzula informacyjna pod formularzem."),
    ),
]


class ConsultationIndexPage(BasePage):
    intro = RichTextField(
        _("wprowadzenie"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Krótko: czym są konsultacje i jak wziąć w nich udział."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultation.ConsultationPage"]

    class Meta:
        verbose_name = _("lista konsultacji")
        verbose_name_plural = _("listy konsultacji")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its cached fragment of the list is missing.
        context["consultation_list"] = partial(self.list_context, request)
        return context

    def list_context(self, request):
        """The filter form's options and choices and one page of the consultations that match them,
        grouped by their phase."""
        now = timezone.now()
        consultations = ConsultationPage.objects.child_of(self).live().order_by("-start_at")
        years = sorted({d.year for d in consultations.dates("start_at", "year")}, reverse=True)
        status = request.GET.get("status", "")
        year = request.GET.get("rok", "")
        if status == ConsultationPhase.OPEN:
            consultations = consultations.filter(start_at__lte=now, end_at__gt=now)
        elif status == ConsultationPhase.UPCOMING:
            consultations = consultations.filter(start_at__gt=now)
        elif status == ConsultationPhase.CLOSED:
            consultations = consultations.filter(end_at__lte=now)
        else:
            status = ""
        if year in {str(known) for known in years}:  # never int() of a long string from the address
            consultations = consultations.filter(start_at__year=int(year))
        else:
            year = ""
        page_obj = Paginator(consultations, CONSULTATIONS_PER_PAGE).get_page(request.GET.get("strona"))
        groups = {
            phase: []
            for phase in (ConsultationPhase.OPEN, ConsultationPhase.UPCOMING, ConsultationPhase.CLOSED)
        }
        for consultation in page_obj:
            groups[consultation.phase_at(now)].append(consultation)
        return {
            "groups": [
                (ConsultationPhase(phase).label, phase, items) for phase, items in groups.items() if items
            ],
            "page_obj": page_obj,
            "years": years,
            "statuses": ConsultationPhase.choices,
            "selected_status": status,
            "selected_year": year,
        }


class ConsultationPage(RoutablePageMixin, ModeratedFormPage):
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("opis konsultacji"),
        blank=True,
        help_text=_("Czego dotyczy konsultacja, dla kogo jest, jak wziąć udział."),
    )
    closed_body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("opis po zakończeniu"),
        blank=True,
        help_text=_(
            "Pokazujemy go zamiast opisu konsultacji, gdy się zakończy, np. „Dziękujemy za udział, "
            "zebraliśmy 40 uwag”. Pusty: opis z czasu trwania zwiniemy pod wynikiem konsultacji, "
            "żeby nie zapraszał już do zgłaszania uwag."
        ),
    )
    start_at = models.DateTimeField(
        _("początek konsultacji"), help_text=_("Od tej chwili formularz przyjmuje uwagi.")
    )
    end_at = models.DateTimeField(
        _("koniec konsultacji"), help_text=_("Po tej chwili formularz się zamyka, np. 23:59 ostatniego dnia.")
    )
    subject = RichTextField(
        _("przedmiot konsultacji"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "Jaki projekt aktu konsultujemy, np. „projekt uchwały w sprawie budżetu obywatelskiego na 2027 r.”."
        ),
    )
    contact_name = models.CharField(_("osoba do kontaktu"), max_length=200, blank=True)
    contact_role = models.CharField(_("stanowisko lub wydział"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail osoby do kontaktu"), blank=True)
    contact_phone = models.CharField(_("telefon osoby do kontaktu"), max_length=40, blank=True)
    outcome = RichTextField(
        _("wynik konsultacji"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Po zakończeniu: co wynikło z konsultacji i co urząd zmienił w projekcie."),
    )

    content_panels = BasePage.content_panels + [
        SubmissionsPanel(),
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")], heading=_("Termin")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("subject"), InlinePanel("documents", label=_("dokument"))],
            heading=_("Przedmiot konsultacji"),
        ),
        CheckedInlinePanel(
            "units",
            formset_class=DraftActUnitFormSet,
            label=_("jednostka projektu aktu"),
            heading=_("Tekst projektu aktu (paragrafy, ustępy, punkty)"),
        ),
        InlinePanel("meetings", label=_("spotkanie konsultacyjne"), heading=_("Spotkania konsultacyjne")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Kontakt"),
        ),
        form_settings_panel(_("Formularz uwag"), first=[FieldPanel("moderation_mode")]),
        MultiFieldPanel(
            [
                FieldPanel("closed_body"),
                FieldPanel("outcome"),
                InlinePanel("outcome_documents", label=_("raport lub dokument")),
            ],
            heading=_("Po zakończeniu"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("subject"),
        index.RelatedFields("units", [index.SearchField("label"), index.SearchField("text")]),
        index.SearchField("public_comments_text"),
    ]

    parent_page_types = ["consultation.ConsultationIndexPage"]
    subpage_types = []
    default_form_fields = DEFAULT_COMMENT_FIELDS

    class Meta:
        verbose_name = _("konsultacja")
        verbose_name_plural = _("konsultacje")

    def clean(self):
        super().clean()
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            raise ValidationError({"end_at": _("Konsultacja musi kończyć się po tym, jak się zacznie.")})

    def public_comments_text(self):
        """What the search finds of the comments: the public fields of the approved ones only."""
        field_labels = self.public_field_labels()
        return "\n".join(
            str(value)
            for submission in Submission.objects.filter(page=self).public()
            for _label, value in submission.public_values(field_labels)
        )

    # Status
    def phase_at(self, now):
        if now < self.start_at:
            return ConsultationPhase.UPCOMING
        if now < self.end_at:
            return ConsultationPhase.OPEN
        return ConsultationPhase.CLOSED

    @property
    def phase(self):
        return self.phase_at(timezone.now())

    @property
    def phase_label(self):
        return ConsultationPhase(self.phase).label

    @property
    def dates_in_words(self):
        phase = self.phase
        if phase == ConsultationPhase.UPCOMING:
            return _("rozpocznie się %(start)s, potrwa do %(end)s") % {
                "start": when_in_words(self.start_at),
                "end": when_in_words(self.end_at),
            }
        if phase == ConsultationPhase.OPEN:
            return _("trwa do %(end)s") % {"end": when_in_words(self.end_at)}
        return _("trwała od %(start)s do %(end)s") % {
            "start": when_in_words(self.start_at),
            "end": when_in_words(self.end_at),
        }

    def accepts_submissions(self):
        return self.phase == ConsultationPhase.OPEN

    def submissions_closed_at(self):
        return self.end_at if self.phase == ConsultationPhase.CLOSED else None

    def closed_message(self):
        if self.phase == ConsultationPhase.UPCOMING:
            return _("Konsultacja jeszcze się nie rozpoczęła: uwagi przyjmujemy od %(start)s.") % {
                "start": when_in_words(self.start_at)
            }
        return _("Konsultacja zakończyła się %(end)s. Nie przyjmujemy już uwag.") % {
            "end": when_in_words(self.end_at)
        }

    # Draft act units
    def get_units(self):
        return remembered_for(self, "units", lambda: list(self.units.all()))

    def get_unit_choices(self):
        return [(unit.anchor, unit.label) for unit in self.get_units()]

    # Public side
    def comment_items(self, submissions, units, field_labels):
        """Approved submissions as the public sees them: the public fields and the unit's label."""
        unit_labels = {unit.anchor: unit.label for unit in units}
        return [
            {
                "submission": submission,
                "values": submission.public_values(field_labels),
                "response": submission.response,
                "unit_label": unit_labels.get(submission.unit_anchor, ""),
            }
            for submission in submissions
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selected_unit = request.GET.get("fragment", "")
        if selected_unit and selected_unit not in {unit.anchor for unit in self.get_units()}:
            selected_unit = ""
        submissions = Submission.objects.filter(page=self)
        counts = comment_counts(self.pk, request)
        # The list of one unit's comments changes only when one is published or hidden.
        listed = (
            kept(
                request,
                lambda: submissions.public().filter(unit_anchor=selected_unit).count(),
                fragment_generation,
                "listed",
                self.pk,
                selected_unit,
            )
            if selected_unit
            else counts["published"]
        )
        closed = self.phase == ConsultationPhase.CLOSED
        meetings, documents, outcome_documents = kept(
            request,
            lambda: (
                list(self.meetings.all()),
                list(self.documents.select_related("document")),
                list(self.outcome_documents.select_related("document")) if closed else [],
            ),
            fragment_generation,
            "documents",
            self.pk,
            closed,
        )
        context.update(
            {
                "counts": counts,
                "counts_holes": counts_holes(self.pk, counts),
                "discussion": Discussion(
                    self,
                    submissions.public(),
                    self.get_units,
                    selected_unit,
                    listed,
                    request.GET.get("uwagi"),
                ),
                "meetings": meetings,
                "upcoming_meetings": [meeting for meeting in meetings if not meeting.is_past],
                "documents": documents,
                "outcome_documents": outcome_documents,
                "privacy_notice": self.get_privacy_notice,  # read only where the form is rendered
                "is_open": self.accepts_submissions(),
                "closed_message": None if self.accepts_submissions() else self.closed_message(),
            }
        )
        return context

    def get_form(self, *args, **kwargs):
        """A form to show (no data sent) is built only where the page renders it, not where the
        template takes it from the cache (`blank_form_cache`)."""
        if args:
            return super().get_form(*args, **kwargs)
        return SimpleLazyObject(lambda: super(ConsultationPage, self).get_form(**kwargs))

    @path("")
    def index_route(self, request, *args, **kwargs):
        return ModeratedFormPage.serve(self, request, *args, **kwargs)

    @path("raport/", name="report")
    def report(self, request):
        if self.phase != ConsultationPhase.CLOSED:
            raise Http404
        submissions = Submission.objects.filter(page=self)
        by_status = dict(submissions.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        rejected = submissions.filter(status=SubmissionStatus.REJECTED)
        by_reason = (
            rejected.values_list("reason_category").annotate(n=Count("pk")).order_by("reason_category")
        )
        comments = self.comment_items(
            submissions.public().order_by("submit_time", "pk"),
            list(self.units.all()),
            self.public_field_labels(),
        )
        context = super().get_context(request)
        context.update(
            {
                "status_counts": [
                    (label, by_status.get(value, 0)) for value, label in SubmissionStatus.choices
                ],
                "total_count": sum(n for status, n in by_status.items() if status != SubmissionStatus.SPAM),
                "meetings_count": self.meetings.count(),
                "rejected_by_reason": [
                    (RejectionReason(category).label if category else _("bez podanej kategorii"), n)
                    for category, n in by_reason
                ],
                "report_comments": comments,
            }
        )
        return TemplateResponse(request, "consultation/consultation_report.html", context)

    # Calendar files only for meetings still to come: nobody needs a past meeting in a calendar.
    @path("kalendarz/", name="meetings_ics")
    def meetings_ics(self, request):
        meetings = list(self.meetings.filter(ends_at__gt=timezone.now()))
        if not meetings:
            raise Http404
        return calendar_response(self, meetings, f"spotkania-{self.slug}.ics")

    @path("kalendarz/<int:meeting_id>/", name="meeting_ics")
    def meeting_ics(self, request, meeting_id):
        # An untranslated alias under /en/ or /uk/ links its own copies of the meetings, and its
        # sub-pages are sent on here (home.translations.redirect_to_original).
        meetings = self.meetings.model.objects.filter(
            Q(page=self) | Q(page__alias_of=self), ends_at__gt=timezone.now()
        )
        meeting = get_object_or_404(meetings, pk=meeting_id)
        return calendar_response(self, [meeting], f"spotkanie-{meeting.pk}.ics")
