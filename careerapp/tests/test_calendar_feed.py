"""The private calendar feed: a secret address (only its hash stored), the dates every app
registers, readable by two independent ICS parsers, the same number of queries for one
step or a thousand."""

from __future__ import annotations

import datetime
import logging

import icalendar
import pytest
import time_machine
import vobject
from django.db import connection
from django.test import Client
from django.urls import reverse

from assessments.tests.factories_roles import learning_kind
from careerapp import calendar, services
from careerapp.calendar import CalendarEvent
from careerapp.models import CalendarFeed
from careerapp.tests.factories import UserFactory
from goals.models import LearningStatus, Status, Task
from goals.services import goal_set_status, goal_update, task_update
from goals.tests.factories import GoalFactory, LearningItemFactory, TaskFactory
from reviews.models import ConversationCadence
from reviews.tests.factories import CircleMemberFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2027, 5, 10, 10, tzinfo=UTC)  # a Monday
TODAY = datetime.date(2027, 5, 10)
HOST = "127.0.0.1"  # the test settings' SITE_URL


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _path(feed: CalendarFeed) -> str:
    return reverse("calendar_feed", args=[feed.token()])


def _fetch(feed: CalendarFeed, client: Client | None = None):
    return (client or Client()).get(_path(feed))


def _icalendar_events(body: bytes) -> dict[str, tuple]:
    parsed = icalendar.Calendar.from_ical(body)
    return {
        str(event["UID"]): (event.decoded("DTSTART"), str(event["SUMMARY"]), int(event["SEQUENCE"]))
        for event in parsed.walk("VEVENT")
    }


def _vobject_events(body: bytes) -> dict[str, tuple]:
    parsed = vobject.readOne(body.decode())
    return {
        event.uid.value: (event.dtstart.value, event.summary.value, int(event.sequence.value))
        for event in parsed.vevent_list
    }


@pytest.fixture
def feed(owner) -> CalendarFeed:
    return services.feed_create(user=owner)


@pytest.fixture
def lived_in(owner, other_user):
    """The owner's dates, and what must stay out of the feed."""
    goal = GoalFactory(user=owner, title="Lead a project", target_date=datetime.date(2027, 9, 30))
    step = TaskFactory(goal=goal, title="Draft the plan", due_date=datetime.date(2027, 5, 20))
    TaskFactory(goal=goal, title="Done already", due_date=datetime.date(2027, 5, 12), done_at=NOW)
    TaskFactory(goal=goal, title="Someday", due_date=None)
    paused = GoalFactory(user=owner, title="Paused goal", status=Status.PAUSED)
    TaskFactory(goal=paused, title="Paused step")
    achieved = GoalFactory(user=owner, title="Achieved goal", status=Status.ACHIEVED)
    TaskFactory(goal=achieved, title="Left-over step")
    dropped = GoalFactory(user=owner, title="Dropped goal", status=Status.DROPPED)
    TaskFactory(goal=dropped, title="Dropped step")
    theirs = GoalFactory(user=other_user, title="Oscar's goal")
    TaskFactory(goal=theirs, title="Oscar's step")
    CircleMemberFactory(owner=other_user, conversation_every=ConversationCadence.MONTHLY)
    member = CircleMemberFactory(
        owner=owner,
        name="Ana",
        conversation_every=ConversationCadence.QUARTERLY,
        created_at=datetime.datetime(2027, 4, 1, 9, tzinfo=UTC),
    )
    CircleMemberFactory(owner=owner, name="No rhythm")
    certification = learning_kind("certification")
    cert = LearningItemFactory(
        user=owner, kind=certification, title="AWS Architect", expires_on=datetime.date(2027, 6, 30)
    )
    LearningItemFactory(
        user=owner, kind=certification, title="Expired", expires_on=datetime.date(2027, 5, 9)
    )
    LearningItemFactory(
        user=owner,
        kind=certification,
        title="Dropped",
        status=LearningStatus.DROPPED,
        expires_on=datetime.date(2027, 6, 1),
    )
    LearningItemFactory(
        user=other_user, kind=certification, title="Oscar's", expires_on=datetime.date(2027, 6, 2)
    )
    return {"goal": goal, "step": step, "member": member, "cert": cert}


def test_both_parsers_read_the_same_events(feed, lived_in):
    response = _fetch(feed)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    by_icalendar = _icalendar_events(response.content)
    assert by_icalendar == _vobject_events(response.content)
    goal, step, member = lived_in["goal"], lived_in["step"], lived_in["member"]
    cert = lived_in["cert"]
    assert {uid: (day, title) for uid, (day, title, _seq) in by_icalendar.items()} == {
        f"step-{step.pk}@{HOST}": (
            datetime.date(2027, 5, 20),
            "Due: Draft the plan (Lead a project)",
        ),
        f"goal-target-{goal.pk}@{HOST}": (
            datetime.date(2027, 9, 30),
            "Target date: Lead a project",
        ),
        # The default rhythm (monthly): this month's check-in, due on its last day.
        f"checkin-next-{feed.user_id}@{HOST}": (datetime.date(2027, 5, 31), "Check-in due"),
        # Quarterly, from joining the circle on 1 April.
        f"conversation-next-{member.pk}@{HOST}": (
            datetime.date(2027, 7, 1),
            "Career conversation with Ana",
        ),
        # Expiring; not the expired one, the dropped one or Oscar's.
        f"certification-expiry-{cert.pk}@{HOST}": (
            datetime.date(2027, 6, 30),
            "Expires: AWS Architect",
        ),
    }


