"""The admin speaks Polish. Every screen an editor ("Redaktorzy") or a moderator ("Moderatorzy")
reaches from the dashboard of the demo site is crawled through the links, chooser addresses and
JSON the screens themselves carry, with the page create and edit screens of every page type the
user may use. On each screen, the text people read (text, title, aria-label, placeholder, alt,
button values, and the strings of the JSON and data-* the admin's JavaScript renders) must hold no
English message of Wagtail, Django or their apps that the active Polish catalogue leaves
untranslated, no English message shown where a Polish one exists, and none of our models' names in
a case or number Polish does not use ("Dodaj Jednostka…", "Ten konsultacja", "19 zgłoszenia")."""

import json
import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import django
import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.forms.utils import pretty_name
from django.test import Client
from django.utils import translation
from django.utils.text import camel_case_to_spaces
from wagtail.admin.panels import InlinePanel
from wagtail.models import GroupApprovalTask, Page, Workflow, get_page_models

from tests.factories import ImageFactory

OUR_APPS = {"home", "consultation", "materials", "search"}
# Identical in Polish, or no words at all.
POLISH_TOO = {
    "Admin", "Administrator", "Alias", "Format", "ID", "IPv4", "IPv6", "Import", "Link", "Login",
    "Status", "Status %(status)s", "System", "Tag", "Token", "URL", "mar", "port", "status", "system",
    "tag", "%s KB", "%s MB", "%s GB", "%s TB", "%s PB",
    # Polish field names of the paper ballot form, whose labels read the same.
    "Nazwisko", "Data urodzenia",
}  # fmt: skip
# Python's None in a hidden counter that Wagtail's JavaScript fills in.
NOT_MESSAGES = {"None"}
READABLE_ATTRIBUTES = {"title", "aria-label", "aria-description", "placeholder", "alt"}
# Stimulus wiring and CSS classes in data-* are not text.
MACHINE_DATA = re.compile(r"^data-(action|controller)$|-(target|class|classes|outlet)$")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
TAG = re.compile(r"<[^>]+>")
SKIP = re.compile(
    r"^/admin/(logout|jsi18n|localize/jsi18n|api|sprite|dismissibles|block-preview)/|/preview/|export"
)
ACCUSATIVE_VERBS = r"Dodaj|Wybierz|Edytuj|Usuń|Utwórz|Przetłumacz|Opublikuj"
AGREEING_WORDS = r"[Tt]en|[Tt]ego|[Nn]owy|[Ii]nny"


# --- what a person reads on a screen --------------------------------------------------------------


