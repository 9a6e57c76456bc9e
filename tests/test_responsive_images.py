"""Issue 13: pictures are responsive. Every picture of a public page is a `<picture>` with AVIF and
WebP sources and a JPEG fallback (PNG for a PNG upload), a `srcset` of several widths, `sizes`,
and width and height; the first picture of a page loads at once, those below it lazily; the files
named in the HTML exist in the formats they claim; and the pages still cost a bounded number of
queries (the renditions are prefetched)."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PillowImage
from PIL import features

from consultation.models import BudgetProjectPage
from home.models import HomePage
from materials.models import ArticleIndexPage, ArticlePage
from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
)
from tests.test_query_budgets import MAX_QUERIES

FORMATS = {"image/avif": "AVIF", "image/webp": "WEBP"}
WIDTH = re.compile(r"^(\S+) (\d+)w$")


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def srcset(element):
    """[(url, width)] of a srcset with width descriptors."""
    return [(m[1], int(m[2])) for m in (WIDTH.match(part.strip()) for part in element["srcset"].split(","))]


def assert_responsive(picture, fallback="JPEG"):
    """The picture offers AVIF, then WebP, then the fallback, each in several widths, and reserves
    its space; returns its <img>."""
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    img = picture.find("img")
    for element in [*sources, img]:
        widths = [width for _url, width in srcset(element)]
        assert len(widths) >= 2 and widths == sorted(widths), element
        assert element["sizes"] == img["sizes"] and "vw" in img["sizes"]
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert img["src"] == srcset(img)[0][0]
    assert file_format(img["src"]) == fallback
    return img


def file_format(url):
    path = Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)
    with PillowImage.open(path) as image:
        return image.format


def lazy(picture):
    return picture.find("img").get("loading") == "lazy"


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def project(demo_content, db):
    """A demo project with its picture and photos of its progress."""
    projects = BudgetProjectPage.objects.live().filter(
        locale__language_code="pl", image__isnull=False, updates__image__isnull=False
    )
    return projects.distinct().order_by("path").first()


def test_pillow_here_writes_avif():
    assert features.check("avif")


def test_project_picture_loads_at_once_and_its_progress_photos_lazily(client, project):
    page = soup(client.get(project.url))

    main = page.select_one(".budget-project-page__image picture")
    img = assert_responsive(main)
    assert img["alt"] == project.image.default_alt_text
    assert not lazy(main)
    photos = page.select(".budget-updates__image picture")
    assert len(photos) == project.updates.exclude(image=None).count() >= 1
    for photo in photos:
        assert_responsive(photo)
        assert lazy(photo)


def test_every_file_the_picture_names_exists_in_its_format_and_width(client, project):
    picture = soup(client.get(project.url)).select_one(".budget-project-page__image picture")

    for source in picture.find_all("source"):
        for url, width in srcset(source):
            assert file_format(url) == FORMATS[source["type"]]
            with PillowImage.open(Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)) as image:
                assert image.width == width


def test_project_cards_of_the_edition_load_lazily(client, project):
    cards = soup(client.get(project.get_parent().url)).select(".budget-project picture")

    assert cards
    for card in cards:
        assert_responsive(card)
        assert lazy(card)


def test_article_cover_loads_at_once_and_related_articles_lazily(client, demo_content, db):
    article = ArticlePage.objects.live().filter(locale__language_code="pl", cover_image__isnull=False).first()
    page = soup(client.get(article.url))

    cover = page.select_one(".materials-page__cover picture")
    assert assert_responsive(cover)["alt"] == article.cover_image_alt
    assert not lazy(cover)
    related = page.select(".materials-card picture")
    assert related
    for card in related:
        assert_responsive(card)
        assert lazy(card)


def test_home_hero_loads_at_once_and_news_pictures_lazily(client, demo_content, db):
    home = HomePage.objects.get(locale__language_code="pl")
    home.hero_image = ImageFactory()
    home.hero_image_alt = "Mieszkańcy na spacerze badawczym"
    home.save_revision().publish()

    page = soup(client.get("/"))

    hero = page.select_one(".hero picture")
    assert assert_responsive(hero)["alt"] == "Mieszkańcy na spacerze badawczym"
    assert not lazy(hero)
    news = page.select("[aria-labelledby=home-aktualnosci] picture")
    assert news
    for card in news:
        assert assert_responsive(card)["alt"] == ""
        assert lazy(card)


def test_a_png_keeps_a_png_fallback_so_its_transparency_survives(client, demo_content, db):
    plan = ImageFactory(file__format="PNG", file__filename="plan.png", file__color="blue")
    index = ArticleIndexPage.objects.get(locale__language_code="pl")
    article = ArticlePageFactory(parent=index, title="Plan placu zabaw", cover_image=plan)

    cover = soup(client.get(article.url)).select_one(".materials-page__cover picture")

    assert assert_responsive(cover, fallback="PNG")["src"].endswith(".png")


@pytest.mark.parametrize("which", ["project", "edition", "article"])
def test_pages_with_pictures_stay_within_the_query_budget(client, project, which):
    article = ArticlePage.objects.live().filter(locale__language_code="pl", cover_image__isnull=False).first()
    url = {"project": project.url, "edition": project.get_parent().url, "article": article.url}[which]

    assert queries(client, url) <= MAX_QUERIES
