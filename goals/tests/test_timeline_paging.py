"""The timeline loads only what its span shows, a page of goals at a time."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from goals.charts import shapes, timeline
from goals.models import Goal, Status, Task
from goals.tests.factories import GoalFactory, TaskFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)  # the year on screen: 1 Feb 2026 to 31 Jan 2027
URL = "/goals/timeline/"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC), tick=False):
        yield


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def aware(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def goal_for(owner, *, created: int = 0, closed: int | None = None, **fields) -> Goal:
    if closed is not None:
        fields["status_changed_at"] = aware(days(closed))
    return GoalFactory(user=owner, created_at=aware(days(created)), **fields)


def page(owner_client, **query) -> shapes.Timeline:
    response = owner_client.get(URL, query)
    assert response.status_code == 200
    return response.context["timeline"]


def loaded(chart: shapes.Timeline) -> list[Goal]:
    return list(chart.page_obj.object_list)


# --- What is loaded ---------------------------------------------------------------------


def test_a_goal_achieved_years_ago_is_not_loaded(owner_client, owner):
    old = goal_for(
        owner, status=Status.ACHIEVED, created=-2000, closed=-1800, target_date=days(-1825)
    )
    TaskFactory(goal=old, due_date=days(-1900))
    current = goal_for(owner, target_date=days(40))
    chart = page(owner_client, status="all", zoom="5y")
    assert loaded(chart) == [current]
    assert chart.outside_count == 1  # still counted for the note, in the same query


def test_closed_goals_that_lived_in_the_span_are_shown_open_ones_first(owner_client, owner):
    # Aimed at a date in the span, though dropped before it began:
    aimed = goal_for(owner, status=Status.DROPPED, created=-200, closed=-60, target_date=days(5))
    # Aimed before the span, but only achieved in it (late): its bar runs to that day.
    late = goal_for(owner, status=Status.ACHIEVED, created=-200, closed=-10, target_date=days(-60))
    # No date at all, achieved in the span: drawn from the day it was set to the day it
    # was done.
    undated = goal_for(
        owner, status=Status.ACHIEVED, created=-90, closed=-3, target_date=None, priority=0
    )
    active = goal_for(owner, target_date=days(90), priority=99)
    chart = page(owner_client, status="all")
    assert loaded(chart)[0] == active
    assert set(loaded(chart)) == {active, aimed, late, undated}
    rows = {row.goal.pk: row for row in chart.rows}
    scale = timeline._Scale(chart.start, chart.end)
    assert rows[late.pk].bar.x + rows[late.pk].bar.width == pytest.approx(
        scale.x(days(-10)), abs=0.1
    )
    assert rows[undated.pk].bar.continues_before
    assert chart.undated_count == chart.outside_count == 0


def test_open_goals_without_a_date_are_counted_not_loaded(owner_client, owner):
    nothing = goal_for(owner, target_date=None)
    TaskFactory(goal=nothing, due_date=None)
    steps_only = goal_for(owner, target_date=None)
    TaskFactory(goal=steps_only, due_date=days(-100), done_at=timezone.now())
    chart = page(owner_client)
    # A goal still open lives on today, so its dated steps put it on the timeline even
    # when they all lie before the span.
    assert loaded(chart) == [steps_only]
    assert (chart.undated_count, chart.outside_count) == (1, 0)


def test_only_steps_in_the_span_or_overdue_are_prefetched(owner_client, owner):
    goal = goal_for(owner, created=-400, target_date=days(500))
    in_view = TaskFactory(goal=goal, due_date=days(30), title="In view")
    overdue = TaskFactory(goal=goal, due_date=days(-100), title="Late")
    TaskFactory(goal=goal, due_date=days(-90), done_at=timezone.now(), title="Done long ago")
    TaskFactory(goal=goal, due_date=days(400), title="Next year")
    TaskFactory(goal=goal, due_date=None, title="Some day")
    chart = page(owner_client)
    [shown] = loaded(chart)
    assert {task.pk for task in shown.tasks_in_view} == {in_view.pk, overdue.pk}
    # The bar still knows where the steps begin and end, from the same query.
    assert (shown.first_due, shown.last_due) == (days(-100), days(400))
    [row] = chart.rows
    assert (row.bar.continues_before, row.bar.continues_after) == (True, True)
    assert row.earlier_overdue == 1


def test_the_database_and_the_layout_agree_on_what_is_drawn(owner, frozen):
    """Each loaded goal gets a row, so a page of the query is a page of the chart."""
    statuses = [Status.ACTIVE, Status.PAUSED, Status.ACHIEVED, Status.DROPPED]
    for n in range(48):
        goal = goal_for(
            owner,
            status=statuses[n % 4],
            created=-40 * (n % 12),
            closed=-30 * (n % 7),
            target_date=None if n % 5 == 0 else days(60 * (n % 9) - 300),
        )
        if n % 3:
            TaskFactory(goal=goal, due_date=days(45 * (n % 8) - 200), done_at=None)
    for zoom in shapes.ZOOMS:
        start, end = timeline.window(TODAY, zoom)
        goals = Goal.objects.for_user(owner)
        everything = timeline.build_timeline(
            goals.prefetch_related("tasks"), today=TODAY, zoom=zoom
        )
        drawn = set(goals.on_timeline(start=start, end=end).values_list("pk", flat=True))
        assert {row.goal.pk for row in everything.rows} == drawn, zoom
        counts = goals.timeline_counts(start=start, end=end)
        assert counts["shown"] == len(drawn)
        assert counts["undated"] == everything.undated_count


# --- Pages ------------------------------------------------------------------------------


@pytest.fixture
def many(owner) -> list[Goal]:
    goals = Goal.objects.bulk_create(
        Goal(user=owner, title=f"Goal {n:02}", priority=n, target_date=days(30 + n))
        for n in range(25)
    )
    Task.objects.bulk_create(
        Task(goal=goal, title=f"Step of {goal.title}", due_date=days(10)) for goal in goals
    )
    return goals


def test_the_chart_shows_a_page_of_goals_with_links_to_the_others(owner_client, many):
    body = owner_client.get(URL, {"zoom": "2y", "page": "2"}).content.decode()
    rows = re.findall(r'class="tl-goal-title"[^>]*>([^<]+)<', body)
    assert rows == [f"Goal {n:02}" for n in range(10, 20)]
    assert "Goals 11–20 of 25 in this span" in body
    nav = re.search(r'<nav [^>]*aria-label="Pages of the timeline">.*?</nav>', body, re.S)
    assert nav
    assert 'aria-current="page">Page 2 of 3<' in nav[0]
    # Links keep the span and jump back to the chart.
    assert 'href="?zoom=2y#timeline-chart"' in nav[0]  # page 1 has no page number
    assert 'href="?zoom=2y&amp;page=3#timeline-chart"' in nav[0]
    # The list below holds the dates of these goals only.
    assert "Step of Goal 10" in body
    assert "Step of Goal 09" not in body
    assert "Step of Goal 20" not in body


@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("0", 3), ("-1", 3), ("999", 3)])
def test_a_bad_page_number_shows_a_real_page(owner_client, many, asked, shown):
    assert page(owner_client, page=asked).page_obj.number == shown


def test_one_page_needs_no_page_links(owner_client, owner):
    goal_for(owner, target_date=days(40))
    body = owner_client.get(URL).content.decode()
    assert 'class="pager' not in body
    assert "Goals 1–" not in body
