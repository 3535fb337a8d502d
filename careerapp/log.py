"""Logging filters that ``settings.LOGGING`` names."""

import logging


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
