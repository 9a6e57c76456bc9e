"""Articles (good practices, education, what works in the city): the editor's path, the page a
resident reads, the filters by tag and kind, related articles, hostile addresses and the number of
queries of the list."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from materials.choices import ArticleKind
from materials.models import ArticleIndexPage, ArticlePage, Tag
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ImageFactory, index_page_form_data

HOSTILE = ["'", '"', "\x00", "9" * 30, "-1", "0", "abc", "²", "<script>alert(1)</script>", "a" * 5000, "1.5"]
INDEX_MAX_QUERIES = 25
ARTICLE_MAX_QUERIES = 26


@pytest.fixture
def index(site_tree):
    return ArticleIndexPageFactory(parent=site_tree.home)


# --- the editor's path ----------------------------------------------------------------------------


def article_form(**overrides):
    data = {
        "title": "Spacer badawczy po Zagórzu",
        "slug": "spacer-badawczy",
        "lead": "Mieszkańcy pokazali, co trzeba zmienić na osiedlu.",
        "kind": ArticleKind.GOOD_PRACTICE,
        "date": "12.03.2026",
        "author": "Wydział Komunikacji Społecznej",
        "source": "Fundacja Praw Podstawowych",
        "source_url": "https://fundacja.example.invalid/spacer",
        "tags": "budżet, Szkoła Podstawowa nr 1",
        "cover_image": "",
        "cover_image_alt": "",
        "body": streamfield(
            [
                ("heading", {"text": "Jak to wyglądało", "level": "h2", "anchor": ""}),
                ("paragraph", rich_text("<p>Trasa prowadziła od szkoły do parku.</p>")),
            ]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_an_article_index_below_home(editor, site_tree, page_assertions):
    data = index_page_form_data("Dobre praktyki", "dobre-praktyki", "Wybraliśmy je z wielu miast.")
    page_assertions.assertCanCreate(site_tree.home, ArticleIndexPage, data)

    response = editor.get("/dobre-praktyki/")
    assert "Wybraliśmy je z wielu miast." in response.text
    assert "Nie ma jeszcze artykułów spełniających te warunki." in response.text


def test_editor_creates_a_tagged_article_that_residents_can_read(editor, index, page_assertions):
    page_assertions.assertCanCreate(index, ArticlePage, article_form())

    page = ArticlePage.objects.get(slug="spacer-badawczy")
    assert page.live
    assert sorted(page.tags.names()) == ["Szkoła Podstawowa nr 1", "budżet"]
    assert Tag.objects.get(name="budżet").slug == "budzet"
    assert Tag.objects.get(name="Szkoła Podstawowa nr 1").slug == "szkola-podstawowa-nr-1"
    html = editor.get(page.url).text
    for text in (
        "Spacer badawczy po Zagórzu",
        "Trasa prowadziła od szkoły do parku.",
        "12 marca 2026",
        "Wydział Komunikacji Społecznej",
        'href="https://fundacja.example.invalid/spacer">Fundacja Praw Podstawowych</a>',
        'href="/dobre-praktyki/tag/budzet/">budżet</a>',
        'href="/dobre-praktyki/rodzaj/dobre-praktyki/">Dobre praktyki</a>',
    ):
        assert text in html


def test_article_without_a_title_or_body_is_refused_and_nothing_is_saved(editor, index):
    url = reverse("wagtailadmin_pages:add", args=["materials", "articlepage", index.pk])
    response = editor.post(url, {**article_form(title="", body=streamfield([])), "action-publish": "publish"})

    assert response.status_code == 200
    assert {"title", "body"} <= set(response.context["form"].errors)
    assert not ArticlePage.objects.exists()


def test_article_and_index_are_editable_and_previewable(index, page_assertions):
    article = ArticlePageFactory(parent=index, tags=["budżet"])
    index_data = index_page_form_data(index.title, index.slug)
    page_assertions.assertPageIsEditable(index, post_data=index_data)
    page_assertions.assertPageIsPreviewable(index, post_data=index_data)
    page_assertions.assertPageIsEditable(article, post_data=article_form(slug=article.slug))
    page_assertions.assertPageIsPreviewable(
        article, post_data=article_form(slug=article.slug, tags="nowy tag")
    )


# --- what a resident sees ---------------------------------------------------------------------------


def test_article_shows_its_cover_image_as_a_picture_with_formats_and_sizes(client, index):
    article = ArticlePageFactory(
        parent=index, cover_image=ImageFactory(), cover_image_alt="Mieszkańcy na spacerze w parku"
    )

    html = client.get(article.url).text

    assert "<picture>" in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert 'alt="Mieszkańcy na spacerze w parku"' in html
    assert 'sizes="(min-width: 64em) 46rem, 100vw"' in html
    assert 'width="480"' in html and 'height="270"' in html  # the fallback JPEG's own size


def test_index_lists_live_articles_newest_first_as_cards(client, index):
    older = ArticlePageFactory(parent=index, title="Starszy", date="2026-01-10")
    newer = ArticlePageFactory(parent=index, title="Nowszy", date="2026-02-10")
    draft = ArticlePageFactory(parent=index, title="Szkic", live=False)

    html = client.get(index.url).text

    assert html.index(newer.title) < html.index(older.title)
    assert draft.title not in html
    assert html.count('class="materials-card"') == 2
    assert "Wszystkie artykuły" in html


def test_tag_filter_has_a_readable_address_and_lists_only_tagged_articles(client, index):
    ArticlePageFactory(parent=index, title="O budżecie w szkole", tags=["budżet", "szkoła"])
    ArticlePageFactory(parent=index, title="O zieleni", tags=["zieleń"])

    listing = client.get(index.url).text
    response = client.get("/dobre-praktyki/tag/szkola/")

    assert 'href="/dobre-praktyki/tag/szkola/"' in listing
    assert response.status_code == 200
    assert "O budżecie w szkole" in response.text
    assert "O zieleni" not in response.text
    assert "Artykuły z tagiem „szkoła”" in response.text
    assert 'href="/dobre-praktyki/tag/szkola/" aria-current="page"' in response.text
    assert "<title>Tag: szkoła – Dobre praktyki" in response.text


def test_kind_filter_has_a_readable_address_and_lists_only_that_kind(client, index):
    ArticlePageFactory(parent=index, title="Jak napisać projekt", kind=ArticleKind.EDUCATION)
    ArticlePageFactory(parent=index, title="Spacer badawczy", kind=ArticleKind.GOOD_PRACTICE)

    response = client.get("/dobre-praktyki/rodzaj/edukacja/")

    assert response.status_code == 200
    assert "Jak napisać projekt" in response.text
    assert "Spacer badawczy" not in response.text
    assert 'href="/dobre-praktyki/rodzaj/co-dziala-w-miescie/"' in response.text


def test_filtered_lists_paginate_with_strona(client, index):
    for number in range(14):
        ArticlePageFactory(
            parent=index, title=f"Budżet {number:02d}", tags=["budżet"], date=f"2026-01-{number + 1:02d}"
        )

    first = client.get("/dobre-praktyki/tag/budzet/")
    second = client.get("/dobre-praktyki/tag/budzet/", {"strona": "2"})

    assert first.text.count('class="materials-card"') == 12
    assert "Strona 1 z 2" in first.text
    assert 'href="?strona=2"' in first.text
    assert second.text.count('class="materials-card"') == 2
    assert "Budżet 00" in second.text


def test_related_articles_share_tags_most_shared_first(client, index):
    article = ArticlePageFactory(parent=index, title="Głosowanie w szkole", tags=["budżet", "szkoła"])
    ArticlePageFactory(parent=index, title="Tylko budżet", tags=["budżet"], date="2026-06-01")
    ArticlePageFactory(parent=index, title="Budżet i szkoła", tags=["budżet", "szkoła"], date="2026-01-01")
    ArticlePageFactory(parent=index, title="O zieleni", tags=["zieleń"])
    ArticlePageFactory(parent=index, title="Szkic o budżecie", tags=["budżet"], live=False)

    html = client.get(article.url).text
    related = html[html.index("Podobne artykuły") :]

    assert related.index("Budżet i szkoła") < related.index("Tylko budżet")
    assert "O zieleni" not in related
    assert "Szkic o budżecie" not in related
    assert related.count('class="materials-card"') == 2


def test_article_without_tags_shows_no_related_section(client, index):
    article = ArticlePageFactory(parent=index)
    ArticlePageFactory(parent=index, tags=["budżet"])

    assert "Podobne artykuły" not in client.get(article.url).text


# --- hostile addresses ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_page_numbers_give_a_page_not_an_error(client, index, value):
    ArticlePageFactory(parent=index, tags=["budżet"])

    for url in (index.url, "/dobre-praktyki/tag/budzet/", "/dobre-praktyki/rodzaj/dobre-praktyki/"):
        response = client.get(url, {"strona": value})
        assert response.status_code == 200, url
        assert response.text.count('class="materials-card"') == 1


@pytest.mark.parametrize(
    "path",
    [
        "tag/nie-ma-takiego/",
        "tag/%00/",
        "tag/'%22/",
        "tag/" + "a" * 3000 + "/",
        "rodzaj/%00/",
        "rodzaj/edukacja'/",
        "rodzaj/education/",
    ],
)
def test_unknown_or_hostile_tag_and_kind_addresses_answer_404(client, index, path):
    assert client.get(index.url + path).status_code == 404


# --- queries ------------------------------------------------------------------------------------


def test_index_query_count_is_the_same_for_3_and_200_articles(client, index, django_assert_max_num_queries):
    images = ImageFactory.create_batch(12, file__width=320, file__height=180)

    def add_articles(first, count):
        for number in range(first, first + count):
            ArticlePageFactory(
                parent=index, cover_image=images[number % 12], tags=[f"tag {number % 7}", "budżet"]
            )

    add_articles(0, 3)
    client.get(index.url)  # warm the caches and make the renditions
    with django_assert_max_num_queries(INDEX_MAX_QUERIES) as few:
        client.get(index.url)

    add_articles(3, 197)
    last = ArticlePage.objects.live().last().url
    for url in (index.url, "/dobre-praktyki/tag/budzet/", last):
        client.get(url)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES) as many:
        client.get(index.url)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES):
        client.get("/dobre-praktyki/tag/budzet/")
    with django_assert_max_num_queries(ARTICLE_MAX_QUERIES):
        client.get(last)

    assert len(many) == len(few)
