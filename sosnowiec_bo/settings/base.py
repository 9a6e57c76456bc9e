"""Settings shared by every environment. Holds no secret; everything site-specific comes from
environment variables (see README.md, "Konfiguracja")."""

import os
from pathlib import Path

import dj_database_url
from wagtail.embeds.oembed_providers import vimeo, youtube

from sosnowiec_bo import object_storage

from .env import env_bool, env_list
from .security import (  # noqa: F401 (settings of their own module, part of these)
    AUTH_PASSWORD_VALIDATORS,
    AUTHENTICATION_BACKENDS,
    AXES_CLIENT_IP_CALLABLE,
    AXES_COOLOFF_TIME,
    AXES_ENABLE_ADMIN,
    AXES_FAILURE_LIMIT,
    AXES_LOCKOUT_CALLABLE,
    AXES_LOCKOUT_PARAMETERS,
    AXES_RESET_ON_SUCCESS,
    CONTENT_SECURITY_POLICY,
    CONTENT_SECURITY_POLICY_ADMIN,
    CSP_ADMIN_PATH_PREFIXES,
    OTP_REQUIRED,
    OTP_STATIC_THROTTLE_FACTOR,
    OTP_TOTP_ISSUER,
    OTP_TOTP_THROTTLE_FACTOR,
    PERMISSIONS_POLICY,
    SECURE_CONTENT_TYPE_NOSNIFF,
    SECURE_REFERRER_POLICY,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "consultation",
    "materials",
    "search",
    "accounts",
    "sosnowiec_bo.bench",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.contrib.search_promotions",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "home.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so pages served from it carry the headers too.
    "sosnowiec_bo.security.PathCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.middleware.QueryStringCleanupMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Inside CSRF (which then sets the cookie of the token it fills in), outside everything a hit
    # skips: the session, the language (a stored page keeps its own, home/response_cache.py) and the
    # common middleware (whose headers, with the language's, are stored with the page).
    "home.response_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sosnowiec_bo.urls"
WSGI_APPLICATION = "sosnowiec_bo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.preferences.ui_prefs",
                "home.page_cache.fragment_cache",
            ],
        },
    },
]

