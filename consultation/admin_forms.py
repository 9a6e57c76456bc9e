"""Forms the moderators' inbox posts: decisions, the official response and the bulk rejection.
None of them touches what the resident wrote."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .builder import MAX_TEXT_LENGTH
from .choices import RejectionReason, ResponseOutcome

NOTIFY_LABEL = _("powiadom nadawcę e-mailem")
REASON_MAX_LENGTH = 2000


class DecisionForm(forms.Form):
    notify = forms.BooleanField(label=NOTIFY_LABEL, required=False)


class BulkRejectForm(forms.Form):
    category = forms.ChoiceField(label=_("Powód odrzucenia"), choices=RejectionReason.choices)
    reason = forms.CharField(
        label=_("Uzasadnienie"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Przy „inny powód” uzasadnienie jest obowiązkowe."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("category") == RejectionReason.OTHER and not cleaned.get("reason", "").strip():
            raise ValidationError({"reason": _("Wpisz powód odrzucenia.")})
        return cleaned


class RejectForm(BulkRejectForm):
    notify = forms.BooleanField(label=NOTIFY_LABEL, required=False)


class ResponseForm(DecisionForm):
    field_order = ["outcome", "response", "notify"]

    outcome = forms.ChoiceField(label=_("Rozstrzygnięcie"), choices=ResponseOutcome.choices)
    response = forms.CharField(
        label=_("Odpowiedź urzędu (uzasadnienie)"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