class ReadableText(HTMLParser):
    """Text nodes, readable attributes and the strings of JSON the admin renders; the admin links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.links, self.labels = [], [], []
        self._raw = None
        self._json = []
        self._label = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "style"):
            self._raw = "json" if attributes.get("type") == "application/json" else "code"
            self._json = []
        for name, value in attrs:
            if not value:
                continue
            if name in READABLE_ATTRIBUTES:
                self.texts.append(value)
            elif name == "href" or (name.startswith("data-") and name.endswith("url")):
                self.links.append(value)
            elif name.startswith("data-") and not MACHINE_DATA.search(name):
                self.add_data(value)
        if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
            self.texts.append(attributes["value"])
        if tag == "label" and attributes.get("for"):
            self._label = (attributes["for"], [])

    def handle_endtag(self, tag):
        if tag == "label" and self._label:
            self.labels.append((self._label[0], " ".join("".join(self._label[1]).split()).rstrip(" *")))
            self._label = None
        if tag in ("script", "style"):
            if self._raw == "json":
                self.add_data("".join(self._json))
            self._raw = None

    def handle_data(self, data):
        if self._raw == "json":
            self._json.append(data)
        elif self._raw is None:
            self.texts.append(data)
            if self._label:
                self._label[1].append(data)

    def add_data(self, value):
        value = value.strip()
        if value[:1] in ("{", "["):
            try:
                self.add_json(json.loads(value))
            except ValueError:
                pass
        elif is_prose(value):
            self.texts.append(value)

    def add_json(self, value):
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            for item in value:
                self.add_json(item)
        elif isinstance(value, str):
            if value.startswith("/admin/"):
                self.links.append(value)
            elif "<" in value and ">" in value:
                fragment = ReadableText()
                fragment.feed(value)
                fragment.close()
                self.texts += fragment.texts
                self.links += fragment.links
                self.labels += fragment.labels
            elif is_prose(value):
                self.texts.append(value)


def is_prose(value):
    """Words, not identifiers: has letters, and a space or a capital first letter."""
    return bool(re.search(r"[^\W\d_]", value)) and (" " in value or value[:1].isupper())


def read(response):
    parser = ReadableText()
    body = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        parser.add_json(json.loads(body))
    else:
        parser.feed(body)
    parser.close()
    texts = [" ".join(text.split()) for text in parser.texts if text.strip()]
    return texts, parser.links, parser.labels


# --- crawling what a user reaches ------------------------------------------------------------------


def page_screens(user):
    """The create screen of every page type the user may create somewhere in the tree, and the edit
    screen of one page of every type they may edit; page types with no possible place at all."""
    pages = [page.specific for page in Page.objects.all()]
    urls, homeless = [], []
    for model in get_page_models():
        if model.is_creatable:
            possible = [parent for parent in pages if model.can_create_at(parent)]
            allowed = [p for p in possible if p.permissions_for_user(user).can_add_subpage()]
            if allowed:
                meta = model._meta
                urls.append(f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{allowed[0].pk}/")
            elif not possible and not any(type(page) is model for page in pages):
                # Present but full (e.g. one budget index per site) is not homeless.
                homeless.append(model._meta.label)
        editable = [p for p in pages if type(p) is model and p.permissions_for_user(user).can_edit()]
        if editable:
            urls.append(f"/admin/pages/{editable[0].pk}/edit/")
    return urls, homeless


def screen_kind(path, page_types):
    """Screens that differ only by an object's id are one kind; a page's listing and editor differ
    by the page's type."""
    path = re.sub(
        r"^/admin/pages/(\d+)/(edit/)?$",
        lambda m: f"/admin/pages/{page_types.get(int(m[1]))}/{m[2] or ''}",
        path,
    )
    path = re.sub(r"^/admin/pages/(usage|create)/\w+/\w+", r"/admin/pages/\1/TYPE", path)
    return re.sub(r"/\d+/", "/N/", path)


def crawl(client, start):
    """Visits one screen of every kind reachable from `start` through the admin's own links."""
    page_types = dict(Page.objects.values_list("pk", "content_type__model"))
    screens, errors, seen = {}, [], set()
    queue = deque(start)
    while queue:
        url = queue.popleft()
        kind = screen_kind(urlsplit(url).path, page_types)
        if kind in seen:
            continue
        seen.add(kind)
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(f"{url}: HTTP {response.status_code}")
        content_type = response.get("Content-Type", "")
        if response.status_code in (301, 302):
            links = [response["Location"]]
        elif response.status_code == 200 and content_type.startswith(("text/html", "application/json")):
            texts, links, labels = read(response)
            screens[url] = (texts, labels)
        else:
            continue
        for link in links:
            target = urlsplit(link)
            if target.netloc in ("", "testserver") and target.path.startswith("/admin/"):
                if not SKIP.search(link) and screen_kind(target.path, page_types) not in seen:
                    queue.append(target.path)
    return screens, errors


# --- what counts as English or as bad Polish -------------------------------------------------------


def installed_catalogues(domain="django"):
    """Each installed app's message ids: its English catalogue, or any other where it has none."""
    folders = [Path(django.__file__).parent / "conf" / "locale"]
    folders += [Path(config.path) / "locale" for config in apps.get_app_configs()]
    for folder in folders:
        found = sorted(folder.glob(f"en/LC_MESSAGES/{domain}.po")) or sorted(
            folder.glob(f"*/LC_MESSAGES/{domain}.po")
        )
        yield from found[:1]


