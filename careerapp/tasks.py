"""Celery tasks of the core. Thin: they parse their JSON arguments and call the mail layer."""

from __future__ import annotations

import logging
import smtplib
import socket

from celery import shared_task
from django.conf import settings

from careerapp.mail import message_from_dict

logger = logging.getLogger(__name__)

# Worth another try: the server is busy, restarting or unreachable for a moment.
TRANSIENT_ERRORS = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
    socket.timeout,
)


@shared_task(bind=True, max_retries=6, acks_late=True)
def send_email_message(self, message: dict) -> None:
    """Send one rendered message (account emails: verification, password reset, notices).

    It carries the rendered message rather than ids because allauth renders with one-time
    keys that exist only in the request. Sending it twice after a worker crash sends a
    second copy of the same link, which is harmless.
    """
    email = message_from_dict(message)
    try:
        email.send()
    except smtplib.SMTPResponseException as exc:
        if 400 <= exc.smtp_code < 500:
            raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
        logger.error("Mail to %s refused for good: %s %s", email.to, exc.smtp_code, exc.smtp_error)
    except smtplib.SMTPRecipientsRefused as exc:
        logger.error("Mail to %s refused for good: %s", email.to, exc.recipients)
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc


def _backoff(retries: int) -> int:
    # By default 30 s, 1, 2, 4, 8, 16 min: each well inside Redis's one-hour visibility
    # timeout, so a waiting retry is never handed to a second worker.
    return settings.MAIL_RETRY_DELAY * 2**retries
