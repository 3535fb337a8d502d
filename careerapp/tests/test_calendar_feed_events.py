"""What the private calendar feed serves: the dates every app registers, each with a
stable UID and dated by when its rows last changed (SEQUENCE is that second), readable by
two independent ICS parsers, in the same number of queries for one date or thousands,
writing nothing. The address and the HTTP side: ``test_calendar_feed``."""

from __future__ import annotations

import datetime

import icalendar
import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.tests.factories_roles import learning_kind
from careerapp import calendar, services
from careerapp.demo import demo_account_create
from careerapp.models import CalendarFeed
from careerapp.tests.factories import UserFactory
from careerapp.tests.feeds import icalendar_events, vobject_events
from goals.models import LearningStatus, Status, Task
from goals.services import goal_set_status, goal_update, task_set_done, task_update
from goals.tests.factories import GoalFactory, LearningItemFactory, TaskFactory
from reviews.cadence import Cadence
from reviews.models import ConversationCadence
from reviews.services import schedule_set
from reviews.tests.factories import CircleMemberFactory
from reviews.tests.factories_conversations import ConversationFactory

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


def _writes(queries: CaptureQueriesContext) -> list[str]:
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def _seconds(moment: datetime.datetime) -> int:
    """What SEQUENCE is: LAST-MODIFIED's seconds since the start of 2020, UTC."""
    return int((moment - datetime.datetime(2020, 1, 1, tzinfo=UTC)).total_seconds())


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
    held = LearningStatus.DONE
    cert = LearningItemFactory(
        user=owner,
        kind=certification,
        title="AWS Architect",
        status=held,
        expires_on=datetime.date(2027, 6, 30),
    )
    LearningItemFactory(
        user=owner,
        kind=certification,
        title="Expired",
        status=held,
        expires_on=datetime.date(2027, 5, 9),
    )
    LearningItemFactory(
        user=owner, kind=certification, title="Not earned yet", expires_on=datetime.date(2027, 6, 3)
    )
    LearningItemFactory(
        user=owner,
        kind=certification,
        title="Dropped",
        status=LearningStatus.DROPPED,
        expires_on=datetime.date(2027, 6, 1),
    )
    LearningItemFactory(
        user=other_user,
        kind=certification,
        title="Oscar's",
        status=held,
        expires_on=datetime.date(2027, 6, 2),
    )
    return {"goal": goal, "step": step, "member": member, "cert": cert}


