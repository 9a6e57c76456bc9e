"""The 500 handler: when the database cannot be reached (refused, dropped or restarting), residents get
a static "try again in a moment" page with 503 and `Retry-After`, which tells proxies and crawlers
the outage is temporary. The page uses no database; the connection that failed is closed by Django
at the end of the request and a new one is opened (and checked, `CONN_HEALTH_CHECKS`) by the next,
so the site recovers by itself as soon as the database is back."""

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
