"""Issue 13: every page ships at most 50 KB of HTML, CSS and JavaScript, compressed, and loads no
stylesheet or script from another host (nothing a third party can slow down or stop).

One page of every page type in the demo, as an anonymous visitor gets it: the gzip-compressed HTML
plus each stylesheet and script it references, read from the static files, each compressed on its
own as the server sends it."""

import gzip
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.models import Page

MAX_BYTES = 50 * 1024
# Pages a visitor opens that are not a page type of the tree.
OTHER_ADDRESSES = {"search": "/szukaj/?q=bud%C5%BCet", "not found": "/nie-ma-takiej-strony/"}


def one_page_per_type():
    pages = {}
    for page in Page.objects.live().public().filter(locale__language_code="pl", depth__gt=1).specific():
        pages.setdefault(type(page).__name__, page.url)
    return pages


@pytest.fixture
def demo_pages(demo_content, db):
    return {**one_page_per_type(), **OTHER_ADDRESSES}


def gzipped(content):
    return len(gzip.compress(content, compresslevel=6))


def assets(html):
    """The addresses of the page's stylesheets and scripts, each once."""
    soup = BeautifulSoup(html, "html.parser")
    stylesheets = [link["href"] for link in soup.find_all("link", href=True) if "stylesheet" in link["rel"]]
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    return list(dict.fromkeys(stylesheets + scripts))


def static_file(address):
    path = urlsplit(address).path
    assert path.startswith(settings.STATIC_URL), address
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"{address} is not among the static files"
    with open(found, "rb") as file:
        return file.read()


def page_weight(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    foreign = [
        address for address in assets(response.content) if urlsplit(address).netloc not in ("", "testserver")
    ]
    assert not foreign, f"{url} loads from another host: {foreign}"
    return gzipped(response.content) + sum(gzipped(static_file(a)) for a in assets(response.content))


def test_every_page_type_of_the_demo_is_measured(demo_pages):
    # The demo has pages of every type an editor can build; a new one must not go unweighed.
    assert {"HomePage", "StandardPage", "ConsultationPage", "BudgetEditionPage", "BudgetProjectPage"} <= set(
        demo_pages
    )
    assert {"VotingPage", "ArticlePage", "NewsPage", "TrainingPage", "LegalActPage", "FormPage"} <= set(
        demo_pages
    )


def test_every_page_type_ships_at_most_50_kb_compressed_from_its_own_host(client, demo_pages):
    weights = {name: page_weight(client, url) for name, url in demo_pages.items()}

    too_heavy = {name: f"{weight / 1024:.1f} KB" for name, weight in weights.items() if weight > MAX_BYTES}
    assert not too_heavy, too_heavy


def test_a_stylesheet_or_script_from_another_host_is_noticed():
    html = (
        b'<link rel="stylesheet" href="/static/css/base.css">'
        b'<link rel="stylesheet" href="https://fonts.example.com/css">'
        b'<script src="https://cdn.example.com/lib.js"></script><script>inline()</script>'
        b'<link rel="icon" href="https://cdn.example.com/icon.svg">'
    )

    assert assets(html) == [
        "/static/css/base.css",
        "https://fonts.example.com/css",
        "https://cdn.example.com/lib.js",
    ]
