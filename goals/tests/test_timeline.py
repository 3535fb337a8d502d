"""The goals timeline: the layout in Python, the page and its cost in queries."""

import datetime
import re

import pytest
import time_machine
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation

from goals import queries
from goals.charts import shapes, timeline
from goals.models import Goal, Horizon, Status, Task
from goals.tests.factories import GoalFactory, TaskFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)
FROZEN = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)
URL = "/goals/timeline/"


@pytest.fixture
def frozen():
    with time_machine.travel(FROZEN, tick=False):
        yield


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def aware(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def goal_for(owner, *, created: datetime.date = TODAY, **fields) -> Goal:
    return GoalFactory(user=owner, created_at=aware(created), **fields)


def layout(owner, zoom: str = "year") -> shapes.Timeline:
    """The timeline the view would build for ``owner``, with the same prefetch."""
    goals = (
        Goal.objects.for_user(owner)
        .by_priority()
        .prefetch_related(Prefetch("tasks", queryset=Task.objects.order_by("due_date", "pk")))
    )
    return timeline.build_timeline(list(goals), today=TODAY, zoom=zoom)


def row_of(chart: shapes.Timeline, goal: Goal) -> shapes.Row:
    return next(row for row in chart.rows if row.goal.pk == goal.pk)


# --- The window and the axis ----------------------------------------------------------


@pytest.mark.parametrize(
    ("zoom", "start", "end", "labels", "years"),
    [  # tick labels and the year under them, "-" for none
        ("quarter", "2026-02-01", "2026-05-01", "February March April", "2026 - -"),
        (
            "year",
            "2026-02-01",
            "2027-02-01",
            "Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Jan",
            "2026 - - - - - - - - - - 2027",
        ),
        ("2y", "2026-01-01", "2028-01-01", "Q1 Q2 Q3 Q4 Q1 Q2 Q3 Q4", "2026 - - - 2027 - - -"),
        # Oct-Dec 2025 is too narrow a band to label.
        ("5y", "2025-10-01", "2030-10-01", "- 2026 2027 2028 2029 2030", "- - - - - -"),
    ],
)
def test_each_zoom_has_its_window_and_ticks(owner, zoom, start, end, labels, years):
    chart = layout(owner, zoom)
    assert (chart.zoom, str(chart.start), str(chart.end)) == (zoom, start, end)
    assert [tick.label or "-" for tick in chart.ticks] == labels.split()
    assert [tick.sublabel or "-" for tick in chart.ticks] == years.split()
    assert chart.ticks[0].x == shapes.PLOT_LEFT
    assert [tick.x for tick in chart.ticks] == sorted(tick.x for tick in chart.ticks)


@pytest.mark.parametrize("zoom", list(shapes.ZOOMS))
def test_every_window_starts_on_a_month_before_today_and_ends_after_it(zoom):
    spec = shapes.ZOOMS[zoom]
    for offset in range(366):
        today = datetime.date(2026, 1, 1) + datetime.timedelta(days=offset)
        start, end = timeline.window(today, zoom)
        assert start.day == 1
        assert (today - start).days >= spec.lead_days
        assert today < end
        assert end == timeline.add_months(start, spec.months)


# --- Rows, bars and markers ------------------------------------------------------------


def test_a_bar_runs_from_the_start_to_the_target_inside_the_window(owner):
    goal = goal_for(owner, created=days(-5), target_date=days(60))
    TaskFactory(goal=goal, due_date=days(-20))  # an earlier step moves the start back
    bar = row_of(layout(owner), goal).bar
    scale = timeline._Scale(*timeline.window(TODAY, "year"))
    assert bar.x == scale.x(days(-20))
    assert bar.x + bar.width == pytest.approx(scale.x(days(60)), abs=0.1)
    assert (bar.continues_before, bar.continues_after) == (False, False)


def test_a_bar_is_clamped_at_both_edges_and_says_it_goes_on(owner):
    goal = goal_for(owner, created=days(-400), target_date=days(900))
    row = row_of(layout(owner), goal)
    assert (row.bar.x, row.bar.x + row.bar.width) == (shapes.PLOT_LEFT, shapes.PLOT_RIGHT)
    assert (row.bar.continues_before, row.bar.continues_after) == (True, True)
    assert all([row.before_arrow, row.after_arrow])
    assert row.target_x is None  # the target is beyond the window


def test_markers_are_milestone_diamonds_and_step_dots_inside_the_window_only(owner):
    goal = goal_for(owner, target_date=days(200))
    milestone = TaskFactory(goal=goal, due_date=days(30), is_milestone=True)
    step = TaskFactory(goal=goal, due_date=days(40))
    TaskFactory(goal=goal, due_date=days(500), title="Far away")
    TaskFactory(goal=goal, due_date=None, title="Some day")
    markers = {marker.task.pk: marker for marker in row_of(layout(owner), goal).markers}
    assert set(markers) == {milestone.pk, step.pk}
    assert markers[milestone.pk].points.count(",") == 4
    assert markers[step.pk].points == ""


def test_an_overdue_step_is_marked_and_a_done_one_is_not(owner, frozen):
    goal = goal_for(owner, created=days(-60), target_date=days(60))
    late = TaskFactory(goal=goal, due_date=days(-3))
    done = TaskFactory(goal=goal, due_date=days(-4), done_at=timezone.now())
    coming = TaskFactory(goal=goal, due_date=days(3))
    markers = {marker.task.pk: marker for marker in row_of(layout(owner), goal).markers}
    assert (markers[late.pk].is_overdue, markers[late.pk].is_done) == (True, False)
    assert (markers[done.pk].is_overdue, markers[done.pk].is_done) == (False, True)
    assert (markers[coming.pk].is_overdue, markers[coming.pk].is_done) == (False, False)


def test_an_overdue_goal_is_marked_from_its_target_to_today(owner):
    goal = goal_for(owner, created=days(-90), target_date=days(-7))
    chart = layout(owner)
    row = row_of(chart, goal)
    assert row.is_overdue
    assert row.overdue_from_x == row.target_x
    assert row.overdue_from_x < chart.today_x
    [target] = [item for group in chart.months for item in group.items if item.is_target]
    assert target.is_overdue


def test_overdue_dates_from_before_the_window_still_show(owner):
    goal = goal_for(owner, created=days(-400), target_date=days(-200))
    TaskFactory(goal=goal, due_date=days(-250))
    chart = layout(owner, "quarter")
    row = row_of(chart, goal)
    assert row.bar is None
    assert row.earlier_overdue == 1
    assert row.alert_before
    assert row.overdue_from_x == shapes.PLOT_LEFT
    assert [(item.date, item.is_overdue) for item in _items(chart)] == [
        (days(-250), True),
        (days(-200), True),
    ]


def test_achieved_and_dropped_goals_are_muted_and_below_open_ones(owner):
    achieved = goal_for(owner, status=Status.ACHIEVED, target_date=days(10), priority=0)
    dropped = goal_for(owner, status=Status.DROPPED, target_date=days(20), priority=1)
    active = goal_for(owner, target_date=days(30), priority=2)
    TaskFactory(goal=dropped, due_date=days(-5))  # left undone, but the goal is closed
    chart = layout(owner)
    assert [row.goal for row in chart.rows] == [active, achieved, dropped]
    assert [row.is_muted for row in chart.rows] == [False, True, True]
    assert not any(item.is_overdue for item in _items(chart))
    assert [item.is_done for item in _items(chart) if item.goal == achieved] == [True]


def test_goals_without_any_date_are_counted_not_drawn(owner):
    goal_for(owner, target_date=None)
    undated_steps = goal_for(owner, target_date=None)
    TaskFactory(goal=undated_steps, due_date=None)
    steps_only = goal_for(owner, target_date=None)
    TaskFactory(goal=steps_only, due_date=days(20))
    chart = layout(owner)
    assert chart.undated_count == 2
    assert [row.goal for row in chart.rows] == [steps_only]
    assert not row_of(chart, steps_only).bar.continues_after


def test_dates_follow_the_persons_time_zone(owner_client, owner):
    # 23:30 UTC on the 31st is already 1 April in Berlin, the owner's zone.
    with time_machine.travel(datetime.datetime(2026, 3, 31, 23, 30, tzinfo=datetime.UTC)):
        goal_for(owner, target_date=datetime.date(2026, 6, 1))
        Goal.objects.update(created_at=timezone.now())
        chart = owner_client.get(URL).context["timeline"]
    april_first = datetime.date(2026, 4, 1)
    assert chart.today == april_first
    assert chart.rows[0].bar.x == timeline._Scale(chart.start, chart.end).x(april_first)


# --- The list ------------------------------------------------------------------------


def _items(chart: shapes.Timeline) -> list[shapes.ListItem]:
    return [item for group in chart.months for item in group.items]


def test_the_list_holds_the_same_items_as_the_chart_by_month(owner):
    first = goal_for(owner, created=days(-30), target_date=days(45))
    second = goal_for(owner, created=days(-30), target_date=days(25))
    TaskFactory(goal=first, due_date=days(5), is_milestone=True)
    TaskFactory(goal=second, due_date=days(5))
    TaskFactory(goal=second, due_date=days(400))  # outside the year: in neither
    chart = layout(owner)
    drawn_tasks = {marker.task.pk for row in chart.rows for marker in row.markers}
    drawn_targets = {row.goal.pk for row in chart.rows if row.target_x is not None}
    items = _items(chart)
    assert {item.task.pk for item in items if not item.is_target} == drawn_tasks
    assert {item.goal.pk for item in items if item.is_target} == drawn_targets
    assert [item.date for item in items] == sorted(item.date for item in items)
    assert [group.month for group in chart.months] == [
        datetime.date(2026, 3, 1),
        datetime.date(2026, 4, 1),
    ]
    assert all(
        item.date.replace(day=1) == group.month for group in chart.months for item in group.items
    )


# --- The page ------------------------------------------------------------------------


def test_the_page_draws_an_accessible_chart_and_the_list(owner_client, owner, frozen):
    title = "Become the person my team calls when production is on fire"
    goal = goal_for(owner, title=title, target_date=days(40))
    TaskFactory(goal=goal, title="Write the migration plan", due_date=days(10))
    response = owner_client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert re.search(r'<svg[^>]*role="img"[^>]*aria-labelledby="timeline-svg-title"', body)
    assert '<title id="timeline-svg-title">Timeline of your goals, February 2026' in body
    assert '<desc id="timeline-svg-desc">1 goal drawn as a bar' in body
    assert ">Today</text>" in body
    assert ">Mar</text>" in body
    assert body.count("Write the migration plan") == 2  # marker tooltip and list
    assert f'href="{goal.get_absolute_url()}"' in body
    # The chart shortens a long title; the tooltip and the list keep it whole.
    assert ">Become the person my team…</text>" in body
    assert body.count(title) == 3  # the tooltip, the target and the step's goal in the list
    assert 'id="timeline-list"' in body
    assert "css/timeline.css" in body


def test_the_page_keeps_to_the_csp_and_escapes_titles(owner_client, owner, frozen):
    goal_for(owner, title="<script>alert(1)</script>", target_date=days(40))
    body = owner_client.get(URL).content.decode()
    assert "style=" not in body
    assert "<style" not in body
    # Scripts only come from files (base.html); none inline, none from a goal's title.
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", body))
    assert "&lt;script&gt;alert(1)" in body


def test_another_persons_goals_never_appear(owner_client, owner, other_user, frozen):
    goal_for(owner, title="Mine to see", target_date=days(40))
    theirs = goal_for(other_user, title="Oscar's secret plan", target_date=days(40))
    TaskFactory(goal=theirs, title="Oscar's hidden step", due_date=days(5))
    body = owner_client.get(URL, {"status": "all", "zoom": "5y"}).content.decode()
    assert "Mine to see" in body
    assert "Oscar" not in body
    assert "secret plan" not in body
    assert "hidden step" not in body


def test_visitors_must_sign_in(anon_client):
    response = anon_client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({}, {"Active", "Paused", "Achieved", "Long"}),  # dropped goals are left out
        ({"status": "dropped"}, {"Dropped"}),
        ({"status": "all"}, {"Active", "Paused", "Achieved", "Dropped", "Long"}),
        ({"horizon": "long"}, {"Long"}),
        ({"horizon": "short", "status": "achieved"}, {"Achieved"}),
    ],
)
def test_filters_by_status_and_horizon(owner_client, owner, frozen, query, shown):
    for value in Status:
        goal_for(owner, title=f"{value.label} goal", status=value, target_date=days(40))
    goal_for(owner, title="Long goal", horizon=Horizon.LONG, target_date=days(300))
    chart = owner_client.get(URL, query).context["timeline"]
    assert {row.goal.title for row in chart.rows} == {f"{label} goal" for label in shown}


