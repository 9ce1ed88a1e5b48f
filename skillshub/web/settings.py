"""Django settings, derived from the one typed settings object in skillshub.settings."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from whitenoise.compress import Compressor

from skillshub.settings import cache_config, get_settings

SETTINGS = get_settings()
PACKAGE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = SETTINGS.effective_secret_key()
DEBUG = SETTINGS.debug
ALLOWED_HOSTS = SETTINGS.allowed_hosts
CSRF_TRUSTED_ORIGINS = SETTINGS.csrf_trusted_origins

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "skillshub.core",
    "skillshub.geo",
    "skillshub.catalogue",
    "skillshub.qualifications",
    "skillshub.provision",
    "skillshub.provider_area",
    "skillshub.dashboard",
    "skillshub.journey",
    "skillshub.demand",
    "skillshub.progression",
    "skillshub.market",
    "skillshub.terminology",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "skillshub.api.middleware.RequestLimitsMiddleware",
    "skillshub.api.middleware.ApiProblemMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "skillshub.core.middleware.ContentSecurityPolicyMiddleware",
    "skillshub.terminology.middleware.ExplainTermsMiddleware",
]

ROOT_URLCONF = "skillshub.web.urls"
WSGI_APPLICATION = "skillshub.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "skillshub.core.context.site",
            ],
            "string_if_invalid": "UNDEFINED-TEMPLATE-VARIABLE[%s]"
            if SETTINGS.strict_templates
            else "",
        },
    }
]

DATABASES = {"default": dj_database_url.parse(SETTINGS.effective_database_url, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# `skillshub serve` runs collectstatic into the home first: every file gets a content-hashed name
# (so WhiteNoise can tell browsers to keep it for a year) and gzip and brotli copies (plotly.js
# is 1.2 MB as it is, 0.33 MB in brotli). The finders stay on so DEBUG and the tests, which do
# not collect, still find the files under their plain names.
STATIC_ROOT: Path | None = SETTINGS.home / "static"  # None: nothing collected (the tests)
STATICFILES_DIRS = [PACKAGE_DIR / "web" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "skillshub.web.storage.HubStaticStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_KEEP_ONLY_HASHED_FILES = True  # pages only ask for hashed names: compress half as much
# WhiteNoise's list (images, fonts, archives), and source maps: no page asks for them.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = SETTINGS.session_age_s
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Messages live in the session, never in a cookie of their own that a client could forge.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# One switch for serving over HTTPS: Django's own deploy checks (`check --deploy`) are clean.
if SETTINGS.production:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = SETTINGS.hsts_seconds
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = SETTINGS.hsts_preload
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
if SETTINGS.trusted_proxies:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Preloading is a promise to the browser makers that is slow to undo: it stays opt-in.
SILENCED_SYSTEM_CHECKS = [] if SETTINGS.hsts_preload else ["security.W021"]

# Request size: bodies, form fields and uploads held in memory (larger uploads go to disk).
DATA_UPLOAD_MAX_MEMORY_SIZE = SETTINGS.max_upload_mb * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 5
MAX_URL_LENGTH = 8000
"""The longest path and query string the site answers (longer is 414)."""

# Rate limits (provider sign-in, API throttling) keep their counts here. The default is per
# process; with several workers or hosts use the database (SKILLSHUB_CACHE_URL=db://).
CACHES = {"default": cache_config(SETTINGS.cache_url)}

# django-ninja: client address behind that many proxies (for API throttling).
NINJA_NUM_PROXIES = SETTINGS.trusted_proxies

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
