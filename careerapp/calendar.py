"""The private calendar feed: every app's dates in one ICS file a calendar subscribes to.

Each app registers a source in its ``AppConfig.ready()``; a source gets the feed's owner
and their local today and gives ``CalendarEvent``s, in a fixed number of queries however
many dates there are (the feed's query count is pinned in a test). The core collects them
in registration order, sorts them by day and writes the VCALENDAR with icalendar. It
never names an app.

What must stay true:
- an event's ``uid`` never changes while it is the same thing (``event_uid``): a calendar
  that refreshes the feed updates the event instead of adding a second one;
- LAST-MODIFIED (and DTSTAMP) is the source's ``last_modified``: when the rows the event
  is made of last changed, or the moment the clock moved a computed day; it never goes
  back. So every write that changes what an event shows sets an ``updated_at`` its source
  reads, deletes included (a step's own and its goal's; a circle member's, touched when a
  conversation with them is deleted);
- SEQUENCE is LAST-MODIFIED as whole seconds since ``SEQUENCE_EPOCH``: it rises whenever
  the event changes (two changes within one second share it) and never goes down,
  whatever moved the day (an earlier day, a step moved to another goal), and fits a
  32-bit integer until 2088;
- a fetch writes nothing: the feed is a GET, two fetches at once cannot race;
- all-day events (DTSTART;VALUE=DATE, DTEND the next day), shown as free time.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.urls import reverse

from careerapp.emails import absolute
from careerapp.models import CalendarFeed

if TYPE_CHECKING:
    from careerapp.models import User

PRODID = "-//Career Compass//Calendar feed//EN"
# How often a calendar should fetch the feed again: dates move a few times a day at most.
REFRESH = datetime.timedelta(hours=4)
# SEQUENCE counts the seconds of LAST-MODIFIED from here.
SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
# C0 control characters other than tab and line feed: no place in a calendar's text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # ``event_uid(kind, pk)``: stable while the event is the same thing
    title: str
    day: datetime.date  # an all-day event
    description: str
    path: str  # the page of the app the event links to; the feed makes it absolute
    # When the rows the event is made of last changed (the latest of them, or the moment
    # the clock moved a computed day). Never a query per event.
    last_modified: datetime.datetime


Source = Callable[["User", datetime.date], Iterable[CalendarEvent]]
_sources: list[Source] = []


def register_calendar_source(source: Source) -> None:
    if source not in _sources:
        _sources.append(source)


def sources() -> list[Source]:
    return list(_sources)


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def event_uid(kind: str, pk: int) -> str:
    """``<kind>-<pk>@<site host>``: ``step-12@example.org``, ``checkin-next-3@...``."""
    return f"{kind}-{pk}@{site_host()}"


def collect(user: User, today: datetime.date) -> list[CalendarEvent]:
    """Every source's events, by day; within a day in registration order."""
    events = [event for source in _sources for event in source(user, today)]
    return sorted(events, key=lambda event: event.day)


def feed_ics(user: User, *, today: datetime.date) -> bytes:
    """The VCALENDAR of ``user``'s dates on their ``today``. Reads only: every event is
    dated by its source."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", settings.SITE_NAME)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for event in collect(user, today):
        calendar.add_component(_vevent(event))
    return calendar.to_ical()


def sequence(moment: datetime.datetime) -> int:
    """SEQUENCE for an event last changed at ``moment``: its whole seconds since
    ``SEQUENCE_EPOCH``, so a later change is always a higher number."""
    return max(0, (moment - SEQUENCE_EPOCH) // datetime.timedelta(seconds=1))


def _vevent(event: CalendarEvent) -> icalendar.Event:
    # Whole seconds, as ICS writes them: SEQUENCE and LAST-MODIFIED say the same second.
    seconds = sequence(event.last_modified)
    last_modified = SEQUENCE_EPOCH + datetime.timedelta(seconds=seconds)
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    # Without a METHOD, DTSTAMP is when the event's information last changed (RFC 5545).
    vevent.add("dtstamp", last_modified)
    vevent.add("dtstart", event.day)
    vevent.add("dtend", event.day + datetime.timedelta(days=1))
    vevent.add("summary", _text(event.title))
    if event.description:
        vevent.add("description", _text(event.description))
    vevent.add("url", absolute(event.path))
    vevent.add("sequence", seconds)
    vevent.add("last-modified", last_modified)
    vevent.add("transp", "TRANSPARENT")
    return vevent


def _text(value: str) -> str:
    return _CONTROL.sub("", str(value))


@dataclass(frozen=True)
class FeedAddress:
    url: str
    webcal: str
    created_at: datetime.datetime


def feed_address(user: User) -> FeedAddress | None:
    """The person's feed address for the settings page, or None while the feed is off."""
    feed = CalendarFeed.objects.for_user(user).first()
    if feed is None:
        return None
    return FeedAddress(url=feed_url(feed), webcal=webcal_url(feed), created_at=feed.created_at)


def feed_url(feed: CalendarFeed) -> str:
    """The feed's address, to copy into a calendar."""
    return absolute(reverse("calendar_feed", args=[feed.token()]))


def webcal_url(feed: CalendarFeed) -> str:
    """The same address as a webcal:// link, which opens the device's calendar app."""
    return "webcal://" + feed_url(feed).split("://", 1)[1]
