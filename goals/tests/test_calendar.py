"""The goals app's part of the calendar feed: due steps, target dates of active goals and
certifications' expiries, each with a stable UID, dated by when its rows last changed,
and in the feed with a SEQUENCE that rises whenever it moves."""

import datetime

import pytest
import time_machine

from assessments.tests.factories_roles import learning_kind
from careerapp.calendar import event_uid
from careerapp.services import feed_create
from careerapp.tests.feeds import served
from goals.calendar import events, expiries
from goals.models import LearningStatus, Status
from goals.services import (
    goal_set_status,
    goal_update,
    learning_update,
    task_set_done,
    task_update,
)
from goals.tests.factories import GoalFactory, LearningItemFactory, TaskFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 5, 10)
NOW = datetime.datetime(2027, 5, 10, 10, tzinfo=datetime.UTC)


def _at(hours: int):
    """The clock ``hours`` from ``NOW`` (before it when negative), frozen."""
    return time_machine.travel(NOW + datetime.timedelta(hours=hours), tick=False)


@pytest.fixture
def goal(owner):
    return GoalFactory(user=owner, title="Speak at a meetup", target_date=datetime.date(2027, 8, 1))


@pytest.fixture
def step(goal):
    return TaskFactory(goal=goal, title="Pick a topic", due_date=datetime.date(2027, 5, 14))


def _by_uid(user) -> dict:
    return {event.uid: event for event in events(user, TODAY)}


def test_a_due_step_and_a_target_date_become_events(owner, goal, step):
    found = _by_uid(owner)
    due = found[event_uid("step", step.pk)]
    target = found[event_uid("goal-target", goal.pk)]
    assert (due.title, due.day) == ("Due: Pick a topic (Speak at a meetup)", step.due_date)
    assert due.path == f"/goals/{goal.pk}/#task-{step.pk}"
    assert (target.title, target.day) == ("Target date: Speak at a meetup", goal.target_date)
    assert target.last_modified == goal.updated_at
    assert due.last_modified == max(step.updated_at, goal.updated_at)


def test_done_undated_and_paused_or_closed_goals_stay_out(owner, goal, step):
    task_set_done(task=step, done=True)
    TaskFactory(goal=goal, due_date=None)
    for status in (Status.PAUSED, Status.ACHIEVED, Status.DROPPED):
        other = GoalFactory(user=owner, status=status)
        TaskFactory(goal=other)
    assert set(_by_uid(owner)) == {event_uid("goal-target", goal.pk)}
    goal_set_status(goal=goal, status=Status.PAUSED)
    assert events(owner, TODAY) == []


def test_another_persons_dates_stay_out(owner, other_user, step):
    TaskFactory(goal=GoalFactory(user=other_user))
    assert {event.uid.split("-")[0] for event in events(owner, TODAY)} == {"step", "goal"}
    assert len(events(owner, TODAY)) == 2


def test_the_feed_dates_each_event_by_when_its_rows_last_changed(owner):
    with _at(-200):
        goal = GoalFactory(user=owner, title="Lead")
        step = TaskFactory(goal=goal, due_date=datetime.date(2027, 6, 1))
        cert = _certification(owner, expires_on=datetime.date(2028, 1, 1))
    with _at(-100):
        goal_update(goal=goal, data={"why": "A team of my own."})
    with _at(-50):
        later_step = TaskFactory(goal=goal, due_date=datetime.date(2027, 6, 2))
    with _at(-30):
        learning_update(item=cert, data={"provider": "AWS"}, links={}, version=None)
    with _at(-10):
        edited_step = TaskFactory(goal=goal, due_date=datetime.date(2027, 6, 3))
    with _at(-5):
        task_update(task=edited_step, data={"notes": "Ask Ana first."})
    feed_create(user=owner)

    with _at(0):
        read = served(owner, TODAY)

    def stamp(kind: str, pk: int) -> datetime.datetime:
        return read[event_uid(kind, pk)].last_modified

    ago = {hours: NOW - datetime.timedelta(hours=hours) for hours in (100, 50, 30, 5)}
    # A step: its own last change or its goal's (the goal's title is in the step's).
    assert stamp("step", step.pk) == ago[100]
    assert stamp("step", later_step.pk) == ago[50]
    assert stamp("step", edited_step.pk) == ago[5]
    assert stamp("goal-target", goal.pk) == ago[100]
    assert stamp("certification-expiry", cert.pk) == ago[30]


def test_a_moved_step_keeps_its_uid_and_raises_its_sequence_in_the_feed(owner, step):
    feed_create(user=owner)
    uid = event_uid("step", step.pk)
    with _at(0):
        before = served(owner, TODAY)[uid]
    with _at(1):
        task_update(task=step, data={"due_date": datetime.date(2027, 5, 13)})  # earlier
    with _at(2):
        after = served(owner, TODAY)[uid]
    assert after.day == datetime.date(2027, 5, 13)
    assert after.sequence > before.sequence
    # Dated by the step's own edit, which its goal never saw.
    step.refresh_from_db()
    assert after.last_modified == step.updated_at == NOW + datetime.timedelta(hours=1)
    assert after.last_modified > step.goal.updated_at


