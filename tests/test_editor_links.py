"""No link in the page editor leads an editor to Wagtail's "no permission" refusal: the editor of
every page type of the demo site, followed link by link as the demo editor ("Redaktorzy")."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from consultation.choices import SubmissionStatus
from consultation.models import Submission

SKIPPED = ("/admin/logout/",)


@pytest.fixture
def demo_editor(client, demo_content, db):
    client.force_login(get_user_model().objects.get(username="redaktor"))
    return client


def one_page_per_type():
    pages = {}
    for page in Page.objects.filter(depth__gt=1).order_by("path"):
        pages.setdefault(page.content_type_id, page)
    return list(pages.values())


def admin_links(html):
    soup = BeautifulSoup(html, "html.parser")
    for anchor in soup.select("main a[href], form#page-edit-form a[href]"):
        parts = urlsplit(anchor["href"])
        if not parts.netloc and parts.path.startswith("/admin/") and parts.path not in SKIPPED:
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def test_no_link_in_the_page_editor_refuses_the_editor(demo_editor):
    # Every consultation has submissions, so the editor shows its submission summary too.
    assert Submission.objects.exclude(status=SubmissionStatus.SPAM).exists()
    refused = []
    followed = set()
    for page in one_page_per_type():
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = demo_editor.get(edit_url)
        assert response.status_code == 200, edit_url
        for link in set(admin_links(response.text)) - followed:
            followed.add(link)
            answer = demo_editor.get(link, follow=True)
            landed = answer.redirect_chain[-1][0] if answer.redirect_chain else link
            if answer.status_code == 403 or (landed != link and landed == reverse("wagtailadmin_home")):
                refused.append(f"{page.specific_class.__name__}: {link}")
    assert len(followed) > 20
    assert refused == []


def test_submission_summary_links_to_the_inbox_only_for_moderators(demo_editor, admin_client):
    submission = Submission.objects.select_related("page").first()
    edit_url = reverse("wagtailadmin_pages:edit", args=[submission.page_id])
    inbox_link = reverse("submission_inbox:index") + f"?page={submission.page_id}"
    total = Submission.objects.filter(page_id=submission.page_id).count()

    as_editor = demo_editor.get(edit_url).text
    as_admin = admin_client.get(edit_url).text

    assert "Zgłoszenia sprawdza i publikuje zespół moderatorów" in as_editor
    assert inbox_link not in as_editor
    assert f'href="{inbox_link}"' in as_admin
    assert "Zgłoszenia mieszkańców" in as_editor and "Zgłoszenia mieszkańców" in as_admin
    form = (
        "zgłoszenie"
        if total == 1
        else "zgłoszenia"
        if total % 10 in (2, 3, 4) and total % 100 not in (12, 13, 14)
        else "zgłoszeń"
    )
    assert f"Otwórz {total} {form} w skrzynce moderacji" in as_admin


def guide_links(html):
    soup = BeautifulSoup(html, "html.parser")
    panel = soup.select_one("#editor-guides-section")
    if panel is None:
        return {}
    return {
        section.select_one("h3").get_text(strip=True): section.select_one("a.button")["href"]
        for section in panel.select(".editor-guides__guide")
    }


def test_dashboard_guides_start_each_editor_task_with_one_click(demo_editor):
    guides = guide_links(demo_editor.get(reverse("wagtailadmin_home")).text)

    assert list(guides) == [
        "Jak dodać konsultację z formularzem uwag",
        "Jak zmienić i opublikować stronę",
        "Jak dodać dokument (np. projekt uchwały w PDF)",
    ]
    for title, url in guides.items():
        response = demo_editor.get(url)
        assert response.status_code == 200, title
    assert "Początek konsultacji" in demo_editor.get(guides["Jak dodać konsultację z formularzem uwag"]).text


def test_dashboard_shows_a_moderator_no_editor_guides(demo_editor):
    demo_editor.force_login(get_user_model().objects.get(username="moderator"))

    html = demo_editor.get(reverse("wagtailadmin_home")).text

    assert guide_links(html) == {}
    assert "Moderacja zgłoszeń mieszkańców" in html
