"""Tests: fast hashing, local memory for cache and e-mail, tasks run at once."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-a-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "test-artifacts" / "private-media"  # noqa: F405
# The local disk whatever the shell exports (S3_*): tests/test_object_storage.py sets up its own buckets.
STORAGES["default"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}  # noqa: F405
STORAGES["private"] = {  # noqa: F405
    "BACKEND": "sosnowiec_bo.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
}
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
DEMO_CONTENT_ALLOWED = True
VOTING_SMS_BACKEND = "recording"
# Off by default (tests/test_page_cache.py turns it on); PAGE_CACHE_SECONDS=600 runs the suite with it.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "0"))
# The suite logs staff in with force_login; tests/test_two_factor.py turns two-factor login on.
OTP_REQUIRED = env_bool("OTP_REQUIRED", False)  # noqa: F405
