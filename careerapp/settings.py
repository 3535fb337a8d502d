"""Settings for Career Compass.

Everything that differs between machines comes from the environment through the typed
readers in ``careerapp.env``; ``.env.example`` lists every variable.
"""

from pathlib import Path

import xstatic.pkg.bootstrap
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from careerapp.env import (
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_rate,
    env_str,
    parse_database_url,
    parse_email_url,
    parse_url,
    read_dotenv,
)
from careerapp.log import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

# A local .env (copied from .env.example by `make install`) fills in what the real
# environment leaves unset. DJANGO_ENV_FILE="" turns that off.
_env_file = env_str("DJANGO_ENV_FILE", ".env")
if _env_file != "":
    read_dotenv(BASE_DIR / _env_file)

DEBUG = env_bool("DJANGO_DEBUG", False)

if DEBUG:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-development-key-do-not-use-in-production")
else:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("insecure-"):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be a random string of 50 characters or more when "
            "DJANGO_DEBUG is off."
        )

SITE_NAME = "Career Compass"
# In development the site is the web server on this machine, on WEB_PORT. Not PORT: under
# `make run` honcho gives each process a PORT of its own (web 8000, worker 8100, beat 8200),
# and every process must write links to the web server's, the worker's emails above all.
SITE_URL = parse_url(
    "SITE_URL",
    env_str(
        "SITE_URL", f"http://127.0.0.1:{env_int('WEB_PORT', 8000, minimum=1)}" if DEBUG else None
    ).rstrip("/"),
    ("http", "https"),
)

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS when DJANGO_DEBUG is off.")
CSRF_TRUSTED_ORIGINS = [SITE_URL]

INSTALLED_APPS = [
    # First: it adds the language columns of <app>/translation.py in its ready(), before
    # our apps' ready() build their queries; and before the admin, whose forms it extends.
    "modeltranslation",
    "careerapp",
    "assessments",
    "goals",
    "reviews",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "allauth",
    "allauth.account",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages and htmx fragments (static files are answered above it, already
    # compressed by WhiteNoise). Against BREACH, each compressed response is padded with
    # random bytes and the CSRF token is masked afresh each time.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "careerapp.middleware.UserTimeZoneMiddleware",
    "careerapp.middleware.UserLanguageMiddleware",
    "careerapp.middleware.RejectedFormStatusMiddleware",
]

ROOT_URLCONF = "careerapp.urls"
WSGI_APPLICATION = "careerapp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "careerapp.context_processors.site",
                "csp.context_processors.nonce",
            ],
        },
    },
]

FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": parse_database_url(
        "DATABASE_URL", env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "careerapp.User"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "display_name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en"
