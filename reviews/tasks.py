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
    try:
        return emails.circle_invitation_send(member_id=member_id)
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from exc


@shared_task(bind=True, max_retries=6, acks_late=True)
def send_feedback_request(self, request_id: int) -> bool:
    return _send_feedback(self, emails.feedback_request_send, request_id)


@shared_task(bind=True, max_retries=6, acks_late=True)
def send_feedback_reminder(self, request_id: int) -> bool:
    return _send_feedback(self, emails.feedback_reminder_send, request_id)


def _send_feedback(task, send, request_id: int) -> bool:
    # A "later" from the server (greylisting, a full queue) is retried; the row stays
    # unsent until then. A refusal for good is logged, by the row's id, not its address.
    try:
        return send(request_id=request_id)
    except (smtplib.SMTPException, *TRANSIENT_ERRORS) as exc:
        if says_later(exc):
            raise task.retry(exc=exc, countdown=backoff(task.request.retries)) from exc
        logger.error("Feedback email of request %s refused for good: %s", request_id, exc)
        return False


@shared_task
def sweep_feedback_reminders() -> int:
    """Beat, hourly: one reminder task per request unanswered a week after it was sent.
    Enqueueing one twice is harmless: the reminder is claimed on its row."""
    due = FeedbackRequest.objects.reminder_due(timezone.now()).values_list("pk", flat=True)
    ids = list(due)
    for request_id in ids:
        send_feedback_reminder.delay(request_id)
    return len(ids)
