"""Online voting in an edition of the participatory budget: the ballot page with every rule of the
vote, the ballots (online and paper) with the projects chosen, and the one-time codes that confirm
an online ballot. A ballot is keyed by an HMAC of the voter's identity; a unique constraint keeps
one ballot per person and channel, also under simultaneous attempts."""

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from home.blocks import BodyStreamBlock
from home.models import BasePage

from ..choices import (
    BallotChannel,
    BallotStatus,
    CodeChannel,
    DuplicateRule,
    VotingAreaRule,
    VotingIdentity,
)

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_receipt_code():
    """12 characters in three groups, e.g. "K7QX-9M2D-T4HP": easy to read aloud and to copy."""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def new_public_id():
    return secrets.token_hex(12)


class VotingPage(RoutablePageMixin, BasePage):
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("opis nad kartą do głosowania"),
        blank=True,
        help_text=_("Kto może głosować, jak przebiega głosowanie i gdzie są punkty głosowania papierowego."),
    )
    citywide_choices = models.PositiveSmallIntegerField(
        _("ile projektów ogólnomiejskich można wybrać"),
        default=1,
        validators=[MaxValueValidator(20)],
        help_text=_("W Sosnowcu: 1. Wpisz 0, jeśli w tej edycji nie głosuje się na projekty ogólnomiejskie."),
    )
    area_choices = models.PositiveSmallIntegerField(
        _("ile projektów dzielnicowych można wybrać"),
        default=1,
        validators=[MaxValueValidator(20)],
        help_text=_("W Sosnowcu: 1. Wszystkie wybrane projekty dzielnicowe muszą być z jednej dzielnicy."),
    )
    area_rule = models.CharField(
        _("z której dzielnicy można wybierać"),
        max_length=8,
        choices=VotingAreaRule.choices,
        default=VotingAreaRule.ANY,
        help_text=_("W Sosnowcu mieszkaniec może głosować na projekt dowolnej dzielnicy."),
    )
    identity_method = models.CharField(
        _("jak głosujący podaje tożsamość"),
        max_length=8,
        choices=VotingIdentity.choices,
        default=VotingIdentity.PERSONAL,
        help_text=_(
            "W Sosnowcu: dane osobowe (imiona, nazwisko, data urodzenia, adres, telefon). "
            "W Warszawie czy Krakowie: numer PESEL."
        ),
    )
    email_codes_allowed = models.BooleanField(
        _("kod także e-mailem"),
        default=False,
        help_text=_("Zaznacz, jeśli głosujący może dostać kod potwierdzający e-mailem zamiast SMS-em."),
    )
    ballots_per_phone = models.PositiveSmallIntegerField(
        _("ile kart można potwierdzić jednym telefonem"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Np. 5, aby rodzina mogła głosować z jednego telefonu."),
    )
    duplicate_rule = models.CharField(
        _("gdy ktoś zagłosuje i w internecie, i na papierze"),
        max_length=8,
        choices=DuplicateRule.choices,
        default=DuplicateRule.FIRST_COUNTS,
        help_text=_("W Sosnowcu liczy się pierwsza karta. W Łodzi wszystkie głosy takiej osoby są nieważne."),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("jak długo przechowujemy dane głosujących (dni)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_(
            "Liczone od końca głosowania. Potem polecenie porządkowe usuwa imiona, adresy i telefony; "
            "zostaje tylko zaszyfrowany skrót, który blokuje ponowne głosowanie."
        ),
    )
    privacy_notice = models.ForeignKey(
        "consultation.PrivacyNotice",
        verbose_name=_("klauzula RODO"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Klauzula informacyjna pokazywana przy danych osobowych głosującego."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("citywide_choices"), FieldPanel("area_choices")]),
                FieldPanel("area_rule"),
            ],
            heading=_("Karta do głosowania"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("identity_method"),
                FieldPanel("email_codes_allowed"),
                FieldPanel("ballots_per_phone"),
                FieldPanel("duplicate_rule"),
                FieldPanel("retention_days"),
                FieldPanel("privacy_notice"),
            ],
            heading=_("Tożsamość i ochrona głosowania"),
        ),
    ]

    parent_page_types = ["consultation.BudgetEditionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("głosowanie internetowe")
        verbose_name_plural = _("głosowania internetowe")

    @property
    def edition(self):
        edition = self.get_parent().specific
        models.prefetch_related_objects([edition], "areas")  # its pools are read several times a page
        return edition

    def is_open(self, edition=None):
        # By the voting dates, not the phase: a gap after the vote still belongs to the voting phase.
        edition = edition or self.edition
        return edition.voting_start <= timezone.localdate() <= edition.voting_end

    def is_over(self, edition=None):
        return timezone.localdate() > (edition or self.edition).voting_end

    def personal_data_expires_on(self):
        return self.edition.voting_end + timezone.timedelta(days=self.retention_days)

    @path("")
    @method_decorator(never_cache)
    def choose(self, request):
        from ..voting.steps.views import choose_view

        return choose_view(request, self)

    @path("dane/")
    @method_decorator(never_cache)
    def identify(self, request):
        from ..voting.steps.views import identify_view

        return identify_view(request, self)

    @path("kod/")
    @method_decorator(never_cache)
    def confirm(self, request):
        from ..voting.steps.views import confirm_view

        return confirm_view(request, self)

    @path("dane-otwarte/<str:name>/")
    def open_data(self, request, name):
        from ..voting.opendata import open_data_view

        return open_data_view(request, self, name)


class Ballot(models.Model):
    page = models.ForeignKey(
        VotingPage, verbose_name=_("głosowanie"), on_delete=models.CASCADE, related_name="ballots"
    )
    channel = models.CharField(
        _("sposób głosowania"), max_length=8, choices=BallotChannel.choices, default=BallotChannel.ONLINE
    )
    status = models.CharField(
        _("ważność"), max_length=12, choices=BallotStatus.choices, default=BallotStatus.VALID, db_index=True
    )
    # NULL, not "", once the edition is closed: the unique constraint ignores NULLs.
    identity_key = models.CharField(  # noqa: DJ001
        _("skrót tożsamości"),
        max_length=64,
        null=True,
        blank=True,
        help_text=_(
            "HMAC imion, nazwiska i daty urodzenia (albo PESEL-u): wykrywa drugą kartę tej samej osoby."
        ),
    )
    phone_key = models.CharField(_("skrót telefonu"), max_length=64, blank=True, default="")
    phone_slot = models.PositiveSmallIntegerField(_("numer karty z tego telefonu"), null=True, blank=True)
    area = models.ForeignKey(
        "consultation.BudgetArea",
        verbose_name=_("dzielnica"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Dzielnica wybranych projektów dzielnicowych (do frekwencji)."),
    )
    cast_at = models.DateTimeField(_("oddano"), default=timezone.now, db_index=True)
    receipt_code = models.CharField(
        _("kod potwierdzenia"), max_length=14, unique=True, default=new_receipt_code
    )
    public_id = models.CharField(
        _("identyfikator w danych otwartych"), max_length=24, unique=True, default=new_public_id
    )
    personal_data = models.JSONField(_("dane osobowe"), default=dict, blank=True)
    invalidation_reason = models.TextField(_("powód unieważnienia"), blank=True)
    invalidated_at = models.DateTimeField(_("unieważniono"), null=True, blank=True)
    invalidated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("unieważnił(a)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    projects = models.ManyToManyField(
        "consultation.BudgetProjectPage",
        through="BallotChoice",
        related_name="ballots",
        verbose_name=_("projekty"),
    )

    class Meta:
        verbose_name = _("karta do głosowania")
        verbose_name_plural = _("karty do głosowania")
        ordering = ["-cast_at"]
        constraints = [
            models.UniqueConstraint(fields=["page", "identity_key", "channel"], name="ballot_one_per_person"),
            models.UniqueConstraint(fields=["page", "phone_key", "phone_slot"], name="ballot_phone_slot"),
        ]

    def __str__(self):
        return str(_("Karta %(id)s (%(channel)s)") % {"id": self.pk, "channel": self.get_channel_display()})

    @property
    def counts(self):
        return self.status == BallotStatus.VALID


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    project = models.ForeignKey(
        "consultation.BudgetProjectPage",
        verbose_name=_("projekt"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("wybrany projekt")
        verbose_name_plural = _("wybrane projekty")
        constraints = [models.UniqueConstraint(fields=["ballot", "project"], name="ballot_choice_once")]

    def __str__(self):
        return str(self.project_id)


class VoteCode(models.Model):
    """A ballot waiting for its one-time code: what the voter chose and who they are, until the code
    confirms it (then a Ballot is saved) or it expires."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey(VotingPage, on_delete=models.CASCADE, related_name="+")
    project_ids = models.JSONField(default=list)
    area_id = models.PositiveIntegerField(null=True, blank=True)
    identity_key = models.CharField(max_length=64)
    phone_key = models.CharField(max_length=64)
    personal_data = models.JSONField(default=dict)
    channel = models.CharField(max_length=8, choices=CodeChannel.choices, default=CodeChannel.SMS)
    code_hash = models.CharField(max_length=64)
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    ballot = models.OneToOneField(Ballot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("kod potwierdzający głos")
        verbose_name_plural = _("kody potwierdzające głos")

    def __str__(self):
        return str(self.pk)
