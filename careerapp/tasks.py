"""Celery tasks of the core. Thin: they parse their JSON arguments and call the mail layer."""

from __future__ import annotations

import logging
import smtplib
import socket

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from careerapp import reminders, weekly
from careerapp.mail import message_from_dict
from careerapp.models import User

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
            raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from exc
        logger.error("Mail to %s refused for good: %s %s", email.to, exc.smtp_code, exc.smtp_error)
    except smtplib.SMTPRecipientsRefused as exc:
        # Refused at RCPT TO: "later" (4xx, e.g. greylisting) is retried like a 4xx at DATA.
        codes = [code for code, _reason in exc.recipients.values()]
        if codes and all(400 <= code < 500 for code in codes):
            raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from exc
        logger.error("Mail to %s refused for good: %s", email.to, exc.recipients)
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from exc


def says_later(exc: smtplib.SMTPException | OSError) -> bool:
    """Whether sending is worth another try: the server was not there, or answered
    "later" (a 4xx) at DATA or at RCPT TO for every recipient."""
    if isinstance(exc, TRANSIENT_ERRORS):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _reason in exc.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    return False


def backoff(retries: int) -> int:
    # By default 30 s, 1, 2, 4, 8, 16 min: each well inside Redis's one-hour visibility
    # timeout, so a waiting retry is never handed to a second worker.
    return settings.MAIL_RETRY_DELAY * 2**retries


@shared_task(acks_late=True)
def sweep_weekly_emails() -> dict:
    """Beat runs this every few minutes. Two at once are harmless: claims are row locks."""
    return weekly.reminders_sweep(enqueue=send_weekly_emails.delay_on_commit)


@shared_task(bind=True, acks_late=True, max_retries=None)
def send_weekly_emails(self, delivery_ids: list[int]) -> dict:
    """Send one chunk of weekly emails. Takes ids; safe to run twice."""
    retries = self.request.retries
    result = weekly.reminders_send_chunk(delivery_ids=delivery_ids, retries=retries)
    if result.retry:
        # The rows carry the same moment in retry_at; the sweep takes over if this is lost.
        raise self.retry(args=[result.retry], countdown=weekly.retry_delay(retries))
    return {"sent": len(result.sent), "skipped": len(result.skipped), "failed": len(result.failed)}


@shared_task(acks_late=True)
def send_weekly_preview(user_id: int) -> None:
    """ "Send me this week's email now": the same content, marked as a preview, not counted."""

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    content = reminders.collect([user], now=timezone.now())[0]
    reminders.build_message(content, preview=True).send()
