"""Writes to a person's account. Views and admin call these; nothing else writes users."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from careerapp.mail import message_to_dict
from careerapp.models import User
from careerapp.tasks import send_email_message

logger = logging.getLogger(__name__)


def user_update_profile(*, user: User, display_name: str, time_zone: str) -> User:
    user.display_name = display_name
    user.time_zone = time_zone
    user.full_clean(exclude=["password", "email"])
    # The weekly slot is a local time: a new zone moves it.
    user.next_reminder_at = user.reminder_slot_after(timezone.now())
    user.save(update_fields=["display_name", "time_zone", "next_reminder_at"])
    return user


def user_set_reminder_preferences(*, user: User, enabled: bool, weekday: int, hour: int) -> User:
    user.reminders_enabled = enabled
    user.reminder_weekday = weekday
    user.reminder_hour = hour
    user.reminder_preferences_set_at = timezone.now()
    user.full_clean(exclude=["password", "email"])
    user.save(
        update_fields=[
            "reminders_enabled",
            "reminder_weekday",
            "reminder_hour",
            "reminder_preferences_set_at",
        ]
    )
    return user


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the person and, through the cascade, everything that is theirs."""
    user_id = user.pk
    user.delete()
    logger.info("Deleted account %s and all its data", user_id)


def email_send_later(*, message: EmailMessage) -> None:
    """Hand a rendered message to a worker once the surrounding transaction commits."""
    send_email_message.delay_on_commit(message_to_dict(message))