def untranslated_messages():
    """English texts the active Polish catalogue returns as they are (none, or the same text)."""
    english = set()
    with translation.override("pl"):
        for path in installed_catalogues():
            for entry in polib.pofile(str(path)):
                if not entry.obsolete and entry.msgid:
                    english |= {msgid for msgid, polish in in_polish(entry) if polish == msgid}
    english = {
        msgid for msgid in english - POLISH_TOO if re.search(r"[^\W\d_]{2}", PLACEHOLDER.sub("", msgid))
    }
    return sorted(english, key=len, reverse=True)


def in_polish(entry):
    """(English, Polish) of a catalogue entry: both forms of a counted text."""
    ctx, one, many = entry.msgctxt, entry.msgid, entry.msgid_plural
    if not many:
        return [(one, translation.pgettext(ctx, one) if ctx else translation.gettext(one))]
    counted = (
        (lambda n: translation.npgettext(ctx, one, many, n))
        if ctx
        else (lambda n: translation.ngettext(one, many, n))
    )
    return [(one, counted(1)), (many, counted(5))]


def english_pattern(msgid):
    """The message as a person reads it: tags dropped, placeholders matching any short text, the
    first letter in either case (Django capitalises labels), whole words only."""
    parts = [part.strip() for part in PLACEHOLDER.split(" ".join(TAG.sub(" ", msgid).split()))]
    parts = [part for part in parts if part]
    first = parts[0]
    head = (
        f"[{first[0].upper()}{first[0].lower()}]{re.escape(first[1:])}"
        if first[0].isalpha()
        else re.escape(first)
    )
    body = r"\s*.{1,80}?\s*".join([head] + [re.escape(part) for part in parts[1:]])
    return max(parts, key=len)[1:], re.compile(rf"(?<!\w){body}(?!\w)")


def english_on_screen(text, patterns):
    found = []
    for msgid, (literal, pattern) in patterns:
        if literal in text:
            text, count = pattern.subn("\0", text)
            if count:
                found.append(msgid)
    return found


def translated_but_english(texts):
    """Whole texts that are an English message with a different Polish translation: the English is
    written into a template or code instead of being translated."""
    languages = {name for _code, name in settings.LANGUAGES}
    with translation.override("pl"):
        return [
            text
            for text in texts
            if text not in NOT_MESSAGES | languages and translation.gettext(text) != text
        ]


def english_field_names(labels):
    """Labels Django made from an English field name ("email_address" → "Email address"): no
    translation was ever asked for."""
    return [
        text
        for for_id, text in labels
        if text == pretty_name(for_id.rsplit("-", 1)[-1].removeprefix("id_")) and text not in POLISH_TOO
    ]


def our_names():
    """Names of our models and inline panels as the admin shows them in Polish."""
    names = set()
    with translation.override("pl"):
        for model in apps.get_models():
            if model._meta.app_label in OUR_APPS:
                names |= {str(model._meta.verbose_name), str(model._meta.verbose_name_plural)}
                if issubclass(model, Page):
                    panels = walk(model.get_edit_handler())
                    names |= {str(panel.label) for panel in panels if isinstance(panel, InlinePanel)}
    return {name for name in names if len(name) > 3}


def walk(panel):
    yield panel
    for child in getattr(panel, "children", []):
        yield from walk(child)


def polish_grammar_patterns():
    """Our names after a verb that needs the accusative (feminine names change: "Dodaj jednostkę"),
    after a word that agrees in gender ("ten", "nowy": wrong before a feminine or neuter name);
    every model's name after a number ("19 zgłoszenia") and in English Title Case ("Strona Treści")."""
    names = our_names()
    feminine = [re.escape(name) for name in names if re.match(r"\w+a\b", name)]
    not_masculine = [re.escape(name) for name in names if re.match(r"\w+[aeo]\b", name)]
    with translation.override("pl"):
        counted = {
            str(m._meta.verbose_name).lower(): str(m._meta.verbose_name_plural).lower()
            for m in apps.get_models()
        }
    words = sorted(set(counted) | set(counted.values()), key=len, reverse=True)
    titled = [re.escape(name.title()) for name in words if " " in name]
    return (
        re.compile(rf"\b(?:{ACCUSATIVE_VERBS})\s+(?i:{any_of(feminine)})\b"),
        re.compile(rf"\b(?:{AGREEING_WORDS}):?\s+(?i:{any_of(not_masculine)})\b"),
        re.compile(rf"\b(?:{any_of(titled)})\b"),
        re.compile(rf"\b(\d+)\s+({any_of(map(re.escape, words))})\b", re.I),
        set(counted),
    )


