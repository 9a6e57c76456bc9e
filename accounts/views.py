"""The admin's second login step (verify), setting up the app (enrol), the backup codes shown once,
and the account page that renews the codes or sets the app up again."""

from functools import wraps

from django.contrib import messages
from django.http import HttpResponseBase
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from accounts import two_factor
from accounts.forms import CodeForm

LOW_CODES = 3


def _next_url(request):
    """Where to go after the code: a page of the admin on this site, the dashboard otherwise."""
    home = reverse("wagtailadmin_home")
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe and target.startswith(home) else home


def _with_next(name, request):
    return f"{reverse(name)}?{request.GET.urlencode()}" if request.GET.get("next") else reverse(name)


def _page(template, title):
    """One page of the steps, never cached: the view returns a response, or its template's context."""

    def decorate(view):
        @never_cache
        @wraps(view)
        def page(request):
            answer = view(request)
            if isinstance(answer, HttpResponseBase):
                return answer
            context = {"next": _next_url(request), "title": title, **answer}
            return TemplateResponse(request, template, context)

        return page

    return decorate


def _show_once(request, codes):
    """New backup codes go to the next page through the session, which forgets them there."""
    request.session[two_factor.SESSION_NEW_CODES] = codes
    return redirect("two_factor_backup_codes")


@_page("two_factor/verify.html", gettext_lazy("Potwierdź logowanie"))
@sensitive_post_parameters("code")
def verify(request):
    user = request.user
    if not two_factor.is_required(user) or user.is_verified():
        return redirect(_next_url(request))
    if not two_factor.can_verify(user):
        return redirect(_with_next("two_factor_enrol", request))
    form = CodeForm(request.POST or None, user=user)
    if form.is_valid():
        two_factor.log_in(request, form.accepted_device)
        if form.accepted_device.persistent_id.startswith("otp_static."):
            left = two_factor.backup_codes_left(user)
            level = messages.WARNING if left <= LOW_CODES else messages.INFO
            messages.add_message(
                request,
                level,
                _(
                    "Użyto kodu zapasowego. Niewykorzystane kody zapasowe: %(left)d. Nowe utworzysz w ustawieniach konta."
                )
                % {"left": left},
            )
        return redirect(_next_url(request))
    return {"form": form, "demo_codes": two_factor.has_demo_codes(user)}


@_page("two_factor/enrol.html", gettext_lazy("Włącz logowanie dwuetapowe"))
@sensitive_post_parameters("code")
def enrol(request):
    user = request.user
    if not two_factor.is_required(user) or two_factor.app_device(user) is not None:
        return redirect(_with_next("two_factor_verify", request))
    if not user.is_verified() and two_factor.can_verify(user):
        # Backup codes left: the password alone may not set up a new app.
        return redirect(_with_next("two_factor_verify", request))
    device = two_factor.pending_app_device(user)
    form = CodeForm(request.POST or None, user=user, device=device)
    if form.is_valid():
        codes = two_factor.confirm_app(request, device)
        messages.success(request, _("Logowanie dwuetapowe jest włączone."))
        return _show_once(request, codes)
    return {"form": form, "qr_svg": two_factor.qr_svg(device), "secret": two_factor.secret_text(device)}


@_page("two_factor/backup_codes.html", gettext_lazy("Kody zapasowe"))
def backup_codes(request):
    return {"codes": request.session.pop(two_factor.SESSION_NEW_CODES, None)}


@_page("two_factor/manage.html", gettext_lazy("Logowanie dwuetapowe"))
@sensitive_post_parameters("code")
def manage(request):
    user = request.user
    form = CodeForm(request.POST or None, user=user)
    action = request.POST.get("action")
    if request.method == "POST" and action in {"codes", "reset"} and form.is_valid():
        if action == "codes":
            return _show_once(request, two_factor.new_backup_codes(user))
        two_factor.reset(user)
        messages.success(request, _("Aplikacja została odłączona. Połącz teraz nową."))
        return redirect("two_factor_enrol")
    return {
        "form": form,
        "app": two_factor.app_device(user),
        "codes_left": two_factor.backup_codes_left(user),
    }
