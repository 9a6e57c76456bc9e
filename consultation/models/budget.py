"""The participatory budget: the list of editions and one edition a year with its money pools
(city-wide and one per district), its phases and its rules."""

import datetime
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.models import BasePage
from home.panels import CheckedInlinePanel

from ..choices import BudgetPhase
from ..formsets import BudgetAreaFormSet
from ..money import zloty

CITYWIDE = "miasto"


@dataclass(frozen=True)
class Pool:
    """The money for one area of an edition, or for city-wide projects (`area_id` None)."""

    key: str
    name: str
    amount: int
    cost_limit: int
    area_id: int | None = None

    @property
    def amount_display(self):
        return zloty(self.amount)

    @property
    def cost_limit_display(self):
        return zloty(self.cost_limit)


@dataclass(frozen=True)
class PhaseStep:
    phase: str
    label: str
    start: datetime.date
    end: datetime.date | None
    is_current: bool
    is_past: bool


class BudgetIndexPage(BasePage):
    intro = RichTextField(
        _("wprowadzenie"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Krótko: czym jest budżet obywatelski i jak w nim uczestniczyć."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultation.BudgetEditionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lista edycji budżetu obywatelskiego")
        verbose_name_plural = _("listy edycji budżetu obywatelskiego")

    def editions(self):
        return BudgetEditionPage.objects.child_of(self).live().order_by("-year")

    def get_context(self, request, *args, **kwargs):
        from ..budget_listing import resident_action

        context = super().get_context(request, *args, **kwargs)
        editions = list(self.editions().prefetch_related("areas"))
        current = current_edition(editions)
        context.update(
            {
                "current_edition": current,
                "current_action": resident_action(current, request) if current else None,
                "other_editions": [edition for edition in editions if edition is not current],
            }
        )
        return context


def current_edition(editions):
    """The edition residents take part in now: the newest not yet being built, else the newest."""
    for edition in editions:
        if edition.current_phase != BudgetPhase.REALISATION:
            return edition
    return editions[0] if editions else None


def amount_field(verbose_name, help_text, **kwargs):
    return models.PositiveBigIntegerField(verbose_name, help_text=help_text, **kwargs)


class BudgetEditionPage(BasePage):
    year = models.PositiveSmallIntegerField(
        _("rok budżetu"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("Rok, na który miasto wyda pieniądze z tej edycji, np. 2027."),
    )
    citywide_pool = amount_field(
        _("pula ogólnomiejska (zł)"),
        _("Pieniądze na projekty dla całego miasta, w pełnych złotych, bez spacji, np. 2500000."),
        default=0,
    )
    citywide_cost_limit = amount_field(
        _("największy koszt projektu ogólnomiejskiego (zł)"),
        _("Projekt droższy niż ta kwota nie może zostać zgłoszony do puli ogólnomiejskiej."),
        default=0,
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("opis edycji"),
        blank=True,
        help_text=_("Co nowego w tej edycji, kto może zgłaszać projekty i głosować, jak to zrobić."),
    )
    rules_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("regulamin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Plik z regulaminem budżetu obywatelskiego (uchwała Rady Miejskiej)."),
    )
    submission_start = models.DateField(_("zgłaszanie projektów: od"))
    submission_end = models.DateField(
        _("zgłaszanie projektów: do"), help_text=_("Formularz przyjmuje projekty do końca tego dnia.")
    )
    verification_end = models.DateField(
        _("weryfikacja: do"), help_text=_("Weryfikacja zaczyna się dzień po końcu zgłaszania.")
    )
    appeals_end = models.DateField(
        _("odwołania: do"),
        help_text=_(
            "Ostatni dzień rozpatrywania odwołań. Autor ma na odwołanie tyle dni, ile podano niżej, "
            "licząc od decyzji."
        ),
    )
    voting_start = models.DateField(_("głosowanie: od"))
    voting_end = models.DateField(_("głosowanie: do"))
    results_date = models.DateField(_("ogłoszenie wyników"))
    realisation_start = models.DateField(_("realizacja: od"), help_text=_("Zwykle 1 stycznia roku budżetu."))
    proposals_per_person = models.PositiveSmallIntegerField(
        _("ile projektów może zgłosić jedna osoba"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Liczymy po adresie e-mail autora. W Sosnowcu: 3."),
    )
    supporters_required = models.PositiveSmallIntegerField(
        _("wymagana liczba podpisów poparcia"),
        default=15,
        validators=[MaxValueValidator(1000)],
        help_text=_("Ile podpisów mieszkańców musi mieć lista poparcia dołączona do projektu. 0: bez listy."),
    )
    appeal_days = models.PositiveSmallIntegerField(
        _("dni na odwołanie"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Ile dni od negatywnej weryfikacji ma autor na odwołanie. W Sosnowcu: 7."),
    )
    min_votes = models.PositiveIntegerField(
        _("najmniejsza liczba głosów do wygranej"),
        default=0,
        help_text=_(
            "Projekt z mniejszą liczbą głosów nie zostanie wybrany, nawet gdy starczy pieniędzy. 0: bez progu."
        ),
    )
    results_published = models.BooleanField(
        _("opublikuj wyniki głosowania"),
        default=False,
        help_text=_("Zaznacz, gdy liczby głosów są wczytane i sprawdzone: strona pokaże tabelę wyników."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("year"),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("rules_document"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("submission_start"), FieldPanel("submission_end")]),
                FieldPanel("verification_end"),
                FieldPanel("appeals_end"),
                FieldRowPanel([FieldPanel("voting_start"), FieldPanel("voting_end")]),
                FieldRowPanel([FieldPanel("results_date"), FieldPanel("realisation_start")]),
            ],
            heading=_("Harmonogram"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("citywide_pool"), FieldPanel("citywide_cost_limit")]),
                CheckedInlinePanel(
                    "areas",
                    formset_class=BudgetAreaFormSet,
                    label=_("dzielnicę"),
                    heading=_("Dzielnice i ich pule"),
                ),
            ],
            heading=_("Pieniądze"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("proposals_per_person"),
                FieldPanel("supporters_required"),
                FieldPanel("appeal_days"),
                FieldPanel("min_votes"),
                FieldPanel("results_published"),
            ],
            heading=_("Zasady edycji"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["consultation.BudgetIndexPage"]
    subpage_types = [
        "consultation.ProposalFormPage",
        "consultation.BudgetProjectPage",
        "consultation.VotingPage",
    ]

    class Meta:
        verbose_name = _("edycja budżetu obywatelskiego")
        verbose_name_plural = _("edycje budżetu obywatelskiego")

    def clean(self):
        super().clean()
        order = [
            ("submission_start", "submission_end"),
            ("submission_end", "verification_end"),
            ("verification_end", "appeals_end"),
            ("appeals_end", "voting_start"),
            ("voting_start", "voting_end"),
            ("voting_end", "results_date"),
            ("results_date", "realisation_start"),
        ]
        errors = {}
        for earlier, later in order:
            first, second = getattr(self, earlier), getattr(self, later)
            if first and second and second < first:
                errors.setdefault(
                    later,
                    _("Ta data nie może być wcześniejsza niż „%(earlier)s”.")
                    % {"earlier": self._meta.get_field(earlier).verbose_name},
                )
        if errors:
            raise ValidationError(errors)

    # Phases
    def phase_starts(self):
        one_day = datetime.timedelta(days=1)
        return [
            (BudgetPhase.SUBMISSION, self.submission_start, self.submission_end),
            (BudgetPhase.VERIFICATION, self.submission_end + one_day, self.verification_end),
            (BudgetPhase.APPEALS, self.verification_end + one_day, self.appeals_end),
            (BudgetPhase.VOTING, self.voting_start, self.voting_end),
            (BudgetPhase.RESULTS, self.results_date, self.realisation_start - one_day),
            (BudgetPhase.REALISATION, self.realisation_start, None),
        ]

    def phase_on(self, day):
        """The phase on a given day: the last one that has started (a gap between two phases
        belongs to the earlier one)."""
        current = BudgetPhase.UPCOMING
        for phase, start, _end in self.phase_starts():
            if start <= day:
                current = phase
        return current

    @property
    def today(self):
        return timezone.localdate()

    @property
    def current_phase(self):
        return self.phase_on(self.today)

    @property
    def current_phase_label(self):
        return BudgetPhase(self.current_phase).label

    def timeline(self):
        current = self.current_phase
        passed = True
        steps = []
        for phase, start, end in self.phase_starts():
            if phase == current:
                passed = False
            steps.append(
                PhaseStep(
                    phase=phase,
                    label=BudgetPhase(phase).label,
                    start=start,
                    end=end,
                    is_current=phase == current,
                    is_past=passed and current != BudgetPhase.UPCOMING,
                )
            )
        return steps

    def accepts_proposals(self):
        return self.current_phase == BudgetPhase.SUBMISSION

    # Money
    def pools(self):
        """The city-wide pool first, then the districts in the editor's order."""
        pools = [
            Pool(
                CITYWIDE,
                str(_("cała gmina (projekty ogólnomiejskie)")),
                self.citywide_pool,
                self.citywide_cost_limit,
            )
        ]
        pools += [
            Pool(str(area.pk), area.name, area.pool_amount, area.cost_limit, area.pk)
            for area in self.areas.all()
        ]
        return pools

    def pool_for_area(self, area_id):
        return next((pool for pool in self.pools() if pool.area_id == area_id), None)

    @property
    def total_amount(self):
        return sum(pool.amount for pool in self.pools())

    @property
    def total_amount_display(self):
        return zloty(self.total_amount)

    def next_project_number(self):
        from .projects import BudgetProjectPage

        last = BudgetProjectPage.objects.child_of(self).aggregate(models.Max("number"))["number__max"]
        return (last or 0) + 1

    # The public page
    def proposal_form(self):
        from .proposals import ProposalFormPage

        return ProposalFormPage.objects.child_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its cached fragment of the edition is missing.
        context["details"] = partial(self.details, request.GET)
        return context

    def details(self, query):
        """What the edition's page shows besides its own fields: its phases, pools and results, the
        link to the proposal form while it is open, and the list of projects the address asks for."""
        from ..budget_listing import edition_results, project_list
        from .voting import VotingPage

        # The pools are read many times below: their districts come from the database once.
        models.prefetch_related_objects([self], "areas")
        results = edition_results(self)
        return {
            "timeline": self.timeline(),
            "pools": self.pools(),
            "proposal_form": self.proposal_form() if self.accepts_proposals() else None,
            # Pools nobody voted in (no project on their ballot) have no table.
            "results": [result for result in results if result.rows] if results else None,
            "voting_page": VotingPage.objects.child_of(self).live().first() if results else None,
            "listing": project_list(self, query),
        }


class BudgetArea(Orderable):
    """A district of the city with its share of an edition's money."""

    edition = ParentalKey(BudgetEditionPage, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(_("nazwa dzielnicy"), max_length=100, help_text=_("Np. „Zagórze”."))
    pool_amount = amount_field(
        _("pula dzielnicy (zł)"), _("Pieniądze na projekty tej dzielnicy, w pełnych złotych, np. 300000.")
    )
    cost_limit = amount_field(
        _("największy koszt projektu (zł)"),
        _("Projekt droższy niż ta kwota nie może zostać zgłoszony w tej dzielnicy."),
    )

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("pool_amount"), FieldPanel("cost_limit")])]

    class Meta(Orderable.Meta):
        verbose_name = _("dzielnica")
        verbose_name_plural = _("dzielnice")

    def __str__(self):
        return self.name
