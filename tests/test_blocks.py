"""One render test per block of the block library, each rendered on a real page through the test
client, plus the call-to-action block's validation."""

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds import embeds

from home.blocks import CallToActionBlock
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    StandardPageFactory,
    accordion_block,
    call_to_action_block,
    document_list_block,
    heading_block,
    image_block,
    paragraph_block,
    quote_block,
    stored_video_embed,
    table_block,
    video_block,
)

VIDEO_URL = "https://www.youtube.com/watch?v=bo-sosnowiec"


@pytest.fixture
def render_body(client, site_tree):
    """The `<main>` of a published page whose body is the given blocks, as a resident gets it."""

    def render(*blocks):
        page = StandardPageFactory(parent=site_tree.home, title="Strona z blokami", body=list(blocks))
        response = client.get(page.url)
        assert response.status_code == 200
        return BeautifulSoup(response.content, "html.parser").find("main")

    return render


@pytest.fixture
def no_embed_finder(monkeypatch):
    """Embeds come from the database only: any call to an oEmbed provider fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("an embed finder was called: the test would reach the network")

    monkeypatch.setattr(embeds, "get_finder_for_embed", refuse)


def test_heading_block_renders_h2_with_anchor_from_its_text(render_body):
    main = render_body(heading_block("Harmonogram naboru"))

    heading = main.select_one("h2.heading-block")
    assert heading.get_text() == "Harmonogram naboru"
    assert heading["id"] == "harmonogram-naboru"


def test_heading_block_renders_h3_with_the_editors_anchor(render_body):
    main = render_body(heading_block("Terminy", level="h3", anchor="kiedy"))

    heading = main.select_one("h3.heading-block")
    assert heading.get_text() == "Terminy"
    assert heading["id"] == "kiedy"
    assert main.select_one("h2.heading-block") is None


def test_paragraph_block_renders_rich_text_with_links_and_lists(render_body, site_tree):
    main = render_body(
        {
            "type": "paragraph",
            "value": (
                f'<p>Przeczytaj <b>zasady</b> na stronie <a linktype="page" id="{site_tree.about.pk}">'
                "O budżecie</a>.</p><ul><li>pierwszy krok</li></ul>"
            ),
        }
    )

    block = main.select_one(".paragraph-block")
    assert block.select_one("b").get_text() == "zasady"
    assert block.select_one("a")["href"] == "/o-budzecie/"
    assert block.select_one("ul li").get_text() == "pierwszy krok"


def test_image_block_renders_picture_with_alt_and_figcaption(render_body):
    image = ImageFactory()

    main = render_body(image_block(image, "Mieszkańcy na spotkaniu w sali obrad", caption="Spotkanie 2026"))

    figure = main.select_one("figure.image-block")
    img = figure.select_one("picture img")
    assert img["alt"] == "Mieszkańcy na spotkaniu w sali obrad"
    assert img["width"] and img["height"]
    assert {source["type"] for source in figure.select("picture source")} == {"image/avif", "image/webp"}
    assert figure.select_one("figcaption").get_text() == "Spotkanie 2026"


def test_image_block_without_caption_renders_no_figcaption(render_body):
    main = render_body(image_block(ImageFactory(), "Park Sieleckie"))

    assert main.select_one("figure.image-block img")["alt"] == "Park Sieleckie"
    assert main.select_one("figure.image-block figcaption") is None


def test_quote_block_renders_blockquote_with_attribution(render_body):
    main = render_body(quote_block("Budżet to nasze wspólne pieniądze.", attribution="Mieszkanka Pogoni"))

    figure = main.select_one("figure.quote-block")
    assert figure.select_one("blockquote").get_text(strip=True) == "Budżet to nasze wspólne pieniądze."
    assert figure.select_one("figcaption").get_text() == "— Mieszkanka Pogoni"


def test_call_to_action_block_with_page_links_to_that_page(render_body, site_tree):
    main = render_body(call_to_action_block("Jak to działa?", "Poznaj zasady", page=site_tree.about))

    button = main.select_one(".call-to-action-block a.button")
    assert button["href"] == "/o-budzecie/"
    assert button.get_text() == "Poznaj zasady"
    assert main.select_one(".call-to-action-block")["aria-label"] == "Jak to działa?"


def test_call_to_action_block_with_url_links_outside(render_body):
    main = render_body(call_to_action_block("BIP", "Otwórz BIP", url="https://bip.sosnowiec.pl/"))

    assert main.select_one(".call-to-action-block a.button")["href"] == "https://bip.sosnowiec.pl/"


@pytest.mark.parametrize(
    "target",
    [{"page": True, "url": "https://bip.sosnowiec.pl/"}, {"page": False, "url": ""}],
    ids=["both", "neither"],
)
def test_call_to_action_block_with_both_or_neither_target_is_refused(site_tree, target):
    block = CallToActionBlock()
    value = block.to_python(
        {
            "title": "Zgłoś projekt",
            "text": "",
            "button_text": "Zgłoś",
            "page": site_tree.about.pk if target["page"] else None,
            "url": target["url"],
        }
    )

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "Wybierz stronę w serwisie albo wpisz adres zewnętrzny" in str(error.value.block_errors["page"])


def test_document_list_block_shows_name_extension_and_size(render_body):
    documents = [DocumentFactory(title="Regulamin budżetu"), DocumentFactory(title="Formularz zgłoszenia")]

    main = render_body(document_list_block(documents, title="Do pobrania"))

    items = main.select(".document-list-block__item")
    assert [item.select_one("a").get_text() for item in items] == [
        "Regulamin budżetu",
        "Formularz zgłoszenia",
    ]
    assert items[0].select_one("a")["href"] == documents[0].url
    assert items[0].select_one(".document-list-block__meta").get_text() == "(PDF, 2,0\xa0KB)"
    assert main.select_one(".document-list-block__title").get_text() == "Do pobrania"


def test_video_block_renders_the_stored_embed_with_title_and_transcript(render_body, no_embed_finder):
    stored_video_embed(VIDEO_URL)

    main = render_body(video_block(VIDEO_URL, "Jak zgłosić projekt", transcript="Lektor opowiada o naborze."))

    figure = main.select_one("figure.video-block")
    assert figure.select_one("iframe")["src"] == "https://www.youtube-nocookie.com/embed/bo-sosnowiec"
    assert "Jak zgłosić projekt" in figure.select_one("figcaption").get_text()
    assert figure.select_one("figcaption a")["href"] == VIDEO_URL
    assert figure.select_one("details summary").get_text() == "Transkrypcja"
    assert "Lektor opowiada o naborze." in figure.select_one("details").get_text()


def test_table_block_renders_caption_and_header_scopes(render_body):
    main = render_body(
        table_block(
            [["Dzielnica", "Pula"], ["Pogoń", "500 000 zł"], ["Zagórze", "700 000 zł"]],
            caption="Pule dzielnic",
            first_col_is_header=True,
        )
    )

    region = main.select_one(".table-block")
    assert region["aria-label"] == "Pule dzielnic"
    table = region.select_one("table")
    assert table.select_one("caption").get_text(strip=True) == "Pule dzielnic"
    assert [th.get_text(strip=True) for th in table.select("thead th[scope=col]")] == ["Dzielnica", "Pula"]
    assert [th.get_text(strip=True) for th in table.select("tbody th[scope=row]")] == ["Pogoń", "Zagórze"]
    assert [td.get_text(strip=True) for td in table.select("tbody td")] == ["500 000 zł", "700 000 zł"]


def test_accordion_block_renders_each_question_as_details_and_summary(render_body):
    main = render_body(
        accordion_block(
            [
                ("Kto może zgłosić projekt?", "Każdy mieszkaniec Sosnowca."),
                ("Do kiedy?", "Do końca marca."),
            ],
            title="Najczęstsze pytania",
        )
    )

    items = main.select(".accordion-block details")
    assert [item.select_one("summary").get_text() for item in items] == [
        "Kto może zgłosić projekt?",
        "Do kiedy?",
    ]
    assert items[0].select_one(".accordion-block__answer p").get_text() == "Każdy mieszkaniec Sosnowca."
    assert main.select_one(".accordion-block__title").get_text() == "Najczęstsze pytania"


def test_body_blocks_render_in_the_editors_order(render_body):
    main = render_body(heading_block("Pierwszy"), paragraph_block("Drugi"), heading_block("Trzeci"))

    texts = [element.get_text() for element in main.select(".heading-block, .paragraph-block p")]
    assert texts == ["Pierwszy", "Drugi", "Trzeci"]
