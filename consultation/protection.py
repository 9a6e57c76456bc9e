"""Request-level protections of resident forms: the client address and the rate limits, kept in the
shared cache so they hold across processes and nodes.

A room of residents on one Wi-Fi at a consultation meeting shares one public address, so the address
alone cannot tell one flooding sender from forty residents. Each submission therefore counts
against:

- its sender, FORM_RATE_LIMIT_COUNT per FORM_RATE_LIMIT_SECONDS (5 per 10 minutes): the e-mail
  address typed in the form, and the browser, known by a random id in a signed cookie that the form
  page sets (`bo_form`). A client without that cookie (a script, cookies turned off) is one sender
  per address;
- its address, FORM_RATE_LIMIT_ADDRESS_COUNT per FORM_RATE_LIMIT_SECONDS (60 per 10 minutes): the
  backstop against a flood that makes up new e-mail addresses and cookies.

When the shared cache (Redis) cannot be reached, the counts are kept in this process's memory
instead (logged by sosnowiec_bo/cache.py): the limits still hold, per process, so a sender may get
up to the limit times the number of processes until Redis is back. Forms are never refused, nor
fail, because Redis is down.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.translation import gettext_lazy as _

_process_counters = LocMemCache("form-rate-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def counters():
    """The shared cache, or this process's own while the shared one is down."""
    return cache if getattr(cache, "reachable", True) else _process_counters


BROWSER_COOKIE = "bo_form"
BROWSER_COOKIE_SALT = "consultation.browser"
BROWSER_COOKIE_AGE = 60 * 60 * 24 * 365

SENDER_MESSAGE = _(
    "Z tej przeglądarki lub z tego adresu e-mail wysłano w krótkim czasie zbyt wiele zgłoszeń. "
    "Spróbuj ponownie za kilkanaście minut."
)
ADDRESS_MESSAGE = _(
    "Z tej sieci wysłano w krótkim czasie bardzo wiele zgłoszeń. Spróbuj ponownie za kilkanaście "
    "minut albo napisz do urzędu."
)


def client_ip(request):
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def browser_id(request):
    return request.get_signed_cookie(BROWSER_COOKIE, default="", salt=BROWSER_COOKIE_SALT)


def remember_browser(request, response):
    """Give a browser that has none its random id (not personal data: it identifies nothing but
    the browser's own earlier submissions)."""
    if not browser_id(request):
        response.set_signed_cookie(
            BROWSER_COOKIE,
            secrets.token_urlsafe(16),
            salt=BROWSER_COOKIE_SALT,
            max_age=BROWSER_COOKIE_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response


class RateLimit:
    """The counters one submission is checked against and, once saved, counted in."""

    def __init__(self, request, email=""):
        ip = client_ip(request)
        browser = browser_id(request)
        sender_limit = settings.FORM_RATE_LIMIT_COUNT
        self.counters = [(f"address:{ip}", settings.FORM_RATE_LIMIT_ADDRESS_COUNT, ADDRESS_MESSAGE)]
        self.counters.append(
            (f"browser:{browser}" if browser else f"no-browser:{ip}", sender_limit, SENDER_MESSAGE)
        )
        email = email.strip().lower()
        if email:
            self.counters.append((f"email:{email}", sender_limit, SENDER_MESSAGE))

    @staticmethod
    def _key(name):
        return "form-rate:" + hashlib.sha256(name.encode()).hexdigest()

    def refusal(self):
        """The message for the first counter that is full, or None."""
        counts = counters().get_many([self._key(name) for name, _limit, _message in self.counters])
        for name, limit, message in self.counters:
            if (counts.get(self._key(name)) or 0) >= limit:
                return message
        return None

    def record(self):
        store = counters()
        for name, _limit, _message in self.counters:
            key = self._key(name)
            if store.add(key, 1, timeout=settings.FORM_RATE_LIMIT_SECONDS):
                continue
            try:
                store.incr(key)
            except ValueError:
                store.set(key, 1, timeout=settings.FORM_RATE_LIMIT_SECONDS)