def any_of(alternatives):
    return "|".join(alternatives) or "(?!)"


def bad_polish(text, patterns):
    accusative, agreement, title_case, count, singulars = patterns
    found = accusative.findall(text) + agreement.findall(text) + title_case.findall(text)
    for number, word in count.findall(text):
        n, singular = int(number), word.lower() in singulars
        few = n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)
        if (singular and n != 1) or (not singular and not few):
            found.append(f"{number} {word}")
    return found


# --- the tests ------------------------------------------------------------------------------------


ROLES = ("redaktor", "moderator")


# As database tests they run before the transactional ones, which leave the database empty.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def crawled(demo_content, django_db_blocker):
    """Every role's screens on the demo site, crawled once; the database is left as it was."""
    with django_db_blocker.unblock(), transaction.atomic():
        ImageFactory(title="Spotkanie w Zagórzu")  # the demo has no image; its screens need one
        result = {username: screens_of(Client(), username) for username in ROLES}
        transaction.set_rollback(True)
    return result


def screens_of(client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    pages, homeless = page_screens(user)
    screens, errors = crawl(client, ["/admin/", *pages])
    return {"screens": screens, "errors": errors, "pages": pages, "homeless": homeless}


def report(screens):
    patterns = [(msgid, english_pattern(msgid)) for msgid in untranslated_messages()]
    grammar = polish_grammar_patterns()
    problems = []
    for url, (texts, labels) in sorted(screens.items()):
        text = " | ".join(texts)
        problems += [f"{url}: English field name {label!r}" for label in english_field_names(labels)]
        problems += [f"{url}: English {msgid!r}" for msgid in english_on_screen(text, patterns)]
        problems += [
            f"{url}: English instead of Polish {english!r}" for english in translated_but_english(texts)
        ]
        problems += [f"{url}: bad Polish {phrase!r}" for phrase in bad_polish(text, grammar)]
    return sorted(set(problems))


@pytest.mark.parametrize("username", ROLES)
def test_admin_screens_of_role_show_no_english_or_bad_polish(crawled, username):
    screens = crawled[username]["screens"]

    problems = report(screens)

    assert problems == [], f"{len(problems)} texts on {len(screens)} screens:\n" + "\n".join(problems)


@pytest.mark.parametrize("username", ROLES)
def test_admin_screens_of_role_render_without_server_errors(crawled, username):
    assert crawled[username]["errors"] == []
    assert {"/admin/", "/admin/account/"} <= set(crawled[username]["screens"])


def test_editor_crawl_covers_every_page_type_images_and_documents(crawled):
    editor = crawled["redaktor"]
    screens = editor["screens"]

    assert editor["homeless"] == [], f"page types with no place in the demo content: {editor['homeless']}"
    assert "/admin/pages/add/consultation/consultationpage/" in " ".join(editor["pages"])
    assert set(editor["pages"]) <= set(screens)
    assert any(re.match(r"/admin/images/\d+/$", url) for url in screens)
    assert any(re.match(r"/admin/documents/edit/\d+/$", url) for url in screens)
    assert any(url.startswith("/admin/choose-page/") for url in screens)


def test_moderator_crawl_reaches_the_inbox_and_a_submission(crawled):
    screens = crawled["moderator"]["screens"]

    assert "/admin/inbox/" in screens
    assert any(re.match(r"/admin/inbox/edit/\d+/$", url) for url in screens)


def test_every_model_of_ours_has_polish_names():
    """The admin shows models' names in listings, usage, history and confirmations: none may be
    Django's English default made from the class name, or its plural with an English "s"."""
    english = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
        and (
            model._meta.verbose_name == camel_case_to_spaces(model._meta.object_name)
            or str(model._meta.verbose_name_plural) == f"{model._meta.verbose_name}s"
        )
    ]

    assert english == []