@pytest.mark.parametrize(
    ("zoom", "drawn", "tick"), [("quarter", "quarter", "February"), ("decade", "year", "Feb")]
)
def test_the_zoom_is_chosen_in_the_form_and_a_bad_one_shows_a_year(
    owner_client, owner, frozen, zoom, drawn, tick
):
    goal_for(owner, target_date=days(40))
    response = owner_client.get(URL, {"zoom": zoom})
    assert response.status_code == 200
    assert response.context["timeline"].zoom == drawn
    body = response.content.decode()
    assert f">{tick}</text>" in body
    assert f'<option value="{drawn}" selected>' in body


def test_an_empty_timeline_invites_a_first_goal(owner_client):
    response = owner_client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Your timeline is empty" in body
    assert '<svg class="timeline-svg"' not in body


def long_finished(owner) -> Goal:
    """Achieved ten months ago, aimed at a year ago: before the year on screen."""
    return goal_for(
        owner,
        status=Status.ACHIEVED,
        status_changed_at=aware(days(-290)),
        created=days(-500),
        target_date=days(-300),
    )


def test_undated_and_long_finished_goals_are_mentioned(owner_client, owner, frozen):
    goal_for(owner, target_date=days(40))
    goal_for(owner, target_date=None)
    long_finished(owner)
    body = owner_client.get(URL).content.decode()
    assert "1 goal has no target date and no dated steps" in body
    assert "1 goal ended before this span" in body


