"""A model field for a few values chosen from a fixed list, portable between SQLite and PostgreSQL."""

from django import forms
from django.db import models
from django.utils.text import capfirst


class MultipleChoiceField(models.JSONField):
    """A list of values from `choices`, stored as JSON, edited as a group of checkboxes."""

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def labels(self, values):
        names = dict(self.item_choices)
        return [names[value] for value in values if value in names]