@pytest.mark.parametrize(
    ("url", "app_label"),
    [("/admin/jsi18n/", "wagtailadmin"), ("/admin/localize/jsi18n/", "wagtail_localize")],
)
def test_javascript_catalogue_of_the_admin_translates_every_message(admin_client, url, app_label):
    served = re.search(r"const newcatalog = (\{.*?\});\n", admin_client.get(url).text, re.S)
    catalogue = json.loads(served[1])
    english = Path(apps.get_app_config(app_label).path) / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"

    missing = [
        entry.msgid
        for entry in polib.pofile(str(english))
        if entry.msgid not in POLISH_TOO
        and PLACEHOLDER.sub("", entry.msgid).strip(" :")
        and catalogue.get(entry.msgid) in (None, entry.msgid, [entry.msgid, entry.msgid_plural])
    ]
    assert missing == []


def test_default_workflow_is_polish_and_approved_by_the_editors(demo_content):
    workflow = Workflow.objects.get(name="Akceptacja przed publikacją")
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)

    assert task.name == "Zatwierdzenie przez redakcję"
    assert list(task.groups.values_list("name", flat=True)) == ["Redaktorzy"]
    assert not Workflow.objects.filter(name__icontains="approval").exists()


def test_editor_submits_a_page_to_the_polish_workflow(client, demo_content):
    client.force_login(get_user_model().objects.get(username="redaktor"))
    page = Page.objects.get(slug="o-budzecie", locale__language_code="pl")

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    assert "Wyślij do procesu „Akceptacja przed publikacją”" in response.text
    assert "Moderators approval" not in response.text


def test_table_editor_menu_is_polish(client, demo_content):
    client.force_login(get_user_model().objects.get(username="redaktor"))
    home = Page.objects.get(slug="home")

    texts, _links, _labels = read(client.get(f"/admin/pages/add/home/standardpage/{home.pk}/"))

    menu = [
        "Wstaw wiersz powyżej",
        "Wstaw kolumnę z prawej",
        "Usuń wiersz",
        "Usuń kolumnę",
        "Cofnij",
        "Ponów",
    ]
    assert set(menu) <= set(texts)
    assert "Insert row above" not in texts


def test_password_too_similar_to_the_account_is_refused_in_grammatical_polish(admin_client, db):
    response = admin_client.post(
        "/admin/users/new/",
        {
            "username": "kowalska.anna",
            "email": "anna.kowalska@example.com",
            "first_name": "Anna",
            "last_name": "Kowalska",
            "password1": "kowalska.anna1",
            "password2": "kowalska.anna1",
        },
    )

    assert response.status_code == 200
    assert "Hasło jest zbyt podobne do danych konta (pole „nazwa użytkownika”)." in response.text
    assert not get_user_model().objects.filter(username="kowalska.anna").exists()


# Screens only an administrator reaches, which the editors' and moderators' crawl does not.
ADMINISTRATOR_SCREENS = ["/admin/searchpicks/add/", "/admin/reports/aging-pages/"]


@pytest.mark.parametrize("url", ADMINISTRATOR_SCREENS)
def test_administrators_screen_shows_no_english_or_bad_polish(admin_client, demo_content, url):
    response = admin_client.get(url)
    texts, _links, labels = read(response)

    assert response.status_code == 200
    assert report({url: (texts, labels)}) == []


def test_promoted_search_results_form_explains_itself_in_polish(admin_client, demo_content):
    """Wagtail's help has inline tags, which split it into texts the crawl's check does not match."""
    html = admin_client.get("/admin/searchpicks/add/").content.decode()

    assert "Promowane wyniki wyszukiwania to sposób, by polecić konkretne strony" in html
    assert "Pole „Frazy wyszukiwania” poniżej musi zawierać pełną i dokładną frazę" in html
    assert "Promoted search results are a means" not in html
    assert "must contain the full and exact search" not in html


def test_aging_pages_report_names_the_system_as_the_publisher_of_pages_no_user_published(
    admin_client, demo_content
):
    texts, _links, _labels = read(admin_client.get("/admin/reports/aging-pages/"))

    assert "System" in texts
    assert "None" not in texts
