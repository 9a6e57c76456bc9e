"""gunicorn's settings for production (`make run-prod`, or `gunicorn -c sosnowiec_bo/gunicorn.conf.py`).

Environment: PORT (8000) and HOST (0.0.0.0) to listen on; WEB_CONCURRENCY worker processes (default
2 × cores + 1, at most 9: each worker holds its own database connection and about 150 MB, search
dictionary included); GUNICORN_TIMEOUT seconds before a stuck worker is replaced (30);
FORWARDED_ALLOW_IPS, the proxies whose X-Forwarded-* headers are believed (127.0.0.1,::1).
Access and error lines are JSON, as the application's own (home/logs.py)."""

import os

wsgi_app = "sosnowiec_bo.wsgi:application"
# All interfaces by default: the server runs behind the proxy or in a container (docs/deployment.md).
_ALL_INTERFACES = "0.0.0.0"  # nosec B104
_listen_host = os.environ.get("HOST", _ALL_INTERFACES)
bind = f"{_listen_host}:{os.environ.get('PORT', '8000')}"


def default_workers():
    return min(2 * len(os.sched_getaffinity(0)) + 1, 9)


workers = int(os.environ.get("WEB_CONCURRENCY") or default_workers())
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests, so slow memory growth cannot build up.
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "home.logs.JsonFormatter"}},
    "handlers": {
        "json": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    },
    "root": {"level": "INFO", "handlers": ["json"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["json"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["json"], "propagate": False},
    },
}
