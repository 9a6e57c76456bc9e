"""Every page type, the translated pages, the forms' error states, search and the error pages are
valid HTML: the Nu HTML Checker (vnu.jar, installed by `make vnu`) reports no error in any of them.
The pages are written to one folder and checked by one run of the checker (one JVM start)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page, get_page_models

from consultation.choices import ConsultationPhase
from consultation.models import ConsultationPage, ModeratedFormPage, ProposalFormPage, VotingPage
from home.blocks import BodyStreamBlock
from materials.choices import ARTICLE_KIND_SLUGS
from materials.models import ArticleIndexPage, TrainingPage
from tests import factories as build

VNU_JAR = Path(settings.BASE_DIR) / ".vnu/node_modules/vnu-jar/build/dist/vnu.jar"
OUR_APPS = {"home", "consultation", "materials", "search"}
# The page types an editor can create: a new one fails the test until it is named here (and the demo
# content has a live Polish page of it, which is then checked).
PAGE_TYPES = {
    "home.HomePage",
    "home.StandardPage",
    "home.AccessibilityStatementPage",
    "consultation.ConsultationIndexPage",
    "consultation.ConsultationPage",
    "consultation.BudgetIndexPage",
    "consultation.BudgetEditionPage",
    "consultation.BudgetProjectPage",
    "consultation.ProposalFormPage",
    "consultation.VotingPage",
    "materials.TrainingIndexPage",
    "materials.TrainingPage",
    "materials.ArticleIndexPage",
    "materials.ArticlePage",
    "materials.LegalActIndexPage",
    "materials.LegalActPage",
    "materials.MaterialsIndexPage",
    "materials.NewsIndexPage",
    "materials.NewsPage",
    "materials.FormPage",
    "materials.AccessibilityRequestFormPage",
}
# Sent empty, each shows its form again with the errors tied to the fields.
FORM_TYPES = {
    "consultation.ConsultationPage",
    "consultation.ProposalFormPage",
    "materials.TrainingPage",
    "materials.FormPage",
    "materials.AccessibilityRequestFormPage",
}
VIDEO_URL = "https://www.youtube.com/watch?v=bo-sosnowiec"


def label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def sample(model):
    """A live Polish page of the type; of a form, one that takes submissions, so its form shows."""
    pages = polish(model)
    if issubclass(model, ModeratedFormPage):
        return next((page for page in pages if page.accepts_submissions()), None)
    if model is VotingPage:
        return next((page for page in pages if page.is_open()), None)
    return pages.first()


def polish(model):
    return model.objects.live().filter(locale__language_code="pl").order_by("path")


def translated_urls():
    """Every English and Ukrainian translation (the home pages among them) and one untranslated page
    (an alias showing the Polish text)."""
    pages = Page.objects.live().filter(locale__language_code__in=["en", "uk"]).order_by("path")
    urls = {page.url.strip("/").replace("/", "_"): page.url for page in pages.filter(alias_of__isnull=True)}
    urls["en-alias"] = pages.filter(locale__language_code="en", alias_of__isnull=False).last().url
    return urls


def every_block_page(home):
    """A page whose body holds one block of every kind the editors have, several of some."""
    image, document = build.ImageFactory(), build.DocumentFactory()
    build.stored_video_embed(VIDEO_URL)
    body = [
        build.heading_block("Bloki treści"),
        build.paragraph_block("Akapit z <a href='/'>odnośnikiem</a>.", "<b>Drugi</b> akapit."),
        build.image_block(image, "Mieszkańcy na spotkaniu", caption="Spotkanie w 2026 roku"),
        build.image_block(image, "", decorative=True),
        build.quote_block("Every voice counts.", attribution="Mieszkanka", language="en"),
        build.call_to_action_block("Zgłoś projekt", "Przejdź do formularza", page=home, text="Masz pomysł?"),
        build.document_list_block([document], title="Dokumenty"),
        build.video_block(VIDEO_URL, "Jak zgłosić projekt", transcript="Zapis filmu."),
        build.table_block(
            [["Dzielnica", "Pula"], ["Pogoń", "500 000 zł"]], caption="Pule", first_col_is_header=True
        ),
        build.accordion_block([("Kto może głosować?", "Każdy mieszkaniec.")], title="Pytania"),
    ]
    assert {block["type"] for block in body} == set(BodyStreamBlock.base_blocks)
    return build.StandardPageFactory(parent=home, title="Wszystkie bloki", body=body)


def other_urls():
    """Routes of pages beyond their main view, search and the 404 page: {name: (url, status)}."""
    closed = next(page for page in polish(ConsultationPage) if page.phase == ConsultationPhase.CLOSED)
    articles = polish(ArticleIndexPage).first()
    return {
        "consultation-report": (closed.url + closed.reverse_subpage("report"), 200),
        "articles-by-kind": (
            articles.url + articles.reverse_subpage("kind", args=[next(iter(ARTICLE_KIND_SLUGS.values()))]),
            200,
        ),
        "training-cancel-bad-link": (polish(TrainingPage).first().url + "rezygnacja/?kod=zly", 404),
        "appeal-bad-link": (polish(ProposalFormPage).first().url + "odwolanie/?kod=zly", 404),
        "search": ("/szukaj/?q=budżet", 200),
        "search-nothing-found": ("/szukaj/?q=qqqxyz", 200),
        "404": ("/nie-ma-takiej-strony/", 404),
    }


def vnu_errors(folder):
    """The checker's errors in the folder's files, one "file:line: message" each."""
    if not VNU_JAR.exists():
        pytest.fail(f"The Nu HTML Checker is not installed ({VNU_JAR}): run `make vnu`.")
    java = shutil.which("java") or pytest.fail("The Nu HTML Checker needs Java 17: see `make vnu`.")
    files = sorted(str(path) for path in folder.glob("*.html"))
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(run.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"The Nu HTML Checker did not run (exit code {run.returncode}):\n{run.stderr[-2000:]}")
    return [
        f"{Path(item.get('url', '?')).name}:{item.get('lastLine', '?')}: {item['message']}"
        for item in messages
    ]


@pytest.fixture
def pages(demo_content, db):
    return {label(model): sample(model) for model in get_page_models() if label(model) in PAGE_TYPES}


def test_every_page_type_has_a_page_to_check(pages):
    ours = {
        label(model)
        for model in get_page_models()
        if model._meta.app_label in OUR_APPS and model.is_creatable
    }
    assert ours == PAGE_TYPES, "Name every page type in PAGE_TYPES (and give the demo content a page of it)"
    missing = sorted(name for name, page in pages.items() if page is None)
    assert not missing, f"The demo content has no live Polish page of: {missing}"


def test_nu_html_checker_finds_no_errors(client, pages, instant_forms, tmp_path):
    urls = {name: (page.url, 200) for name, page in pages.items()}
    translated = translated_urls()
    assert {"en", "uk"} <= set(translated), "the English and Ukrainian home pages"
    urls |= {name: (url, 200) for name, url in translated.items()}
    urls |= other_urls()
    urls["every-block"] = (every_block_page(pages["home.HomePage"]).url, 200)
    for name, (url, status) in urls.items():
        response = client.get(url)
        assert response.status_code == status, (name, url, response.status_code)
        (tmp_path / f"{name}.html").write_bytes(response.content)
    for name in FORM_TYPES:
        response = client.post(pages[name].url, {})
        assert response.status_code == 200 and b'aria-invalid="true"' in response.content, name
        (tmp_path / f"{name}-errors.html").write_bytes(response.content)
    voting = client.post(pages["consultation.VotingPage"].url, {})
    assert voting.status_code == 200 and b'id="form-errors"' in voting.content
    (tmp_path / "consultation.VotingPage-errors.html").write_bytes(voting.content)

    errors = vnu_errors(tmp_path)

    assert len(list(tmp_path.glob("*.html"))) == len(urls) + len(FORM_TYPES) + 1
    assert not errors, f"The Nu HTML Checker found {len(errors)} errors:\n" + "\n".join(errors)
