from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyStreamBlock

OG_LOCALES = {"pl": "pl_PL", "en": "en_GB", "uk": "uk_UA"}


class BasePage(Page):
    """What every page of the site has: a lead, a social-media image and the promote fields."""

    lead = models.TextField(
        _("wstęp"),
        blank=True,
        max_length=600,
        help_text=_(
            "Dwa, trzy zdania pod tytułem, które mówią, o czym jest strona. Pokazujemy je też w "
            "listach stron i wynikach wyszukiwania."
        ),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("obraz do mediów społecznościowych"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Pokazywany, gdy ktoś udostępni stronę na Facebooku lub w komunikatorze."),
    )

    search_fields = Page.search_fields + [index.SearchField("lead")]
    # Wagtail's own labels ("Slug", "Opis meta", domain.com/blog) in words an editor uses.
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel(
                    "slug",
                    heading=_("Adres strony"),
                    help_text=format_lazy(
                        _(
                            "Ostatnia część adresu, pod którym strona jest w internecie, np. „harmonogram” w "
                            "{site_url}/o-budzecie/harmonogram/. Tworzymy ją z tytułu; wpisz własną tylko "
                            "wtedy, gdy tytuł jest długi. Małe litery, cyfry i myślniki, bez spacji."
                        ),
                        site_url=settings.SITE_URL,
                    ),
                ),
                FieldPanel(
                    "seo_title",
                    heading=_("Tytuł w wyszukiwarce"),
                    help_text=_(
                        "Tytuł, który pokażą wyszukiwarki (np. Google) w wynikach i przeglądarka na karcie "
                        "strony. Pusty: użyjemy tytułu strony."
                    ),
                ),
                FieldPanel(
                    "search_description",
                    heading=_("Opis w wyszukiwarce"),
                    help_text=_(
                        "Jedno, dwa zdania, które wyszukiwarki i serwisy społecznościowe pokażą pod tytułem "
                        "strony. Pusty: użyjemy wstępu."
                    ),
                ),
            ],
            heading=_("Adres i wyszukiwarki"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "show_in_menus",
                    heading=_("Pokaż w menu głównym"),
                    help_text=_(
                        "Link do strony pojawi się w menu na górze każdej strony serwisu. Działa dla stron "
                        "umieszczonych bezpośrednio pod stroną główną."
                    ),
                )
            ],
            heading=_("Menu serwisu"),
        ),
        FieldPanel("social_image"),
    ]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.lead

    @property
    def og_locale(self):
        return OG_LOCALES.get(self.locale.language_code, self.locale.language_code)


class HomePage(BasePage):
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("treść"),
        blank=True,
        help_text=_("Treść strony głównej pod wstępem: sekcje, teksty, przyciski, dokumenty."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("strona główna")
        verbose_name_plural = _("strony główne")


class StandardPage(BasePage):
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("treść"),
        help_text=_("Treść strony: nagłówki, tekst, obrazy, dokumenty, tabele, pytania i odpowiedzi."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("strona treści")
        verbose_name_plural = _("strony treści")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details, the funding notice and the links every page's footer shows."""

    organisation = models.CharField(
        _("nazwa urzędu"),
        max_length=200,
        default="Urząd Miejski w Sosnowcu",
        help_text=_("Pokazywana w stopce jako nadawca serwisu."),
    )
    address = models.TextField(
        _("adres"),
        blank=True,
        max_length=400,
        help_text=_("Ulica, kod i miasto, każda część w osobnym wierszu."),
    )
    phone = models.CharField(_("telefon"), blank=True, max_length=40, help_text=_("Np. +48 32 296 00 00"))
    email = models.EmailField(
        _("e-mail kontaktowy"), blank=True, help_text=_("Adres, na który mieszkańcy piszą w sprawie budżetu.")
    )
    office_hours = models.CharField(
        _("godziny pracy"), blank=True, max_length=200, help_text=_("Np. pon.–pt. 7:30–15:30")
    )
    funding_notice = models.TextField(
        _("informacja o dofinansowaniu"),
        blank=True,
        max_length=1000,
        help_text=_("Tekst o wsparciu z funduszy Unii Europejskiej pokazywany w stopce każdej strony."),
    )
    funding_logos = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logotypy programu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Jeden obraz z zestawem logotypów (np. Kapitał Ludzki, flaga UE) do stopki."),
    )
    funding_logos_alt = models.CharField(
        _("opis logotypów"),
        blank=True,
        max_length=250,
        help_text=_("Co jest na obrazie z logotypami, dla osób korzystających z czytnika ekranu."),
    )
    copyright_line = models.CharField(
        _("nota prawna w stopce"),
        blank=True,
        max_length=200,
        help_text=_("Np. „Budżet Obywatelski w Sosnowcu © 2026. Wszelkie prawa zastrzeżone.”"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strona „Deklaracja dostępności”"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Link do niej pokażemy w stopce każdej strony."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strona „Polityka prywatności”"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Link do niej pokażemy w stopce każdej strony."),
    )

    retention_days = models.PositiveIntegerField(
        _("przechowywanie danych osobowych (dni)"),
        default=365,
        help_text=_(
            "Tyle dni po zamknięciu formularza (np. końcu konsultacji) przechowujemy podpisy, adresy "
            "e-mail i skróty adresów IP nadawców. Potem je usuwamy; treść zgłoszeń i decyzje zostają."
        ),
    )

    training_target = models.PositiveIntegerField(
        _("cel: liczba przeszkolonych osób"),
        default=120,
        help_text=_(
            "Ile osób (urzędników, pracowników jednostek miejskich, przedstawicieli organizacji) ma "
            "przejść szkolenia. Lista szkoleń pokazuje, ilu przeszkoliliśmy wobec tego celu."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("office_hours"),
            ],
            heading=_("Dane kontaktowe"),
        ),
        MultiFieldPanel(
            [FieldPanel("funding_notice"), FieldPanel("funding_logos"), FieldPanel("funding_logos_alt")],
            heading=_("Dofinansowanie"),
        ),
        MultiFieldPanel(
            [FieldPanel("copyright_line"), FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Stopka"),
        ),
        FieldPanel("retention_days"),
        FieldPanel("training_target"),
    ]

    class Meta:
        verbose_name = _("ustawienia serwisu")
        verbose_name_plural = _("ustawienia serwisu")
