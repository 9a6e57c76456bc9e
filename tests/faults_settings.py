"""Production settings for the gunicorn of tests/test_faults_database.py: everything as in
production (persistent, health-checked connections, the 500/503 handler, JSON logs) except that
static files keep their plain names, so no `collectstatic` run is needed first."""

from sosnowiec_bo.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
