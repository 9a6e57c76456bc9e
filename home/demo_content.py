"""Demo content of the foundation: the home page, the pages about the budget, site settings and
one account per role. Texts are written from the city's facts in our own words."""

import math
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from .demo import demo_builder, ensure_child, heading, paragraph, root_page, source_locale, stream
from .models import FooterLogo, HomePage, SiteSettings, StandardPage
from .sites import SITE_NAME, site_location

EDITORS = "Redaktorzy"
MODERATORS = "Moderatorzy"
TRANSLATORS = "Tłumacze"

DEMO_ACCOUNTS = [
    # (username, password, role, group, is_superuser)
    ("admin", "admin-bo-2026", "administrator", None, True),
    ("redaktor", "redaktor-bo-2026", "redaktor", EDITORS, False),
    ("moderator", "moderator-bo-2026", "moderator", MODERATORS, False),
    ("tlumacz", "tlumacz-bo-2026", "tłumacz", TRANSLATORS, False),
]

# The data protection officer's mailbox in the domain the demo site uses; no real person's name.
DPO_EMAIL = "iod@sosnowiec.invalid"
# What `anonymize_submissions` enforces unless an administrator changes it in the site settings.
RETENTION_DAYS = SiteSettings._meta.get_field("retention_days").default

FUNDING_NOTICE = (
    "Projekt „Wdrożenie aktów prawnych, szkoleń, doradztwa i platformy online do konsultacji "
    "społecznych związanych z budżetem partycypacyjnym w Sosnowcu” jest współfinansowany przez Unię "
    "Europejską w ramach Programu Operacyjnego Kapitał Ludzki, Priorytet V „Dobre rządzenie”, "
    "Działanie 5.4, Poddziałanie 5.4.2 „Rozwój dialogu obywatelskiego”."
)


@demo_builder(order=10)
def build_home(stdout):
    home = _home_page(stdout)
    _about_pages(home, stdout)
    _site_settings(home)
    _groups_and_users(home, stdout)


