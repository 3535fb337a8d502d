"""The logging configuration (``logging_config``, the ``LOGGING`` setting) and the filters
it names."""

import functools
import logging
import re

from django.conf import settings


class ClientErrorsAsWarnings(logging.Filter):
    """A request refused with a 4xx is the client's doing: a WARNING, without a traceback.

    Django logs a SuspiciousOperation (a body over DATA_UPLOAD_MAX_MEMORY_SIZE, a Host
    header not in ALLOWED_HOSTS) at ERROR on ``django.security.<name>``, and a 400 or 403
    raised by a view on ``django.request``, each with the exception's traceback: in the log
    they read like a bug of ours. What must stay true: a 5xx keeps its level and traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if not isinstance(status, int) or not 400 <= status < 500:
            return True
        record.exc_info = None
        record.exc_text = None
        if record.levelno > logging.WARNING:
            record.levelno = logging.WARNING
            record.levelname = logging.getLevelName(logging.WARNING)
        return True


class RedactSecretLinks(logging.Filter):
    """A secret link's token never reaches a log line.

    Django writes the path of a refused request ("Not Found: /reviews/f/<token>/", "Gone:
    ...", the development server's request lines), and a path that opens a feedback form
    or a circle member's view is a credential. Whatever follows one of
    ``settings.SECRET_LINK_PREFIXES``, up to the next slash, becomes ``[redacted]``. What
    must stay true: the filter is on every logger that writes paths (``settings.LOGGING``),
    so handlers other than the console get the redacted line too.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_secret_links(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def redact_secret_links(text: str) -> str:
    return _secret_link_pattern(tuple(settings.SECRET_LINK_PREFIXES)).sub(r"\1[redacted]", text)


@functools.cache
def _secret_link_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(prefix) for prefix in prefixes)
    return re.compile(rf"({alternatives})[^/\s?#\"']+")


def logging_config(*, level: str) -> dict:
    """The ``LOGGING`` setting: one console handler whose lines are redacted and whose
    4xx records are warnings (the filters above), at ``level`` (``LOG_LEVEL``)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
        # A 4xx (a request too big, a bad Host header) is a warning without a traceback; a
        # secret link's token never reaches a log line.
        "filters": {
            "client_errors": {"()": "careerapp.log.ClientErrorsAsWarnings"},
            "secret_links": {"()": "careerapp.log.RedactSecretLinks"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "plain",
                "filters": ["secret_links", "client_errors"],
            }
        },
        "root": {
            "handlers": ["console"],
            "level": level,
        },
        "loggers": {
            # Django's own handlers off: its console printed every record of Django's a second
            # time in development, errors with their traceback (a client's 4xx too), and ADMINS,
            # which its mail handler writes to, is not set. Its records reach the console above.
            "django": {"handlers": [], "level": "INFO"},
            "django.db.backends": {"level": "WARNING"},
            # The loggers that write a request's path, redacted where they log (so every
            # handler, not only the console, gets the redacted line).
            "django.request": {"filters": ["secret_links"]},
            "django.server": {"filters": ["secret_links"]},
            "django.security.csrf": {"filters": ["secret_links"]},
        },
    }
