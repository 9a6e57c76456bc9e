"""Checks across the inline items an editor adds to a consultation in the admin."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet


def unit_anchor(label):
    """The address fragment of a draft act's unit made from its label: "§ 2 ust. 1" → "par-2-ust-1"."""
    return slugify(label.replace("§", "par"))


class DraftActUnitFormSet(BaseChildFormSet):
    """No two units with the same label or the same address fragment: each would make a duplicate
    `id` on the page and a duplicate choice in the comment form."""

    def clean(self):
        super().clean()
        labels, anchors = {}, {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or self._should_delete_form(form) or not data.get("label"):
                continue
            label = data["label"]
            key = " ".join(label.split()).casefold()
            if key in labels:
                form.add_error(
                    "label",
                    _("Oznaczenie „%(label)s” ma już inna jednostka. Każda jednostka potrzebuje innego.")
                    % {"label": label},
                )
                continue
            labels[key] = label
            anchor = data.get("anchor") or unit_anchor(label)
            if anchor and anchor in anchors:
                field = "anchor" if data.get("anchor") else "label"
                form.add_error(
                    field,
                    _(
                        "Ta jednostka dostałaby ten sam adres (#%(anchor)s) co „%(other)s”. Zmień oznaczenie "
                        "albo wpisz inny identyfikator."
                    )
                    % {"anchor": anchor, "other": anchors[anchor]},
                )
                continue
            anchors[anchor] = label


class BudgetAreaFormSet(BaseChildFormSet):
    """Districts of an edition: no two with the same name, a cost limit within the pool, and a
    district that has projects cannot be removed (its projects would lose their pool)."""

    def clean(self):
        super().clean()
        names = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data:
                continue
            if self._should_delete_form(form):
                if form.instance.pk and form.instance.projects.exists():
                    raise ValidationError(
                        _(
                            "Dzielnica „%(name)s” ma już projekty, więc nie można jej usunąć. Przenieś "
                            "projekty do innej dzielnicy albo zmień nazwę tej."
                        )
                        % {"name": form.instance.name}
                    )
                continue
            name = " ".join((data.get("name") or "").split()).casefold()
            if name and name in names:
                form.add_error("name", _("Ta dzielnica jest już na liście."))
            names.add(name)
            pool, limit = data.get("pool_amount"), data.get("cost_limit")
            if pool is not None and limit is not None and limit > pool:
                form.add_error("cost_limit", _("Koszt jednego projektu nie może przekraczać puli dzielnicy."))