def _home_page(stdout):
    existing = HomePage.objects.filter(locale=source_locale()).first()
    if existing is not None:
        _point_default_site_at(existing)
        return existing
    root = root_page()
    welcome = (
        root.get_children()
        .filter(slug="home")
        .exclude(content_type=ContentType.objects.get_for_model(HomePage))
    )
    for page in welcome:
        page.delete()
    home = HomePage(
        title="Budżet Obywatelski w Sosnowcu",
        slug="home",
        locale=source_locale(),
        lead=(
            "Tu mieszkańcy Sosnowca decydują, na co miasto wyda część swojego budżetu, i opiniują "
            "projekty uchwał, zanim trafią pod obrady Rady Miejskiej."
        ),
        body=stream(
            heading("Jak możesz wziąć udział"),
            paragraph(
                "Przeczytaj projekt uchwały i zgłoś do niego uwagę w trwającej konsultacji. "
                "Zaproponuj projekt do budżetu obywatelskiego, gdy ruszy nabór. Przyjdź na spotkanie "
                "konsultacyjne albo szkolenie w swojej dzielnicy.",
                "Każdą uwagę czyta zespół moderatorów, a urząd odpowiada na nią publicznie.",
            ),
            (
                "call_to_action",
                {
                    "title": "Jak działa budżet obywatelski?",
                    "text": "Zasady, etapy i terminy w jednym miejscu.",
                    "button_text": "Poznaj przyjęty model",
                    "page": None,
                    "url": "",
                },
            ),
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    _point_default_site_at(home)
    stdout.write("  strona główna")
    return home


def _point_default_site_at(home):
    """The default Site serves the demo home page at the configured public address (SITE_URL)."""
    hostname, port = site_location()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": hostname, "port": port, "root_page": home, "site_name": SITE_NAME},
    )


def _about_pages(home, stdout):
    about, created = ensure_child(
        home,
        StandardPage,
        "o-budzecie",
        title="O budżecie",
        show_in_menus=True,
        lead=(
            "Budżet obywatelski to część wydatków miasta, o której przeznaczeniu rozstrzygają "
            "sami mieszkańcy: zgłaszają projekty, a potem wybierają je w głosowaniu."
        ),
        body=stream(
            heading("Skąd wziął się ten serwis"),
            paragraph(
                "Platformę przygotowały wspólnie Fundacja Praw Podstawowych z Warszawy i Miasto "
                "Sosnowiec w projekcie „Wdrożenie aktów prawnych, szkoleń, doradztwa i platformy "
                "online do konsultacji społecznych związanych z budżetem partycypacyjnym w "
                "Sosnowcu”. Projekt trwał od 1 października 2013 r. do 30 września 2014 r. i był "
                "współfinansowany ze środków Unii Europejskiej.",
                "Serwis działa dalej: co roku ogłaszamy w nim kolejną edycję budżetu.",
            ),
            heading("Po co to robimy"),
            paragraph(
                "Chcemy, żeby konsultacje społeczne w Sosnowcu były czymś więcej niż formalnością. "
                "Mieszkańcy, urzędnicy i organizacje pozarządowe powinni wiedzieć, jak konsultacje "
                "przebiegają i jakimi narzędziami można z nich korzystać, a najwięcej uwagi "
                "poświęcamy temu, jak powstaje i jak jest przygotowywany budżet obywatelski."
            ),
            heading("Co tu znajdziesz"),
            (
                "paragraph",
                "<ul><li>dobre praktyki z innych miast i materiały edukacyjne,</li>"
                "<li>informacje o tym, co już działa w Sosnowcu,</li>"
                "<li>przepisy prawa dotyczące konsultacji i budżetu,</li>"
                "<li>konsultacje online projektów aktów prawa miejscowego,</li>"
                "<li>materiały, które powstały w projekcie.</li></ul>",
            ),
        ),
    )
    if created:
        stdout.write("  O budżecie")
    model, created = ensure_child(
        home,
        StandardPage,
        "przyjety-model",
        title="Przyjęty model",
        show_in_menus=True,
        lead="Jak doszliśmy do obecnych zasad konsultacji i budżetu obywatelskiego: trzy etapy prac.",
        body=stream(
            heading("Etap 1: kampania informacyjna"),
            paragraph(
                "Najpierw miasto poinformowało mieszkańców o konsultacjach, w których wspólnie "
                "ustalono wytyczne i funkcje systemu konsultacji online. System służy odtąd do "
                "zbierania opinii o przygotowywanych aktach prawnych."
            ),
            heading("Etap 2: spotkania konsultacyjne"),
            paragraph(
                "Na spotkaniach konsultacyjnych ustalono najważniejsze działania potrzebne do "
                "uruchomienia systemu i zebrano potrzeby oraz uwagi mieszkańców do projektów aktów "
                "prawa miejscowego."
            ),
            heading("Etap 3: szkolenia"),
            paragraph(
                "Szkolenia objęły urzędniczki i urzędników, pracowników jednostek miejskich oraz "
                "przedstawicieli organizacji pozarządowych i społecznych: łącznie 120 osób."
            ),
            (
                "accordion",
                {
                    "title": "Najczęstsze pytania",
                    "items": [
                        {
                            "question": "Kto może zgłosić uwagę do projektu uchwały?",
                            "answer": "<p>Każda osoba, której sprawa dotyczy: mieszkańcy, organizacje i instytucje. Wystarczy formularz przy konsultacji.</p>",
                        },
                        {
                            "question": "Czy moja uwaga zostanie opublikowana?",
                            "answer": "<p>Tak, po sprawdzeniu przez moderatora. Urząd publikuje też swoją odpowiedź na każdą uwagę.</p>",
                        },
                    ],
                },
            ),
        ),
    )
    if created:
        stdout.write("  Przyjęty model")
    _link_home_call_to_action(home, model)
    for slug, title, lead, body in LEGAL_PAGES:
        page, created = ensure_child(home, StandardPage, slug, title=title, lead=lead, body=body)
        if created:
            stdout.write(f"  {title}")


def _link_home_call_to_action(home, target):
    for block in home.body:
        if block.block_type == "call_to_action" and not block.value["page"] and not block.value["url"]:
            block.value["page"] = target
            home.save_revision().publish()
            return


LEGAL_PAGES = [
    (
        "polityka-prywatnosci",
        "Polityka prywatności",
        "Kto odpowiada za Twoje dane, po co je zbieramy, komu je przekazujemy, jak długo je "
        "przechowujemy i jakie masz prawa.",
        stream(
            heading("Administrator danych"),
            paragraph(
                "Administratorem danych osobowych zbieranych w serwisie jest Prezydent Miasta Sosnowca "
                "z siedzibą w Urzędzie Miejskim w Sosnowcu, Al. Zwycięstwa 20, 41-200 Sosnowiec. "
                "W sprawach danych możesz pisać na ten adres albo złożyć pismo w kancelarii urzędu."
            ),
            heading("Inspektor ochrony danych"),
            paragraph(
                f"Prezydent wyznaczył inspektora ochrony danych. Napisz do niego na adres "
                f'<a href="mailto:{DPO_EMAIL}">{DPO_EMAIL}</a> albo listownie na adres urzędu z '
                "dopiskiem „Inspektor ochrony danych”, we wszystkich sprawach dotyczących Twoich danych."
            ),
            heading("Po co przetwarzamy dane i na jakiej podstawie"),
            (
                "paragraph",
                "<ul><li>Rozpatrzenie uwag zgłoszonych w konsultacjach społecznych, publiczna odpowiedź "
                "urzędu i raport z konsultacji: wykonanie zadania w interesie publicznym (art. 6 ust. 1 "
                "lit. e RODO) w związku z art. 5a ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
                "i uchwałą Rady Miejskiej o zasadach konsultacji.</li>"
                "<li>Zgłaszanie projektów do budżetu obywatelskiego, ich ocena i głosowanie: obowiązek "
                "prawny miasta (art. 6 ust. 1 lit. c RODO) w związku z art. 5a ust. 3–7 ustawy "
                "o samorządzie gminnym.</li>"
                "<li>Zapisy na spotkania i szkolenia, odpowiedzi na pytania wysłane formularzem "
                "kontaktowym: zadanie w interesie publicznym (art. 6 ust. 1 lit. e RODO).</li>"
                "<li>Ochrona serwisu przed nadużyciami (skrót adresu IP, limity liczby zgłoszeń): "
                "ten sam cel i ta sama podstawa co formularz, który wysyłasz.</li></ul>",
            ),
            heading("Jakie dane zbieramy"),
            paragraph(
                "Zapisujemy to, co wpiszesz w formularz: podpis (imię i nazwisko albo nazwę organizacji), "
                "adres e-mail, jeśli go podasz, i treść zgłoszenia, a także skrót adresu IP, z którego "
                "wysłano formularz. Podpis i treść uwagi publikujemy po sprawdzeniu przez moderatora; "
                "adresu e-mail i skrótu adresu IP nie publikujemy nigdy.",
                "Serwis zapisuje w przeglądarce tylko pliki cookie potrzebne do działania: sesję, "
                "ochronę formularzy i wybrane przez Ciebie ustawienia kontrastu i wielkości tekstu.",
            ),
            heading("Komu przekazujemy dane"),
            paragraph(
                "Dane czytają upoważnieni pracownicy urzędu i moderatorzy konsultacji. Przekazujemy je "
                "tylko firmie, która na zlecenie miasta utrzymuje serwer i pocztę serwisu, na podstawie "
                "umowy powierzenia, oraz organom, którym musimy je udostępnić z mocy prawa (np. sądom). "
                "Nie przekazujemy danych poza Europejski Obszar Gospodarczy."
            ),
            heading("Jak długo przechowujemy dane"),
            paragraph(
                f"Podpis, adres e-mail i skrót adresu IP przechowujemy przez {RETENTION_DAYS} dni od "
                "zamknięcia formularza, czyli od zakończenia konsultacji, naboru lub zapisów. Potem serwis "
                "usuwa je automatycznie. Treść uwag i odpowiedzi urzędu zostaje bez danych osobowych "
                "w raporcie z konsultacji, który jest dokumentem publicznym. Dokumenty przekazane do "
                "archiwum urzędu przechowujemy tak długo, jak wymagają przepisy o archiwach."
            ),
            heading("Twoje prawa"),
            (
                "paragraph",
                "<p>Masz prawo:</p><ul><li>dostępu do swoich danych i otrzymania ich kopii,</li>"
                "<li>sprostowania danych nieprawidłowych,</li>"
                "<li>usunięcia danych, gdy nie ma już podstawy, by je przetwarzać,</li>"
                "<li>ograniczenia przetwarzania,</li>"
                "<li>sprzeciwu wobec przetwarzania danych w interesie publicznym, z przyczyn "
                "związanych z Twoją szczególną sytuacją,</li>"
                "<li>wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych, ul. Stawki 2, "
                "00-193 Warszawa, gdy uważasz, że przetwarzamy Twoje dane niezgodnie z prawem.</li></ul>"
                "<p>Podanie danych jest dobrowolne, ale bez podpisu nie przyjmiemy uwagi ani projektu. "
                "Nie podejmujemy wobec Ciebie decyzji w sposób zautomatyzowany i nie profilujemy "
                "Twoich danych.</p>",
            ),
        ),
    ),
    (
        "deklaracja-dostepnosci",
        "Deklaracja dostępności",
        "Serwis ma spełniać standard WCAG 2.1 na poziomie AA.",
        stream(
            paragraph(
                "Miasto Sosnowiec zobowiązuje się zapewnić dostępność tego serwisu zgodnie z ustawą "
                "z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji "
                "mobilnych podmiotów publicznych."
            ),
            heading("Ułatwienia w serwisie"),
            (
                "paragraph",
                "<ul><li>przełącznik wysokiego kontrastu i większego tekstu w nagłówku,</li>"
                "<li>link „Przejdź do treści” na początku każdej strony,</li>"
                "<li>widoczne zaznaczenie elementu, na którym jest fokus klawiatury,</li>"
                "<li>wszystkie formularze działają bez JavaScriptu.</li></ul>",
            ),
            heading("Informacje zwrotne i kontakt"),
            paragraph(
                "Jeśli coś w serwisie jest dla Ciebie niedostępne, napisz do nas: odpowiemy "
                "najpóźniej w ciągu 7 dni. Możesz też zażądać udostępnienia treści w innej formie."
            ),
        ),
    ),
]


def _site_settings(home):
    site = Site.objects.get(is_default_site=True)
    settings_obj = SiteSettings.for_site(site)
    if settings_obj.address:
        return
    settings_obj.organisation = "Urząd Miejski w Sosnowcu"
    settings_obj.address = "Al. Zwycięstwa 20\n41-200 Sosnowiec"
    settings_obj.phone = "+48 32 296 00 00"
    settings_obj.email = "budzet@sosnowiec.invalid"
    settings_obj.office_hours = "pon.–pt. 7:30–15:30"
    settings_obj.funding_notice = FUNDING_NOTICE
    settings_obj.copyright_line = "Budżet Obywatelski w Sosnowcu © 2026. Wszelkie prawa zastrzeżone."
    children = {page.slug: page for page in home.get_children()}
    settings_obj.accessibility_page = children.get("deklaracja-dostepnosci")
    settings_obj.privacy_page = children.get("polityka-prywatnosci")
    settings_obj.save()
    if not settings_obj.footer_logos.exists():
        for number, (title, alt_text, link_url, draw) in enumerate(FOOTER_LOGOS):
            FooterLogo.objects.create(
                settings=settings_obj,
                image=_logo_image(title, draw),
                alt_text=alt_text,
                link_url=link_url,
                sort_order=number,
            )


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _font(size):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default(size=size)


def _draw_programme(draw):
    draw.rounded_rectangle((10, 20, 90, 100), radius=12, fill="#0b4f8a")
    draw.ellipse((32, 30, 68, 66), fill="#f2b705")
    draw.text((110, 28), "KAPITAŁ", font=_font(30), fill="#0b4f8a")
    draw.text((110, 64), "LUDZKI", font=_font(30), fill="#e0523f")


def _draw_poland(draw):
    draw.rectangle((10, 25, 110, 60), fill="#ffffff", outline="#999999")
    draw.rectangle((10, 60, 110, 95), fill="#dc143c")
    draw.text((125, 30), "Rzeczpospolita", font=_font(24), fill="#222222")
    draw.text((125, 62), "Polska", font=_font(24), fill="#222222")


def _draw_union(draw):
    draw.rectangle((10, 20, 130, 100), fill="#003399")
    for point in range(12):
        angle = math.radians(point * 30)
        x, y = 70 + 26 * math.cos(angle), 60 + 26 * math.sin(angle)
        draw.regular_polygon((x, y, 5), 5, fill="#ffcc00")
    draw.text((145, 24), "UNIA EUROPEJSKA", font=_font(20), fill="#003399")
    draw.text((145, 52), "Europejski Fundusz", font=_font(18), fill="#222222")
    draw.text((145, 76), "Społeczny", font=_font(18), fill="#222222")


FOOTER_LOGOS = [
    # (image title, alt text, link, drawing)
    ("Logo: Kapitał Ludzki", "Kapitał Ludzki – Narodowa Strategia Spójności", "", _draw_programme),
    ("Logo: Rzeczpospolita Polska", "Rzeczpospolita Polska", "", _draw_poland),
    (
        "Logo: Unia Europejska, EFS",
        "Unia Europejska – Europejski Fundusz Społeczny",
        "https://commission.europa.eu/funding-tenders_pl",
        _draw_union,
    ),
]


def _logo_image(title, draw_logo):
    """A 360×120 PNG drawn here with Pillow, created once by title."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PillowImage.new("RGB", (360, 120), "#ffffff")
    draw_logo(ImageDraw.Draw(canvas))
    data = BytesIO()
    canvas.save(data, "PNG")
    image = image_model(title=title, file=ImageFile(data, name=slugify(title) + ".png"))
    image._set_image_file_metadata()
    image.save()
    return image


EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add", "change", "choose"]),
    ("wagtaildocs", "document", ["add", "change", "choose"]),
]
# Translators edit the English and Ukrainian trees only and publish nothing themselves: a translation
# goes through the review workflow to the editors, who also publish in those trees.
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
TRANSLATOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["choose"]),
    ("wagtaildocs", "document", ["choose"]),
]


def _groups_and_users(home, stdout):
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    # Wagtail's own English example groups would sit beside ours with broader rights.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(admin_access)
    _grant_pages(editors, home, EDITOR_PAGE_PERMISSIONS)
    _grant_collections(editors, EDITOR_COLLECTION_PERMISSIONS)

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(admin_access)

    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    translators.permissions.add(
        admin_access,
        Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation"),
    )
    _grant_collections(translators, TRANSLATOR_COLLECTION_PERMISSIONS)

    _create_accounts(stdout)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


def _grant_collections(group, permissions):
    root_collection = Collection.get_first_root_node()
    for app_label, model, actions in permissions:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                ),
            )


def _create_accounts(stdout):
    user_model = get_user_model()
    for username, password, role, group_name, is_superuser in DEMO_ACCOUNTS:
        if user_model.objects.filter(username=username).exists():
            continue
        user = user_model.objects.create_user(
            username=username,
            password=password,
            email=f"{username}@sosnowiec.invalid",
            first_name=role.capitalize(),
            is_staff=is_superuser,
            is_superuser=is_superuser,
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        stdout.write(f"  konto: {username}")


@demo_builder(order=1000)
def build_language_trees(stdout):
    """Last: every Polish page the builders made gets its alias under /en/ and /uk/ (pages made in
    code, unlike the admin's, are not synchronised at once); translators then work in those trees."""
    page_index = PageIndex.from_database().sort_by_tree_position()
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale, page_index=page_index)
    home = HomePage.objects.get(depth=2, locale=source_locale())
    translators = Group.objects.get(name=TRANSLATORS)
    editors = Group.objects.get(name=EDITORS)
    for locale in Locale.objects.exclude(pk=home.locale_id):
        language_home = home.get_translation_or_none(locale)
        if language_home is not None:
            _grant_pages(translators, language_home, TRANSLATOR_PAGE_PERMISSIONS)
            _grant_pages(editors, language_home, EDITOR_PAGE_PERMISSIONS)
    stdout.write("  drzewa stron po angielsku i ukraińsku")
