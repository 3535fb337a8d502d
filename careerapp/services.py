"""Writes to a person's account. Views and admin call these; nothing else writes users."""

from __future__ import annotations

import datetime
import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from careerapp import reminders, tokens
from careerapp.mail import message_to_dict
from careerapp.models import FEED_PURPOSE, CalendarFeed, DeliveryStatus, ReminderDelivery, User
from careerapp.tasks import send_email_message, send_weekly_emails, send_weekly_preview

logger = logging.getLogger(__name__)


def user_update_profile(
    *, user: User, display_name: str, time_zone: str, language: str | None = None
) -> User:
    user.display_name = display_name
    user.time_zone = time_zone
    if language is not None:
        user.language = language
    user.full_clean(exclude=["password", "email"])
    # The weekly slot is a local time: a new zone moves it.
    user.next_reminder_at = user.reminder_slot_after(timezone.now())
    user.save(update_fields=["display_name", "time_zone", "language", "next_reminder_at"])
    return user


def user_set_language(*, user: User, language: str) -> User:
    """The language of the person's pages, emails and content from now on."""
    user.language = language
    user.full_clean(exclude=["password", "email"])
    user.save(update_fields=["language"])
    return user


def user_set_reminder_preferences(
    *,
    user: User,
    enabled: bool,
    weekday: int,
    hour: int,
    send_empty: bool = False,
    paused_until=None,
) -> User:
    """Save the weekly email preferences and move the next slot to match them.

    If this week's email has already gone out, the new slot in the same week is not a
    second email: the delivery row for that week already exists.
    """
    user.reminders_enabled = enabled
    user.reminder_weekday = weekday
    user.reminder_hour = hour
    user.reminders_send_empty = send_empty
    user.reminders_paused_until = paused_until
    user.reminder_preferences_set_at = timezone.now()
    user.full_clean(exclude=["password", "email"])
    user.next_reminder_at = user.reminder_slot_after(timezone.now())
    user.save(
        update_fields=[
            "reminders_enabled",
            "reminder_weekday",
            "reminder_hour",
            "reminders_send_empty",
            "reminders_paused_until",
            "reminder_preferences_set_at",
            "next_reminder_at",
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


def user_pause_reminders(*, user: User, weeks: int) -> User:
    """Pause the weekly email for ``weeks`` weeks from today (0 resumes it)."""
    today = user.local_now().date()
    user.reminders_paused_until = today + datetime.timedelta(weeks=weeks) if weeks else None
    user.next_reminder_at = user.reminder_slot_after(timezone.now())
    user.save(update_fields=["reminders_paused_until", "next_reminder_at"])
    return user


def user_unsubscribe(*, user: User) -> User:
    user.reminders_enabled = False
    user.next_reminder_at = None
    user.save(update_fields=["reminders_enabled", "next_reminder_at"])
    logger.info("Account %s turned the weekly email off by one-click unsubscribe", user.pk)
    return user


def user_from_unsubscribe_token(token: str) -> User | None:
    user_id = reminders.user_id_from_token(token)
    if user_id is None:
        return None
    return User.objects.filter(pk=user_id).first()


def reminders_send_preview(*, user_ids: list[int]) -> None:
    for user_id in user_ids:
        send_weekly_preview.delay_on_commit(user_id)


@transaction.atomic
def reminders_resend(*, delivery_ids: list[int]) -> int:
    """Put deliveries back in the queue (an admin asked): they go out with the next sweep."""
    count = ReminderDelivery.objects.filter(pk__in=delivery_ids).update(
        status=DeliveryStatus.PENDING,
        attempts=0,
        enqueued_at=timezone.now(),
        claimed_at=None,
        retry_at=None,
        last_error="",
    )
    send_weekly_emails.delay_on_commit(delivery_ids)
    return count


# --- The calendar feed ------------------------------------------------------------------


def feed_create(*, user: User) -> CalendarFeed:
    """Turn the person's calendar feed on; an address already on stays as it is (a second
    click, or a second tab, does not end the address a calendar already holds)."""
    salt, digest = tokens.issue(purpose=FEED_PURPOSE)
    feed, _created = CalendarFeed.objects.get_or_create(
        user=user, defaults={"salt": salt, "token_hash": digest}
    )
    return feed


def feed_renew(*, user: User) -> CalendarFeed:
    """A new address: the old one answers 404 from this moment (a new salt, a new hash).
    Turns the feed on when it was off."""
    salt, digest = tokens.issue(purpose=FEED_PURPOSE)
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"salt": salt, "token_hash": digest, "created_at": timezone.now()}
    )
    return feed


def feed_revoke(*, user: User) -> None:
    """Turn the feed off: the address answers 404 at once, and nothing of it is kept."""
    CalendarFeed.objects.filter(user=user).delete()
