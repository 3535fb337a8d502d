"""Typed readers for settings that come from the environment.

This is the only module that reads ``os.environ``. Every reader fails loudly with
``ImproperlyConfigured`` naming the variable and the bad value, so a typo in a
deployment is a clear error at start-up, not a quiet default.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off"}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    if value is None:
        return None
    return value.strip()


def read_dotenv(path: Path) -> None:
    """Load ``path`` into the environment without overriding variables already set."""
    if path.is_file():
        environ.Env.read_env(str(path), overwrite=False)


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = _raw(name)
    if value:
        return value
    if required or default is None:
        raise ImproperlyConfigured(f"Set the environment variable {name}.")
    return default


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if not value:
        return default
    lowered = value.lower()
    if lowered in TRUE_VALUES:
        return True
    if lowered in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a boolean; use one of true/false, yes/no, on/off, 1/0."
    )


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}={number} must be {minimum} or more.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = _raw(name)
    if not value:
        return default
    if value.lower() not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}.")
    return value.lower()


def env_rate(name: str, default: str) -> str:
    """A rate as django-ratelimit reads it: a number, a slash, then s, m, h or d (``60/m``)."""
    value = _raw(name) or default
    if not re.fullmatch(r"[1-9][0-9]*/[1-9]?[0-9]*[smhd]", value):
        raise ImproperlyConfigured(
            f"{name} must look like 60/m (a number, then s, m, h or d), not {value!r}."
        )
    return value


DATABASE_SCHEMES = ("postgres", "postgresql", "pgsql", "sqlite")


def parse_database_url(name: str, url: str) -> dict:
    scheme = urlsplit(url).scheme
    if scheme not in DATABASE_SCHEMES:
        raise ImproperlyConfigured(
            f"{name}={url!r}: the scheme must be one of {', '.join(DATABASE_SCHEMES)}."
        )
    config = environ.Env.db_url_config(url)
    if scheme != "sqlite" and not config.get("NAME"):
        raise ImproperlyConfigured(f"{name}={url!r} names no database.")
    return config


def parse_url(name: str, url: str, schemes: tuple[str, ...]) -> str:
    scheme = urlsplit(url).scheme
    if scheme not in schemes:
        raise ImproperlyConfigured(
            f"{name}={url!r}: the scheme must be one of {', '.join(schemes)}."
        )
    return url


def parse_email_url(name: str, url: str) -> dict:
    """Turn an email URL into Django's EMAIL_* settings.

    smtp://user:pass@host:25 (plain), smtp+tls://... (STARTTLS), smtps://... (implicit TLS),
    consolemail:// (print to the terminal), filemail:///absolute/folder, memorymail://.
    """
    parts = urlsplit(url)
    backends = {
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
        "consolemail": "django.core.mail.backends.console.EmailBackend",
        "filemail": "django.core.mail.backends.filebased.EmailBackend",
        "memorymail": "django.core.mail.backends.locmem.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(
            f"{name}={url!r}: the scheme must be one of {', '.join(backends)}."
        )
    config: dict = {"EMAIL_BACKEND": backends[parts.scheme]}
    if parts.scheme == "filemail":
        if not parts.path:
            raise ImproperlyConfigured(f"{name}={url!r} names no folder.")
        config["EMAIL_FILE_PATH"] = unquote(parts.path)
    elif parts.scheme.startswith("smtp"):
        if not parts.hostname:
            raise ImproperlyConfigured(f"{name}={url!r} names no host.")
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured(f"{name}={url!r} has a bad port.") from None
        config.update(
            EMAIL_HOST=parts.hostname,
            EMAIL_PORT=port or (465 if parts.scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=parts.scheme == "smtp+tls",
            EMAIL_USE_SSL=parts.scheme == "smtps",
        )
        timeout = parse_qs(parts.query).get("timeout")
        config["EMAIL_TIMEOUT"] = int(timeout[0]) if timeout and timeout[0].isdigit() else 30
    return config
