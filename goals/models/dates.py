"""Day boundaries in the person's time zone, shared by the goals' and steps' queries."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight starting ``day`` in the current time zone (the person's, in a request)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def local_midnight(day: datetime.date, zone: datetime.tzinfo) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


def done_in_q(*, start: datetime.date, end: datetime.date, zone: datetime.tzinfo) -> Q:
    """Steps done from local day ``start`` up to ``end`` (exclusive) in ``zone``: the one
    definition of "steps done" in a period (history, quarterly summary, weekly email)."""
    return Q(done_at__gte=local_midnight(start, zone), done_at__lt=local_midnight(end, zone))
