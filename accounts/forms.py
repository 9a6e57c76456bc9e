from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import two_factor


class CodeForm(forms.Form):
    """One code: from the authenticator app or, where allowed, a backup code. Checking it against the
    user's devices is the form's validation, so a refused code is an error on the field."""

    code = forms.CharField(
        label=_("Kod"),
        strip=True,
        error_messages={"required": _("Wpisz kod.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, user, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device
        self.accepted_device = None
        if device is not None:
            self.fields["code"].label = _("Kod z aplikacji")
            self.fields["code"].help_text = _("6 cyfr, które aplikacja pokazuje teraz przy tym koncie.")
            self.fields["code"].widget.attrs["inputmode"] = "numeric"
        else:
            self.fields["code"].help_text = _(
                "6 cyfr z aplikacji uwierzytelniającej albo jeden z kodów zapasowych (8 znaków)."
            )

    def clean_code(self):
        code = two_factor.normalize(self.cleaned_data["code"])
        try:
            self.accepted_device = two_factor.check_code(self.user, code, device=self.device)
        except two_factor.CodeRefused as refused:
            raise forms.ValidationError(str(refused), code="refused") from refused
        return code
