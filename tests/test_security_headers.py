"""Security headers: a strict Content-Security-Policy on the public site (no inline script or style,
so the pages must carry none), a looser one on the admin and its previews, and the production
settings that `manage.py check --deploy` approves."""

import os
import secrets
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from wagtail.models import Page

from consultation.models import ConsultationPage
from tests.factories import StandardPageFactory, stored_video_embed, video_block

# Script elements the browser never runs, so CSP does not govern them.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
VIDEO_URL = "https://www.youtube.com/watch?v=bo-sosnowiec"


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def inline_code(html):
    """Every piece of inline script or style in a page: what a strict CSP would block."""
    soup = BeautifulSoup(html, "html.parser")
    found = [str(tag)[:120] for tag in soup.find_all("style")]
    for script in soup.find_all("script"):
        if not script.get("src") and script.get("type") not in DATA_SCRIPT_TYPES:
            found.append(str(script)[:120])
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name == "style" or name.startswith("on"):
                found.append(f"<{tag.name} {name}={value!r}>")
            elif name in ("href", "src", "action") and str(value).strip().lower().startswith("javascript:"):
                found.append(f"<{tag.name} {name}={value!r}>")
    return found


def public_pages():
    """One live Polish page of every page type in the demo."""
    pages = {}
    for page in Page.objects.live().filter(locale__language_code="pl", depth__gt=1).specific():
        pages.setdefault(type(page).__name__, page)
    return pages


def test_public_pages_get_the_strict_policy_and_the_other_headers(demo_content, client):
    response = client.get("/")

    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert set(policy["frame-src"]) == {
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    }
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_a_page_from_the_page_cache_carries_the_policy_too(demo_content, client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/o-budzecie/")
    stored = client.get("/o-budzecie/")

    assert stored.status_code == 200
    assert stored["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "'unsafe-inline'" not in stored["Content-Security-Policy"]


def test_the_admin_gets_its_own_looser_policy(demo_content, admin_client):
    for url in ("/admin/login/", "/admin/"):
        policy = directives(admin_client.get(url))
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]


def test_a_draft_shown_in_the_admin_gets_the_admin_policy(demo_content, admin_client):
    """Drafts and previews render public templates under /admin/; the editor frames its preview."""
    page = Page.objects.get(locale__language_code="pl", slug="o-budzecie")

    response = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")

    assert response.status_code == 200
    assert "O budżecie" in response.text
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_every_public_page_type_has_no_inline_script_style_or_handler(demo_content, client):
    pages = public_pages()
    assert len(pages) >= 15, sorted(pages)
    urls = [page.url for page in pages.values()]
    closed = [
        page for page in Page.objects.type(ConsultationPage).live().specific() if page.phase == "closed"
    ]
    urls.append(closed[0].url + "raport/")
    urls += ["/szukaj/?q=bud%C5%BCet", "/en/", "/uk/", "/nie-ma-takiej-strony/"]

    for url in urls:
        response = client.get(url)
        assert response.status_code == (404 if "nie-ma" in url else 200), url
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert inline_code(response.content) == [], url


def test_a_video_is_framed_from_an_allowed_host_without_a_style_attribute(demo_content, client, monkeypatch):
    stored_video_embed(VIDEO_URL)
    monkeypatch.setattr("wagtail.embeds.embeds.get_finder_for_embed", pytest.fail)
    home = Page.objects.get(locale__language_code="pl", depth=2)
    page = StandardPageFactory(
        parent=home,
        title="Film o budżecie",
        body=[video_block(VIDEO_URL, "Jak zgłosić projekt", transcript="Lektor.")],
    )

    response = client.get(page.url)

    iframe = BeautifulSoup(response.content, "html.parser").select_one(".video-block iframe")
    assert iframe["src"].startswith("https://www.youtube-nocookie.com/")
    assert "https://www.youtube-nocookie.com" in directives(response)["frame-src"]
    assert inline_code(response.content) == []


@pytest.mark.parametrize(
    "url, framed",
    [
        (VIDEO_URL, True),
        ("https://vimeo.com/76979871", True),
        ("https://www.dailymotion.com/video/x8abcde", False),
        ("https://www.facebook.com/watch/?v=123", False),
    ],
)
def test_videos_are_embedded_only_from_the_hosts_the_policy_frames(url, framed):
    """The video block takes an address only where a finder accepts it: YouTube and Vimeo."""
    from wagtail.embeds.finders import get_finders

    assert any(finder.accept(url) for finder in get_finders()) is framed


def test_production_settings_pass_the_deployment_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sosnowiec_bo.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "bo.sosnowiec.pl",
        "DATABASE_URL": "sqlite:///"
        + str(django_settings.BASE_DIR / "test-artifacts" / "deploy-check.sqlite3"),
    }
    env.pop("DEBUG", None)
    env.pop("SECURE_SSL_REDIRECT", None)

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