def test_only_long_finished_goals_say_so_instead_of_an_empty_chart(owner_client, owner, frozen):
    long_finished(owner)
    body = owner_client.get(URL).content.decode()
    assert "Nothing in this span" in body
    assert reverse("goals:archive") in body
    assert 'role="img"' not in body


# --- Cost ----------------------------------------------------------------------------


def _seed(user, goals: int, tasks_per_goal: int) -> None:
    statuses = [Status.ACTIVE, Status.PAUSED, Status.ACHIEVED]
    created = Goal.objects.bulk_create(
        Goal(user=user, title=f"Goal {n}", status=statuses[n % 3], target_date=days(n % 300 - 30))
        for n in range(goals)
    )
    done_at = timezone.now()
    Task.objects.bulk_create(
        Task(
            goal=goal,
            title=f"Step {n}",
            due_date=days(n * 9 - 20),
            is_milestone=n % 4 == 0,
            done_at=done_at if n % 3 else None,
        )
        for goal in created
        for n in range(tasks_per_goal)
    )


@pytest.mark.parametrize(("goals", "tasks"), [(1, 1), (60, 10)], ids=["1-goal", "60-goals"])
@pytest.mark.parametrize("page", ["1", "3"])
def test_the_timeline_costs_the_same_queries_for_1_or_60_goals(
    owner_client, owner, frozen, django_assert_num_queries, goals, tasks, page
):
    _seed(owner, goals, tasks)
    # 1 session, 2 user, 3 how many goals are drawn, undated or outside the span (one
    # aggregate), 4 a page of the goals drawn with the span of their steps, 5 those goals'
    # steps in the span or overdue (one prefetch for the page)
    with django_assert_num_queries(5):
        response = owner_client.get(URL, {"status": "all", "page": page})
    assert response.status_code == 200
    chart = response.context["timeline"]
    assert chart.page_obj.paginator.count == goals
    expected = goals if goals <= queries.ROWS_PER_PAGE else queries.ROWS_PER_PAGE
    assert len(chart.rows) == expected


@pytest.mark.parametrize(("language", "wide_enough"), [("en", 56), ("fr", 90), ("es", 56)])
def test_the_today_pill_fits_its_word_in_each_language(owner, language, wide_enough):
    goal_for(owner, target_date=days(60))
    with translation.override(language):
        chart = layout(owner)
    assert chart.today_pill_width >= wide_enough
    assert chart.today_label_x == round(chart.today_pill_x + chart.today_pill_width / 2, 1)
    assert chart.today_pill_x + chart.today_pill_width <= shapes.PLOT_RIGHT