# A visitor gets the browser's language (Accept-Language) or the footer's choice (a
# cookie); a signed-in person their own, from settings (careerapp.middleware).
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LANGUAGE_COOKIE_NAME = "language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Shipped content in several languages (<app>/translation.py): a text not yet translated
# reads in English.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files -------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", xstatic.pkg.bootstrap.BASE_DIR),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
if DEBUG:
    # Files come from the finders in development; WhiteNoise still wants the folder.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# --- Cache, broker and Celery -------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    parse_url("REDIS_URL", REDIS_URL, ("redis", "rediss"))
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "careerapp",
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
else:
    # No Redis: a broker that lives in folders under var/, so `make run` needs no server.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    _broker_dir = VAR_DIR / "celery"
    for _folder in ("queue", "control"):
        (_broker_dir / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://localhost/"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }

CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300, minimum=1)
# The soft limit leaves the task up to 30 s (a fifth of a short limit) to wind down.
CELERY_TASK_SOFT_TIME_LIMIT = max(
    CELERY_TASK_TIME_LIMIT - min(30, max(1, CELERY_TASK_TIME_LIMIT // 5)), 1
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# The weekly email: beat runs a sweep every few minutes (not one weekly crontab), so a
# late or restarted beat catches up by itself and a second beat is harmless.
REMINDER_SWEEP_SECONDS = env_int("REMINDER_SWEEP_SECONDS", 300, minimum=1)
REMINDER_SWEEP_BATCH = env_int("REMINDER_SWEEP_BATCH", 5000, minimum=1)
REMINDER_CHUNK_SIZE = env_int("REMINDER_CHUNK_SIZE", 100, minimum=1)
# A delivery claimed but not finished after this long is taken over (worker killed). It
# must be longer than CELERY_TASK_TIME_LIMIT (system check careerapp.E001).
REMINDER_LEASE_SECONDS = env_int("REMINDER_LEASE_SECONDS", 600, minimum=1)
REMINDER_MAX_ATTEMPTS = env_int("REMINDER_MAX_ATTEMPTS", 6, minimum=1)
# First retry delay after the mail server said "later" (doubles, capped well inside the
# broker's visibility timeout so a waiting retry is never handed to a second worker).
REMINDER_RETRY_DELAY = env_int("REMINDER_RETRY_DELAY", 60, minimum=1)
CELERY_BEAT_SCHEDULE = {
    "weekly-email-sweep": {
        "task": "careerapp.tasks.sweep_weekly_emails",
        "schedule": float(REMINDER_SWEEP_SECONDS),
        "options": {"expires": float(REMINDER_SWEEP_SECONDS)},
    },
    # A feedback request unanswered for a week gets one reminder. Hourly is plenty: each
    # reminder is claimed on its row (reminded_at), so a late or second beat is harmless.
    "feedback-reminder-sweep": {
        "task": "reviews.tasks.sweep_feedback_reminders",
        "schedule": 3600.0,
        "options": {"expires": 3600.0},
    },
}

# --- Email --------------------------------------------------------------------------
globals().update(
    parse_email_url(
        "EMAIL_URL", env_str("EMAIL_URL", "consolemail://" if DEBUG else "smtp://localhost:25")
    )
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
# Seconds before the first retry of a mail the server refused for now (doubles each time).
MAIL_RETRY_DELAY = env_int("MAIL_RETRY_DELAY", 30, minimum=1)

# --- Accounts (django-allauth) ------------------------------------------------------
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_ADAPTER = "careerapp.adapters.AccountAdapter"
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "careerapp.forms.SignupExtraForm"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env_choice(
    "ACCOUNT_EMAIL_VERIFICATION", "mandatory", ("mandatory", "optional", "none")
)
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = EMAIL_SUBJECT_PREFIX
ACCOUNT_DEFAULT_HTTP_PROTOCOL = SITE_URL.split(":", 1)[0]
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, spelled out so they are visibly on.
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
}
# --- Secret links -------------------------------------------------------------------
# Pages opened by a secret link, without an account (a feedback request, a circle
# member's link): requests per client address (the calendar feed: per feed address), GET
# and POST alike, as django-ratelimit reads it ("60/m": 60 a minute). Over it, a 429.
SHARED_LINK_RATE = env_rate("SHARED_LINK_RATE", "60/m")
# Where a path holds a credential: what follows each prefix, up to the next slash, is
# replaced in log lines (careerapp.log.RedactSecretLinks).
SECRET_LINK_PREFIXES = ("/reviews/f/", "/reviews/s/", "/email/unsubscribe/", "/calendar/")

# --- Data import --------------------------------------------------------------------
# The largest export file the import reads, in MB. An account's own export must fit:
# 21,000 goals with three steps each export to 37.5 MB (goals alone: 12.5 MB). Uploaded
# files do not count against DATA_UPLOAD_MAX_MEMORY_SIZE; Django spools them to disk.
IMPORT_MAX_MB = env_int("IMPORT_MAX_MB", 64, minimum=1)

# --- Forms --------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "careerapp.views.csrf_failure"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    if env_bool("DJANGO_BEHIND_PROXY", False):
        # Only behind one proxy that sets these headers itself and overwrites what clients
        # send: then the client address for allauth's rate limits is the proxy's last hop.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        ALLAUTH_TRUSTED_PROXY_COUNT = 1
        # The secret links' rate limit counts per client too, not per proxy.
        RATELIMIT_IP_META_KEY = "careerapp.ratelimits.client_ip"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Logging ------------------------------------------------------------------------
LOGGING = logging_config(
    level=env_choice("LOG_LEVEL", "info", ("debug", "info", "warning", "error")).upper()
)
