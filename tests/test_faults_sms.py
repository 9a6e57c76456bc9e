"""The code's gateway down while a resident votes, beyond the provider's error answers of
tests/test_voting_gateway.py: an SMS gateway that takes the connection and never answers, and the
mail server refusing the e-mailed code. The ballot step says so in Polish within the gateway's
timeout, nothing is half-counted (no code kept, no ballot), and trying again once it is back works."""

import socket
import time

import pytest
from django.test import Client

from consultation.models import Ballot, VoteCode
from consultation.voting.codes import DELIVERY_FAILED
from tests.fault_servers import closed_port
from tests.test_voting_gateway import provider, sent_codes  # noqa: F401 - the fake provider fixture
from tests.voting_fixtures import Voter

pytestmark = pytest.mark.django_db

NOT_SENT = "Nie udało się teraz wysłać kodu"


@pytest.fixture
def silent_gateway(settings):
    """Accepts the connection (the kernel does) and never answers a byte."""
    server = socket.create_server(("127.0.0.1", 0))
    settings.VOTING_SMS_BACKEND = "http"
    settings.VOTING_SMS_URL = f"http://127.0.0.1:{server.getsockname()[1]}/sms.do"
    settings.VOTING_SMS_TIMEOUT = 1
    yield server
    server.close()


def test_a_gateway_that_never_answers_is_told_in_time_and_nothing_is_counted(voting, silent_gateway):
    voter = Voter(Client(), voting.page)
    voter.choose(voting.projects["park"])

    started = time.monotonic()
    response = voter.identify()
    seconds = time.monotonic() - started

    assert response.status_code == 200
    body = response.content.decode()
    assert NOT_SENT in body
    assert str(DELIVERY_FAILED) in body
    assert "Krok 2" in body
    assert seconds < 5
    assert not VoteCode.objects.exists()
    assert not Ballot.objects.exists()


def test_after_a_silent_gateway_the_same_resident_votes_once_it_is_back(
    voting,
    silent_gateway,
    provider,  # noqa: F811
    settings,
):
    working_url = f"http://127.0.0.1:{provider.server_port}/sms.do"
    settings.VOTING_SMS_URL = f"http://127.0.0.1:{silent_gateway.getsockname()[1]}/sms.do"
    settings.VOTING_SMS_TIMEOUT = 1
    voter = Voter(Client(), voting.page)
    voter.choose(voting.projects["park"])
    assert NOT_SENT in voter.identify().content.decode()

    settings.VOTING_SMS_URL = working_url
    voter.identify()
    assert VoteCode.objects.count() == 1
    response = voter.confirm(code=sent_codes(provider)[-1])

    assert response.status_code == 200
    assert Ballot.objects.count() == 1


def test_mail_server_down_for_an_emailed_code_is_told_and_nothing_is_kept(voting, settings):
    voting.page.email_codes_allowed = True
    voting.page.save()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
    voter = Voter(Client(), voting.page)
    voter.choose(voting.projects["park"])

    response = voter.identify(kanal="email", email="jan@example.com")

    assert response.status_code == 200
    assert NOT_SENT in response.content.decode()
    assert 'value="jan@example.com"' in response.content.decode()
    assert not VoteCode.objects.exists()
    assert not Ballot.objects.exists()