# Database: DATABASE_URL, e.g. postgres://user:password@host:5432/name; SQLite file by default.
# DB_CONN_MAX_AGE: seconds a connection is kept for the next requests (production: 60, else 0),
# checked before reuse, so a restarted database costs no failed request.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite lets one writer in at a time. A transaction takes the write lock when it begins, so a
    # second one waits its turn (up to `timeout` seconds) instead of failing with "database is
    # locked" when it reads first and writes after (tests/test_live_concurrency.py).
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: REDIS_URL (or CACHE_URL) shares the cache, and so the rate limits, across processes.
_cache_url = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL")
CACHES = {
    "default": (
        {
            # Degrades to no cache while Redis is down (sosnowiec_bo/cache.py); a Redis that does not
            # answer costs at most these seconds, not a hung request.
            "BACKEND": "sosnowiec_bo.cache.DegradingRedisCache",
            "LOCATION": _cache_url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# E-mail: SMTP when EMAIL_HOST is set, the console otherwise.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Budżet Obywatelski Sosnowiec <bo@sosnowiec.invalid>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (e-mail, search index updates): a database queue worked by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

LANGUAGE_CODE = "pl"
LANGUAGES = [
    ("pl", "Polski"),
    ("en", "English"),
    ("uk", "Українська"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates typed by hand: the same broad input formats in every language (sosnowiec_bo/formats/).
FORMAT_MODULE_PATH = ["sosnowiec_bo.formats"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Files residents attach to forms: outside MEDIA_ROOT, never served under MEDIA_URL; moderators
# download them through the inbox.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "sosnowiec_bo.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media (S3_BUCKET) and attachments (S3_PRIVATE_BUCKET) on S3-compatible object storage when
# configured (sosnowiec_bo/object_storage.py, docs/deployment.md "Object storage"); attachments are
# then downloaded through links signed for a minute.
STORAGES.update(object_storage.storages_from_env(os.environ))

# The page editor of a long StreamField posts many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Budżet Obywatelski Sosnowiec"
# The public address of the site: every absolute link (e-mails, sitemap, canonical, .ics) is built
# from it, and `migrate` gives the default Wagtail Site this host name and port.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("pl", "Polski"), ("en", "English"), ("uk", "Українська")]
# The database backend (SQLite FTS5 or PostgreSQL) reading what people type as plain words.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "doc",
    "odt",
    "ods",
    "pdf",
    "rtf",
    "txt",
    "vtt",
    "xlsx",
    "xls",
    "zip",
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.documents.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Videos only from YouTube and Vimeo (the video block's help text), whose players CSP's frame-src names.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [youtube, vimeo],
    }
]
# No avatars from gravatar.com: the admin must not call a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGIN_URL = "wagtailadmin_login"

# Every record carries the request's id (home/logs.py); LOG_FORMAT=json writes one JSON object a line
# (production's default), "plain" a line of text.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "home.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "home.logs.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": os.environ.get("LOG_FORMAT", "plain"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Resident forms: a form must be open this long before it is sent, its token lives this long; one
# sender (browser or e-mail) may send FORM_RATE_LIMIT_COUNT submissions and one network address
# FORM_RATE_LIMIT_ADDRESS_COUNT in FORM_RATE_LIMIT_SECONDS (see consultation/protection.py).
FORM_MIN_FILL_SECONDS = int(os.environ.get("FORM_MIN_FILL_SECONDS", "3"))
FORM_TOKEN_MAX_AGE = 60 * 60 * 24
FORM_RATE_LIMIT_COUNT = int(os.environ.get("FORM_RATE_LIMIT_COUNT", "5"))
FORM_RATE_LIMIT_ADDRESS_COUNT = int(os.environ.get("FORM_RATE_LIMIT_ADDRESS_COUNT", "60"))
FORM_RATE_LIMIT_SECONDS = int(os.environ.get("FORM_RATE_LIMIT_SECONDS", "600"))
# Behind a reverse proxy, the client address is the last hop of X-Forwarded-For.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR")

# Online voting in the participatory budget (consultation/voting/, README "Głosowanie online").
VOTING_IDENTITY_SECRET = os.environ.get("VOTING_IDENTITY_SECRET", "")
VOTING_SMS_BACKEND = os.environ.get("VOTING_SMS_BACKEND", "console")
VOTING_SMS_URL = os.environ.get("VOTING_SMS_URL", "https://api.smsapi.pl/sms.do")
VOTING_SMS_TOKEN = os.environ.get("VOTING_SMS_TOKEN", "")
VOTING_SMS_SENDER = os.environ.get("VOTING_SMS_SENDER", "")
VOTING_SMS_TIMEOUT = int(os.environ.get("VOTING_SMS_TIMEOUT", "10"))
VOTING_CODE_MINUTES = int(os.environ.get("VOTING_CODE_MINUTES", "10"))
VOTING_CODE_ATTEMPTS = int(os.environ.get("VOTING_CODE_ATTEMPTS", "3"))
VOTING_CODE_RESEND_SECONDS = int(os.environ.get("VOTING_CODE_RESEND_SECONDS", "60"))
VOTING_CODE_LIMIT_PHONE = int(os.environ.get("VOTING_CODE_LIMIT_PHONE", "5"))
VOTING_CODE_LIMIT_ADDRESS = int(os.environ.get("VOTING_CODE_LIMIT_ADDRESS", "200"))
VOTING_STEP_MAX_AGE = int(os.environ.get("VOTING_STEP_MAX_AGE", str(60 * 60)))

# The anonymous page cache (home/response_cache.py): seconds a page is kept at most (0: off); every
# change of what a page shows invalidates it before that. Its invalidation must reach every process,
# so it is on by default only with a shared cache (or in development's single process).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600" if _cache_url else "0"))
# Parts of pages that cost most to build (the home page's sections, a consultation's comments), kept
# rendered under the same content generation; on without the page cache too, and as it needs every
# process to see an invalidation, by default only with a shared cache (or in development).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "600" if _cache_url else "0"))
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/django-admin/", "/documents/", "/health/")

# /health/ (home/health.py) fails when the oldest due background task has waited longer than this.
HEALTH_MAX_TASK_AGE_SECONDS = int(os.environ.get("HEALTH_MAX_TASK_AGE_SECONDS", "300"))

# A CDN or reverse proxy in front, purged by Wagtail when a page is published, unpublished or moved:
# FRONTEND_CACHE_PURGE_URL for Varnish/nginx-style HTTP PURGE, or Cloudflare's zone and token.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }

# `make bench` only: a file whose bytes /__bench_bare__/ returns as the bare-Django yardstick. Empty
# (the default everywhere else): the view is not routed at all.
BENCH_BARE_FILE = os.environ.get("BENCH_BARE_FILE", "")

# E-mail the mail server did not take is tried again after these many seconds, one after another
# (consultation/tasks.py); after the last, the failure is logged as an error.
EMAIL_RETRY_DELAYS = [60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60, 6 * 60 * 60]
