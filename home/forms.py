"""Dates and times that editors type by hand in the admin are understood exactly or refused with
a message; none becomes midnight or the current time without a word (see also
static/js/admin-dates.js and sosnowiec_bo/formats/)."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _


def is_date_only(text):
    for date_format in get_format("DATE_INPUT_FORMATS"):
        try:
            datetime.strptime(text, date_format)
        except ValueError:
            continue
        return True
    return False


class DateTimeField(forms.DateTimeField):
    """A date with its time. A date alone is refused: an end date would otherwise mean 0:00 of
    that day, hours before the editor meant it to end."""

    default_error_messages = {
        "invalid": _(
            "Nie rozpoznaliśmy tej daty i godziny. Wpisz je tak: 31.12.2026 23:59 "
            "(dzień.miesiąc.rok godzina:minuty)."
        ),
        "date_only": _("Podaj także godzinę, np. 31.12.2026 23:59."),
    }

    def to_python(self, value):
        if isinstance(value, str) and is_date_only(value.strip()):
            raise ValidationError(self.error_messages["date_only"], code="date_only")
        return super().to_python(value)


class DateField(forms.DateField):
    default_error_messages = {
        "invalid": _("Nie rozpoznaliśmy tej daty. Wpisz ją tak: 31.12.2026 (dzień.miesiąc.rok)."),
    }
