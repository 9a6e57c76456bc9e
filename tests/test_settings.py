"""Configuration: production refuses to start without its secrets and passes Django's deploy
checks; every model change has its migration; the site speaks Polish in Warsaw time."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

from sosnowiec_bo.settings.base import BASE_DIR


def run_with_production_settings(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="sosnowiec_bo.settings.production", **env)
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_settings_without_secret_key_fail_with_a_clear_message():
    result = run_with_production_settings(
        "-c", "import django; django.setup()", ALLOWED_HOSTS="bo.sosnowiec.pl"
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


def test_production_settings_without_allowed_hosts_fail_with_a_clear_message():
    result = run_with_production_settings(
        "-c", "import django; django.setup()", SECRET_KEY=secrets.token_urlsafe(50)
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS is not set" in result.stderr


def test_production_settings_pass_the_deploy_checks():
    result = run_with_production_settings(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="bo.sosnowiec.pl",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_models_have_all_their_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_site_language_is_polish_in_warsaw_time():
    assert settings.LANGUAGE_CODE == "pl"
    assert settings.TIME_ZONE == "Europe/Warsaw"
    assert settings.USE_TZ


@pytest.mark.django_db
def test_admin_login_page_is_in_polish(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert '<html lang="pl"' in response.text
    assert "Zaloguj" in response.text


@pytest.mark.parametrize(("env", "expected"), [({}, "60 True"), ({"DB_CONN_MAX_AGE": "0"}, "0 True")])
def test_production_keeps_database_connections_unless_told_otherwise(env, expected):
    result = run_with_production_settings(
        "-c",
        "import django; django.setup(); from django.conf import settings as s; "
        "d = s.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="bo.sosnowiec.pl",
        **env,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_static_files_are_compressed_with_brotli_as_well_as_gzip():
    """whitenoise writes .br beside .gz at `collectstatic` only when the Brotli package is there."""
    from whitenoise.compress import Compressor

    assert Compressor(quiet=True).use_brotli


def test_every_setting_of_the_security_module_reaches_the_site():
    from sosnowiec_bo.settings import security

    names = [name for name in vars(security) if name.isupper() and not name.startswith("_")]

    assert "CONTENT_SECURITY_POLICY" in names
    assert [name for name in names if not hasattr(settings, name)] == []
