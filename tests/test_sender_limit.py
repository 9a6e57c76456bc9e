"""A form may limit how many submissions one person sends (proposals: 3 per edition). The person is
their e-mail address, without case or spaces; the limit holds also when two submissions arrive at
the same moment, because each takes a numbered place under a unique constraint."""

import pytest
from django.db import IntegrityError

from consultation.choices import SubmissionStatus
from consultation.models import ConsultationPage, Submission
from consultation.models.saving import SenderLimitReached, keyed_hash, save_in_free_slot
from tests.consultation_fixtures import post_comment

pytestmark = pytest.mark.usefixtures("instant_forms")


@pytest.fixture
def limited(consultations, monkeypatch):
    monkeypatch.setattr(ConsultationPage, "max_per_sender", lambda self: 2)
    return consultations.open


def test_a_third_submission_from_the_same_email_is_refused_and_nothing_saved(client, limited, settings):
    settings.FORM_RATE_LIMIT_COUNT = 100
    assert post_comment(client, limited, email="jan@example.com", text="Pierwsza").status_code == 302
    assert post_comment(client, limited, email=" JAN@example.COM", text="Druga").status_code == 302

    response = post_comment(client, limited, email="jan@example.com", text="Trzecia, którą chcę zachować")

    assert response.status_code == 409
    html = response.content.decode()
    assert "Z tego adresu e-mail wysłano już tyle zgłoszeń, ile pozwala ten formularz." in html
    assert "Trzecia, którą chcę zachować" in html
    assert Submission.objects.count() == 2
    assert post_comment(client, limited, email="ewa@example.com").status_code == 302


def test_a_place_taken_at_the_same_moment_moves_the_submission_to_the_next_one(limited, monkeypatch):
    key = keyed_hash("jan@example.com")
    rival = Submission.objects.create(page=limited, form_data={}, sender_key=key, sender_slot=1)
    stale = iter([set(), {1}])  # the first look does not see the rival's place yet
    monkeypatch.setattr("django.db.models.query.QuerySet.values_list", lambda *a, **k: next(stale))

    submission = Submission(page=limited, form_data={}, sender_key=key)
    save_in_free_slot(submission, 2)

    assert submission.sender_slot == 2
    assert {rival.sender_slot, submission.sender_slot} == {1, 2}


def test_no_place_left_after_the_race_refuses(limited, monkeypatch):
    key = keyed_hash("jan@example.com")
    Submission.objects.create(page=limited, form_data={}, sender_key=key, sender_slot=1)
    monkeypatch.setattr("django.db.models.query.QuerySet.values_list", lambda *a, **k: set())

    with pytest.raises(SenderLimitReached):
        save_in_free_slot(Submission(page=limited, form_data={}, sender_key=key), 1)
    assert Submission.objects.count() == 1


def test_the_database_refuses_two_submissions_in_one_place(limited):
    key = keyed_hash("jan@example.com")
    Submission.objects.create(page=limited, form_data={}, sender_key=key, sender_slot=1)
    with pytest.raises(IntegrityError):
        Submission.objects.create(page=limited, form_data={}, sender_key=key, sender_slot=1)


def test_a_state_that_frees_the_place_lets_the_person_send_again(client, limited, monkeypatch, admin_user):
    monkeypatch.setattr(type(limited.get_policy()), "slot_freeing_states", frozenset({SubmissionStatus.SPAM}))
    post_comment(client, limited, email="jan@example.com")
    post_comment(client, limited, email="jan@example.com")
    Submission.objects.first().mark_spam(admin_user)

    assert post_comment(client, limited, email="jan@example.com").status_code == 302
    assert Submission.objects.filter(sender_slot__isnull=False).count() == 2
