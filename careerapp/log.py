"""Logging filters that ``settings.LOGGING`` names."""

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
