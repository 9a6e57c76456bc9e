from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultation.choices import SubmissionStatus
from consultation.models import ConsultationIndexPage, ConsultationPage, Submission
from home.models import SiteSettings


def _consultation(index, slug, ended_days_ago):
    now = timezone.now()
    page = ConsultationPage(
        title=slug,
        slug=slug,
        start_at=now - timedelta(days=ended_days_ago + 30),
        end_at=now - timedelta(days=ended_days_ago),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _submission(page):
    return Submission.objects.create(
        page=page,
        form_data={"podpis": "Anna Kowalska", "e_mail": "anna@example.com", "tresc_uwagi": "Treść uwagi"},
        status=SubmissionStatus.APPROVED,
        ip_hash="a" * 64,
        response="Odpowiedź urzędu",
    )


@pytest.fixture
def consultations(site_tree):
    settings_obj = SiteSettings.for_site(site_tree.site)
    settings_obj.retention_days = 30
    settings_obj.save()
    index = ConsultationIndexPage(title="Konsultacje", slug="konsultacje")
    site_tree.home.add_child(instance=index)
    old = _consultation(index, "dawna", ended_days_ago=40)
    recent = _consultation(index, "niedawna", ended_days_ago=10)
    return old, recent


def test_anonymize_strips_personal_data_after_retention_keeps_content_and_decision(consultations):
    old, recent = consultations
    old_submission, recent_submission = _submission(old), _submission(recent)

    call_command("anonymize_submissions")

    old_submission.refresh_from_db()
    assert old_submission.form_data == {"tresc_uwagi": "Treść uwagi"}
    assert old_submission.ip_hash == ""
    assert old_submission.anonymized_at is not None
    assert old_submission.status == SubmissionStatus.APPROVED
    assert old_submission.response == "Odpowiedź urzędu"
    recent_submission.refresh_from_db()
    assert recent_submission.form_data["podpis"] == "Anna Kowalska"
    assert recent_submission.anonymized_at is None


def test_anonymize_twice_is_safe_and_public_page_no_longer_shows_the_name(consultations, client):
    old, _recent = consultations
    _submission(old)
    call_command("anonymize_submissions")
    call_command("anonymize_submissions")

    html = client.get(old.url).content.decode()
    assert "Treść uwagi" in html
    assert "Anna Kowalska" not in html
    assert "anna@example.com" not in html
