"""The one pipeline for everything residents send: a form page base built on Wagtail's form builder,
its field model, the submission model with its moderation state, and the privacy notice."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractFormField,
    FormMixin,
)
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin
from wagtail.search import index

from home.models import BasePage
from home.per_request import remembered_for

from ..attachments import FileKinds
from ..builder import (
    PROTECTION_FIELDS,
    UNIT_FIELD,
    ModeratedFormBuilder,
    SubmissionForm,
    field_text,
)
from ..choices import ModerationMode
from ..policies import CommentPolicy, get_policy
from ..protection import RateLimit, client_ip, remember_browser
from ..tasks import moderator_emails, notify_new_submission
from .files import SubmissionFile
from .saving import AlreadySaved, SenderLimitReached, hash_ip, keyed_hash, save_in_free_slot, save_once
from .submissions import Submission


class PrivacyNotice(RevisionMixin, index.Indexed, models.Model):
    """The RODO (GDPR art. 13) information clause shown at a form. Every save is kept as a revision
    and each submission stores the revision its sender saw."""

    title = models.CharField(
        _("nazwa"), max_length=200, help_text=_("Np. „Klauzula informacyjna – konsultacje społeczne”.")
    )
    text = RichTextField(
        _("treść klauzuli"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "Kto jest administratorem danych, w jakim celu i na jakiej podstawie je przetwarza, jak "
            "długo je przechowuje i jakie prawa ma osoba, której dotyczą."
        ),
    )

    panels = [FieldPanel("title"), FieldPanel("text")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("klauzula informacyjna RODO")
        verbose_name_plural = _("klauzule informacyjne RODO")

    def __str__(self):
        return self.title


class FormField(AbstractFormField):
    CONSENT = "consent"
    ATTACHMENT = "attachment"

    page = ParentalKey("consultation.ModeratedFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name=_("rodzaj pola"),
        max_length=16,
        choices=[
            *FORM_FIELD_CHOICES,
            (CONSENT, _("Zgoda na przetwarzanie danych (RODO)")),
            (ATTACHMENT, _("Załącznik (plik PDF, JPG lub PNG)")),
        ],
    )
    file_kinds = models.CharField(
        _("jakie pliki przyjmujemy"),
        max_length=10,
        choices=FileKinds.choices,
        default=FileKinds.PDF_OR_IMAGE,
        help_text=_("Tylko dla pola „Załącznik”. Sprawdzamy zawartość pliku, nie tylko jego nazwę."),
    )
    max_file_size_mb = models.PositiveSmallIntegerField(
        _("największy plik (MB)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Tylko dla pola „Załącznik”: od 1 do 20 MB."),
    )
    is_public = models.BooleanField(
        _("pokaż publicznie po zatwierdzeniu"),
        default=False,
        help_text=_(
            "Treść tego pola zobaczą wszyscy, gdy moderator zatwierdzi zgłoszenie. Adresu e-mail nie pokazujemy nigdy."
        ),
    )

    panels = AbstractFormField.panels + [
        FieldPanel("is_public"),
        FieldRowPanel([FieldPanel("file_kinds"), FieldPanel("max_file_size_mb")]),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("pole formularza")
        verbose_name_plural = _("pola formularza")

    def clean(self):
        super().clean()
        if self.is_public and self.field_type in ("email", self.CONSENT, "hidden"):
            raise ValidationError(
                {"is_public": _("Adresu e-mail, zgody ani pola ukrytego nie można pokazać publicznie.")}
            )


def form_settings_panel(heading, first=()):
    """The editor's box of a moderated form: a page type's own settings (`first`), the RODO clause,
    the thank-you text, the moderators' addresses and the form's fields."""
    return MultiFieldPanel(
        [
            *first,
            FieldPanel("privacy_notice"),
            FieldPanel("thank_you_text"),
            FieldPanel("notify_emails"),
            InlinePanel("form_fields", label=_("pole formularza")),
        ],
        heading=heading,
    )


class ModeratedFormPage(FormMixin, BasePage):
    """A page with a form whose submissions go through moderation. Not created on its own:
    consultations, proposal forms and trainings extend it and name their policy."""

    is_creatable = False
    form_builder = ModeratedFormBuilder
    # A sent form redirects back to the page with a message, so there is no landing page to preview.
    preview_modes = [("form", _("Formularz"))]

    moderation_mode = models.CharField(
        _("moderacja"),
        max_length=8,
        choices=ModerationMode.choices,
        default=ModerationMode.PRE,
        help_text=_("Przed publikacją: nic nie jest widoczne bez zgody moderatora (zalecane)."),
    )
    privacy_notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("klauzula informacyjna RODO"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Pokazywana przy formularzu. Pusta: obowiązuje najnowsza klauzula w serwisie."),
    )
    notify_emails = models.CharField(
        _("powiadomienia dla moderatorów"),
        max_length=500,
        blank=True,
        help_text=_(
            "Adresy e-mail (oddzielone przecinkami), na które wyślemy informację o nowym zgłoszeniu."
        ),
    )
    thank_you_text = models.CharField(
        _("podziękowanie po wysłaniu"),
        max_length=400,
        blank=True,
        help_text=_("Krótki tekst, który zobaczy osoba po wysłaniu formularza."),
    )

    policy_key = CommentPolicy.key
    # The fields a new page of this type starts with: (label, field_type, required, is_public, help_text).
    default_form_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not args and self.pk is None and "form_fields" not in kwargs and self.default_form_fields:
            self.form_fields = [
                FormField(
                    label=label,
                    field_type=kind,
                    required=required,
                    is_public=public,
                    help_text=help_text,
                    sort_order=order,
                )
                for order, (label, kind, required, public, help_text) in enumerate(self.default_form_fields)
            ]

    def get_submission_class(self):
        return Submission

    @classmethod
    def get_policy(cls):
        return get_policy(cls.policy_key)

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            # Built only where the template renders it, not where the rendered blank form comes
            # from the cache (`blank_form_cache`) or the form is not shown (a closed form).
            form = SimpleLazyObject(
                lambda: self.get_form(
                    page=self, user=request.user, initial={UNIT_FIELD: request.GET.get("jednostka", "")}
                )
            )
            context = self.get_context(request)
            context["form"] = form
            return remember_browser(request, TemplateResponse(request, self.get_template(request), context))
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        refusal, status = None, 200
        if not self.accepts_submissions():
            refusal, status = self.closed_message(), 403
        elif form.is_valid():
            rate_limit = RateLimit(request, email=self.sender_email(form.cleaned_data))
            refusal = rate_limit.refusal()
            if refusal:
                status = 429
            else:
                try:
                    submission = self.process_form_submission(form, ip=client_ip(request))
                    rate_limit.record()
                except SenderLimitReached:
                    refusal, status = self.sender_limit_message(), 409
                except AlreadySaved as saved:  # sent twice: the same answer as the first time
                    submission = saved.submission
                if not refusal:
                    messages.success(request, self.success_message(submission))
                    return remember_browser(request, redirect(self.url + "#potwierdzenie"))
        context = self.get_context(request)
        context["form"] = form
        context["form_refusal"] = refusal
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        return remember_browser(request, response)

    def success_message(self, submission):
        return self.thank_you_text or _("Dziękujemy! Otrzymaliśmy Twoje zgłoszenie.")

    def max_per_sender(self):
        """How many submissions one person (one e-mail address) may send here; None: no limit."""
        return None

    def sender_limit_message(self):
        return _("Z tego adresu e-mail wysłano już tyle zgłoszeń, ile pozwala ten formularz.")

    def extra_form_fields(self):
        """Form fields a page type adds to the editor's (name: Django form field)."""
        return {}

    def clean_form(self, cleaned):
        """Checks across fields a page type adds: {field name: error message}."""
        return {}

    def submission_fields(self, data):
        """What a page type sets on its submissions beyond the form data (e.g. a proposal's area)."""
        return {}

    def sender_email(self, data):
        """The first e-mail address the sender gave in the form, or ""."""
        for field in self.get_form_fields():
            if field.field_type == "email" and data.get(field.clean_name):
                return data[field.clean_name]
        return ""

    def closed_message(self):
        return _("Ten formularz nie przyjmuje teraz zgłoszeń.")

    def serve_submissions_list_view(self, request, *args, **kwargs):
        """Submissions of a moderated form are read and exported in the moderators' inbox."""
        return redirect(reverse("submission_inbox:index") + f"?page={self.pk}")

    def get_form_class(self):
        builder = self.form_builder(self.get_form_fields())
        return type("ModeratedForm", (SubmissionForm,), builder.formfields)

    def get_form_fields(self):
        # The form and the public list of comments both need them: read once per request.
        return remembered_for(
            self, "form-fields", lambda: list(super(ModeratedFormPage, self).get_form_fields())
        )

    def get_unit_choices(self):
        return []

    def accepts_submissions(self):
        return True

    def initial_status(self):
        policy = self.get_policy()
        if self.moderation_mode == ModerationMode.POST and policy.post_moderated_state:
            return policy.post_moderated_state
        return policy.initial

    def get_privacy_notice(self):
        if self.privacy_notice_id:
            return self.privacy_notice
        return PrivacyNotice.objects.order_by("-pk").first()

    def public_field_labels(self):
        return [
            (field.clean_name, field_text(field.label)) for field in self.get_form_fields() if field.is_public
        ]

    def personal_field_names(self):
        """Fields removed by anonymisation: who sent it (signature, e-mail, phone, any short text)
        but not the long content, choices or consent."""
        return [
            field.clean_name
            for field in self.get_form_fields()
            if field.field_type in ("singleline", "email", "number", "url", "hidden")
        ]

    def submissions_closed_at(self):
        """When this form stopped taking submissions; None while it still takes them."""
        return None

    def process_form_submission(self, form, ip=""):
        data = {
            name: value
            for name, value in form.cleaned_data.items()
            if name not in PROTECTION_FIELDS and name != UNIT_FIELD
        }
        uploads = {name: value for name, value in data.items() if isinstance(value, UploadedFile)}
        # The form data keeps the sender's file name; the file itself goes to private storage.
        data.update({name: upload.name for name, upload in uploads.items()})
        notice = self.get_privacy_notice()
        submission = Submission(
            page=self,
            form_data=data,
            unit_anchor=form.cleaned_data.get(UNIT_FIELD, "") or "",
            language=self.locale.language_code,
            consent_at=timezone.now(),
            privacy_notice_revision=notice.latest_revision if notice else None,
            ip_hash=hash_ip(ip),
            form_token_key=form.token_key,
            **self.submission_fields(form.cleaned_data),
        )
        limit = self.max_per_sender()
        email = self.sender_email(form.cleaned_data)
        with transaction.atomic():
            # Chosen inside the transaction, so a page may lock a row to choose it (a training's last seat).
            submission.status = self.initial_status()
            if limit and email:
                submission.sender_key = keyed_hash(email.strip().lower())
                save_in_free_slot(submission, limit)
            else:
                save_once(submission)
            for name, upload in uploads.items():
                SubmissionFile.store(submission, name, upload)
            transaction.on_commit(lambda: notify_new_submission.enqueue(submission.pk))
            if submission.status in self.get_policy().public_states:  # published at once
                transaction.on_commit(lambda: index.insert_or_update_object(self))
        return submission

    def moderator_recipients(self):
        """Who is told of a new submission: the page's addresses, else every moderator."""
        recipients = [address.strip() for address in self.notify_emails.split(",") if address.strip()]
        return recipients or moderator_emails()

    def sender_confirmation(self, submission):
        """(subject, text) of the e-mail that confirms a submission to its sender."""
        return (
            _("Potwierdzenie: otrzymaliśmy Twoje zgłoszenie"),
            _(
                "Dziękujemy za zgłoszenie na stronie „%(title)s” (nr %(number)s).\n\n"
                "Moderator sprawdzi je zgodnie z zasadami konsultacji. "
                "Odpowiedź urzędu pojawi się na stronie: %(url)s"
            )
            % {"title": self.title, "number": submission.pk, "url": self.full_url},
        )

    class Meta:
        verbose_name = _("strona z formularzem moderowanym")
        verbose_name_plural = _("strony z formularzem moderowanym")
