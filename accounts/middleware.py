import functools

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts import two_factor

# Reachable before the code: signing in and out, resetting the password, the login page's icons and
# translations, and the two views that take the code.
OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "two_factor_verify",
    "two_factor_enrol",
)


@functools.cache
def _paths():
    return reverse("wagtailadmin_home"), tuple(reverse(name) for name in OPEN_URL_NAMES)


def _is_page_request(request):
    """A browser opening a page, as opposed to the admin's scripts fetching data or sending a form."""
    if request.method not in {"GET", "HEAD"}:
        return False
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept or "json" not in accept


class TwoFactorRequiredMiddleware:
    """Every admin URL asks a user who may open the admin for the second factor first: a page is
    redirected to the code (or to setting up the app), anything else gets 403. Runs after
    django-otp's OTPMiddleware, which tells which device confirmed the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin, open_paths = _paths()
        path = request.path
        if (
            path.startswith(admin)
            and not path.startswith(open_paths)
            and two_factor.is_required(request.user)
            and not request.user.is_verified()
        ):
            return self._refuse(request)
        return self.get_response(request)

    def _refuse(self, request):
        if not _is_page_request(request):
            return JsonResponse(
                {"error": _("Potwierdź logowanie kodem z aplikacji uwierzytelniającej.")}, status=403
            )
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.get_full_path()})}")
