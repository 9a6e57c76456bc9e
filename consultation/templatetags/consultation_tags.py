from django import template

from ..dates import days_left_in_words

register = template.Library()


@register.simple_tag
def days_left(end):
    """ "zostały 3 dni", "został 1 dzień", "ostatni dzień"."""
    return days_left_in_words(end)
