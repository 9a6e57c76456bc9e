"""The 500 handler and the 405 page.

The 500 handler: when the database cannot be reached (refused, dropped or restarting), residents get
a static "try again in a moment" page with 503 and `Retry-After`, which tells proxies and crawlers
the outage is temporary. The page uses no database; the connection that failed is closed by Django
at the end of the request and a new one is opened (and checked, `CONN_HEALTH_CHECKS`) by the next,
so the site recovers by itself as soon as the database is back."""

import functools
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30


def database_unavailable():
    error = sys.exc_info()[1]
    return isinstance(error, (OperationalError, InterfaceError))


@requires_csrf_token
def server_error(request):
    if database_unavailable():
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


def with_method_not_allowed_page(view):
    """Django has handlers for 400, 403, 404 and 500 but none for 405: a view that refuses a method
    (`require_safe`, a class-based view without `post`) answers with an empty body. Wrapped in this,
    such an answer gets the site's short page; its status and `Allow` header stay as they were."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.content:
            response.content = loader.get_template("405.html").render()
        return response

    return wrapped
