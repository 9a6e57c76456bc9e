"""Editors cannot easily publish inaccessible content: an image needs alt text or the decorative
choice, the body's headings cannot skip a level, a video needs a transcript or captions, a quote says
its language; a PDF upload reminds of the accessible version, the materials library marks which
materials have one, and Wagtail's content checker runs with the site's rules."""

import json
import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.embeds import embeds
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.blocks import BodyStreamBlock, ImageBlock, VideoBlock
from home.demo_content import _groups_and_users
from home.documents import PDF_REMINDER, UPLOAD_REMINDER
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    MaterialFactory,
    MaterialsIndexPageFactory,
    StandardPageFactory,
    heading_block,
    quote_block,
    stored_video_embed,
)

VIDEO_URL = "https://www.youtube.com/watch?v=bo-sosnowiec"
ALT_MISSING = "Opisz obraz w polu „Tekst alternatywny” albo zaznacz „Obraz dekoracyjny”"
DECORATIVE_WITH_ALT = "Obraz dekoracyjny nie ma opisu"
VIDEO_MISSING = "Dodaj transkrypcję filmu albo wybierz plik z napisami (VTT)"
NOT_VTT = "Plik z napisami musi mieć format WebVTT"


@pytest.fixture
def editor(client, site_tree):
    """The demo's editor ("Redaktorzy": edits and publishes pages, uploads images and documents)."""
    _groups_and_users(site_tree.home, StringIO())
    client.force_login(get_user_model().objects.get(username="redaktor"))
    return client


@pytest.fixture
def page(site_tree):
    return StandardPageFactory(parent=site_tree.home, title="Spotkanie w Zagórzu", slug="spotkanie")


@pytest.fixture
def stored_video(monkeypatch):
    """The video's embed is in the database; any call to an oEmbed provider fails the test."""
    stored_video_embed(VIDEO_URL)

    def refuse(*args, **kwargs):
        raise AssertionError("an embed finder was called: the test would reach the network")

    monkeypatch.setattr(embeds, "get_finder_for_embed", refuse)


def image(pk, alt_text="", decorative=False):
    return ("image", {"image": pk, "alt_text": alt_text, "decorative": decorative, "caption": ""})


def heading(text, level):
    return ("heading", {"text": text, "level": level, "anchor": ""})


def video(transcript="", captions=None):
    return (
        "video",
        {
            "video": VIDEO_URL,
            "title": "Jak zgłosić projekt",
            "transcript": transcript,
            "captions": captions or "",
        },
    )


def publish(client, page, *blocks):
    data = nested_form_data(
        {"title": page.title, "slug": page.slug, "lead": page.lead, "body": streamfield(list(blocks))}
    )
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def field_messages(response, index, field):
    """The Polish messages the editor sees under `field` of the body's block number `index`."""
    error = response.context["form"].errors["body"].as_data()[0]
    return error.block_errors[index].block_errors[field].messages


def public_main(client, page):
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("main")


# --- images -------------------------------------------------------------------------------------


def test_image_without_alt_text_is_refused_with_a_polish_message(editor, page):
    revisions = page.revisions.count()

    response = publish(editor, page, image(ImageFactory().pk))

    assert response.status_code == 200
    assert ALT_MISSING in field_messages(response, 0, "alt_text")[0]
    page.refresh_from_db()
    assert page.revisions.count() == revisions
    assert page.body[0].block_type == "paragraph"


def test_decorative_image_with_alt_text_is_refused(db):
    block = ImageBlock()
    value = block.to_python(dict(image(ImageFactory().pk, alt_text="Ozdobnik", decorative=True)[1]))

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert DECORATIVE_WITH_ALT in str(error.value.block_errors["decorative"])


def test_image_with_alt_text_or_marked_decorative_is_published_and_decorative_renders_empty_alt(
    editor, page, client
):
    photo, ornament = ImageFactory(), ImageFactory()

    response = publish(
        editor, page, image(photo.pk, alt_text="Mieszkańcy w sali obrad"), image(ornament.pk, decorative=True)
    )

    assert response.status_code == 302
    images = public_main(client, page).select("figure.image-block img")
    assert [img["alt"] for img in images] == ["Mieszkańcy w sali obrad", ""]
    assert 'alt=""' in str(images[1])


