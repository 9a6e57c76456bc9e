"""Ustawienia → Blokady logowania: the admin logins django-axes has locked out (a user name from
one address after too many wrong passwords, see settings AXES_*), each with a button to unlock."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

UNLOCK_PERMISSION = "axes.delete_accessattempt"


def current_lockouts():
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).order_by("-attempt_time")


def check_may_unlock(request):
    if not request.user.has_perm(UNLOCK_PERMISSION):
        raise PermissionDenied


class UnlockMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(UNLOCK_PERMISSION)


class LoginLockoutViewSet(ViewSet):
    name = "login_lockouts"
    url_prefix = "blokady-logowania"
    icon = "lock"
    menu_label = _("Blokady logowania")
    add_to_settings_menu = True
    menu_item_class = UnlockMenuItem

    def index_view(self, request):
        check_may_unlock(request)
        lockouts = [
            (attempt, timezone.localtime(attempt.attempt_time + settings.AXES_COOLOFF_TIME))
            for attempt in current_lockouts()
        ]
        return TemplateResponse(
            request,
            "wagtailadmin/login_lockouts.html",
            {
                "page_title": self.menu_label,
                "header_title": self.menu_label,
                "header_icon": self.icon,
                "lockouts": lockouts,
                "failure_limit": settings.AXES_FAILURE_LIMIT,
                "lockout_minutes": settings.AXES_COOLOFF_TIME // timedelta(minutes=1),
                "unlock_url_name": self.get_url_name("unlock"),
            },
        )

    def unlock_view(self, request, pk):
        check_may_unlock(request)
        attempt = get_object_or_404(AccessAttempt, pk=pk)
        attempt.delete()
        messages.success(
            request,
            _("Odblokowano logowanie konta „%(username)s” z adresu %(address)s.")
            % {"username": attempt.username, "address": attempt.ip_address},
        )
        return redirect(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("<int:pk>/odblokuj/", require_POST(self.unlock_view), name="unlock"),
        ]
