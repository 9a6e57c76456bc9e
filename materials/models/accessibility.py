"""The form "Żądanie zapewnienia dostępności" under the accessibility statement: a request to make
content accessible goes through the pipeline into the moderators' inbox
(`materials.policies.AccessibilityRequestPolicy`), where its statutory term is shown."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from consultation.models import FormField, ModeratedFormPage
from consultation.models.forms import form_settings_panel
from consultation.panels import SubmissionsPanel
from home.models import BasePage

from ..policies import REQUEST_DAYS, AccessibilityRequestPolicy
from .common import body_field
from .forms import CONSENT_HELP, private_fields

DEFAULT_REQUEST_FIELDS = [
    ("Imię i nazwisko", "singleline", True, "Ustawa wymaga danych osoby, która składa żądanie."),
    ("E-mail", "email", True, "Na ten adres odpowiemy."),
    ("Telefon", "singleline", False, "Nieobowiązkowy: gdy wolisz rozmowę telefoniczną."),
    (
        "Adres strony, której dotyczy żądanie",
        "url",
        True,
        "Skopiuj adres z paska przeglądarki, np. https://bo.sosnowiec.pl/aktualnosci/",
    ),
    (
        "Co jest dla Ciebie niedostępne",
        "multiline",
        True,
        "Np. „Plik PDF z regulaminem nie daje się przeczytać czytnikiem ekranu”.",
    ),
    (
        "W jakiej formie chcesz otrzymać tę treść",
        "singleline",
        False,
        "Np. dostępny plik Word, tekst na stronie, nagranie z napisami, tłumaczenie na polski język migowy.",
    ),
    (
        "Inny sposób dostępu, który Ci odpowiada",
        "multiline",
        False,
        "Gdyby dostosowanie nie było możliwe, np. list, rozmowa telefoniczna, spotkanie w urzędzie.",
    ),
    (
        "Zgadzam się na przetwarzanie moich danych osobowych w celu realizacji żądania",
        FormField.CONSENT,
        True,
        CONSENT_HELP,
    ),
]


class AccessibilityRequestFormPage(ModeratedFormPage):
    body = body_field(
        _("Tekst nad formularzem: czego można żądać, w jakim terminie odpowiadamy, inne sposoby kontaktu."),
        blank=True,
    )

    content_panels = BasePage.content_panels + [
        SubmissionsPanel(heading=_("Żądania")),
        FieldPanel("lead"),
        FieldPanel("body"),
        form_settings_panel(_("Formularz")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.AccessibilityStatementPage"]
    subpage_types = []
    max_count_per_parent = 1
    policy_key = AccessibilityRequestPolicy.key

    class Meta:
        verbose_name = _("formularz żądania zapewnienia dostępności")
        verbose_name_plural = _("formularze żądania zapewnienia dostępności")

    default_form_fields = private_fields(DEFAULT_REQUEST_FIELDS)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["privacy_notice"] = self.get_privacy_notice()
        return context

    def sender_confirmation(self, submission):
        due = timezone.localdate(submission.submit_time) + datetime.timedelta(days=REQUEST_DAYS)
        return (
            _("Otrzymaliśmy Twoje żądanie zapewnienia dostępności (nr %(number)s)")
            % {"number": submission.pk},
            _(
                "Dziękujemy za żądanie wysłane przez stronę „%(title)s”.\n\n"
                "Zrealizujemy je niezwłocznie, najpóźniej do %(date)s. Jeśli nie zdążymy, napiszemy, "
                "dlaczego, i podamy nowy termin, nie dłuższy niż 2 miesiące od dziś. Nie odpowiadaj na "
                "tę wiadomość: skrzynka nie jest czytana."
            )
            % {"title": self.title, "date": date_format(due, "j E Y")},
        )