# --- headings -----------------------------------------------------------------------------------


def test_heading_that_skips_a_level_is_refused_in_the_editor(editor, page):
    revisions = page.revisions.count()

    response = publish(editor, page, heading("Zasady", "h2"), heading("Terminy", "h4"))

    assert response.status_code == 200
    message = field_messages(response, 1, "level")[0]
    assert "Nagłówek H4 nie może być tutaj: przed nim musi być nagłówek H3" in message
    assert page.revisions.count() == revisions


@pytest.mark.parametrize(
    "levels, refused",
    [
        (["h3"], {0: "H3"}),
        (["h2", "h4"], {1: "H4"}),
        (["h2", "h3", "h4", "h4", "h2", "h3"], {}),
        (["h2", "h3", "h2", "h4"], {3: "H4"}),
    ],
    ids=["h3-first", "h4-after-h2", "in-order", "h4-after-a-new-h2"],
)
def test_body_headings_go_down_one_level_at_a_time(levels, refused):
    block = BodyStreamBlock()
    value = block.to_python([heading_block(f"Nagłówek {n}", level) for n, level in enumerate(levels)])

    if not refused:
        block.clean(value)
        return
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == set(refused)
    for index, level in refused.items():
        assert f"Nagłówek {level} nie może być tutaj" in str(
            error.value.block_errors[index].block_errors["level"]
        )


def test_h4_heading_renders_as_h4(page, client):
    page.body = [heading_block("Zasady"), heading_block("Kto", "h3"), heading_block("Wiek", "h4")]
    page.save_revision().publish()

    main = public_main(client, page)

    assert main.select_one("h4.heading-block").get_text() == "Wiek"


# --- videos -------------------------------------------------------------------------------------


def test_video_without_transcript_or_captions_is_refused(editor, page, stored_video):
    revisions = page.revisions.count()

    response = publish(editor, page, video())

    assert response.status_code == 200
    assert VIDEO_MISSING in field_messages(response, 0, "transcript")[0]
    assert page.revisions.count() == revisions


def test_video_captions_must_be_a_vtt_file(editor, page, stored_video):
    response = publish(editor, page, video(captions=DocumentFactory().pk))

    assert response.status_code == 200
    assert NOT_VTT in field_messages(response, 0, "captions")[0]


def test_video_with_a_transcript_is_published_and_shows_it_under_the_video(
    editor, page, client, stored_video
):
    response = publish(editor, page, video(transcript="Lektor: zgłoś projekt do 31 marca."))

    assert response.status_code == 302
    details = public_main(client, page).select_one("figure.video-block details")
    assert details.select_one("summary").get_text() == "Transkrypcja"
    assert "zgłoś projekt do 31 marca" in details.get_text()


def test_video_with_vtt_captions_only_is_accepted_and_links_them(page, client, stored_video):
    captions = DocumentFactory(
        title="Napisy",
        file=SimpleUploadedFile("napisy.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nDzień dobry\n".encode()),
    )
    block = VideoBlock()
    block.clean(block.to_python(dict(video(captions=captions.pk)[1])))
    page.body = [{"type": "video", "value": dict(video(captions=captions.pk)[1])}]
    page.save_revision().publish()

    link = public_main(client, page).select_one("a.video-block__captions")

    assert link["href"] == captions.url
    assert "Napisy do filmu (plik VTT)" in link.get_text()


# --- quotes -------------------------------------------------------------------------------------


def test_quote_renders_its_language_on_the_blockquote(page, client):
    page.body = [
        quote_block("Budżet to nasze wspólne pieniądze."),
        quote_block("Think globally, act locally.", attribution="Patrick Geddes", language="en"),
    ]
    page.save_revision().publish()

    quotes = public_main(client, page).select("figure.quote-block blockquote")

    assert [quote["lang"] for quote in quotes] == ["pl", "en"]


