"""The forms of the ballot: the projects, the voter's identity (by the page's method) and the code.
Every form carries the signed step token (`karta`) and the honeypot of the resident forms."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import pesel as stdnum_pesel

from ..builder import EMAIL_INVALID, HONEYPOT_FIELD, LimitedCharField
from ..choices import CodeChannel, VotingAreaRule, VotingIdentity
from . import identity
from .ballots import check_selection

TOKEN_FIELD = "karta"
NAME_LENGTH = 100
ADDRESS_LENGTH = 200
PHONE_RE = re.compile(r"^(?:\+?48)?(\d{9})$")
# A date typed as 14.05.60: Python reads the year as 2060, 14.05.20 as 2020.
TWO_DIGIT_YEAR_RE = re.compile(r"^\s*\d{1,2}\D\d{1,2}\D\d{2}\s*$")
ADULT_AGE = 18
PERSONAL_FIELDS = (
    "imie",
    "drugie_imie",
    "nazwisko",
    "data_urodzenia",
    "adres",
    "bez_meldunku",
    "pesel",
    "dzielnica",
    "opiekun",
    "telefon",
    "email",
)


class StepForm(forms.Form):
    website = forms.CharField(
        label=_("Strona internetowa (zostaw puste)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    karta = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise ValidationError(_("Pole „Strona internetowa” musi zostać puste."), code="honeypot")
        return cleaned


class ChoiceForm(StepForm):
    """Step 1. The projects are listed by the template from `projects`, grouped by pool."""

    projekty = forms.TypedMultipleChoiceField(
        label=_("Projekty"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Jednego z wybranych projektów nie ma na karcie. Wybierz ponownie.")
        },
    )

    def __init__(self, *args, page, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.projects = {project.pk: project for project in projects}
        self.fields["projekty"].choices = [(pk, str(pk)) for pk in self.projects]

    def clean(self):
        cleaned = super().clean()
        chosen = [self.projects[pk] for pk in cleaned.get("projekty", [])]
        if "projekty" in self.errors:
            return cleaned
        result = check_selection(self.page, chosen)
        if isinstance(result, list):
            for message in result:
                self.add_error("projekty", message)
        else:
            cleaned["selection"] = result
        return cleaned


def name_field(label, help_text=""):
    return LimitedCharField(label=label, max_length=NAME_LENGTH, help_text=help_text)


class IdentityForm(StepForm):
    """Step 2: who votes, by the page's identity method; the phone (or e-mail) for the code; the
    declarations."""

    def __init__(self, *args, page, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        fields = {}
        if page.identity_method == VotingIdentity.PESEL:
            fields["pesel"] = forms.CharField(
                label=_("PESEL"),
                max_length=20,
                help_text=_(
                    "11 cyfr. Sprawdzamy tylko, czy numer jest poprawny; nie przechowujemy go po głosowaniu."
                ),
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            )
        else:
            fields["imie"] = name_field(_("Pierwsze imię"))
            fields["drugie_imie"] = name_field(
                _("Drugie imię"), _("Jeśli nie masz drugiego imienia, wpisz „Brak”.")
            )
            fields["nazwisko"] = name_field(_("Nazwisko"))
            fields["data_urodzenia"] = forms.DateField(
                label=_("Data urodzenia"),
                help_text=_("Dzień, miesiąc i rok, np. 14.05.1984."),
                error_messages={"invalid": _("Wpisz datę urodzenia jako dzień.miesiąc.rok, np. 14.05.1984.")},
            )
            fields["adres"] = LimitedCharField(
                label=_("Adres zamieszkania"),
                max_length=ADDRESS_LENGTH,
                help_text=_(
                    "Ulica, numer domu i mieszkania, kod pocztowy, np. ul. Zielona 12/3, 41-200 Sosnowiec."
                ),
            )
            fields["bez_meldunku"] = forms.BooleanField(
                label=_("Mieszkam w Sosnowcu, choć nie jestem tu zameldowany(-a)"), required=False
            )
        if page.area_rule == VotingAreaRule.OWN:
            fields["dzielnica"] = forms.TypedChoiceField(
                label=_("Dzielnica, w której mieszkasz"),
                coerce=int,
                choices=[("", _("– wybierz –"))] + [(area.pk, area.name) for area in areas],
                error_messages={"invalid_choice": _("Wybierz dzielnicę z listy.")},
            )
        fields["opiekun"] = name_field(
            _("Imię i nazwisko rodzica lub opiekuna"),
            _("Tylko gdy głosujący ma mniej niż 18 lat: rodzic lub opiekun prawny głosuje w jego imieniu."),
        )
        fields["opiekun"].required = False
        if page.email_codes_allowed:
            fields["kanal"] = forms.ChoiceField(
                label=_("Jak wysłać kod potwierdzający?"),
                choices=CodeChannel.choices,
                initial=CodeChannel.SMS,
                widget=forms.RadioSelect,
            )
            fields["email"] = forms.EmailField(
                label=_("E-mail"),
                required=False,
                max_length=254,
                help_text=_("Tylko gdy kod ma przyjść e-mailem."),
                error_messages={"invalid": EMAIL_INVALID},
            )
        fields["telefon"] = LimitedCharField(
            label=_("Numer telefonu komórkowego"),
            max_length=30,
            help_text=_("Wyślemy na niego 4-cyfrowy kod potwierdzający głos, np. 600 123 456."),
            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        )
        fields["oswiadczenie_mieszkaniec"] = forms.BooleanField(
            label=_("Oświadczam, że mieszkam w Sosnowcu i głosuję w tej edycji tylko raz."),
            error_messages={"required": _("Bez tego oświadczenia nie możemy przyjąć głosu.")},
        )
        fields["oswiadczenie_dane"] = forms.BooleanField(
            label=_(
                "Oświadczam, że dane są prawdziwe, i zgadzam się na ich przetwarzanie w celu sprawdzenia "
                "prawa do głosowania (klauzula RODO poniżej)."
            ),
            error_messages={"required": _("Bez tego oświadczenia nie możemy przyjąć głosu.")},
        )
        self.fields.update(fields)
        self.order_fields(list(fields) + ["website", TOKEN_FIELD])

    def clean_pesel(self):
        value = re.sub(r"[\s-]", "", self.cleaned_data["pesel"])
        try:
            value = stdnum_pesel.validate(value)
        except StdnumError:
            raise ValidationError(_("To nie jest poprawny numer PESEL: sprawdź cyfry.")) from None
        birth = stdnum_pesel.get_birth_date(value)
        if birth > timezone.localdate():
            raise ValidationError(_("Ten PESEL wskazuje datę urodzenia w przyszłości: sprawdź cyfry."))
        return value

    def clean_data_urodzenia(self):
        value = self.cleaned_data["data_urodzenia"]
        if TWO_DIGIT_YEAR_RE.match(self.data.get(self.add_prefix("data_urodzenia"), "")):
            raise ValidationError(_("Wpisz rok urodzenia czterema cyframi, np. 14.05.1984."))
        if value > timezone.localdate():
            raise ValidationError(_("Data urodzenia nie może być w przyszłości."))
        if value.year < 1900:
            raise ValidationError(_("Sprawdź rok urodzenia."))
        return value

    def clean_telefon(self):
        match = PHONE_RE.match(re.sub(r"[\s\-()]", "", self.cleaned_data["telefon"]))
        if not match:
            raise ValidationError(_("Wpisz 9-cyfrowy numer telefonu komórkowego, np. 600 123 456."))
        return "+48" + match.group(1)

    def birth_date(self):
        if "pesel" in self.cleaned_data:
            return stdnum_pesel.get_birth_date(self.cleaned_data["pesel"])
        return self.cleaned_data.get("data_urodzenia")

    def clean(self):
        cleaned = super().clean()
        birth = self.birth_date()
        if birth and not cleaned.get("opiekun") and "opiekun" not in self.errors:
            today = timezone.localdate()
            adult_on = datetime.date(
                birth.year + ADULT_AGE, birth.month, 28 if (birth.month, birth.day) == (2, 29) else birth.day
            )
            if adult_on > today:
                self.add_error(
                    "opiekun", _("Głosujący ma mniej niż 18 lat: wpisz imię i nazwisko rodzica lub opiekuna.")
                )
        if (
            cleaned.get("kanal") == CodeChannel.EMAIL
            and not cleaned.get("email")
            and "email" not in self.errors
        ):
            self.add_error("email", _("Wpisz adres e-mail, na który mamy wysłać kod."))
        return cleaned

    @property
    def code_channel(self):
        return self.cleaned_data.get("kanal") or CodeChannel.SMS

    def identity_key(self):
        data = self.cleaned_data
        if "pesel" in data:
            return identity.pesel_key(self.page.pk, data["pesel"])
        return identity.personal_key(
            self.page.pk, data["imie"], data["drugie_imie"], data["nazwisko"], data["data_urodzenia"]
        )

    def personal_data(self):
        """What the city's registry check needs; removed after the retention period."""
        data = {}
        for key in PERSONAL_FIELDS:
            value = self.cleaned_data.get(key)
            if value not in ("", None, False):
                data[key] = value.isoformat() if isinstance(value, datetime.date) else value
        return data


def digits_in_words(digits):
    return _("4 cyfry") if digits == 4 else _("6 cyfr")


class CodeForm(StepForm):
    kod = forms.CharField(
        label=_("Kod z wiadomości"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )

    def __init__(self, *args, digits, **kwargs):
        super().__init__(*args, **kwargs)
        self.digits = digits
        self.fields["kod"].help_text = _("%(digits)s, ważny 10 minut.") % {"digits": digits_in_words(digits)}

    def clean_kod(self):
        value = re.sub(r"\s", "", self.cleaned_data["kod"])
        if not value:
            raise ValidationError(_("Wpisz kod z wiadomości."))
        if not value.isdigit() or len(value) != self.digits:
            raise ValidationError(
                _("Kod ma %(digits)s: wpisz same cyfry.") % {"digits": digits_in_words(self.digits)}
            )
        return value