def test_an_unticked_step_comes_back_dated_by_the_untick(owner, step):
    feed_create(user=owner)
    uid = event_uid("step", step.pk)
    with _at(0):
        before = served(owner, TODAY)[uid]
    with _at(1):
        task_set_done(task=step, done=True)  # also progress on its goal: dated then
    with _at(2):
        assert uid not in served(owner, TODAY)
    with _at(3):
        task_set_done(task=step, done=False)
    with _at(4):
        after = served(owner, TODAY)[uid]
    assert after[:2] == before[:2]
    assert after.sequence > before.sequence
    assert after.last_modified == NOW + datetime.timedelta(hours=3)


def test_a_step_moved_to_another_goal_raises_its_sequence_in_the_feed(owner):
    """As an action item moved to another goal moves its step (``task_update`` with a
    goal): the new goal may be older and less edited than the old one."""
    with _at(-300):
        quiet = GoalFactory(user=owner, title="Quiet goal")
    with _at(-100):
        busy = GoalFactory(user=owner, title="Busy goal")
        step = TaskFactory(goal=busy, due_date=datetime.date(2027, 5, 20))
        for why in ("One", "Two", "Three"):
            goal_update(goal=busy, data={"why": why})
    feed_create(user=owner)
    uid = event_uid("step", step.pk)
    with _at(0):
        before = served(owner, TODAY)[uid]
    with _at(1):
        task_update(task=step, data={"goal": quiet})
    with _at(2):
        after = served(owner, TODAY)[uid]

    assert after[:2] == (datetime.date(2027, 5, 20), f"Due: {step.title} (Quiet goal)")
    assert after.sequence > before.sequence
    # The move dates the step, however quiet the goal it moved to.
    assert after.last_modified == NOW + datetime.timedelta(hours=1) > before.last_modified


def test_a_moved_target_date_dates_the_goals_event_anew(owner, goal):
    uid = event_uid("goal-target", goal.pk)
    before = _by_uid(owner)[uid]
    with _at(1):
        goal_update(goal=goal, data={"target_date": datetime.date(2027, 9, 1)}, reason="Later")
    after = _by_uid(owner)[uid]
    assert after.day == datetime.date(2027, 9, 1)
    assert after.last_modified == NOW + datetime.timedelta(hours=1) > before.last_modified


@pytest.mark.parametrize("count", [1, 50])
def test_two_queries_whatever_the_number_of_steps(owner, goal, count, django_assert_num_queries):
    for _ in range(count):
        TaskFactory(goal=goal)
    # 1 the due steps with their goals, 2 the goals' target dates.
    with django_assert_num_queries(2):
        found = events(owner, TODAY)
    assert len(found) == count + 1


def _certification(user, **values):
    """A certification the person holds (done), unless ``values`` say otherwise."""
    values = {"status": LearningStatus.DONE} | values
    return LearningItemFactory(user=user, kind=learning_kind("certification"), **values)


def test_a_certification_shows_on_the_day_it_expires_until_then(owner, other_user):
    cert = _certification(owner, title="CKA", expires_on=datetime.date(2027, 9, 1))
    _certification(owner, expires_on=TODAY - datetime.timedelta(days=1))
    _certification(owner, status=LearningStatus.DROPPED, expires_on=datetime.date(2027, 8, 1))
    # Not earned yet: nothing of theirs to run out.
    _certification(owner, status=LearningStatus.PLANNED, expires_on=datetime.date(2027, 8, 2))
    _certification(owner, status=LearningStatus.IN_PROGRESS, expires_on=datetime.date(2027, 8, 3))
    _certification(other_user, expires_on=datetime.date(2027, 8, 1))
    LearningItemFactory(user=owner, expires_on=None)

    (event,) = expiries(owner, TODAY)
    assert event.uid == event_uid("certification-expiry", cert.pk)
    assert (event.title, event.day) == ("Expires: CKA", datetime.date(2027, 9, 1))
    assert event.path == cert.get_absolute_url()
    # Expiring today still shows; from tomorrow on it has passed.
    assert expiries(owner, datetime.date(2027, 9, 1))
    assert expiries(owner, datetime.date(2027, 9, 2)) == []


def test_a_renewed_certification_moves_in_the_feed_with_a_higher_sequence(owner):
    with _at(-24):
        cert = _certification(owner, title="CKA", expires_on=datetime.date(2027, 9, 1))
    feed_create(user=owner)
    uid = event_uid("certification-expiry", cert.pk)
    with _at(0):
        before = served(owner, TODAY)[uid]
    with _at(1):
        learning_update(
            item=cert, data={"expires_on": datetime.date(2030, 9, 1)}, links={}, version=None
        )
    with _at(2):
        after = served(owner, TODAY)
    cert.refresh_from_db()

    assert [each for each in after if each.startswith("certification-")] == [uid]  # same UID
    assert after[uid][:2] == (datetime.date(2030, 9, 1), "Expires: CKA")
    assert after[uid].sequence > before.sequence
    assert before.last_modified == NOW - datetime.timedelta(hours=24)
    assert after[uid].last_modified == cert.updated_at == NOW + datetime.timedelta(hours=1)


@pytest.mark.parametrize("count", [1, 50])
def test_one_query_whatever_the_number_of_certifications(owner, count, django_assert_num_queries):
    for _ in range(count):
        _certification(owner, expires_on=datetime.date(2027, 9, 1))
    with django_assert_num_queries(1):
        found = expiries(owner, TODAY)
    assert len(found) == count