def test_quote_stored_before_the_language_field_renders_as_polish(page, client):
    page.body = [{"type": "quote", "value": {"text": "Stary cytat.", "attribution": ""}}]
    page.save_revision().publish()

    assert public_main(client, page).select_one("blockquote")["lang"] == "pl"


# --- documents ----------------------------------------------------------------------------------


def upload(client, filename, content):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(filename, content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def test_uploaded_pdf_shows_the_accessible_version_reminder(editor):
    response = upload(editor, "regulamin.pdf", b"%PDF-1.4\n" + b"0" * 200)

    answer = response.json()
    assert answer["success"]
    assert str(PDF_REMINDER) in answer["form"]


def test_uploaded_text_document_shows_no_pdf_reminder(editor):
    answer = upload(editor, "notatka.txt", b"Tekst notatki.").json()

    assert answer["success"]
    assert str(PDF_REMINDER) not in answer["form"]


def test_upload_form_and_pdf_edit_form_remind_of_the_accessible_version(editor):
    pdf = DocumentFactory()

    assert str(UPLOAD_REMINDER) in editor.get(reverse("wagtaildocs:add")).text
    assert str(PDF_REMINDER) in editor.get(reverse("wagtaildocs:edit", args=[pdf.pk])).text


def test_materials_library_marks_which_materials_have_an_accessible_version(site_tree, client):
    library = MaterialsIndexPageFactory(parent=site_tree.home)
    MaterialFactory(title="Poradnik z wersją", accessible_document=DocumentFactory(title="Wersja łatwa"))
    MaterialFactory(title="Ulotka bez wersji")

    soup = BeautifulSoup(client.get(library.url).content, "html.parser")

    cards = {card.select_one("h3").get_text(" ", strip=True): card for card in soup.select(".materials-card")}
    with_version = next(card for title, card in cards.items() if "Poradnik z wersją" in title)
    without = next(card for title, card in cards.items() if "Ulotka bez wersji" in title)
    assert with_version.select_one(".materials-badge--accessible").get_text() == "dostępna wersja"
    assert without.select_one(".materials-badge--missing").get_text() == "brak wersji dostępnej"
    assert without.select_one(".materials-badge--accessible") is None


# --- the content checker ------------------------------------------------------------------------


def axe_configuration(html):
    """The checker's settings, from the JSON script inside the userbar's (or the panel's) template."""
    found = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S
    )
    return json.loads(found.group(1))


@pytest.mark.parametrize("where", ["userbar", "editor"])
def test_content_checker_runs_the_sites_rules(editor, page, where):
    url = page.url if where == "userbar" else reverse("wagtailadmin_pages:edit", args=[page.pk])

    configuration = axe_configuration(editor.get(url).text)

    run_only = configuration["options"]["runOnly"]
    for rule in ["heading-order", "image-alt", "link-name", "empty-heading", "html-lang-valid", "valid-lang"]:
        assert rule in run_only
    assert "quote-lang" in run_only
    quote_rule = next(rule for rule in configuration["spec"]["rules"] if rule["id"] == "quote-lang")
    assert quote_rule["selector"] == "blockquote"
    assert configuration["messages"]["quote-lang"]["error_name"] == "Cytat bez podanego języka"


def test_image_stored_before_the_decorative_choice_renders_its_alt_text(page, client):
    photo = ImageFactory()
    page.body = [{"type": "image", "value": {"image": photo.pk, "alt_text": "Park Sieleckie", "caption": ""}}]
    page.save_revision().publish()

    assert public_main(client, page).select_one("figure.image-block img")["alt"] == "Park Sieleckie"


def test_every_demo_page_body_passes_the_rules_as_an_editor_would_save_it(demo_content, db):
    checked = 0

    for page in Page.objects.filter(depth__gt=1).specific():
        for field in page._meta.get_fields():
            if isinstance(field, StreamField) and isinstance(field.stream_block, BodyStreamBlock):
                field.stream_block.clean(getattr(page, field.name))
                checked += 1

    assert checked > 20
