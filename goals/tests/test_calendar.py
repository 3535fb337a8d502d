"""The goals app's part of the calendar feed: due steps and target dates of active goals,
each with a stable UID and a SEQUENCE that rises when its date moves."""

import datetime

import pytest

from assessments.tests.factories_roles import learning_kind
from careerapp.calendar import event_uid
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


def test_a_moved_step_keeps_its_uid_and_raises_its_sequence(owner, step):
    uid = event_uid("step", step.pk)
    before = _by_uid(owner)[uid]
    task_update(task=step, data={"due_date": datetime.date(2027, 5, 21)})
    after = _by_uid(owner)[uid]
    assert after.day == datetime.date(2027, 5, 21)
    assert after.sequence > before.sequence


def test_a_moved_target_date_raises_the_goals_sequence(owner, goal):
    uid = event_uid("goal-target", goal.pk)
    before = _by_uid(owner)[uid]
    goal_update(goal=goal, data={"target_date": datetime.date(2027, 9, 1)}, reason="More time")
    after = _by_uid(owner)[uid]
    assert after.day == datetime.date(2027, 9, 1)
    assert after.sequence > before.sequence


@pytest.mark.parametrize("count", [1, 50])
def test_two_queries_whatever_the_number_of_steps(owner, goal, count, django_assert_num_queries):
    for _ in range(count):
        TaskFactory(goal=goal)
    # 1 the due steps with their goals, 2 the goals' target dates.
    with django_assert_num_queries(2):
        found = events(owner, TODAY)
    assert len(found) == count + 1


def _certification(user, **values):
    return LearningItemFactory(user=user, kind=learning_kind("certification"), **values)


def test_a_certification_shows_on_the_day_it_expires_until_then(owner, other_user):
    cert = _certification(owner, title="CKA", expires_on=datetime.date(2027, 9, 1))
    _certification(owner, expires_on=TODAY - datetime.timedelta(days=1))
    _certification(owner, status=LearningStatus.DROPPED, expires_on=datetime.date(2027, 8, 1))
    _certification(other_user, expires_on=datetime.date(2027, 8, 1))
    LearningItemFactory(user=owner, expires_on=None)

    (event,) = expiries(owner, TODAY)
    assert event.uid == event_uid("certification-expiry", cert.pk)
    assert (event.title, event.day) == ("Expires: CKA", datetime.date(2027, 9, 1))
    assert event.path == cert.get_absolute_url()
    # Expiring today still shows; from tomorrow on it has passed.
    assert expiries(owner, datetime.date(2027, 9, 1))
    assert expiries(owner, datetime.date(2027, 9, 2)) == []


def test_a_renewed_certification_moves_its_day_and_raises_its_sequence(owner):
    cert = _certification(owner, expires_on=datetime.date(2027, 9, 1))
    (before,) = expiries(owner, TODAY)
    learning_update(
        item=cert, data={"expires_on": datetime.date(2030, 9, 1)}, links={}, version=cert.version
    )
    (after,) = expiries(owner, TODAY)
    assert (after.uid, after.day) == (before.uid, datetime.date(2030, 9, 1))
    assert after.sequence > before.sequence


@pytest.mark.parametrize("count", [1, 50])
def test_one_query_whatever_the_number_of_certifications(owner, count, django_assert_num_queries):
    for _ in range(count):
        _certification(owner, expires_on=datetime.date(2027, 9, 1))
    with django_assert_num_queries(1):
        found = expiries(owner, TODAY)
    assert len(found) == count
