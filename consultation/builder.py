"""The resident form of every moderated form page: the fields the editor builds with Wagtail's form
builder, and the protections every such form shares (honeypot, a signed token with a minimum fill
time and a maximum age)."""

import hashlib
import secrets
import time

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, TimestampSigner, b62_decode
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.compat import URLField
from wagtail.contrib.forms.forms import FormBuilder

from home.forms import DateField, DateTimeField

from .attachments import AttachmentField

MAX_LINE_LENGTH = 255
MAX_TEXT_LENGTH = 5000
HONEYPOT_FIELD = "website"
TIMESTAMP_FIELD = "form_token"
UNIT_FIELD = "unit"
PROTECTION_FIELDS = (HONEYPOT_FIELD, TIMESTAMP_FIELD)
FORM_TOKEN_SALT = "consultation.form"


def new_form_token(page_pk):
    """A form's one-time token: the page, a random part that makes every shown form's token its
    own, and the time it was shown, signed. A submission keeps a hash of it (`token_key`), so the
    same form sent twice (a double click) is saved once."""
    return TimestampSigner(salt=FORM_TOKEN_SALT).sign(f"{page_pk}.{secrets.token_urlsafe(12)}")


def token_key(token):
    return hashlib.sha256(token.encode()).hexdigest()


class LimitedLengthMixin:
    """The length limit is stated in the help text and counted as the resident types
    (static/js/character-count.js). No `maxlength` attribute: it would cut a pasted text without a
    word; a text over the limit is refused with a message and stays in the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = _("Limit znaków: %(limit)s.") % {"limit": self.max_length}
        self.help_text = f"{self.help_text} {limit}".strip()
        self.error_messages["max_length"] = _(
            "Tekst jest za długi (liczba znaków: %(show_value)s, dopuszczalna: %(limit_value)s). "
            "Skróć go i wyślij formularz jeszcze raz."
        )

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        attrs["data-maxlength"] = str(self.max_length)
        attrs["data-count-text"] = _("Znaki: %(count)s z %(limit)s.")
        attrs["data-count-over-text"] = _("Znaki: %(count)s z %(limit)s – skróć tekst o %(excess)s.")
        return attrs


def html_attributes(attrs):
    """Attributes as Django's widget templates write them (in their order, True as a bare name)."""
    return format_html_join(
        "",
        " {}{}",
        (
            (name, "" if value is True else format_html('="{}"', value))
            for name, value in attrs.items()
            if value is not False
        ),
    )


