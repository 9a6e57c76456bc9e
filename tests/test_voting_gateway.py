"""The SMS gateway's HTTP adapter against a fake provider on 127.0.0.1 (no call leaves the machine),
and a ballot whose code cannot be sent: the voter is told, keeps what they typed, nothing is kept
or counted, and trying again later works."""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from consultation.models import Ballot, VoteCode
from consultation.voting import sms
from consultation.voting.sms import HttpGateway, SmsError
from tests.voting_fixtures import CODE_RE, Voter

pytestmark = pytest.mark.django_db


class FakeProvider(BaseHTTPRequestHandler):
    """Answers like SMSAPI.pl: JSON with the message id, or `{"error": …}`; records every request."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        self.server.requests.append({"auth": self.headers.get("Authorization"), "form": form})
        status, body = self.server.answer
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body if isinstance(body, bytes) else json.dumps(body).encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def provider(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeProvider)
    server.requests = []
    server.answer = (200, {"count": 1, "list": [{"id": "1", "points": 0.16}]})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.VOTING_SMS_BACKEND = "http"
    settings.VOTING_SMS_URL = f"http://127.0.0.1:{server.server_port}/sms.do"
    settings.VOTING_SMS_TOKEN = "sekretny-token"
    settings.VOTING_SMS_SENDER = "Sosnowiec"
    settings.VOTING_SMS_TIMEOUT = 2
    yield server
    server.shutdown()
    server.server_close()


def sent_codes(provider):
    return [CODE_RE.search(request["form"]["message"][0]).group(1) for request in provider.requests]


def test_http_adapter_posts_the_message_with_the_token(provider):
    HttpGateway().send("48600123456", "Kod: 1234. Ważny 10 min.")

    [request] = provider.requests
    assert request["auth"] == "Bearer sekretny-token"
    assert request["form"]["to"] == ["48600123456"]
    assert request["form"]["message"] == ["Kod: 1234. Ważny 10 min."]
    assert request["form"]["from"] == ["Sosnowiec"]
    assert request["form"]["encoding"] == ["utf-8"]


@pytest.mark.parametrize(
    "answer",
    [
        (200, {"error": 101, "message": "Authorization failed"}),
        (500, {}),
        (200, b"<html>Bad gateway</html>"),
        (200, "OK"),
    ],
)
def test_http_adapter_raises_on_a_provider_error(provider, answer):
    provider.answer = answer
    with pytest.raises(SmsError):
        HttpGateway().send("48600123456", "Kod")


def test_http_adapter_raises_when_the_provider_is_unreachable(provider, settings):
    settings.VOTING_SMS_URL = "http://127.0.0.1:9/sms.do"
    with pytest.raises(SmsError):
        HttpGateway().send("48600123456", "Kod")


def test_gateway_down_the_voter_is_told_keeps_the_form_and_nothing_is_kept(client, voting, provider):
    provider.answer = (503, {"error": 8, "message": "Service unavailable"})
    voter = Voter(client, voting.page)
    voter.choose(voting.projects["park"])

    body = voter.identify().content.decode()

    assert "Nie udało się teraz wysłać kodu" in body
    assert 'value="Żak-Wiśniewska"' in body
    assert "Krok 2" in body
    assert not VoteCode.objects.exists()
    assert not Ballot.objects.exists()

    provider.answer = (200, {"count": 1})
    voter.identify()
    assert VoteCode.objects.count() == 1
    response = voter.confirm(code=sent_codes(provider)[-1])
    assert response.status_code == 200
    assert Ballot.objects.count() == 1


def test_failed_resend_keeps_the_previous_code_working(client, voting, provider, settings):
    settings.VOTING_CODE_RESEND_SECONDS = 0
    voter = Voter(client, voting.page)
    voter.choose(voting.projects["park"])
    voter.identify()
    first_code = sent_codes(provider)[-1]
    provider.answer = (500, {})

    body = voter.confirm(code="", ponow="1").content.decode()

    assert "Nie udało się teraz wysłać kodu" in body
    voter.confirm(code=first_code)
    assert Ballot.objects.count() == 1


def test_receipt_that_cannot_be_sent_does_not_undo_the_counted_ballot(client, voting, monkeypatch):
    voter = Voter(client, voting.page)
    voter.choose(voting.projects["park"])
    voter.identify()

    def fail(phone, text):
        raise SmsError("gateway down")

    code = CODE_RE.search(sms.outbox[-1][1]).group(1)
    monkeypatch.setattr("consultation.voting.codes.send_sms", fail)
    response = voter.confirm(code=code)

    ballot = Ballot.objects.get()
    assert response.status_code == 200
    assert ballot.receipt_code in response.content.decode()
