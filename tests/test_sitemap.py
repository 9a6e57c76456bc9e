"""What search engines read: the XML sitemap and robots.txt."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.translations import sync_trees, translate

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    locations = ElementTree.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)
    return [urlsplit(location.text).path for location in locations]


def test_sitemap_lists_every_live_page_of_the_site_tree(client, site_tree):
    paths = sitemap_paths(client)

    assert sorted(paths) == sorted(
        ["/", "/o-budzecie/", "/o-budzecie/harmonogram/", "/polityka-prywatnosci/"]
    )


def test_sitemap_leaves_out_unpublished_pages(client, site_tree):
    site_tree.privacy.unpublish()

    assert "/polityka-prywatnosci/" not in sitemap_paths(client)


def sitemap_alternates(client):
    """{page path: {hreflang: absolute URL}} of every <url> in the sitemap."""
    urls = ElementTree.fromstring(client.get("/sitemap.xml").content).findall("sm:url", SITEMAP_NS)
    return {
        urlsplit(url.find("sm:loc", SITEMAP_NS).text).path: {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP_NS)
        }
        for url in urls
    }


def test_sitemap_lists_translations_with_their_language_versions(client, site_tree):
    translate(site_tree.about, "en", "About the budget")
    sync_trees()

    pages = sitemap_alternates(client)

    versions = {
        "pl": "http://testserver/o-budzecie/",
        "en": "http://testserver/en/o-budzecie/",
        "x-default": "http://testserver/o-budzecie/",
    }
    assert pages["/o-budzecie/"] == versions
    assert pages["/en/o-budzecie/"] == versions
    assert pages["/polityka-prywatnosci/"] == {
        "pl": "http://testserver/polityka-prywatnosci/",
        "x-default": "http://testserver/polityka-prywatnosci/",
    }
    # the aliases of untranslated pages (the English home page among them) repeat the Polish text
    assert sorted(pages) == sorted(
        ["/", "/o-budzecie/", "/o-budzecie/harmonogram/", "/polityka-prywatnosci/", "/en/o-budzecie/"]
    )


def test_sitemap_costs_the_same_queries_whatever_the_number_of_translations(client, site_tree):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap.xml").status_code == 200
        return len(captured)

    untranslated = queries()
    translate(site_tree.about, "en", "About the budget")
    translate(site_tree.privacy, "uk", "Політика конфіденційності")
    translate(site_tree.schedule, "uk", "Графік")
    sync_trees()

    assert queries() <= untranslated


def test_sitemap_of_the_demo_site_lists_only_pages_that_answer_200(demo_content, db, client):
    paths = sitemap_paths(client)

    assert len(paths) >= 5
    for path in paths:
        assert client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_robots_txt_is_plain_text_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text
