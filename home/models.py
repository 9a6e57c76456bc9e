from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from .blocks import BodyStreamBlock
from .footer import footer_logos
from .page_cache import cached
from .routing import route_below
from .sections import home_sections
from .translations import alternate_urls

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

    def get_sitemap_urls(self, request=None):
        alternates = [
            {"lang_code": hreflang, "location": url} for hreflang, url in alternate_urls(self, request)
        ]
        return [{**url, "alternates": alternates} for url in super().get_sitemap_urls(request)]


class HomePage(BasePage):
    """The front page: a hero with a call to action, then the sections that feature apps register
    (see home/sections.py), each shown only when it has something to show."""

    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("przycisk prowadzi do strony"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Strona serwisu, na którą zaprasza przycisk w banerze, np. trwająca konsultacja."),
    )
    hero_link_url = models.URLField(
        _("albo do adresu"),
        blank=True,
        help_text=_("Adres spoza serwisu. Wypełnij tylko wtedy, gdy nie wybierasz strony powyżej."),
    )
    hero_link_label = models.CharField(
        _("napis na przycisku"),
        max_length=60,
        blank=True,
        help_text=_("Krótko, od czasownika, np. „Zgłoś uwagę do projektu uchwały”."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("zdjęcie w banerze"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Nieobowiązkowe. Na komputerze stoi obok tekstu, na telefonie pod nim."),
    )
    hero_image_alt = models.CharField(
        _("opis zdjęcia w banerze"),
        max_length=250,
        blank=True,
        help_text=_(
            "Co widać na zdjęciu, dla osób, które go nie widzą. Zostaw puste, gdy zdjęcie jest tylko ozdobą."
        ),
    )
    featured_materials = StreamField(
        [
            (
                "material",
                SnippetChooserBlock(
                    "materials.Material",
                    label=_("materiał"),
                    help_text=_("Plik lub nagranie z biblioteki materiałów."),
                ),
            )
        ],
        verbose_name=_("polecane materiały"),
        blank=True,
        max_num=6,
        help_text=_(
            "Do sześciu materiałów z biblioteki, które pokażemy na stronie głównej w tej kolejności. "
            "Puste: sekcja polecanych materiałów się nie pokaże."
        ),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("treść"),
        blank=True,
        help_text=_(
            "Nieobowiązkowa treść pod sekcjami z konsultacjami i aktualnościami: teksty, przyciski, dokumenty."
        ),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("lead"),
                FieldPanel("hero_link_page"),
                FieldPanel("hero_link_url"),
                FieldPanel("hero_link_label"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading=_("Baner na górze strony"),
            help_text=_("Tytuł strony jest nagłówkiem banera, a wstęp jego tekstem."),
        ),
        FieldPanel("featured_materials"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("strona główna")
        verbose_name_plural = _("strony główne")

    def clean(self):
        super().clean()
        has_link = self.hero_link_page_id or self.hero_link_url
        if self.hero_link_page_id and self.hero_link_url:
            raise ValidationError(
                {"hero_link_url": _("Wybierz stronę albo wpisz adres, nie jedno i drugie naraz.")}
            )
        if has_link and not self.hero_link_label:
            raise ValidationError({"hero_link_label": _("Napisz, co jest na przycisku, np. „Zgłoś uwagę”.")})
        if self.hero_link_label and not has_link:
            raise ValidationError(
                {"hero_link_page": _("Wybierz stronę albo wpisz adres, do którego prowadzi przycisk.")}
            )

    @property
    def hero_link(self):
        if self.hero_link_page_id:
            return cached(
                "hero-link",
                lambda: self.hero_link_page.localized.url,
                self.hero_link_page_id,
                translation.get_language(),
            )
        return self.hero_link_url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its cached fragment of the sections is missing.
        context["sections"] = partial(home_sections, request, self)
        return context

    def route(self, request, path_components):
        return route_below(self, request, path_components) or super().route(request, path_components)


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


FOOTER_LOGO_ALT_REQUIRED = _(
    "Opisz logotyp, np. „Flaga Unii Europejskiej”: osoby korzystające z czytnika ekranu usłyszą ten "
    "opis zamiast obrazu."
)


class SiteSettingsForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in [*self.formsets["footer_logos"].forms, self.formsets["footer_logos"].empty_form]:
            form.fields["alt_text"].error_messages["required"] = FOOTER_LOGO_ALT_REQUIRED


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Contact details, the funding notice and the links every page's footer shows."""

    # Every page's footer links these two pages: read with the settings, not one query each.
    select_related = ["privacy_page"]

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
    copyright_line = models.CharField(
        _("nota prawna w stopce"),
        blank=True,
        max_length=200,
        help_text=_("Np. „Budżet Obywatelski w Sosnowcu © 2026. Wszelkie prawa zastrzeżone.”"),
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
            [
                FieldPanel("funding_notice"),
                InlinePanel("footer_logos", label=_("logotyp"), heading=_("Logotypy w stopce")),
            ],
            heading=_("Dofinansowanie"),
        ),
        MultiFieldPanel(
            [FieldPanel("copyright_line"), FieldPanel("privacy_page")],
            heading=_("Stopka"),
        ),
        FieldPanel("retention_days"),
        FieldPanel("training_target"),
    ]
    base_form_class = SiteSettingsForm

    def logos(self):
        return footer_logos(self)

    class Meta:
        verbose_name = _("ustawienia serwisu")
        verbose_name_plural = _("ustawienia serwisu")


class FooterLogo(Orderable):
    """One logo of the strip beside the funding notice (e.g. Kapitał Ludzki, the EU flag)."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_logos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("obraz logotypu"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Logotyp na przezroczystym lub białym tle, najlepiej co najmniej 200 px wysokości."),
    )
    alt_text = models.CharField(
        _("opis logotypu"),
        max_length=200,
        help_text=_("Co przedstawia logotyp, np. „Unia Europejska – Europejski Fundusz Społeczny”."),
    )
    link_url = models.URLField(
        _("link (opcjonalnie)"),
        blank=True,
        help_text=_("Strona programu lub instytucji, do której prowadzi kliknięcie logotypu."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("link_url")]

    class Meta(Orderable.Meta):
        verbose_name = _("logotyp w stopce")
        verbose_name_plural = _("logotypy w stopce")


# The statement page has its own module; importing it here registers its models with the app.
from .statement import AccessibilityIssue, AccessibilityStatementPage  # noqa: E402, F401
