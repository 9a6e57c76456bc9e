"""Demo content of the foundation: the home page, the pages about the budget, site settings and
one account per role. Texts are written from the city's facts in our own words."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from .demo import (
    demo_builder,
    ensure_child,
    ensure_section,
    heading,
    paragraph,
    root_page,
    source_locale,
    stream,
)
from .demo_accounts import (  # noqa: F401  (DEMO_ACCOUNTS and the group names are imported from here)
    DEMO_ACCOUNTS,
    EDITOR_PAGE_PERMISSIONS,
    EDITORS,
    MODERATORS,
    TRANSLATOR_PAGE_PERMISSIONS,
    TRANSLATORS,
    _grant_pages,
    _groups_and_users,
)
from .demo_privacy import DPO_EMAIL, LEGAL_PAGES, RETENTION_DAYS  # noqa: F401
from .demo_settings import _site_settings
from .demo_statement import build_statement
from .models import HomePage, StandardPage
from .sites import SITE_NAME, site_location


@demo_builder(order=10)
def build_home(stdout):
    home = _home_page(stdout)
    _about_pages(home, stdout)
    build_statement(home, stdout)
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
    ensure_section(
        home,
        StandardPage,
        "o-budzecie",
        stdout,
        "O budżecie",
        title="O budżecie",
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
    model = ensure_section(
        home,
        StandardPage,
        "przyjety-model",
        stdout,
        "Przyjęty model",
        title="Przyjęty model",
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
