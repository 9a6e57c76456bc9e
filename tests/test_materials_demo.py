"""The demo content of the knowledge pages: loaded twice it is the same site, it has what the
residents' journeys need (tagged articles of every kind, legal acts linked to consultations, files
with an accessible version and recordings, news in the feed), and every page of it renders."""

import xml.etree.ElementTree as ET
from collections import Counter
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.images import get_image_model

from materials.choices import ArticleKind, MaterialType
from materials.models import ArticlePage, LegalActPage, Material, NewsPage, Tag


def load_demo_content():
    call_command("load_demo_content", "--quiet-accounts", stdout=StringIO())


def snapshot():
    return {
        "articles": sorted(ArticlePage.objects.values_list("slug", flat=True)),
        "tags": sorted(Tag.objects.values_list("slug", flat=True)),
        "acts": sorted(LegalActPage.objects.values_list("slug", "number")),
        "links": sorted(
            (act.slug, link.consultation.slug)
            for act in LegalActPage.objects.all()
            for link in act.consultation_links.all()
        ),
        "materials": sorted(
            Material.objects.values_list("title", "document__title", "accessible_document__title")
        ),
        "news": sorted(NewsPage.objects.values_list("slug", "date")),
        "images": get_image_model().objects.count(),
    }


def test_loading_the_demo_twice_gives_the_same_site(demo_content, db):
    first = snapshot()
    load_demo_content()

    assert snapshot() == first


def test_demo_has_what_the_residents_journeys_need(demo_content, db, client):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 6
    assert set(articles.values_list("kind", flat=True)) == set(ArticleKind.values)
    assert all(article.tags.exists() for article in articles)
    assert Tag.objects.filter(slug="budzet-obywatelski").exists()

    linked = [act for act in LegalActPage.objects.live() if act.consultation_links.exists()]
    assert LegalActPage.objects.live().count() >= 6
    assert linked
    consultation = linked[0].consultation_links.first().consultation
    assert linked[0].title in client.get(consultation.url).text

    materials = Material.objects.all()
    assert materials.count() >= 12
    assert materials.filter(accessible_document__isnull=False).exists()
    assert materials.filter(material_type=MaterialType.RECORDING).exclude(video_url="").exists()
    assert all(material.document or material.video_url for material in materials)
    assert all(material.document.file.read(5) == b"%PDF-" for material in materials if material.document)

    codenames = set(Group.objects.get(name="Redaktorzy").permissions.values_list("codename", flat=True))
    assert {"add_material", "change_material", "delete_material"} <= codenames


def test_every_demo_page_renders_the_menu_leads_to_the_lists_and_the_feed_has_the_news(
    demo_content, db, client
):
    home = client.get("/").text
    for path in ("/aktualnosci/", "/dobre-praktyki/", "/prawo/", "/materialy/"):
        assert f'href="{path}"' in home, path
        assert client.get(path).status_code == 200, path
    for page in [*ArticlePage.objects.all(), *LegalActPage.objects.all(), *NewsPage.objects.all()]:
        assert client.get(page.url).status_code == 200, page.url

    items = ET.fromstring(client.get("/aktualnosci/rss/").content).findall("channel/item")
    assert len(items) == NewsPage.objects.live().filter(locale__language_code="pl").count() >= 6
    assert Counter(item.findtext("link").split("/")[3] for item in items) == {"aktualnosci": len(items)}
