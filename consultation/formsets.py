"""Checks across the inline items an editor adds to a consultation in the admin."""

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
