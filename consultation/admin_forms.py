"""Forms the moderators' inbox posts: one per kind of decision a policy's action asks for
(`FORMS`), the official response and the bulk rejection. None of them touches what the resident
wrote. Each form's `submission_fields()` says what it sets on the submission."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .builder import MAX_TEXT_LENGTH
from .choices import RejectionReason, ResponseOutcome

NOTIFY_LABEL = _("powiadom nadawcę e-mailem")
REASON_MAX_LENGTH = 2000


class PlainForm(forms.Form):
    """A decision with nothing to add and no e-mail (spam, undo)."""

    def submission_fields(self):
        return {}


class DecisionForm(PlainForm):
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

    def submission_fields(self):
        return {
            "reason_category": self.cleaned_data["category"],
            "reason": self.cleaned_data["reason"].strip(),
        }


class RejectForm(BulkRejectForm):
    notify = forms.BooleanField(label=NOTIFY_LABEL, required=False)


class JustificationForm(DecisionForm):
    """A decision that must say why (e.g. a proposal verified negatively)."""

    field_order = ["reason", "notify"]

    reason = forms.CharField(
        label=_("Uzasadnienie"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Nadawca przeczyta je w e-mailu i może się od niego odwołać."),
    )

    def submission_fields(self):
        return {"reason_category": "", "reason": self.cleaned_data["reason"].strip()}


class ResponseForm(DecisionForm):
    field_order = ["outcome", "response", "notify"]

    outcome = forms.ChoiceField(label=_("Rozstrzygnięcie"), choices=ResponseOutcome.choices)
    response = forms.CharField(
        label=_("Odpowiedź urzędu (uzasadnienie)"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


FORMS = {
    "plain": PlainForm,
    "decision": DecisionForm,
    "reason": RejectForm,
    "justification": JustificationForm,
}
