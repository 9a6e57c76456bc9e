from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def when_in_words(value):
    """A moment as residents read it: "5 grudnia 2026, 17:00"."""
    return date_format(timezone.localtime(value), "j E Y, H:i")


def days_left_in_words(end):
    """How long a resident still has, counted in calendar days: "zostały 3 dni", "został 1 dzień"."""
    days = (timezone.localdate(end) - timezone.localdate()).days
    if days < 1:
        return _("ostatni dzień")
    return ngettext("został %(count)s dzień", "zostało %(count)s dni", days) % {"count": days}
