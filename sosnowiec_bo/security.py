"""Site-wide HTTP security: the Content-Security-Policy chosen by path, and the client address that
django-axes counts failed admin logins against (README "Bezpieczeństwo")."""

import ipaddress

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.shortcuts import render

from consultation.protection import client_ip


class PathCSPMiddleware(CSPMiddleware):
    """The public site gets CONTENT_SECURITY_POLICY (no inline script or style); the admin, whose
    Wagtail templates still carry inline scripts and styles, gets CONTENT_SECURITY_POLICY_ADMIN.
    Wagtail's previews and drafts render public pages for the admin, through the middleware again
    with a dummy request (`is_dummy`) whose path is the page's: they get the admin's policy too,
    including frame-ancestors 'self' for the editor's preview panel."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = getattr(request, "is_dummy", False) or is_admin_path(request.path_info)
        if not report_only and parts.config is None and admin:
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts


def is_admin_path(path):
    return path.startswith(settings.CSP_ADMIN_PATH_PREFIXES)


def axes_client_ip(request):
    """The address used by the resident forms' rate limits (the proxy's last hop of X-Forwarded-For
    where the proxy is trusted), so a client cannot pick an address by sending the header itself.
    Anything that is not an IP address falls back to the connection's own address."""
    for candidate in (client_ip(request), request.META.get("REMOTE_ADDR", "")):
        try:
            return str(ipaddress.ip_address(candidate.strip()))
        except ValueError:
            continue
    return None


def lockout_response(request, original_response, credentials):
    """django-axes' answer to a locked-out login: the admin's login page look, in Polish."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "wagtailadmin/login_lockout.html", context, status=429)
