"""News: the editor's path, the dated and paginated list, the RSS 2.0
feed (parsed as XML, absolute links) and the link to it in the head of every page."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from materials.models import NewsIndexPage, NewsPage
from tests.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, index_page_form_data

DATE_ERROR = "Nie rozpoznaliśmy tej daty. Wpisz ją tak: 31.12.2026 (dzień.miesiąc.rok)."
HOSTILE = ["'", '"', "\x00", "9" * 30, "-1", "0", "abc", "²", "<script>alert(1)</script>", "a" * 5000, "1.5"]
INDEX_MAX_QUERIES = 24
FEED_MAX_QUERIES = 12
FEED_LINK = (
    '<link rel="alternate" type="application/rss+xml" title="Aktualności (RSS)" href="/aktualnosci/rss/">'
)


@pytest.fixture
def news_index(site_tree):
    return NewsIndexPageFactory(parent=site_tree.home)


def feed(client, url="/aktualnosci/rss/"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)


# --- the editor's path ----------------------------------------------------------------------------


def news_form(**overrides):
    data = {
        "title": "Ruszyły konsultacje zasad budżetu",
        "slug": "ruszyly-konsultacje",
        "date": "14.11.2026",
        "lead": "Zgłoś uwagi do projektu uchwały.",
        "cover_image": "",
        "cover_image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Uwagi przyjmujemy przez trzy tygodnie.</p>"))]),
        **overrides,
    }
    return nested_form_data(data)


def test_editor_creates_news_that_residents_read_and_the_feed_carries(editor, site_tree, page_assertions):
    page_assertions.assertCanCreate(
        site_tree.home, NewsIndexPage, index_page_form_data("Aktualności", "aktualnosci")
    )
    index = NewsIndexPage.objects.get()
    page_assertions.assertCanCreate(index, NewsPage, news_form())

    page = NewsPage.objects.get()
    html = editor.get(page.url).text
    assert "Uwagi przyjmujemy przez trzy tygodnie." in html
    assert '<time datetime="2026-11-14">14 listopada 2026</time>' in html
    assert "Ruszyły konsultacje zasad budżetu" in editor.get(index.url).text
    assert [item.findtext("title") for item in feed(editor).iter("item")] == [
        "Ruszyły konsultacje zasad budżetu"
    ]


def test_news_without_a_date_is_refused(editor, news_index):
    url = reverse("wagtailadmin_pages:add", args=["materials", "newspage", news_index.pk])
    response = editor.post(url, {**news_form(date="32.13.2026"), "action-publish": "publish"})

    assert response.status_code == 200
    assert DATE_ERROR in response.context["form"].errors["date"]
    assert not NewsPage.objects.exists()


def test_news_and_index_are_editable_and_previewable(news_index, page_assertions):
    news = NewsPageFactory(parent=news_index, cover_image=ImageFactory(), cover_image_alt="Sala obrad")
    data = index_page_form_data(news_index.title, news_index.slug)
    page_assertions.assertPageIsEditable(news_index, post_data=data)
    page_assertions.assertPageIsPreviewable(news_index, post_data=data)
    page_assertions.assertPageIsEditable(news, post_data=news_form(slug=news.slug))
    page_assertions.assertPageIsPreviewable(news, post_data=news_form(slug=news.slug))


# --- the list -------------------------------------------------------------------------------------


def test_list_shows_live_news_newest_first_ten_a_page(client, news_index):
    for day in range(1, 13):
        NewsPageFactory(parent=news_index, title=f"Wiadomość z {day:02d} marca", date=f"2026-03-{day:02d}")
    NewsPageFactory(parent=news_index, title="Szkic wiadomości", live=False)

    first = client.get(news_index.url).text
    second = client.get(news_index.url, {"strona": "2"}).text

    assert first.index("Wiadomość z 12 marca") < first.index("Wiadomość z 03 marca")
    assert first.count('class="materials-card"') == 10
    assert second.count('class="materials-card"') == 2
    assert "Szkic wiadomości" not in first + second
    assert 'href="/aktualnosci/rss/" type="application/rss+xml">Subskrybuj aktualności (RSS)</a>' in first


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_page_numbers_give_a_page_not_an_error(client, news_index, value):
    NewsPageFactory(parent=news_index)

    response = client.get(news_index.url, {"strona": value})

    assert response.status_code == 200
    assert response.text.count('class="materials-card"') == 1


# --- the feed -------------------------------------------------------------------------------------


def test_feed_is_rss_2_with_absolute_links_and_the_newest_news(client, news_index):
    older = NewsPageFactory(parent=news_index, title="Starsza", date="2026-03-01", lead="Pierwsza wiadomość.")
    newer = NewsPageFactory(parent=news_index, title="Nowsza & ważna <b>", date="2026-03-05")
    NewsPageFactory(parent=news_index, title="Szkic", live=False)

    rss = feed(client)

    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") == "Aktualności – Budżet Obywatelski Sosnowiec"
    assert channel.findtext("link") == news_index.full_url
    assert news_index.full_url.startswith("http") and news_index.full_url.endswith("/aktualnosci/")
    assert channel.findtext("language") == "pl"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Nowsza & ważna <b>", "Starsza"]
    assert [item.findtext("link") for item in items] == [newer.full_url, older.full_url]
    assert all(item.findtext("link").startswith(news_index.full_url) for item in items)
    assert items[1].findtext("description") == "Pierwsza wiadomość."
    assert parsedate_to_datetime(items[1].findtext("pubDate")).date().isoformat() == "2026-03-01"


def test_feed_carries_the_twenty_newest(client, news_index):
    for number in range(25):
        NewsPageFactory(parent=news_index, date=f"2026-01-{number + 1:02d}")

    dates = [parsedate_to_datetime(item.findtext("pubDate")).day for item in feed(client).iter("item")]

    assert dates == list(range(25, 5, -1))


def test_feed_of_an_unpublished_news_list_is_not_found(client, news_index):
    news_index.unpublish()

    assert client.get("/aktualnosci/rss/").status_code == 404


# --- the link in every page's head ----------------------------------------------------------------


def test_every_page_links_the_feed_in_its_head(client, site_tree, news_index):
    news = NewsPageFactory(parent=news_index)
    news_index.save_revision().publish()

    for url in (
        "/",
        site_tree.about.url,
        news_index.url,
        news.url,
        "/szukaj/?q=bud%C5%BCet",
        "/nie-ma-takiej-strony/",
    ):
        html = client.get(url).text
        assert FEED_LINK in html[: html.index("</head>")], url


def test_head_follows_the_news_list_being_published_and_unpublished(client, site_tree):
    assert "application/rss+xml" not in client.get("/").text

    news_index = NewsIndexPageFactory(parent=site_tree.home, live=False)
    news_index.save_revision().publish()
    assert FEED_LINK in client.get("/").text

    news_index.refresh_from_db()
    news_index.unpublish()
    assert "application/rss+xml" not in client.get("/").text


def test_feed_link_costs_no_query_once_seen(client, site_tree, news_index):
    # Not the home page: its sections read the news on purpose.
    client.get(site_tree.about.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(site_tree.about.url).text

    assert FEED_LINK in html
    assert [query["sql"] for query in queries if "materials_" in query["sql"]] == []


# --- queries ------------------------------------------------------------------------------------


def test_list_and_feed_queries_are_the_same_for_3_and_200_news(
    client, news_index, django_assert_max_num_queries
):
    images = ImageFactory.create_batch(10, file__width=320, file__height=180)

    def add(first, count):
        for number in range(first, first + count):
            NewsPageFactory(parent=news_index, cover_image=images[number % 10])

    add(0, 3)
    for url in (news_index.url, "/aktualnosci/rss/"):
        client.get(url)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES) as few:
        client.get(news_index.url)
    with django_assert_max_num_queries(FEED_MAX_QUERIES) as feed_few:
        client.get("/aktualnosci/rss/")
    add(3, 197)
    for url in (news_index.url, "/aktualnosci/rss/"):  # as above: the new pages' tree read once
        client.get(url)
    with django_assert_max_num_queries(INDEX_MAX_QUERIES) as many:
        client.get(news_index.url)
    with django_assert_max_num_queries(FEED_MAX_QUERIES) as feed_many:
        client.get("/aktualnosci/rss/")

    assert (len(many), len(feed_many)) == (len(few), len(feed_few))
