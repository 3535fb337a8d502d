"""Steps left open on an achieved or dropped goal closed with it: never open, overdue or
missed anywhere, and shown as closed with their goal (issue 13, item 8).

A paused goal's steps still count as open; only active goals' steps are listed as needing
the person (dashboard, email).
"""

import datetime

import pytest
import time_machine
from django.urls import reverse

from careerapp import reminders
from goals.models import Status
from goals.tests.factories import GoalFactory, TaskFactory
from reviews import queries

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)
NOW = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def closed_goal(owner, status: str, title: str):
    """A goal closed today with a step done, a step left open and overdue-looking, and one
    due this week."""
    goal = GoalFactory(user=owner, title=title, status=status, target_date=days(30))
    TaskFactory(goal=goal, title=f"{title}: done", due_date=days(-9), done_at=NOW)
    TaskFactory(goal=goal, title=f"{title}: left open", due_date=days(-5))
    TaskFactory(goal=goal, title=f"{title}: this week", due_date=days(2))
    return goal


@pytest.fixture
def goals(owner):
    active = GoalFactory(user=owner, title="Active")
    TaskFactory(goal=active, title="Active: overdue", due_date=days(-4))
    return {
        "active": active,
        "achieved": closed_goal(owner, Status.ACHIEVED, "Achieved"),
        "dropped": closed_goal(owner, Status.DROPPED, "Dropped"),
    }


@pytest.mark.parametrize("status", ["achieved", "dropped"])
def test_the_goal_page_shows_a_left_open_step_as_closed_with_the_goal(owner_client, goals, status):
    body = owner_client.get(reverse("goals:detail", args=[goals[status].pk])).content.decode()
    assert f"Closed with the goal ({status})" in body
    assert "Was due 5 Mar 2026" in body
    assert "Overdue since" not in body
    assert "Done 10 Mar 2026" in body  # a done step stays done


def test_the_goal_page_still_shows_an_active_goals_overdue_step(owner_client, goals):
    body = owner_client.get(reverse("goals:detail", args=[goals["active"].pk])).content.decode()
    assert "Overdue since 6 Mar 2026" in body
    assert "Closed with the goal" not in body


@pytest.mark.parametrize("status", ["achieved", "dropped"])
def test_the_timeline_shows_a_left_open_step_as_closed_not_overdue(owner_client, goals, status):
    response = owner_client.get(reverse("goals:timeline"), {"status": status})
    body = response.content.decode()
    chart = response.context["timeline"]
    [row] = chart.rows
    left_open = [m for m in row.markers if m.task.title.endswith("left open")]
    assert [(m.is_closed, m.is_overdue) for m in left_open] == [(True, False)]
    assert chart.overdue_count == 0
    assert "left open · 5 Mar 2026 · closed with the goal</title>" in body
    assert 'class="tl-marker is-closed"' in body
    assert "Closed with the goal</span>" in body  # the list's badge
    assert "timeline-badge-overdue" not in body


def test_the_dashboard_and_the_email_list_only_active_goals_steps(owner, owner_client, goals):
    dashboard = owner_client.get(reverse("home"))
    [tasks] = [p for p in dashboard.context["panels"] if p["template"].endswith("tasks.html")]
    assert [step.title for step in tasks["overdue"]] == ["Active: overdue"]
    assert tasks["upcoming"] == []
    [content] = reminders.collect([owner], now=NOW)
    listed = {s.key: [item.text for item in s.items] for s in content.sections}
    assert listed.get("overdue") == ["Active: overdue"]
    assert "due_soon" not in listed


def test_the_history_and_quarter_do_not_count_left_open_steps_as_missed(owner, goals):
    planned = queries.planned(
        owner, start=datetime.date(2026, 3, 1), end=days(22), today=TODAY, zone=owner.zone
    )
    # The active goal's overdue step, and the closed goals' done steps (late: due 1 Mar).
    assert (planned.total.due, planned.total.still_open, planned.total.late) == (3, 1, 2)


def test_a_paused_goals_steps_still_count_as_open_but_are_not_nagged(owner, owner_client):
    paused = GoalFactory(user=owner, title="Paused", status=Status.PAUSED)
    TaskFactory(goal=paused, title="Paused: overdue", due_date=days(-3))
    planned = queries.planned(
        owner, start=datetime.date(2026, 3, 1), end=days(22), today=TODAY, zone=owner.zone
    )
    assert planned.total.still_open == 1
    [content] = reminders.collect([owner], now=NOW)
    assert "overdue" not in {s.key for s in content.sections}


def test_the_timeline_badge_of_a_left_open_step_speaks_the_persons_language(
    owner, owner_client, goals
):
    # Its words were once translated inside an f-string, which xgettext does not read.
    owner.language = "fr"
    owner.save()
    body = owner_client.get(reverse("goals:timeline"), {"status": "achieved"}).content.decode()
    assert "Close avec l&#x27;objectif</span>" in body
    assert "Closed with the goal" not in body
