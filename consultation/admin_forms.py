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

    def __init__(self, *args, submission=None, **kwargs):
        self.submission = submission
        super().__init__(*args, **kwargs)

    def submission_fields(self):
        return {}


class DecisionForm(PlainForm):
    notify = forms.BooleanField(label=NOTIFY_LABEL, required=False)


class BulkRejectForm(PlainForm):
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notify"].initial = True

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.submission is not None and not self.submission.policy.response_has_outcome:
            del self.fields["outcome"]
            self.fields["response"].label = _("Odpowiedź")


class MergeForm(DecisionForm):
    field_order = ["number", "notify"]

    number = forms.IntegerField(
        label=_("Numer projektu, z którym łączymy"),
        min_value=1,
        max_value=2**31 - 1,
        help_text=_("Zgłoszenie z tego samego naboru. To zgłoszenie zostanie przy nim jako połączone."),
    )

    def clean_number(self):
        number = self.cleaned_data["number"]
        submission = self.submission
        target = (
            type(submission)
            .objects.filter(page_id=submission.page_id, pk=number)
            .exclude(pk=submission.pk)
            .first()
        )
        if target is None:
            raise ValidationError(
                _("W tym naborze nie ma innego projektu o numerze %(number)s.") % {"number": number}
            )
        if target.merged_into_id:
            raise ValidationError(
                _("Projekt nr %(number)s sam jest już połączony z innym.") % {"number": number}
            )
        self.target = target
        return number

    def submission_fields(self):
        return {"merged_into": self.target}


FORMS = {
    "plain": PlainForm,
    "decision": DecisionForm,
    "reason": RejectForm,
    "justification": JustificationForm,
    "merge": MergeForm,
}
