from django.utils import timezone
from django.utils.formats import date_format


def when_in_words(value):
    """A moment as residents read it: "5 grudnia 2026, 17:00"."""
    return date_format(timezone.localtime(value), "j E Y, H:i")
