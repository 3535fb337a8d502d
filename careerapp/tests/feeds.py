"""The calendar feed as calendars read it, for the feed's tests in every app: each event by
UID, read by icalendar or by vobject (a second, independent parser)."""

from __future__ import annotations

import datetime
from typing import NamedTuple

import icalendar
import vobject

from careerapp.calendar import feed_ics


class Served(NamedTuple):
    day: datetime.date
    title: str
    sequence: int
    last_modified: datetime.datetime


def icalendar_events(body: bytes) -> dict[str, Served]:
    parsed = icalendar.Calendar.from_ical(body)
    return {
        str(event["UID"]): Served(
            event.decoded("DTSTART"),
            str(event["SUMMARY"]),
            int(event["SEQUENCE"]),
            event.decoded("LAST-MODIFIED"),
        )
        for event in parsed.walk("VEVENT")
    }


def vobject_events(body: bytes) -> dict[str, Served]:
    parsed = vobject.readOne(body.decode())
    return {
        event.uid.value: Served(
            event.dtstart.value,
            event.summary.value,
            int(event.sequence.value),
            event.last_modified.value,
        )
        for event in parsed.vevent_list
    }


def served(user, today: datetime.date) -> dict[str, Served]:
    """``user``'s feed on ``today``, as icalendar reads it."""
    return icalendar_events(feed_ics(user, today=today))
