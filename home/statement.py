"""The accessibility statement ("Deklaracja dostępności") that the 2019 act on the digital
accessibility of public bodies' websites requires, rendered in the structure of the ministry's
"Warunki techniczne publikacji oraz struktura dokumentu elektronicznego deklaracji dostępności"
(version 2.0 of 31 July 2024): the `a11y-*` ids that monitoring tools read are in
templates/home/accessibility_statement_page.html. One statement per site (per home page); the
footer links to it (home/footer.py) and the dashboard reminds staff of its yearly review."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from .models import BasePage

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# The act (art. 10 ust. 3) asks for a review of the statement by 31 March of every year.
REVIEW_MONTH, REVIEW_DAY = 3, 31
# From when in the year the dashboard starts reminding.
REMINDER_MONTH = 3


class ComplianceStatus(models.TextChoices):
    COMPLIANT = "compliant", _("zgodna")
    PARTIAL = "partial", _("częściowo zgodna")
    NON_COMPLIANT = "non_compliant", _("niezgodna")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("samoocena")
    AUDIT = "audit", _("badanie przeprowadzone przez podmiot zewnętrzny")


class IssueKind(models.TextChoices):
    NON_COMPLIANT = "non_compliant", _("niezgodność z ustawą")
    BURDEN = "burden", _("nadmierny koszt (art. 8 ustawy)")
    EXCLUDED = "excluded", _("treść nieobjęta ustawą (wyłączenie)")


class AccessibilityStatementPage(BasePage):
    entity = models.CharField(
        _("nazwa podmiotu"),
        max_length=200,
        help_text=_("Pełna nazwa urzędu, który odpowiada za serwis, np. „Urząd Miejski w Sosnowcu”."),
    )
    site_name = models.CharField(
        _("nazwa serwisu"),
        max_length=200,
        help_text=_("Nazwa strony, której dotyczy deklaracja, np. „Budżet Obywatelski w Sosnowcu”."),
    )
    site_url = models.URLField(
        _("adres serwisu"),
        blank=True,
        help_text=_("Adres strony głównej serwisu. Pusty: adres, pod którym działa ten serwis."),
    )
    site_published = models.DateField(
        _("data publikacji serwisu"), help_text=_("Kiedy serwis pierwszy raz pojawił się w internecie.")
    )
    site_updated = models.DateField(
        _("data ostatniej istotnej aktualizacji serwisu"),
        help_text=_(
            "Kiedy ostatnio zmienił się wygląd, układ lub sposób publikowania treści w serwisie "
            "(nie wpisuj tu dat zwykłych nowych artykułów)."
        ),
    )
    status = models.CharField(
        _("stan zgodności z ustawą"),
        max_length=20,
        choices=ComplianceStatus.choices,
        help_text=_(
            "„Częściowo zgodna” lub „niezgodna”: wypisz niżej treści niedostępne i powód. "
            "Wynik bierzemy z samooceny lub audytu."
        ),
    )
    burden_assessment_url = models.URLField(
        _("link do analizy nadmiernego kosztu"),
        blank=True,
        help_text=_(
            "Tylko gdy powołujesz się na nadmierny koszt (art. 8 ustawy): adres opublikowanej analizy."
        ),
    )
    prepared_on = models.DateField(
        _("data sporządzenia deklaracji"), help_text=_("Kiedy deklarację przygotowano po raz pierwszy.")
    )
    reviewed_on = models.DateField(
        _("data ostatniego przeglądu deklaracji"),
        null=True,
        blank=True,
        help_text=_(
            "Deklarację przeglądamy i aktualizujemy co roku do 31 marca. Po przeglądzie wpisz tu jego "
            "datę: panel administracyjny przestanie przypominać o przeglądzie do następnego roku."
        ),
    )
    assessment_method = models.CharField(
        _("jak sprawdzono dostępność"),
        max_length=10,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
        help_text=_("Samoocena pracowników urzędu albo badanie (audyt) zlecone firmie lub organizacji."),
    )
    auditor = models.CharField(
        _("kto przeprowadził badanie"),
        max_length=200,
        blank=True,
        help_text=_("Tylko przy badaniu zewnętrznym: nazwa firmy lub organizacji."),
    )
    audit_report_url = models.URLField(
        _("link do raportu z badania"), blank=True, help_text=_("Nieobowiązkowe: adres raportu z audytu.")
    )
    additional_info = RichTextField(
        _("udogodnienia i inne informacje"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Np. przełącznik kontrastu, powiększanie tekstu, link „Przejdź do treści”, skróty klawiszowe."
        ),
    )
    contact_person = models.CharField(
        _("osoba do kontaktu"),
        max_length=200,
        help_text=_("Imię i nazwisko osoby, która przyjmuje zgłoszenia w sprawie dostępności."),
    )
    contact_email = models.EmailField(
        _("e-mail w sprawie dostępności"),
        help_text=_("Adres, na który można zgłaszać problemy z dostępnością."),
    )
    contact_phone = models.CharField(
        _("telefon w sprawie dostępności"), max_length=40, help_text=_("Np. +48 32 296 00 00")
    )
    complaint_to = models.TextField(
        _("gdzie składać skargę"),
        max_length=600,
        help_text=_(
            "Do kogo i na jaki adres wysłać skargę na odmowę, np. „Prezydent Miasta Sosnowca, Al. "
            "Zwycięstwa 20, 41-200 Sosnowiec”. Każda część w osobnym wierszu."
        ),
    )
    architecture = RichTextField(
        _("dostępność architektoniczna"),
        features=TEXT_FEATURES,
        help_text=_(
            "Adres siedziby i opis budynku: wejścia, podjazdy, windy, toalety, miejsca parkingowe, "
            "pętla indukcyjna, czy można wejść z psem asystującym."
        ),
    )
    architecture_url = models.URLField(
        _("link do pełnego opisu budynków"),
        blank=True,
        help_text=_("Nieobowiązkowe: strona z dokładniejszym opisem dostępności budynków urzędu."),
    )
    communication = RichTextField(
        _("dostępność komunikacyjno-informacyjna"),
        features=TEXT_FEATURES,
        help_text=_(
            "Tłumacz polskiego języka migowego, jak go zamówić, kontakt przez SMS, e-mail, wideorozmowę, "
            "informacje w tekście łatwym do czytania."
        ),
    )
    mobile_apps = RichTextField(
        _("aplikacje mobilne"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Tylko gdy urząd ma aplikacje mobilne: nazwy i linki do ich deklaracji dostępności."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("entity"),
                FieldPanel("site_name"),
                FieldPanel("site_url"),
                FieldRowPanel([FieldPanel("site_published"), FieldPanel("site_updated")]),
            ],
            heading=_("Podmiot i serwis"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                InlinePanel("issues", label=_("treść niedostępna")),
                FieldPanel("burden_assessment_url"),
            ],
            heading=_("Stan dostępności"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")]),
                FieldPanel("assessment_method"),
                FieldPanel("auditor"),
                FieldPanel("audit_report_url"),
            ],
            heading=_("Przygotowanie deklaracji"),
        ),
        FieldPanel("additional_info"),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("complaint_to"),
            ],
            heading=_("Kontakt i skargi"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("architecture"),
                FieldPanel("architecture_url"),
                FieldPanel("communication"),
                FieldPanel("mobile_apps"),
            ],
            heading=_("Pozostałe informacje"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("architecture"),
        index.SearchField("communication"),
    ]

    parent_page_types = ["home.HomePage"]
    # No subpage_types: the page types that name this one as their parent (the request form of
    # the materials app) may go under it, and home names no feature app.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("deklaracja dostępności")
        verbose_name_plural = _("deklaracje dostępności")

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        for name in ("site_published", "site_updated", "prepared_on", "reviewed_on"):
            value = getattr(self, name)
            if value and value > today:
                errors[name] = _("Ta data jest w przyszłości. Wpisz datę, która już minęła.")
        if self.site_published and self.site_updated and self.site_updated < self.site_published:
            errors["site_updated"] = _("Aktualizacja nie może być wcześniejsza niż publikacja serwisu.")
        if self.prepared_on and self.reviewed_on and self.reviewed_on < self.prepared_on:
            errors["reviewed_on"] = _("Przegląd nie może być wcześniejszy niż sporządzenie deklaracji.")
        if self.assessment_method == AssessmentMethod.AUDIT and not self.auditor.strip():
            errors["auditor"] = _("Wpisz, kto przeprowadził badanie dostępności.")
        if errors:
            raise ValidationError(errors)

    @property
    def last_reviewed(self):
        return self.reviewed_on or self.prepared_on

    def review_state(self, today=None):
        """ "overdue", "due" or "" for this year's review (by 31 March)."""
        return review_state(self.last_reviewed, today or timezone.localdate())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        issues = {kind: [] for kind in IssueKind.values}
        for issue in self.issues.all():
            issues[issue.kind].append(issue)
        context.update(
            {
                "non_compliant_issues": issues[IssueKind.NON_COMPLIANT],
                "burden_issues": issues[IssueKind.BURDEN],
                "excluded_issues": issues[IssueKind.EXCLUDED],
                "request_page": self.get_children().live().first(),
                "site_url": self.site_url or self.get_site().root_url + "/",
                "is_compliant": self.status == ComplianceStatus.COMPLIANT,
                "is_audit": self.assessment_method == AssessmentMethod.AUDIT,
            }
        )
        return context


