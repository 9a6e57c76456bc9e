"""Legal acts: resolutions, orders, regulations and statutes about consultations and the budget.

A legal act names the consultations held about it (`LegalActConsultation`, chosen in the editor).
The link lives here only: a consultation page reads it back through the reverse relation
(`materials_tags.legal_acts_for`), so the consultation app never refers to this one."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from consultation.models import PageDocument
from home.models import BasePage

from ..choices import LegalActStatus, LegalActType
from .common import body_field, choice_param, index_body_field, paginate, year_param

LEGAL_ACTS_PER_PAGE = 20


class LegalActIndexPage(BasePage):
    body = index_body_field()

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["materials.LegalActPage"]

    class Meta:
        verbose_name = _("lista aktów prawnych")
        verbose_name_plural = _("listy aktów prawnych")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        acts = LegalActPage.objects.child_of(self).live().public()
        years = sorted({day.year for day in acts.dates("adopted_on", "year")}, reverse=True)
        act_type = choice_param(request, "typ", LegalActType)
        status = choice_param(request, "status", LegalActStatus)
        year = year_param(request, "rok", years)
        if act_type:
            acts = acts.filter(act_type=act_type)
        if status:
            acts = acts.filter(status=status)
        if year:
            acts = acts.filter(adopted_on__year=year)
        acts = acts.order_by(F("adopted_on").desc(nulls_first=True), "-pk")
        context.update(
            {
                "acts": paginate(request, acts, LEGAL_ACTS_PER_PAGE),
                "act_types": LegalActType.choices,
                "statuses": LegalActStatus.choices,
                "years": [(year, year) for year in years],
                "selected_type": act_type,
                "selected_status": status,
                "selected_year": year,
            }
        )
        return context


class LegalActPage(BasePage):
    act_type = models.CharField(
        _("rodzaj aktu"),
        max_length=20,
        choices=LegalActType.choices,
        default=LegalActType.RESOLUTION,
        help_text=_("Kto i w jakiej formie przyjmuje akt."),
    )
    number = models.CharField(
        _("numer"),
        max_length=80,
        blank=True,
        help_text=_("Numer nadany przy przyjęciu, np. „XLII/812/2026”. Projekt zwykle nie ma numeru."),
    )
    status = models.CharField(
        _("status aktu"),
        max_length=20,
        choices=LegalActStatus.choices,
        default=LegalActStatus.IN_FORCE,
        help_text=_("Na jakim etapie jest akt. Zmieniaj go, gdy akt zostanie przyjęty lub uchylony."),
    )
    adopted_on = models.DateField(
        _("data przyjęcia"),
        null=True,
        blank=True,
        help_text=_("Dzień, w którym Rada Miejska lub Prezydent przyjęli akt. Pusta dla projektu."),
    )
    in_force_from = models.DateField(
        _("obowiązuje od"),
        null=True,
        blank=True,
        help_text=_("Dzień wejścia w życie, często 14 dni po ogłoszeniu w Dzienniku Urzędowym."),
    )
    summary = RichTextField(
        _("streszczenie"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Co ustala ten akt, prostym językiem, najlepiej w kilku punktach."),
    )
    publication_name = models.CharField(
        _("miejsce publikacji"),
        max_length=200,
        blank=True,
        help_text=_(
            "Np. „Dziennik Urzędowy Województwa Śląskiego, poz. 1234” albo „Biuletyn Informacji Publicznej”."
        ),
    )
    publication_url = models.URLField(
        _("link do publikacji urzędowej"),
        blank=True,
        help_text=_("Adres aktu w BIP lub w Dzienniku Urzędowym: tam jest tekst, który obowiązuje."),
    )
    body = body_field(
        _("Nieobowiązkowe dodatkowe informacje: historia zmian, wyjaśnienia, pytania i odpowiedzi."),
        blank=True,
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("act_type"), FieldPanel("number")]),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("adopted_on"), FieldPanel("in_force_from")]),
            ],
            heading=_("Akt"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("publication_name"),
                FieldPanel("publication_url"),
                InlinePanel("documents", label=_("Dokument")),
            ],
            heading=_("Tekst aktu i dokumenty"),
        ),
        MultipleChooserPanel(
            "consultation_links",
            chooser_field_name="consultation",
            label=_("Link do konsultacji"),
            heading=_("Konsultacje społeczne tego aktu"),
            help_text=_("Konsultacje, w których mieszkańcy opiniowali ten akt lub jego projekt."),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("act_type"),
        index.FilterField("status"),
    ]

    parent_page_types = ["materials.LegalActIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("akt prawny")
        verbose_name_plural = _("akty prawne")

    @property
    def short_description(self):
        """E.g. "uchwała Rady Miejskiej nr XL/1/2026, obowiązujący"."""
        kind = self.get_act_type_display()
        if self.number:
            kind = _("%(kind)s nr %(number)s") % {"kind": kind, "number": self.number}
        return f"{kind}, {self.get_status_display()}"

    def clean(self):
        super().clean()
        if self.adopted_on and self.in_force_from and self.in_force_from < self.adopted_on:
            raise ValidationError(
                {"in_force_from": _("Akt nie może obowiązywać wcześniej, niż go przyjęto.")}
            )
        if self.status in (LegalActStatus.IN_FORCE, LegalActStatus.REPEALED) and not self.adopted_on:
            raise ValidationError(
                {"adopted_on": _("Podaj datę przyjęcia aktu, który obowiązuje lub uchylono.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "index_page": self.get_parent(),
                "documents": list(self.documents.select_related("document")),
                "consultations": [
                    link.consultation
                    for link in self.consultation_links.select_related("consultation")
                    if link.consultation and link.consultation.live
                ],
            }
        )
        return context


class LegalActDocument(PageDocument):
    """The act's text, attachments and justification."""

    page = ParentalKey(LegalActPage, on_delete=models.CASCADE, related_name="documents")

    class Meta(PageDocument.Meta):
        verbose_name = _("dokument aktu")
        verbose_name_plural = _("dokumenty aktu")


class LegalActConsultation(Orderable):
    page = ParentalKey(LegalActPage, on_delete=models.CASCADE, related_name="consultation_links")
    consultation = models.ForeignKey(
        "consultation.ConsultationPage",
        verbose_name=_("konsultacja"),
        on_delete=models.CASCADE,
        related_name="legal_act_links",
        help_text=_(
            "Konsultacja społeczna o tym akcie. Pokażemy link do niej, a na jej stronie link do aktu."
        ),
    )

    panels = [FieldPanel("consultation")]

    class Meta(Orderable.Meta):
        verbose_name = _("konsultacja aktu")
        verbose_name_plural = _("konsultacje aktu")
