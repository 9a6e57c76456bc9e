"""Request-level protections of resident forms: the client address and a per-address rate limit
kept in the shared cache, so it holds across processes and nodes."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(ip):
    return "form-rate:" + hashlib.sha256(ip.encode()).hexdigest()


def is_rate_limited(ip):
    return (cache.get(_key(ip)) or 0) >= settings.FORM_RATE_LIMIT_COUNT


def record_submission(ip):
    key = _key(ip)
    if cache.add(key, 1, timeout=settings.FORM_RATE_LIMIT_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=settings.FORM_RATE_LIMIT_SECONDS)