def test_the_calendar_and_its_events_say_what_calendars_need(feed, lived_in):
    parsed = icalendar.Calendar.from_ical(_fetch(feed).content)

    assert parsed["VERSION"] == "2.0"
    assert parsed["PRODID"] == calendar.PRODID
    assert parsed["X-WR-CALNAME"] == "Career Compass"
    assert parsed["CALSCALE"] == "GREGORIAN"
    assert parsed.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=4)
    step = next(e for e in parsed.walk("VEVENT") if str(e["UID"]).startswith("step-"))
    assert step["DTSTART"].params["VALUE"] == "DATE"
    assert step.decoded("DTEND") == step.decoded("DTSTART") + datetime.timedelta(days=1)
    assert str(step["TRANSP"]) == "TRANSPARENT"
    assert str(step["URL"]) == (
        f"http://{HOST}:8000{lived_in['goal'].get_absolute_url()}#task-{lived_in['step'].pk}"
    )
    assert step.decoded("DTSTAMP").tzinfo is not None
    days = [event.decoded("DTSTART") for event in parsed.walk("VEVENT")]
    assert days == sorted(days)


def test_the_feed_is_nobodys_to_cache_or_index(feed):
    response = _fetch(feed)
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]


def test_nothing_done_paused_closed_or_of_another_person(feed, lived_in):
    body = _fetch(feed).content.decode()
    for absent in (
        "Done already",
        "Someday",
        "Paused",
        "Achieved",
        "Left-over",
        "Dropped",
        "Oscar",
        "No rhythm",
    ):
        assert absent not in body


def test_uids_are_stable_across_fetches(feed, lived_in):
    first = _icalendar_events(_fetch(feed).content)
    with time_machine.travel(NOW + datetime.timedelta(hours=3), tick=False):
        second = _icalendar_events(_fetch(feed).content)
    assert first == second


def test_moving_a_step_moves_its_event_and_raises_its_sequence(feed, lived_in):
    step = lived_in["step"]
    uid = f"step-{step.pk}@{HOST}"
    before = _icalendar_events(_fetch(feed).content)[uid]

    task_update(task=step, data={"due_date": datetime.date(2027, 6, 3)})
    after = _icalendar_events(_fetch(feed).content)[uid]

    assert after[0] == datetime.date(2027, 6, 3)
    assert after[2] > before[2]


def test_moving_a_goals_target_or_renaming_it_raises_the_sequences(feed, lived_in):
    goal, step = lived_in["goal"], lived_in["step"]
    target, due = f"goal-target-{goal.pk}@{HOST}", f"step-{step.pk}@{HOST}"
    before = _icalendar_events(_fetch(feed).content)

    goal_update(goal=goal, data={"target_date": datetime.date(2027, 12, 1), "title": "Lead one"})
    after = _icalendar_events(_fetch(feed).content)

    assert after[target][:2] == (datetime.date(2027, 12, 1), "Target date: Lead one")
    assert after[target][2] > before[target][2]
    # The step's title names the goal: its sequence rises with the goal's.
    assert after[due][1] == "Due: Draft the plan (Lead one)"
    assert after[due][2] > before[due][2]


def test_pausing_a_goal_takes_its_dates_out(feed, lived_in):
    goal_set_status(goal=lived_in["goal"], status=Status.PAUSED)
    body = _fetch(feed).content.decode()
    assert "Lead a project" not in body
    assert "Draft the plan" not in body


def test_the_check_in_falls_on_the_owners_today_in_their_time_zone(owner, feed):
    # 31 May, 12:00 UTC is already 1 June in Kiritimati (UTC+14): June's check-in is next.
    owner.time_zone = "Pacific/Kiritimati"
    owner.save(update_fields=["time_zone"])
    utc_person = UserFactory(time_zone="UTC", date_joined=owner.date_joined)
    theirs = services.feed_create(user=utc_person)
    with time_machine.travel(datetime.datetime(2027, 5, 31, 12, tzinfo=UTC), tick=False):
        mine = _icalendar_events(_fetch(feed).content)
        other = _icalendar_events(_fetch(theirs).content)
    assert mine[f"checkin-next-{owner.pk}@{HOST}"][0] == datetime.date(2027, 6, 30)
    assert other[f"checkin-next-{utc_person.pk}@{HOST}"][0] == datetime.date(2027, 5, 31)


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
def test_an_unknown_address_is_a_404_that_shows_nothing(feed, lived_in, token):
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
        return CalendarEvent(uid, uid, on, "", "/", 0)

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


# --- Queries ----------------------------------------------------------------------------


# 1 the feed with its owner, 2 the due steps with their goals, 3 the goals' target dates,
# 4 the certifications still to expire, 5 the check-in schedule, 6 this period's and the
# latest submitted check-in, 7 the check-in rhythm, 8 the circle members with a rhythm
# and their conversations.
FEED_QUERIES = 8


@pytest.mark.parametrize("steps", [1, 1000])
def test_the_feed_costs_the_same_queries_for_one_step_or_a_thousand(
    owner, feed, steps, django_assert_num_queries
):
    goal = GoalFactory(user=owner)
    Task.objects.bulk_create(
        Task(goal=goal, title=f"Step {n}", due_date=TODAY + datetime.timedelta(days=n % 300))
        for n in range(steps)
    )
    CircleMemberFactory(owner=owner, conversation_every=ConversationCadence.MONTHLY)
    LearningItemFactory(
        user=owner, kind=learning_kind("certification"), expires_on=TODAY + datetime.timedelta(90)
    )
    client = Client()
    with django_assert_num_queries(FEED_QUERIES):
        response = _fetch(feed, client)
    assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == steps + 4
