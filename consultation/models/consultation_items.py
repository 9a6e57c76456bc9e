"""What an editor adds to a consultation inline: its documents, the draft act's units and the
consultation meetings."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from ..dates import when_in_words
from ..formsets import unit_anchor


class PageDocument(Orderable):
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokument"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Plik z biblioteki dokumentów. Pokażemy jego nazwę, format i rozmiar."),
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        abstract = True


class ConsultationDocument(PageDocument):
    """The draft act, its justification and attachments."""

    page = ParentalKey("consultation.ConsultationPage", on_delete=models.CASCADE, related_name="documents")

    class Meta(PageDocument.Meta):
        verbose_name = _("dokument konsultacji")
        verbose_name_plural = _("dokumenty konsultacji")


class OutcomeDocument(PageDocument):
    """The report and other documents published after the consultation closes."""

    page = ParentalKey(
        "consultation.ConsultationPage", on_delete=models.CASCADE, related_name="outcome_documents"
    )

    class Meta(PageDocument.Meta):
        verbose_name = _("raport lub dokument po konsultacji")
        verbose_name_plural = _("raporty i dokumenty po konsultacji")


class DraftActUnit(Orderable):
    page = ParentalKey("consultation.ConsultationPage", on_delete=models.CASCADE, related_name="units")
    label = models.CharField(
        _("oznaczenie"), max_length=80, help_text=_("Np. „§ 1”, „§ 2 ust. 1”, „§ 2 ust. 1 pkt 3”.")
    )
    text = models.TextField(_("treść"), max_length=10000, help_text=_("Tekst tej jednostki projektu aktu."))
    anchor = models.SlugField(
        _("nazwa fragmentu w linku"),
        max_length=80,
        blank=True,
        help_text=_(
            "Słowo dopisywane do adresu konsultacji po znaku #, żeby link otwierał stronę od razu przy tym "
            "fragmencie, np. „par-2-ust-1”. Łączy też uwagi mieszkańców z fragmentem, więc nie zmieniaj "
            "go, gdy konsultacja już trwa. Puste: utworzymy je z oznaczenia."
        ),
    )

    panels = [FieldPanel("label"), FieldPanel("text"), FieldPanel("anchor")]

    class Meta(Orderable.Meta):
        verbose_name = _("jednostka projektu aktu")
        verbose_name_plural = _("jednostki projektu aktu")

    def save(self, *args, **kwargs):
        if not self.anchor:
            self.anchor = unit_anchor(self.label) or f"jednostka-{self.sort_order}"
        super().save(*args, **kwargs)


class ConsultationMeeting(Orderable):
    page = ParentalKey("consultation.ConsultationPage", on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("początek spotkania"))
    ends_at = models.DateTimeField(_("koniec spotkania"))
    place = models.CharField(
        _("miejsce"), max_length=200, blank=True, help_text=_("Np. „Sala Sesyjna Urzędu Miejskiego”.")
    )
    address = models.CharField(
        _("adres"), max_length=200, blank=True, help_text=_("Ulica i numer, kod, miasto.")
    )
    online_url = models.URLField(
        _("link do spotkania online"), blank=True, help_text=_("Dla spotkań w internecie.")
    )
    description = models.TextField(_("opis (opcjonalnie)"), blank=True, max_length=1000)

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldPanel("address"),
        FieldPanel("online_url"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("spotkanie konsultacyjne")
        verbose_name_plural = _("spotkania konsultacyjne")

    @property
    def when_in_words(self):
        return when_in_words(self.starts_at)

    @property
    def is_past(self):
        return self.ends_at <= timezone.now()

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Spotkanie musi kończyć się po tym, jak się zacznie.")})
        if not (self.place or self.address or self.online_url):
            raise ValidationError({"place": _("Podaj miejsce z adresem albo link do spotkania online.")})
