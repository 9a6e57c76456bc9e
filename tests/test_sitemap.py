"""What search engines read: the XML sitemap and robots.txt."""

from io import StringIO
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.core.management import call_command

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


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


@pytest.mark.django_db
def test_sitemap_of_the_demo_site_lists_only_pages_that_answer_200(client):
    call_command("load_demo_content", quiet_accounts=True, stdout=StringIO())

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
