"""Request ids and structured logs.

`RequestIdMiddleware` takes the id the reverse proxy sent in `X-Request-ID` (when it looks like an
id: up to 128 ASCII letters, digits and `._:+/=-`) or makes one, answers with it in the same header,
and keeps it in a context variable for the request. `RequestIdFilter` (on the log handler) puts it
on every record logged while the request is served; `JsonFormatter` writes one JSON object a line,
gunicorn's access lines included. Nothing here touches Django's models: logging is configured
before the apps are loaded, and gunicorn's master process loads this module too."""

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

HEADER = "X-Request-ID"
VALID_ID = re.compile(r"[A-Za-z0-9._:+/=-]{1,128}")

current_request_id = ContextVar("request_id", default="")


def request_id_from(value):
    """The proxy's id when it is a plain token, otherwise a new one."""
    if value and VALID_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def forget_request_id(**kwargs):
    current_request_id.set("")


class RequestIdMiddleware:
    """The id stays set until the answer is sent (`request_finished`), so that Django's own log line
    of a 4xx or 5xx answer, written after the middleware returns, carries it too."""

    def __init__(self, get_response):
        from django.core.signals import request_finished

        self.get_response = get_response
        request_finished.connect(forget_request_id, dispatch_uid="home-logs-request-id")

    def __call__(self, request):
        request.request_id = request_id_from(request.headers.get(HEADER, ""))
        current_request_id.set(request.request_id)
        response = self.get_response(request)
        response[HEADER] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not getattr(record, "request_id", ""):
            record.request_id = current_request_id.get() or "-"
        return True


def access_fields(atoms):
    """What a gunicorn access line says, from its atoms (no query string: it may hold what residents
    typed)."""
    # gunicorn escapes the quotes of its atoms for its own text format; JSON escapes them itself.
    path, agent = (atoms[name].replace('\\"', '"') for name in ("U", "a"))
    return {
        "message": f"{atoms['m']} {path} {atoms['s']}",
        "request_id": atoms["{x-request-id}o"],
        "method": atoms["m"],
        "path": path,
        "status": int(atoms["s"]),
        "bytes": atoms["B"] or 0,
        "duration_ms": atoms["M"],
        "remote_addr": atoms["h"],
        "user_agent": agent,
    }


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage() if record.name != "gunicorn.access" else "",
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(access_fields(record.args))
        if getattr(record, "status_code", None):
            entry["status"] = record.status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
