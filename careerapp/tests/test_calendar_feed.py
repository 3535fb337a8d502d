"""The private calendar feed's address and its HTTP side: a secret address (only its hash
stored), renewed or turned off at once, a 404 that shows nothing, never cached or
indexed, rate limited per address; and the registry the apps fill. What it serves:
``test_calendar_feed_events``."""

from __future__ import annotations

import datetime
import logging

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.urls import reverse

from careerapp import calendar, services
from careerapp.calendar import CalendarEvent
from careerapp.models import CalendarFeed
from goals.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 5, 10, 10, tzinfo=datetime.UTC)
TODAY = datetime.date(2027, 5, 10)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _path(feed: CalendarFeed) -> str:
    return reverse("calendar_feed", args=[feed.token()])


def _fetch(feed: CalendarFeed):
    return Client().get(_path(feed))


@pytest.fixture
def feed(owner) -> CalendarFeed:
    return services.feed_create(user=owner)


def test_the_feed_is_nobodys_to_cache_or_index(feed):
    response = _fetch(feed)
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]


# --- The address ----------------------------------------------------------------------


def test_a_new_address_ends_the_old_one_at_once(owner, feed):
    old = _path(feed)
    renewed = services.feed_renew(user=owner)

    assert Client().get(old).status_code == 404
    assert Client().get(_path(renewed)).status_code == 200
    assert CalendarFeed.objects.filter(user=owner).count() == 1


def test_turning_the_feed_off_ends_the_address(owner, feed):
    path = _path(feed)
    services.feed_revoke(user=owner)
    assert Client().get(path).status_code == 404
    assert not CalendarFeed.objects.filter(user=owner).exists()


def test_turning_it_on_twice_keeps_the_address(owner, feed):
    assert services.feed_create(user=owner).token() == feed.token()


@pytest.mark.parametrize("token", ["0" * 48, "not-a-token", "0123456789abcdef" * 3 + "00"])
def test_an_unknown_address_is_a_404_that_shows_nothing(owner, feed, token):
    GoalFactory(user=owner, title="Lead a project", target_date=datetime.date(2027, 9, 30))
    response = Client().get(reverse("calendar_feed", args=[token]))
    assert response.status_code == 404
    body = response.content.decode()
    assert "Lead a project" not in body
    assert "BEGIN:VCALENDAR" not in body


def test_a_deactivated_persons_feed_is_a_404(owner, feed):
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    assert _fetch(feed).status_code == 404


def test_the_token_is_never_stored(feed):
    token = feed.token()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {CalendarFeed._meta.db_table}")  # noqa: S608
        rows = cursor.fetchall()
    assert rows
    assert not [value for row in rows for value in row if token in str(value)]


def test_the_token_never_reaches_a_log_line(owner, feed, caplog):
    caplog.set_level(logging.DEBUG)
    token = feed.token()
    services.feed_revoke(user=owner)
    assert Client().get(reverse("calendar_feed", args=[token])).status_code == 404
    assert "Not Found: /calendar/[redacted]" in caplog.text
    assert token not in caplog.text


def test_each_address_is_rate_limited_on_its_own(settings, owner, other_user, feed):
    settings.SHARED_LINK_RATE = "3/m"
    theirs = services.feed_create(user=other_user)
    statuses = [_fetch(feed).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    # A calendar service fetches many people's feeds from one machine: theirs still works.
    assert _fetch(theirs).status_code == 200


def test_the_429_is_not_cached_either(settings, feed):
    settings.SHARED_LINK_RATE = "1/m"
    _fetch(feed)
    response = _fetch(feed)
    assert response.status_code == 429
    assert response["Cache-Control"] == "private, no-store"
    assert response["Retry-After"] == "60"


# --- The registry -----------------------------------------------------------------------


def test_events_come_by_day_and_within_a_day_in_registration_order(monkeypatch, owner):
    day = datetime.date(2027, 6, 1)

    def event(uid: str, on: datetime.date) -> CalendarEvent:
        return CalendarEvent(uid, uid, on, "", "/", NOW)

    def first(user, today):
        return [event("a-late", day + datetime.timedelta(days=1)), event("a-same", day)]

    def second(user, today):
        return [event("b-same", day), event("b-early", day - datetime.timedelta(days=1))]

    monkeypatch.setattr(calendar, "_sources", [])
    calendar.register_calendar_source(first)
    calendar.register_calendar_source(second)
    calendar.register_calendar_source(first)  # once only

    assert [e.uid for e in calendar.collect(owner, TODAY)] == [
        "b-early",
        "a-same",
        "b-same",
        "a-late",
    ]


def test_the_apps_register_their_sources_in_app_order():
    modules = [source.__module__ for source in calendar.sources()]
    assert {"goals.calendar", "reviews.calendar"} <= set(modules)
    # INSTALLED_APPS order: every goals source before the first of reviews.
    assert max(i for i, m in enumerate(modules) if m == "goals.calendar") < modules.index(
        "reviews.calendar"
    )