class QuickSelect(forms.Select):
    """Django's select, with the same HTML, built without a template per option: the list of a
    draft act's units (80 and more) made most of the cost of a consultation page's form."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group_name for group_name, _options, _index in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)
        options = format_html_join(
            "",
            '\n  <option value="{}"{}>{}</option>',
            (
                (option["value"], html_attributes(option["attrs"]), option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}\n</select>', name, html_attributes(widget["attrs"]), options
        )


class LimitedCharField(LimitedLengthMixin, forms.CharField):
    pass


EMAIL_INVALID = _("To nie wygląda na adres e-mail. Wpisz go w całości, np. anna.nowak@example.com.")


class LimitedEmailField(LimitedLengthMixin, forms.EmailField):
    default_error_messages = {"invalid": EMAIL_INVALID}


class PageAddressField(URLField):
    default_error_messages = {
        "invalid": _(
            "To nie wygląda na adres strony. Skopiuj go z paska przeglądarki, "
            "np. https://bo.sosnowiec.pl/aktualnosci/."
        )
    }


class NumberField(forms.DecimalField):
    default_error_messages = {"invalid": _("Wpisz samą liczbę, cyframi, np. 12.")}


def field_text(text):
    """A form field's label or help text in the current language. The texts a page's default fields
    start with (DEFAULT_*_FIELDS, marked with gettext_noop) are in the catalogues; an editor's own
    text is shown as written."""
    return gettext(text) if text else text


class ModeratedFormBuilder(FormBuilder):
    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["label"] = field_text(field.label)
        options["help_text"] = conditional_escape(field_text(field.help_text))
        return options

    def create_singleline_field(self, field, options):
        options["max_length"] = MAX_LINE_LENGTH
        return LimitedCharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_TEXT_LENGTH
        return LimitedCharField(widget=forms.Textarea(attrs={"rows": 8}), **options)

    def create_email_field(self, field, options):
        options["max_length"] = MAX_LINE_LENGTH
        return LimitedEmailField(**options)

    def create_url_field(self, field, options):
        return PageAddressField(**options)

    def create_number_field(self, field, options):
        return NumberField(**options)

    def create_date_field(self, field, options):
        return DateField(**options)

    def create_datetime_field(self, field, options):
        return DateTimeField(**options)

    def create_attachment_field(self, field, options):
        return AttachmentField(kinds=field.file_kinds, max_size_mb=field.max_file_size_mb, **options)

    def create_consent_field(self, field, options):
        options["required"] = True
        options["error_messages"] = {"required": _("Bez tej zgody nie możemy przyjąć zgłoszenia.")}
        return forms.BooleanField(**options)


class SubmissionForm(forms.Form):
    """Protections every moderated form shares; the editor's fields are added by the builder."""

    website = forms.CharField(
        label=_("Strona internetowa (zostaw puste)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, page=None, user=None, **kwargs):
        self.page = page
        self.user = user
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[TIMESTAMP_FIELD] = self._new_token()
        extra = page.extra_form_fields() if page else {}
        if extra:
            # The page's own fields (e.g. a proposal's district and cost) follow the first field.
            names = list(self.fields)
            builder_names = [name for name in names if name not in PROTECTION_FIELDS]
            self.fields.update(extra)
            self.order_fields(builder_names[:1] + list(extra) + builder_names[1:])
        units = page.get_unit_choices() if page else []
        if units:
            self.fields[UNIT_FIELD] = forms.ChoiceField(
                label=_("Której części projektu dotyczy uwaga?"),
                choices=[("", _("Całego projektu"))] + units,
                required=False,
                widget=QuickSelect,
            )
            self.order_fields([UNIT_FIELD])

    def _new_token(self):
        return new_form_token(self.page.pk)

    @property
    def token_key(self):
        """The hash of the one-time token this form was sent with; "" without one."""
        token = self.data.get(TIMESTAMP_FIELD, "")
        return token_key(token) if token else ""

    def _renew_token(self):
        """An expired or broken token is replaced, so the re-shown form can be sent again."""
        self.data = self.data.copy()
        self.data[TIMESTAMP_FIELD] = self._new_token()

    def clean(self):
        cleaned = super().clean()
        if self.page is not None:
            for name, message in self.page.clean_form(cleaned).items():
                self.add_error(name, message)
        if cleaned.get(HONEYPOT_FIELD):
            # Shown under "Nie wysłaliśmy formularza:", so it does not say so again.
            raise ValidationError(_("Pole „Strona internetowa” musi zostać puste."), code="honeypot")
        token = self.data.get(TIMESTAMP_FIELD, "")
        signer = TimestampSigner(salt=FORM_TOKEN_SALT)
        try:
            page_pk, _dot, nonce = signer.unsign(token, max_age=settings.FORM_TOKEN_MAX_AGE).partition(".")
            if not nonce:  # a token from before tokens were one-time
                raise BadSignature
        except BadSignature:
            self._renew_token()
            raise ValidationError(
                _("Formularz wygasł lub jest niepełny. Sprawdź treść i wyślij go jeszcze raz."), code="token"
            ) from None
        if page_pk != str(self.page.pk):
            self._renew_token()
            raise ValidationError(_("Formularz należy do innej strony. Wyślij go jeszcze raz."), code="token")
        signed_at = b62_decode(token.rsplit(signer.sep, 2)[1])
        if time.time() - signed_at < settings.FORM_MIN_FILL_SECONDS:
            raise ValidationError(
                _("Formularz wysłano zbyt szybko. Odczekaj chwilę, sprawdź treść i wyślij go ponownie."),
                code="too_fast",
            )
        return cleaned
