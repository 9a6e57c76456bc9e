"""Text messages behind a small interface: `send_sms(phone, text)`. VOTING_SMS_BACKEND picks the
gateway: "console" (development: printed to the log), "recording" (tests: kept in `outbox`) or
"http" (a Polish SMS provider's HTTP API, e.g. SMSAPI.pl: VOTING_SMS_URL, VOTING_SMS_TOKEN,
VOTING_SMS_SENDER)."""

import json
import logging
import urllib.parse
import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

outbox = []


class SmsError(Exception):
    pass


class ConsoleGateway:
    def send(self, phone, text):
        # The phone number is personal data: the log shows its last three digits only.
        logger.warning("SMS to ...%s: %s", phone[-3:], text)


class RecordingGateway:
    def send(self, phone, text):
        outbox.append((phone, text))


class HttpGateway:
    """POSTs `to`, `message`, `from` and `format=json` with a bearer token (SMSAPI.pl's API; other
    providers take the same shape or need a small subclass)."""

    def send(self, phone, text):
        data = urllib.parse.urlencode(
            {
                "to": phone,
                "message": text,
                "from": settings.VOTING_SMS_SENDER,
                "format": "json",
                "encoding": "utf-8",
            }
        ).encode()
        if urllib.parse.urlsplit(settings.VOTING_SMS_URL).scheme not in ("https", "http"):
            raise SmsError("VOTING_SMS_URL must be an https:// address")
        request = urllib.request.Request(
            settings.VOTING_SMS_URL,
            data=data,
            headers={"Authorization": f"Bearer {settings.VOTING_SMS_TOKEN}"},
        )
        try:
            # The scheme is checked above: no file: or custom URL is opened.
            with urllib.request.urlopen(request, timeout=settings.VOTING_SMS_TIMEOUT) as response:  # nosec B310
                body = json.loads(response.read() or b"{}")
        except (OSError, ValueError) as error:
            raise SmsError(str(error)) from error
        if not isinstance(body, dict):
            raise SmsError("unexpected answer")
        if body.get("error"):
            raise SmsError(str(body.get("message", body["error"])))


GATEWAYS = {
    "console": ConsoleGateway,
    "recording": RecordingGateway,
    "http": HttpGateway,
}


def gateway():
    backend = settings.VOTING_SMS_BACKEND
    return GATEWAYS[backend]() if backend in GATEWAYS else import_string(backend)()


def send_sms(phone, text):
    gateway().send(phone, text)
