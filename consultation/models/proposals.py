"""The form residents propose budget projects with: a moderated form page of an edition, open only in
its submission phase, with the district and the cost checked against the edition's pools, a limit of
proposals per person and the author's appeal against a negative verification."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext
from django.views.decorators.cache import never_cache
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from home.blocks import BodyStreamBlock

from ..appeals import appeal_url, appeal_view
from ..choices import BudgetPhase, ProposalStatus
from ..dates import when_in_words
from ..money import zloty
from ..policies import ProposalPolicy
from .forms import FormField, ModeratedFormPage, form_settings_panel

AREA_FIELD = "dzielnica"
COST_FIELD = "koszt"

DEFAULT_PROPOSAL_FIELDS = [
    # (label, field_type, required, is_public, help_text)
    (
        gettext_noop("Tytuł projektu"),
        "singleline",
        True,
        True,
        gettext_noop("Krótko, np. „Plac zabaw przy ul. Zielonej”."),
    ),
    (
        gettext_noop("Miejsce realizacji"),
        "singleline",
        True,
        True,
        gettext_noop("Adres lub opis miejsca, najlepiej z numerem działki."),
    ),
    (
        gettext_noop("Opis projektu"),
        "multiline",
        True,
        True,
        gettext_noop("Co ma powstać lub się odbyć, dla kogo i w jaki sposób."),
    ),
    (
        gettext_noop("Uzasadnienie"),
        "multiline",
        True,
        True,
        gettext_noop("Dlaczego projekt jest potrzebny mieszkańcom."),
    ),
    (
        gettext_noop("Zdjęcia lub mapka miejsca"),
        FormField.ATTACHMENT,
        False,
        True,
        gettext_noop("Nieobowiązkowe: PDF, JPG lub PNG."),
    ),
    (
        gettext_noop("Lista poparcia"),
        FormField.ATTACHMENT,
        True,
        False,
        gettext_noop("Skan listy z podpisami mieszkańców popierających projekt."),
    ),
    (
        gettext_noop("Zgoda właściciela lub zarządcy terenu"),
        FormField.ATTACHMENT,
        False,
        False,
        gettext_noop("Potrzebna, gdy teren nie należy do miasta."),
    ),
    (
        gettext_noop("Zgoda autora utworu"),
        FormField.ATTACHMENT,
        False,
        False,
        gettext_noop("Potrzebna, gdy projekt korzysta z cudzego projektu, zdjęcia lub tekstu."),
    ),
    (
        gettext_noop("Imię i nazwisko autora"),
        "singleline",
        True,
        False,
        gettext_noop("Nie pokazujemy go publicznie."),
    ),
    (
        gettext_noop("E-mail"),
        "email",
        True,
        False,
        gettext_noop("Na ten adres wyślemy potwierdzenie i wynik weryfikacji."),
    ),
    (
        gettext_noop("Telefon"),
        "singleline",
        False,
        False,
        gettext_noop("Nieobowiązkowy: ułatwi kontakt przy weryfikacji."),
    ),
    (
        gettext_noop("Zgadzam się na przetwarzanie moich danych osobowych w celu rozpatrzenia projektu"),
        FormField.CONSENT,
        True,
        False,
        gettext_noop("Zasady opisuje klauzula informacyjna pod formularzem."),
    ),
]


class ProposalFormPage(RoutablePageMixin, ModeratedFormPage):
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("opis nad formularzem"),
        blank=True,
        help_text=_("Jak przygotować projekt: co musi zawierać, jakie załączniki są potrzebne."),
    )

    content_panels = ModeratedFormPage.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        form_settings_panel(_("Formularz projektu")),
    ]

    policy_key = ProposalPolicy.key
    parent_page_types = ["consultation.BudgetEditionPage"]
    subpage_types = []
    default_form_fields = DEFAULT_PROPOSAL_FIELDS
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("formularz zgłaszania projektów")
        verbose_name_plural = _("formularze zgłaszania projektów")

    @property
    def edition(self):
        return self.get_parent().specific

    # The form
    def extra_form_fields(self):
        edition = self.edition
        pools = edition.pools()
        limits = "; ".join(f"{pool.name}: {pool.cost_limit_display}" for pool in pools)
        fields = {
            AREA_FIELD: forms.ChoiceField(
                label=_("Dzielnica"),
                choices=[("", _("– wybierz –"))] + [(pool.key, pool.name) for pool in pools],
                help_text=_("Projekt ogólnomiejski służy mieszkańcom całego miasta."),
            ),
            COST_FIELD: forms.IntegerField(
                label=_("Szacunkowy koszt (zł)"),
                min_value=1,
                max_value=10**12,
                help_text=_("W pełnych złotych. Największy koszt projektu: %(limits)s.") % {"limits": limits},
                error_messages={
                    "invalid": _("Wpisz koszt w pełnych złotych, samymi cyframi, np. 150000."),
                    "min_value": _("Koszt musi być większy od zera."),
                    "max_value": _("Ta kwota jest większa niż cały budżet obywatelski."),
                },
            ),
        }
        if edition.supporters_required:
            fields[AREA_FIELD].help_text += " " + str(
                ngettext(
                    "Do projektu dołącz listę poparcia z podpisem co najmniej %(count)s mieszkańca.",
                    "Do projektu dołącz listę poparcia z podpisami co najmniej %(count)s mieszkańców.",
                    edition.supporters_required,
                )
                % {"count": edition.supporters_required}
            )
        return fields

    def clean_form(self, cleaned):
        """Errors of the district and the cost together: a cost over the chosen pool's limit."""
        key, cost = cleaned.get(AREA_FIELD), cleaned.get(COST_FIELD)
        pool = next((pool for pool in self.edition.pools() if pool.key == key), None)
        if pool is None or cost is None:
            return {}
        if cost > pool.cost_limit:
            return {
                COST_FIELD: _(
                    "Projekt w puli „%(pool)s” może kosztować najwyżej %(limit)s. Zmniejsz zakres "
                    "projektu albo wybierz pulę ogólnomiejską."
                )
                % {"pool": pool.name, "limit": zloty(pool.cost_limit)}
            }
        return {}

    def submission_fields(self, data):
        pool = next((pool for pool in self.edition.pools() if pool.key == data.get(AREA_FIELD)), None)
        return {"topic": pool.name if pool else ""}

    def max_per_sender(self):
        return self.edition.proposals_per_person

    def sender_limit_message(self):
        count = self.edition.proposals_per_person
        return ngettext(
            "Z tego adresu e-mail zgłoszono już %(count)s projekt – tyle może zgłosić jedna osoba w tej edycji.",
            "Z tego adresu e-mail zgłoszono już %(count)s projekty – tyle może zgłosić jedna osoba w tej edycji.",
            count,
        ) % {"count": count}

    # When it takes proposals
    def accepts_submissions(self):
        return self.edition.accepts_proposals()

    def closed_message(self):
        edition = self.edition
        if edition.current_phase == BudgetPhase.UPCOMING:
            return _("Projekty przyjmujemy od %(start)s do %(end)s.") % {
                "start": day_in_words(edition.submission_start),
                "end": day_in_words(edition.submission_end),
            }
        return _("Zgłaszanie projektów zakończyło się %(end)s. Teraz trwa: %(phase)s.") % {
            "end": day_in_words(edition.submission_end),
            "phase": edition.current_phase_label,
        }

    def submissions_closed_at(self):
        edition = self.edition
        if edition.current_phase in (BudgetPhase.UPCOMING, BudgetPhase.SUBMISSION):
            return None
        return end_of_day(edition.submission_end)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "edition": self.edition,
                "privacy_notice": self.get_privacy_notice(),
                "is_open": self.accepts_submissions(),
                "closed_message": None if self.accepts_submissions() else self.closed_message(),
            }
        )
        return context

    # Appeals
    def appeal_deadline(self, submission):
        """The last moment the author may appeal: the end of the day `appeal_days` after the decision."""
        if submission.status != ProposalStatus.NEGATIVE or not submission.decided_at:
            return None
        decided_on = timezone.localdate(submission.decided_at)
        return end_of_day(decided_on + datetime.timedelta(days=self.edition.appeal_days))

    @path("")
    def index_route(self, request, *args, **kwargs):
        return ModeratedFormPage.serve(self, request, *args, **kwargs)

    @path("odwolanie/", name="appeal")
    @method_decorator(never_cache)
    def appeal(self, request):
        return appeal_view(self, request)

    def decision_email_lines(self, submission):
        deadline = self.appeal_deadline(submission)
        if deadline is None:
            return []
        return [
            _("Możesz się odwołać do %(deadline)s, na tej stronie: %(url)s")
            % {"deadline": when_in_words(deadline), "url": appeal_url(self, submission)},
        ]


def end_of_day(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


def day_in_words(day):
    return date_format(day, "j E Y")
