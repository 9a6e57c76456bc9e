"""The public site's interface is translated: every string `makemessages` finds for residents has a
finished English and Ukrainian translation in locale/, and every compiled catalogue matches its source.

Public strings are those in the site's templates and Python code, except what only the admin shows:
templates under wagtailadmin/ and */admin/, the admin's modules (hooks, viewsets, the inbox, admin
forms, reports, management commands) and, in models, the names and help texts of model fields, panels
and blocks (the Meta class, verbose_name, help_text, a panel's heading, a block's label). Admin
strings stay Polish: the catalogues of English and Ukrainian may leave them out."""

import ast
import functools
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

SOURCES = ["consultation", "home", "materials", "search", "sosnowiec_bo", "templates"]
TRANSLATED = ["en", "uk"]
ADMIN_FILE = re.compile(
    r"(^templates/wagtailadmin/|^templates/.+/admin/|wagtail_hooks\.py$|/inbox/|/admin\.py$|admin_forms\.py$"
    r"|viewsets?\.py$|formsets\.py$|apps\.py$|impersonation\.py$|/migrations/|/management/|results_import\.py$|results_admin\.py$|guides\.py$|reports\.py$|snippets\.py$"
    r"|demo[^/]*\.py$)"
)
ADMIN_KEYWORDS = {"verbose_name", "verbose_name_plural", "help_text", "heading", "label", "menu_label"}
MODEL_FIELD = re.compile(
    r"^(RichTextField|StreamField|ParentalKey|ParentalManyToManyField|\w*TaggableManager|\w+_field)$"
)
ADMIN_CALL = re.compile(r"(Block|Panel|ObjectList)$")


def call_name(call):
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return owner, func.attr
    return "", func.id if isinstance(func, ast.Name) else ""


@functools.cache
def admin_lines(path):
    """Lines of a Python module that hold only admin text: model fields' and blocks' names and help."""
    lines = set()

    def mark(node):
        lines.update(range(node.lineno, node.end_lineno + 1))

    for node in ast.walk(ast.parse((settings.BASE_DIR / path).read_text())):
        if isinstance(node, ast.ClassDef) and node.name == "Meta":
            mark(node)
        elif isinstance(node, ast.Call):
            owner, name = call_name(node)
            model_field = owner == "models" or MODEL_FIELD.match(name)
            if model_field or ADMIN_CALL.search(name):
                if node.args and model_field:
                    mark(node.args[0])
                for keyword in node.keywords:
                    if keyword.arg in ADMIN_KEYWORDS:
                        mark(keyword.value)
    return lines


def is_public(path, line):
    if ADMIN_FILE.search(path):
        return False
    return not (path.endswith(".py") and int(line) in admin_lines(path))


def public_entries(catalogue):
    return [entry for entry in catalogue if any(is_public(path, line) for path, line in entry.occurrences)]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogue `makemessages` writes for the site's sources today, in a scratch directory."""
    scratch = tmp_path_factory.mktemp("makemessages")
    for name in SOURCES:
        (scratch / name).symlink_to(settings.BASE_DIR / name)
    locale = scratch / "locale"
    locale.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(scratch)
        patch.setattr(settings, "LOCALE_PATHS", [locale])
        call_command("makemessages", locale=["en"], symlinks=True, verbosity=0)
    return polib.pofile(str(locale / "en" / "LC_MESSAGES" / "django.po"))


def committed(language, domain="django"):
    return polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / f"{domain}.po"))


def test_public_interface_has_many_strings_and_no_admin_ones(extracted):
    public = {entry.msgid for entry in public_entries(extracted)}

    assert "Przejdź do treści" in public
    assert "Nie znaleziono strony" in public
    assert "Moderacja zgłoszeń" not in public  # the moderators' inbox


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_public_string_is_translated(extracted, language):
    translations = {(entry.msgctxt, entry.msgid): entry for entry in committed(language)}
    missing = []
    for entry in public_entries(extracted):
        found = translations.get((entry.msgctxt, entry.msgid))
        finished = found and "fuzzy" not in found.flags and found.msgid_plural == entry.msgid_plural
        if finished and entry.msgid_plural:
            finished = all(found.msgstr_plural.get(form) for form in range(PLURAL_FORMS[language]))
        elif finished:
            finished = bool(found.msgstr)
        if not finished:
            missing.append(entry.msgid)
    assert missing == [], f"locale/{language}/LC_MESSAGES/django.po lacks {len(missing)} translations"


PLURAL_FORMS = {"en": 2, "uk": 3, "pl": 3}


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_their_placeholders(language):
    placeholder = re.compile(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}|%s")
    wrong = [
        entry.msgid
        for entry in committed(language)
        if entry.msgstr
        and sorted(placeholder.findall(entry.msgid)) != sorted(placeholder.findall(entry.msgstr))
    ]
    assert wrong == []


def test_polish_catalogue_has_every_plural_form(extracted):
    polish = {(entry.msgctxt, entry.msgid) for entry in committed("pl") if entry.msgid_plural}
    plurals = [entry.msgid for entry in extracted if entry.msgid_plural]

    assert [msgid for msgid in plurals if (None, msgid) not in polish] == []


# Every committed catalogue: the site's (django) in each language, the admin's JavaScript (djangojs)
# in Polish only, since the admin is Polish.
CATALOGUES = sorted(
    (po.parent.parent.name, po.stem)
    for po in (Path(__file__).resolve().parent.parent / "locale").glob("*/LC_MESSAGES/*.po")
)


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_compiled_catalogue_matches_its_source(language, domain):
    folder = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES"
    source = {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): entry.msgstr_plural or entry.msgstr
        for entry in polib.pofile(str(folder / f"{domain}.po"))
        if entry.translated()
    }
    compiled = {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): entry.msgstr_plural or entry.msgstr
        for entry in polib.mofile(str(folder / f"{domain}.mo"))
    }
    assert compiled == source, f"run `make messages` after editing locale/{language}/LC_MESSAGES/{domain}.po"


def test_every_language_has_its_site_catalogue():
    assert {language for language, domain in CATALOGUES if domain == "django"} == {"pl", *TRANSLATED}
