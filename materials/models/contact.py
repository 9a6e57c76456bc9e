"""A contact form ("Zadaj pytanie"): messages go through the pipeline into the moderators' inbox
(`materials.policies.ContactPolicy`: do załatwienia → załatwione); the reply is the office's
response, sent to the sender by e-mail from the inbox."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from consultation.models import FormField, ModeratedFormPage
from consultation.models.forms import form_settings_panel
from consultation.panels import SubmissionsPanel
from home.models import BasePage

from ..policies import ContactPolicy
from .common import body_field
from .forms import CONSENT_HELP, private_fields

DEFAULT_CONTACT_FIELDS = [
    (
        gettext_noop("Imię i nazwisko"),
        "singleline",
        False,
        gettext_noop("Nieobowiązkowe: jak mamy się do Ciebie zwracać."),
    ),
    (gettext_noop("E-mail"), "email", True, gettext_noop("Na ten adres wyślemy odpowiedź.")),
    (gettext_noop("Temat"), "singleline", True, gettext_noop("Kilka słów, np. „Głosowanie w szkole”.")),
    (gettext_noop("Treść pytania"), "multiline", True, gettext_noop("Napisz, w czym możemy pomóc.")),
    (
        gettext_noop("Zgadzam się na przetwarzanie moich danych osobowych w celu odpowiedzi na pytanie"),
        FormField.CONSENT,
        True,
        CONSENT_HELP,
    ),
]


class FormPage(ModeratedFormPage):
    body = body_field(
        _("Tekst nad formularzem: o co można zapytać, kiedy odpowiadamy, inne sposoby kontaktu."), blank=True
    )

    content_panels = BasePage.content_panels + [
        SubmissionsPanel(heading=_("Wiadomości")),
        FieldPanel("lead"),
        FieldPanel("body"),
        form_settings_panel(_("Formularz")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    policy_key = ContactPolicy.key

    class Meta:
        verbose_name = _("formularz kontaktowy")
        verbose_name_plural = _("formularze kontaktowe")

    default_form_fields = private_fields(DEFAULT_CONTACT_FIELDS)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["privacy_notice"] = self.get_privacy_notice()
        return context

    def sender_confirmation(self, submission):
        return (
            _("Otrzymaliśmy Twoje pytanie (nr %(number)s)") % {"number": submission.pk},
            _(
                "Dziękujemy za wiadomość wysłaną przez stronę „%(title)s”.\n\n"
                "Odpowiemy na ten adres e-mail zwykle w ciągu 14 dni. Nie odpowiadaj na tę "
                "wiadomość: skrzynka nie jest czytana."
            )
            % {"title": self.title},
        )
