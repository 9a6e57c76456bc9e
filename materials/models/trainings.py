"""Trainings with registration through the pipeline: a registration is confirmed while seats last,
then waits on the reserve list (`materials.policies.RegistrationPolicy`; the seats in `registration`).
Signed links in the e-mails let a person give up the seat (once) and download the certificate of
attendance (`registration_links`)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from consultation.dates import when_in_words
from consultation.discussion import kept
from consultation.ics import calendar_response
from consultation.models import FormField, ModeratedFormPage, PageDocument, Submission
from consultation.models.forms import form_settings_panel
from consultation.panels import SubmissionsPanel
from home.models import BasePage, SiteSettings
from home.page_cache import content_generation, fragment_generation

from ..choices import RegistrationStatus, TrainingAudience
from ..fields import MultipleChoiceField
from ..policies import SEAT_STATES, RegistrationPolicy
from .common import body_field, index_body_field, paginate
from .forms import CONSENT_HELP, private_fields
from .registration import TrainingRegistrationMixin, seats_left_expression
from .registration_links import RegistrationLinksMixin

R = RegistrationStatus
TRAININGS_PER_PAGE = 12

DEFAULT_REGISTRATION_FIELDS = [
    (
        gettext_noop("Imię i nazwisko"),
        "singleline",
        True,
        gettext_noop("Tak wpiszemy je na zaświadczeniu o udziale."),
    ),
    (
        gettext_noop("E-mail"),
        "email",
        True,
        gettext_noop("Wyślemy na niego potwierdzenie, link do rezygnacji i zaświadczenie."),
    ),
    (
        gettext_noop("Instytucja lub organizacja"),
        "singleline",
        False,
        gettext_noop("Nieobowiązkowe: gdzie pracujesz lub działasz."),
    ),
    (
        gettext_noop("Zgadzam się na przetwarzanie moich danych osobowych w celu organizacji szkolenia"),
        FormField.CONSENT,
        True,
        CONSENT_HELP,
    ),
]


class TrainingIndexPage(BasePage):
    body = index_body_field()

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["materials.TrainingPage"]

    class Meta:
        verbose_name = _("lista szkoleń")
        verbose_name_plural = _("listy szkoleń")

    def trainings(self):
        return (
            TrainingPage.objects.child_of(self).live().public().annotate(seats_left=seats_left_expression())
        )

    def trained_count(self):
        """How many people attended a training of this list: each e-mail address once (a person at
        two trainings is one trained person); anonymised registrations count one each."""
        attended = Submission.objects.filter(
            page_id__in=TrainingPage.objects.child_of(self).values("pk"), status=R.ATTENDED
        )
        counts = attended.aggregate(
            people=Count("sender_key", distinct=True, filter=~Q(sender_key="")),
            unknown=Count("pk", filter=Q(sender_key="")),
        )
        return counts["people"] + counts["unknown"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        trainings = self.trainings()
        context.update(
            {
                "upcoming": list(trainings.filter(ends_at__gt=now).order_by("starts_at", "pk")),
                "past": paginate(
                    request,
                    trainings.filter(ends_at__lte=now).order_by("-starts_at", "-pk"),
                    TRAININGS_PER_PAGE,
                ),
                "trained": self.trained_count(),
                "target": SiteSettings.for_request(request).training_target,
            }
        )
        return context


class TrainingPage(TrainingRegistrationMixin, RegistrationLinksMixin, RoutablePageMixin, ModeratedFormPage):
    audience = MultipleChoiceField(
        _("dla kogo"),
        item_choices=TrainingAudience.choices,
        help_text=_("Zaznacz wszystkie grupy, do których kierujemy szkolenie."),
    )
    starts_at = models.DateTimeField(
        _("początek szkolenia"), help_text=_("Dzień i godzina, np. 12.03.2027 9:00.")
    )
    ends_at = models.DateTimeField(
        _("koniec szkolenia"), help_text=_("Dzień i godzina zakończenia, np. 12.03.2027 14:00.")
    )
    place = models.CharField(
        _("miejsce"),
        max_length=200,
        blank=True,
        help_text=_("Np. „Sala Sesyjna Urzędu Miejskiego”. Puste, gdy szkolenie odbywa się tylko online."),
    )
    address = models.CharField(
        _("adres"), max_length=200, blank=True, help_text=_("Np. „al. Zwycięstwa 20, Sosnowiec”.")
    )
    online_url = models.URLField(
        _("link do spotkania online"),
        blank=True,
        help_text=_("Adres spotkania w internecie (np. Teams, Zoom), gdy szkolenie odbywa się online."),
    )
    trainer = models.CharField(
        _("prowadzący"),
        max_length=200,
        help_text=_("Imię i nazwisko lub nazwa organizacji, np. „Anna Kowalska, Fundacja Dobrych Praktyk”."),
    )
    programme = body_field(_("Program szkolenia: tematy, plan dnia, co warto przygotować."), blank=True)
    capacity = models.PositiveIntegerField(
        _("liczba miejsc"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(10000)],
        help_text=_("Tyle osób zapiszemy z potwierdzonym miejscem; kolejne trafią na listę rezerwową."),
    )
    registration_opens_at = models.DateTimeField(
        _("zapisy od"), help_text=_("Od tej chwili formularz przyjmuje zapisy.")
    )
    registration_closes_at = models.DateTimeField(
        _("zapisy do"), help_text=_("Po tej chwili formularz się zamyka, np. dzień przed szkoleniem o 23:59.")
    )

    content_panels = BasePage.content_panels + [
        SubmissionsPanel(heading=_("Zapisane osoby")),
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Termin")),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("address"), FieldPanel("online_url")], heading=_("Miejsce")
        ),
        FieldPanel("trainer"),
        FieldPanel("audience"),
        FieldPanel("programme"),
        form_settings_panel(
            _("Zapisy"),
            first=[
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
            ],
        ),
        InlinePanel(
            "training_documents",
            label=_("materiał ze szkolenia"),
            heading=_("Materiały ze szkolenia (pokażemy je po szkoleniu)"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("programme"), index.SearchField("trainer")]

    parent_page_types = ["materials.TrainingIndexPage"]
    subpage_types = []
    policy_key = RegistrationPolicy.key

    class Meta:
        verbose_name = _("szkolenie")
        verbose_name_plural = _("szkolenia")

    default_form_fields = private_fields(DEFAULT_REGISTRATION_FIELDS)

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Szkolenie musi kończyć się po tym, jak się zacznie.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Zapisy muszą kończyć się po tym, jak się zaczną.")
        elif closes and self.ends_at and closes > self.ends_at:
            errors["registration_closes_at"] = _("Zapisy muszą zakończyć się najpóźniej z końcem szkolenia.")
        if not (self.place or self.address or self.online_url):
            errors["place"] = _("Podaj miejsce szkolenia albo link do spotkania online.")
        if errors:
            raise ValidationError(errors)

    # What residents see

    @property
    def is_over(self):
        return self.ends_at <= timezone.now()

    @property
    def description(self):
        """The event's description in a calendar file."""
        return self.lead

    def audience_labels(self):
        return self._meta.get_field("audience").labels(self.audience)

    def when_in_words(self):
        return _("%(start)s–%(end)s") % {
            "start": when_in_words(self.starts_at),
            "end": timezone.localtime(self.ends_at).strftime("%H:%M")
            if timezone.localdate(self.ends_at) == timezone.localdate(self.starts_at)
            else when_in_words(self.ends_at),
        }

    def accepts_submissions(self):
        now = timezone.now()
        return self.registration_opens_at <= now < self.registration_closes_at and now < self.ends_at

    def closed_message(self):
        if timezone.now() < self.registration_opens_at:
            return _("Zapisy jeszcze się nie rozpoczęły: ruszą %(start)s.") % {
                "start": when_in_words(self.registration_opens_at)
            }
        return _("Zapisy na to szkolenie są zamknięte.")

    def submissions_closed_at(self):
        return self.ends_at if self.is_over else None

    def registration_counts(self, request):
        """Seats taken and people waiting, kept until the next saved row (a registration, a
        cancellation, a promotion from the reserve list: `content_generation`)."""
        return kept(
            request,
            lambda: self.registrations().aggregate(
                taken=Count("pk", filter=Q(status__in=SEAT_STATES)),
                waiting=Count("pk", filter=Q(status=R.WAITING_LIST)),
            ),
            content_generation,
            "training-registrations",
            self.pk,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        counts = self.registration_counts(request)
        is_over = self.is_over
        is_open = self.accepts_submissions()
        context.update(
            {
                "seats_left": max(self.capacity - counts["taken"], 0),
                "waiting": counts["waiting"],
                "is_over": is_over,
                "is_open": is_open,
                "closed_message": None if is_open else self.closed_message(),
                "training_documents": kept(
                    request,
                    lambda: list(self.training_documents.select_related("document")),
                    fragment_generation,
                    "training-documents",
                    self.pk,
                )
                if is_over
                else [],
                # Read only where the form is rendered, not where it comes from the cache.
                "privacy_notice": self.get_privacy_notice,
                # Only its address is shown: the parent as routing found it, with no query.
                "index_page": self.get_parent(),
            }
        )
        return context

    def where(self):
        return ", ".join(part for part in (self.place, self.address) if part) or _("online")

    # Routes

    @path("")
    def index_route(self, request, *args, **kwargs):
        return ModeratedFormPage.serve(self, request, *args, **kwargs)

    @path("kalendarz/", name="ics")
    def ics(self, request):
        return calendar_response(
            self,
            [self],
            f"szkolenie-{self.slug}.ics",
            summary=_("Szkolenie: %(title)s") % {"title": self.title},
            uid_prefix="training",
        )


class TrainingDocument(PageDocument):
    """Presentations and handouts from the training, shown once it is over."""

    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="training_documents")

    class Meta(PageDocument.Meta):
        verbose_name = _("materiał ze szkolenia")
        verbose_name_plural = _("materiały ze szkolenia")
