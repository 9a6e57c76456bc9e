"""A budget project: a proposal that passed verification, with its dated status history, the vote
and, once chosen, progress updates while it is built."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.models import BasePage

from ..choices import ProposalStatus, TieDecision
from ..money import zloty
from .budget import BudgetArea

PROJECT_STATUSES = [
    (status.value, status.label)
    for status in (
        ProposalStatus.POSITIVE,
        ProposalStatus.NEGATIVE,
        ProposalStatus.APPEAL_REJECTED,
        ProposalStatus.ON_BALLOT,
        ProposalStatus.SELECTED,
        ProposalStatus.NOT_SELECTED,
        ProposalStatus.IN_PROGRESS,
        ProposalStatus.IMPLEMENTED,
        ProposalStatus.WITHDRAWN,
    )
]


class BudgetProjectPage(BasePage):
    number = models.PositiveIntegerField(
        _("numer projektu"),
        help_text=_("Numer na liście do głosowania; w jednej edycji każdy projekt ma inny."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PROJECT_STATUSES,
        default=ProposalStatus.POSITIVE,
        db_index=True,
        help_text=_("Zmieniając status, dopisz go też do historii niżej, z datą."),
    )
    area = models.ForeignKey(
        BudgetArea,
        verbose_name=_("dzielnica"),
        null=True,
        blank=True,
        # RESTRICT: a district with projects cannot go on its own, but an edition deleted with its
        # projects takes its districts along.
        on_delete=models.RESTRICT,
        related_name="projects",
        help_text=_("Pusta: projekt ogólnomiejski. Dzielnice ustawia się na stronie edycji."),
    )
    cost = models.PositiveBigIntegerField(
        _("koszt (zł)"), help_text=_("Szacunkowy koszt po weryfikacji, w pełnych złotych.")
    )
    location = models.CharField(
        _("miejsce"),
        max_length=300,
        blank=True,
        help_text=_("Adres lub opis miejsca, np. „skwer przy ul. Kilińskiego 5”."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("zdjęcie główne"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Pokazywane na liście projektów. Opisz je w polu „tekst alternatywny” obrazu."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("opis projektu"),
        blank=True,
        help_text=_("Co powstanie, dla kogo i dlaczego; można dodać zdjęcia i mapy w formie obrazów."),
    )
    verification_result = RichTextField(
        _("wynik weryfikacji i uzasadnienie"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Co sprawdził urząd (formalnie i merytorycznie) i z jakim wynikiem."),
    )
    votes_online = models.PositiveIntegerField(
        _("głosy internetowe"), null=True, blank=True, help_text=_("Wczytywane z pliku CSV z wynikami.")
    )
    votes_paper = models.PositiveIntegerField(
        _("głosy papierowe"), null=True, blank=True, help_text=_("Wczytywane z pliku CSV z wynikami.")
    )
    tie_decision = models.CharField(
        _("rozstrzygnięcie remisu"),
        max_length=8,
        choices=TieDecision.choices,
        default=TieDecision.NONE,
        blank=True,
        help_text=_(
            "Tylko gdy lista wyników zgłosi remis na granicy puli: wpisz, jak go rozstrzygnięto (np. losowaniem)."
        ),
    )
    proposal = models.ForeignKey(
        "consultation.Submission",
        verbose_name=_("zgłoszenie, z którego powstał"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("status")]),
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("cost")]),
        FieldPanel("location"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("verification_result"),
        InlinePanel("status_changes", label=_("zmianę statusu"), heading=_("Historia statusu")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("votes_online"), FieldPanel("votes_paper")]),
                FieldPanel("tie_decision"),
            ],
            heading=_("Głosowanie"),
        ),
        InlinePanel("updates", label=_("informację o postępach"), heading=_("Postępy realizacji")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.SearchField("location")]

    parent_page_types = ["consultation.BudgetEditionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("projekt budżetu obywatelskiego")
        verbose_name_plural = _("projekty budżetu obywatelskiego")

    def clean(self):
        super().clean()
        edition = self.get_parent().specific if self.pk else None
        errors = {}
        if edition is not None:
            if self.area_id and not edition.areas.filter(pk=self.area_id).exists():
                errors["area"] = _("Ta dzielnica nie należy do edycji, w której jest projekt.")
            siblings = BudgetProjectPage.objects.child_of(edition).exclude(pk=self.pk)
            if self.number and siblings.filter(number=self.number).exists():
                errors["number"] = _("Projekt o tym numerze już jest w tej edycji.")
        if errors:
            raise ValidationError(errors)

    @property
    def votes(self):
        if self.votes_online is None and self.votes_paper is None:
            return None
        return (self.votes_online or 0) + (self.votes_paper or 0)

    @property
    def cost_display(self):
        return zloty(self.cost)

    @property
    def area_name(self):
        return self.area.name if self.area_id else _("ogólnomiejski")

    # The public page
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its cached fragment of the project is missing.
        context["details"] = self.details
        return context

    def details(self):
        """What the project's page shows besides its own fields: its edition, its place in the
        results, its status history and the progress of its building."""
        from ..budget_listing import project_placing

        edition = self.get_parent().specific
        return {
            "edition": edition,
            "placing": project_placing(self, edition),
            "status_history": self.status_changes.order_by("date", "sort_order"),
            "progress_updates": self.updates.prefetch_related(
                models.Prefetch("image", queryset=get_image_model().objects.prefetch_renditions())
            ).order_by("-date", "sort_order"),
        }


class ProjectStatusChange(Orderable):
    project = ParentalKey(BudgetProjectPage, on_delete=models.CASCADE, related_name="status_changes")
    date = models.DateField(_("data"))
    status = models.CharField(_("status"), max_length=20, choices=PROJECT_STATUSES)
    note = models.CharField(
        _("uwagi"), max_length=300, blank=True, help_text=_("Np. numer uchwały lub zarządzenia.")
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("status")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("zmiana statusu")
        verbose_name_plural = _("historia statusu")


class ProjectUpdate(Orderable):
    project = ParentalKey(BudgetProjectPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("data"))
    text = models.TextField(_("co się zmieniło"), max_length=2000)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("zdjęcie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Zdjęcie z budowy lub gotowego projektu."),
    )

    panels = [FieldPanel("date"), FieldPanel("text"), FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("informacja o postępach")
        verbose_name_plural = _("postępy realizacji")
