"""The two display switches of Polish public sites, high contrast and larger text, kept in cookies
so they work without JavaScript (a form post) and with it (the script toggles them in place)."""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

PREFERENCES = ("contrast", "large_text")
COOKIE_PREFIX = "bo_"
COOKIE_AGE = 60 * 60 * 24 * 365


def ui_prefs(request):
    return {"ui_prefs": {name: request.COOKIES.get(COOKIE_PREFIX + name) == "1" for name in PREFERENCES}}


@require_POST
def toggle_preference(request):
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    name = request.POST.get("toggle")
    if name in PREFERENCES:
        enabled = request.COOKIES.get(COOKIE_PREFIX + name) != "1"
        response.set_cookie(COOKIE_PREFIX + name, "1" if enabled else "0", max_age=COOKIE_AGE, samesite="Lax")
    return response
