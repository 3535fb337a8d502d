"""People whose weekly email is due, and one claim-and-send of their chunk, for the tests
that send it in process (``test_weekly_delivery``, ``test_languages``)."""

from __future__ import annotations

import datetime

import time_machine
from django.utils import timezone

from careerapp import weekly
from careerapp.models import ReminderDelivery, Weekday
from careerapp.tests.factories import UserFactory

UTC = datetime.UTC
# Monday 3 May 2027, 08:01 in Berlin: everyone made by due_people is due.
DUE = datetime.datetime(2027, 5, 3, 6, 1, tzinfo=UTC)


def travel(moment):
    return time_machine.travel(moment, tick=False)


def due_people(*names: str, **fields) -> list:
    """People whose weekly email is due at ``DUE`` (Monday 08:00 in Berlin), one an email
    ``<name>@example.com``, with ``fields`` on each."""
    with travel(datetime.datetime(2027, 5, 1, tzinfo=UTC)):
        people = []
        for name in names:
            user = UserFactory(
                email=f"{name}@example.com",
                time_zone="Europe/Berlin",
                reminder_weekday=Weekday.MONDAY,
                reminder_hour=8,
                reminders_send_empty=True,
                **fields,
            )
            user.next_reminder_at = user.reminder_slot_after(timezone.now())
            user.save()
            people.append(user)
    return people


def claim_and_send(now=DUE) -> weekly.ChunkResult:
    with travel(now):
        weekly.reminders_claim_due(now=now)
        ids = list(ReminderDelivery.objects.order_by("pk").values_list("pk", flat=True))
        ReminderDelivery.objects.update(enqueued_at=now)
        return weekly.reminders_send_chunk(delivery_ids=ids, now=now)
