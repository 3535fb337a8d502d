"""Reviews' Celery tasks: thin, they take ids and are safe to run twice (each email is
sent at most once through ``careerapp.emails.send_once``)."""

from __future__ import annotations

from celery import shared_task

from careerapp.tasks import TRANSIENT_ERRORS, backoff
from reviews import emails


@shared_task(bind=True, max_retries=6, acks_late=True)
def send_circle_invitation(self, member_id: int) -> bool:
    try:
        return emails.circle_invitation_send(member_id=member_id)
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=backoff(self.request.retries)) from exc
