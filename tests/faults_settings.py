"""Production settings for the gunicorn of tests/test_faults_database.py: everything as in
production (persistent, health-checked connections, the 500/503 handler, JSON logs) except that
static files keep their plain names, so no `collectstatic` run is needed first, and that on SQLite a
query waits 1 s for a locked database before it fails (production: 20 s), so the test's outage
shows in a few requests' time."""

from sosnowiec_bo.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"]["timeout"] = 1  # noqa: F405