def test_both_parsers_read_the_same_events(feed, lived_in):
    response = _fetch(feed)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    by_icalendar = icalendar_events(response.content)
    assert by_icalendar == vobject_events(response.content)
    goal, step, member = lived_in["goal"], lived_in["step"], lived_in["member"]
    cert = lived_in["cert"]
    assert {uid: (day, title) for uid, (day, title, *_stamps) in by_icalendar.items()} == {
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
    # Each says when it last changed: its rows were all written now; the check-in's day
    # has been this month's since the month began in Berlin. SEQUENCE is that second.
    may = datetime.datetime(2027, 4, 30, 22, tzinfo=UTC)
    assert {uid: stamp for uid, (*_shown, stamp) in by_icalendar.items()} == {
        uid: may if uid.startswith("checkin-") else NOW for uid in by_icalendar
    }
    assert all(seq == _seconds(stamp) for *_shown, seq, stamp in by_icalendar.values())


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
    assert step.decoded("DTSTAMP") == step.decoded("LAST-MODIFIED")
    days = [event.decoded("DTSTART") for event in parsed.walk("VEVENT")]
    assert days == sorted(days)


def test_nothing_done_paused_closed_or_of_another_person(feed, lived_in):
    body = _fetch(feed).content.decode()
    for absent in (
        "Done already",
        "Someday",
        "Paused",
        "Achieved",
        "Left-over",
        "Dropped",
        "Expired",
        "Not earned yet",
        "Oscar",
        "No rhythm",
    ):
        assert absent not in body


def test_uids_are_stable_across_fetches(feed, lived_in):
    first = icalendar_events(_fetch(feed).content)
    with time_machine.travel(NOW + datetime.timedelta(hours=3), tick=False):
        second = icalendar_events(_fetch(feed).content)
    assert first == second


def test_moving_a_step_moves_its_event_and_raises_its_sequence(feed, lived_in):
    step = lived_in["step"]
    uid = f"step-{step.pk}@{HOST}"
    before = icalendar_events(_fetch(feed).content)[uid]

    edited = NOW + datetime.timedelta(hours=1)
    with time_machine.travel(edited, tick=False):
        task_update(task=step, data={"due_date": datetime.date(2027, 6, 3)})
    with time_machine.travel(NOW + datetime.timedelta(hours=2), tick=False):
        after = icalendar_events(_fetch(feed).content)[uid]
        again = icalendar_events(_fetch(feed).content)[uid]

    assert after.day == datetime.date(2027, 6, 3)
    assert after.sequence > before.sequence
    # Dated by the step's own edit (its ``updated_at``), not by when a calendar fetched
    # it, and the same however often it is fetched.
    assert after.last_modified == edited
    assert after.sequence == _seconds(edited)
    assert again == after


def test_moving_a_goals_target_or_renaming_it_raises_the_sequences(feed, lived_in):
    goal, step = lived_in["goal"], lived_in["step"]
    target, due = f"goal-target-{goal.pk}@{HOST}", f"step-{step.pk}@{HOST}"
    before = icalendar_events(_fetch(feed).content)

    with time_machine.travel(NOW + datetime.timedelta(minutes=5), tick=False):
        goal_update(
            goal=goal, data={"target_date": datetime.date(2027, 12, 1), "title": "Lead one"}
        )
        after = icalendar_events(_fetch(feed).content)

    assert after[target][:2] == (datetime.date(2027, 12, 1), "Target date: Lead one")
    assert after[target].sequence > before[target].sequence
    # The step's title names the goal: its sequence rises with the goal's.
    assert after[due].title == "Due: Draft the plan (Lead one)"
    assert after[due].sequence > before[due].sequence


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
        mine = icalendar_events(_fetch(feed).content)
        other = icalendar_events(_fetch(theirs).content)
    assert mine[f"checkin-next-{owner.pk}@{HOST}"].day == datetime.date(2027, 6, 30)
    assert other[f"checkin-next-{utc_person.pk}@{HOST}"].day == datetime.date(2027, 5, 31)


# --- Queries ----------------------------------------------------------------------------


# 1 the feed with its owner, 2 the due steps with their goals, 3 the goals' target dates,
# 4 the certifications still to expire, 5 the check-in schedule, 6 this period's and the
# latest submitted check-in, 7 the check-in rhythm, 8 when the rhythm last changed, 9 when
# each member with a rhythm or a conversation with them last changed, 10 those members
# with their last held and planned conversations. Nothing written: a fetch only reads.
FEED_QUERIES = 10


@pytest.mark.parametrize(
    ("steps", "goals", "certifications", "members"), [(1, 1, 1, 1), (1000, 50, 30, 8)]
)
def test_the_feed_costs_the_same_queries_for_one_date_or_thousands(
    owner, feed, steps, goals, certifications, members, django_assert_num_queries
):
    made = [GoalFactory(user=owner) for _ in range(goals)]
    Task.objects.bulk_create(
        Task(
            goal=made[n % goals],
            title=f"Step {n}",
            due_date=TODAY + datetime.timedelta(days=n % 300),
        )
        for n in range(steps)
    )
    certification = learning_kind("certification")
    for n in range(certifications):
        LearningItemFactory(
            user=owner,
            kind=certification,
            status=LearningStatus.DONE,
            expires_on=TODAY + datetime.timedelta(90 + n),
        )
    for _ in range(members):
        member = CircleMemberFactory(owner=owner, conversation_every=ConversationCadence.MONTHLY)
        ConversationFactory(owner=owner, member=member, held_on=TODAY)
    schedule_set(user=owner, cadence=Cadence.WEEKLY, today=TODAY)
    client = Client()
    with django_assert_num_queries(FEED_QUERIES) as first:
        response = _fetch(feed, client)
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == steps + goals + certifications + 1 + members
    # Fetched again: the same feed, in the same queries.
    with django_assert_num_queries(FEED_QUERIES) as second:
        assert _fetch(feed, client).content == response.content
    assert _writes(first) == _writes(second) == []


def test_a_fetch_writes_nothing_when_events_changed_came_or_went(feed, lived_in):
    client = Client()
    _fetch(feed, client)
    goal = lived_in["goal"]
    with time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False):
        goal_update(goal=goal, data={"target_date": datetime.date(2027, 10, 1)})  # changed
        TaskFactory(goal=goal, title="New step", due_date=datetime.date(2027, 6, 4))  # came
        task_set_done(task=lived_in["step"], done=True)  # went
    with CaptureQueriesContext(connection) as fetched:
        body = _fetch(feed, client).content.decode()
    assert "New step" in body
    assert "Draft the plan" not in body
    assert _writes(fetched) == []


# --- The demo ---------------------------------------------------------------------------


def test_the_demo_persons_feed_has_every_kind_of_date_for_both_parsers():
    user, _created = demo_account_create()
    response = _fetch(CalendarFeed.objects.get(user=user))

    assert response.status_code == 200
    by_icalendar = icalendar_events(response.content)
    assert by_icalendar == vobject_events(response.content)
    kinds = {uid.rsplit("-", 1)[0] for uid in by_icalendar}
    assert kinds == {
        "step",
        "goal-target",
        "checkin-next",
        "conversation-next",
        "certification-expiry",
    }
    assert all(
        seq == _seconds(stamp) and stamp <= NOW for *_shown, seq, stamp in by_icalendar.values()
    )
