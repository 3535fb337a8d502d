"""Reviews' Celery tasks: thin, they take ids and are safe to run twice (each email is
sent at most once through ``careerapp.emails.send_once``)."""

from __future__ import annotations

import logging
import smtplib

from celery import shared_task
from django.utils import timezone

from careerapp.tasks import TRANSIENT_ERRORS, backoff, says_later
from reviews import emails
from reviews.models import FeedbackRequest

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=6, acks_late=True)
def send_circle_invitation(self, member_id: int) -> bool:
    what = f"Circle invitation of member {member_id}"
    return _send_once(self, emails.circle_invitation_send, what, member_id=member_id)


@shared_task(bind=True, max_retries=6, acks_late=True)
def send_feedback_request(self, request_id: int) -> bool:
    return _send_feedback(self, emails.feedback_request_send, request_id)


@shared_task(bind=True, max_retries=6, acks_late=True)
def send_feedback_reminder(self, request_id: int) -> bool:
    return _send_feedback(self, emails.feedback_reminder_send, request_id)


def _send_feedback(task, send, request_id: int) -> bool:
    return _send_once(task, send, f"Feedback email of request {request_id}", request_id=request_id)


def _send_once(task, send, what: str, **row) -> bool:
    # A "later" from the server (greylisting, a full queue) is retried; the row stays
    # unsent until then. A refusal for good is logged, by the row's id, not its address.
    try:
        return send(**row)
    except (smtplib.SMTPException, *TRANSIENT_ERRORS) as exc:
        if says_later(exc):
            raise task.retry(exc=exc, countdown=backoff(task.request.retries)) from exc
        logger.error("%s refused for good: %s", what, _reason(exc))
        return False


def _reason(exc: Exception) -> str:
    """Why the server said no, without the address it names."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return f"recipient refused ({sorted({code for code, _ in exc.recipients.values()})})"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {exc.smtp_error!r}"
    return type(exc).__name__


@shared_task
def sweep_feedback_reminders() -> int:
    """Beat, hourly: one reminder task per request unanswered a week after it was sent.
    Enqueueing one twice is harmless: the reminder is claimed on its row."""
    due = FeedbackRequest.objects.reminder_due(timezone.now()).values_list("pk", flat=True)
    ids = list(due)
    for request_id in ids:
        send_feedback_reminder.delay(request_id)
    return len(ids)
