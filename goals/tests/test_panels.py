"""The dashboard's "steps that need you" panel: which steps it picks, on a fixed day."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from careerapp import dashboard
from careerapp.tests.factories import UserFactory
from goals import panels
from goals.models import Status
from goals.tests.factories import GoalFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2027, 3, 10)


@pytest.fixture(autouse=True)
def on_a_fixed_day():
    noon = datetime.datetime.combine(TODAY, datetime.time(12), tzinfo=datetime.UTC)
    with time_machine.travel(noon, tick=False):
        yield


def day(offset: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=offset)


@pytest.fixture
def person():
    """Two active goals with overdue steps (more than the panel shows), steps due this week
    and later; and steps the panel must leave out."""
    user = UserFactory()
    first = GoalFactory(user=user, title="Lead the migration")
    second = GoalFactory(user=user, title="Speak at the forum")
    for offset in range(-20, -10):  # ten overdue steps, the oldest first
        TaskFactory(goal=first, title=f"Overdue {offset}", due_date=day(offset))
    TaskFactory(goal=second, title="Oldest of all", due_date=day(-30))
    TaskFactory(goal=second, title="Due today", due_date=day(0))
    TaskFactory(goal=first, title="Due in three days", due_date=day(3))
    TaskFactory(goal=second, title="Due in a fortnight", due_date=day(14))
    TaskFactory(goal=first, title="Undated", due_date=None)
    TaskFactory(goal=first, title="Done late", due_date=day(-40), done_at=timezone.now())
    for status in (Status.PAUSED, Status.ACHIEVED, Status.DROPPED):
        TaskFactory(goal=GoalFactory(user=user, status=status), due_date=day(-50))
    TaskFactory(goal=GoalFactory(), title="Someone else's", due_date=day(-60))
    return user


def titles(lines) -> list[str]:
    return [line.title for line in lines]


def test_the_panel_shows_the_oldest_overdue_steps_and_those_due_this_week(person):
    panel = panels.tasks_panel(person)

    assert titles(panel["overdue"]) == [
        "Oldest of all",
        *[f"Overdue {offset}" for offset in range(-20, -13)],
    ]
    assert titles(panel["upcoming"]) == ["Due today", "Due in three days"]
    line = panel["overdue"][0]
    assert line.goal_title == "Speak at the forum"
    assert line.when == "was due 8 Feb"
    oldest = person.goals.get(title="Speak at the forum").tasks.get(title="Oldest of all")
    assert line.url.endswith(f"#task-{oldest.pk}")


def test_someone_with_no_open_steps_gets_empty_lists():
    assert panels.tasks_panel(UserFactory()) == {"overdue": [], "upcoming": []}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares the PostgreSQL query")
def test_both_forms_of_the_query_pick_the_same_steps(person):
    # The SQLite form is plain SQL that PostgreSQL runs too: both must agree on the rows.
    params = {
        "user": person.pk,
        "active": Status.ACTIVE,
        "today": TODAY,
        "week_end": day(7),
        "limit": panels.PANEL_TASKS,
    }
    per_goal = dashboard.rows(panels._STEPS_THAT_NEED_YOU["postgresql"], params)
    joined = dashboard.rows(panels._STEPS_THAT_NEED_YOU["sqlite"], params)

    assert len(per_goal) == 10
    assert sorted(per_goal) == sorted(joined)
