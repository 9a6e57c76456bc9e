"""The two display switches of Polish public sites, high contrast and larger text, kept in cookies
so they work without JavaScript (a form sent with GET) and with it (the script toggles them in place).

Each button sends the state it switches to (`?contrast=1`), so the request can be repeated with the
same result, and it changes nothing but the sender's own display: it needs no CSRF token. So a page
whose only form is this one has no visitor's value in it: the page cache stores and serves it
whole, and a CDN may keep it (`home/response_cache.py`)."""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

PREFERENCES = ("contrast", "large_text")
COOKIE_PREFIX = "bo_"
COOKIE_AGE = 60 * 60 * 24 * 365


def ui_prefs(request):
    return {"ui_prefs": {name: request.COOKIES.get(COOKIE_PREFIX + name) == "1" for name in PREFERENCES}}


@require_safe
def set_preference(request):
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    for name in PREFERENCES:
        if request.GET.get(name) in ("0", "1"):
            response.set_cookie(COOKIE_PREFIX + name, request.GET[name], max_age=COOKIE_AGE, samesite="Lax")
    return response
