"""Security settings, part of base.py (which imports every one of them): passwords, admin login
lockout, two-factor login, and the headers that limit what a browser may load or do."""

import os
from datetime import timedelta

from sosnowiec_bo import object_storage

from .env import env_bool, env_list

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin logins (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one user name from one
# address, that pair is locked out for LOGIN_LOCKOUT_MINUTES (each further try starts the time
# again); other addresses and other user names are not affected. Addresses as the resident forms'
# rate limits read them (consultation/protection.py). Staff unlock in "Ustawienia → Blokady logowania".
# django-axes' check first, then Django's own. AxesBackend rather than the standalone one: whatever
# logs a user in with the first backend (Wagtail's test tools do) needs one that reads the user back.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "sosnowiec_bo.security.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "sosnowiec_bo.security.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False

# Two-factor login (accounts/, README "Two-factor login"): everyone who can open the admin confirms
# the password with a code from an authenticator app (TOTP) or a one-time backup code. A wrong code
# makes the next try wait 1, 2, 4, 8 … seconds (per device).
OTP_REQUIRED = env_bool("OTP_REQUIRED", True)
OTP_TOTP_ISSUER = "BO Sosnowiec"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Content-Security-Policy (sosnowiec_bo/security.py), in every environment so that a breach shows
# in development. The public site allows no inline script or style and no nonce: the anonymous page
# cache (home/response_cache.py) stores whole responses, so a nonce would be shared by every visitor
# of a stored page. Videos are framed only from the hosts the video block accepts
# (WAGTAILEMBEDS_FINDERS). CSP_MEDIA_HOSTS adds hosts that serve images; the public bucket of
# object storage (or its CDN, S3_CUSTOM_DOMAIN) is added by itself.
_CSP_MEDIA_HOSTS = [*env_list("CSP_MEDIA_HOSTS"), *object_storage.media_hosts(os.environ)]
_CSP_VIDEO_HOSTS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
_CSP_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", *_CSP_MEDIA_HOSTS],
    "media-src": ["'self'", *_CSP_MEDIA_HOSTS],
    "frame-src": _CSP_VIDEO_HOSTS,
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The admin (and its page previews) under a looser policy: Wagtail 8's admin templates still have
# inline scripts and styles (wagtail/wagtail#1288, #12940). The preview panel frames the page from
# the admin itself, and uploads show their thumbnails from blob: addresses.
CSP_ADMIN_PATH_PREFIXES = ("/admin/",)
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *_CSP_MEDIA_HOSTS],
        "frame-src": ["'self'", *_CSP_VIDEO_HOSTS],
        "frame-ancestors": ["'self'"],
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Features no page uses; the video hosts keep fullscreen and autoplay.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
