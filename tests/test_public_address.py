"""Every absolute link points to the public address of the site (settings.SITE_URL), never to
http://localhost/: e-mails, the sitemap, robots.txt, canonical and og:url, .ics files and the report."""

import re
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core import mail
from django.core.management import call_command
from icalendar import Calendar
from wagtail.models import Site

from home.sites import configure_default_site
from tests.consultation_fixtures import post_comment

pytestmark = pytest.mark.usefixtures("instant_forms")

PUBLIC = "https://bo.sosnowiec.pl"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def public_address(settings, site_tree):
    settings.SITE_URL = PUBLIC
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    configure_default_site()
    return PUBLIC


def absolute_links(text):
    return re.findall(r"https?://[^\s\"'<>]+", text)


def test_migrate_gives_the_default_site_the_configured_address(settings, site_tree):
    settings.SITE_URL = "https://bo.sosnowiec.pl"
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("bo.sosnowiec.pl", 443)
    assert site_tree.about.full_url == "https://bo.sosnowiec.pl/o-budzecie/"


def test_port_of_the_address_is_kept(settings, site_tree):
    settings.SITE_URL = "http://127.0.0.1:8123"
    configure_default_site()
    assert site_tree.about.full_url == "http://127.0.0.1:8123/o-budzecie/"


def test_demo_site_is_served_at_the_configured_address(settings, db):
    settings.SITE_URL = "http://127.0.0.1:8123"
    call_command("load_demo_content", quiet_accounts=True, stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)


def test_sitemap_and_robots_name_the_public_address(client, public_address):
    locations = ElementTree.fromstring(client.get("/sitemap.xml").content).findall(
        "sm:url/sm:loc", SITEMAP_NS
    )
    assert locations
    assert all(location.text.startswith(PUBLIC + "/") for location in locations)
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in client.get("/robots.txt").text


def test_canonical_and_og_url_name_the_public_address(client, public_address, site_tree):
    html = client.get("/o-budzecie/").content.decode()
    assert f'<link rel="canonical" href="{PUBLIC}/o-budzecie/">' in html
    assert f'<meta property="og:url" content="{PUBLIC}/o-budzecie/">' in html


def test_emails_link_to_the_public_address(
    client, public_address, consultations, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, consultations.open, email="anna@example.com")
    assert len(mail.outbox) == 2
    links = [link for message in mail.outbox for link in absolute_links(message.body)]
    assert links
    assert all(link.startswith(PUBLIC + "/") for link in links), links


def test_ics_and_report_name_the_public_address(client, public_address, consultations):
    ics = Calendar.from_ical(client.get(consultations.open.url + "kalendarz/").content)
    descriptions = [str(event["DESCRIPTION"]) for event in ics.walk("VEVENT")]
    assert descriptions and all(f"{PUBLIC}/konsultacje/" in text for text in descriptions)

    closed = consultations.closed
    report = client.get(closed.url + "raport/").content.decode()
    assert f"{PUBLIC}{closed.url}" in report
    assert "localhost" not in report


@pytest.mark.parametrize("page_cache_seconds", [0, 600])
def test_a_new_address_shows_at_once_on_cached_pages(client, settings, site_tree, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    settings.FRAGMENT_CACHE_SECONDS = 600
    settings.SITE_URL = "http://127.0.0.1:8123"
    configure_default_site()
    for _visit in range(2):  # the first visit creates the site's settings row: a new generation
        assert "http://127.0.0.1:8123/o-budzecie/" in client.get("/o-budzecie/").text

    settings.SITE_URL = PUBLIC
    configure_default_site()

    html = client.get("/o-budzecie/").text
    assert f'<link rel="canonical" href="{PUBLIC}/o-budzecie/">' in html
    assert "127.0.0.1:8123" not in html