def review_deadline(year):
    return datetime.date(year, REVIEW_MONTH, REVIEW_DAY)


def review_state(last_reviewed, today):
    """A statement reviewed this year is fine; otherwise this year's review is "due" from 1 March
    and "overdue" after 31 March."""
    if last_reviewed and last_reviewed.year >= today.year:
        return ""
    if today > review_deadline(today.year):
        return "overdue"
    if today.month >= REMINDER_MONTH:
        return "due"
    return ""


class AccessibilityIssue(Orderable):
    """One item of the statement's list of inaccessible content, with the reason."""

    page = ParentalKey(AccessibilityStatementPage, on_delete=models.CASCADE, related_name="issues")
    kind = models.CharField(
        _("rodzaj"),
        max_length=20,
        choices=IssueKind.choices,
        default=IssueKind.NON_COMPLIANT,
        help_text=_(
            "Niezgodność: treść powinna być dostępna, a nie jest. Nadmierny koszt: dostosowanie "
            "przekracza możliwości urzędu (wymaga analizy). Wyłączenie: ustawa jej nie obejmuje, np. "
            "nagrania opublikowane przed 23 września 2020 r."
        ),
    )
    content = models.CharField(
        _("co jest niedostępne"), max_length=300, help_text=_("Np. „Część plików PDF z lat 2013–2014”.")
    )
    reason = models.TextField(
        _("dlaczego i co robimy"),
        max_length=1000,
        help_text=_("Powód i, jeśli jest, inny sposób dostępu do tej treści lub termin poprawy."),
    )

    panels = [FieldPanel("kind"), FieldPanel("content"), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("treść niedostępna")
        verbose_name_plural = _("treści niedostępne")
