"""The history page's reads: only the charts' year is loaded, and what the database counts
agrees with counting the rows one by one."""

import datetime
import random
from zoneinfo import ZoneInfo

import pytest

from goals.models import ChangeKind, Goal, GoalChange, Task
from goals.tests.factories import GoalFactory, TaskFactory
from reviews import cadence, queries
from reviews.charts.quarter import moved_dates
from reviews.models import CheckInStatus
from reviews.queries import history as history_queries
from reviews.tests.factories import GoalReviewFactory, month_checkin

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tenth_of_may_2027")]
D = datetime.date
TODAY = D(2027, 5, 10)
BERLIN = ZoneInfo("Europe/Berlin")


def test_check_ins_before_the_charts_year_are_counted_but_not_loaded(owner):
    for n in range(30):
        month_checkin(owner, cadence.add_months(D(2027, 4, 1), -n))
    month_checkin(owner, D(2027, 5, 1), status=CheckInStatus.DRAFT, submitted_at=None)
    floor = cadence.window_floor(TODAY)
    assert floor == D(2026, 6, 1)
    loaded = history_queries.window_checkins(owner, floor=floor)
    assert [c.period_start for c in loaded] == [
        cadence.add_months(D(2026, 6, 1), n) for n in range(11)
    ]
    counts = history_queries.checkin_counts(owner, floor=floor)
    assert (counts.total, counts.submitted, counts.earlier) == (31, 30, 19)
    start, _end = cadence.history_window(loaded, today=TODAY, earlier=counts.earlier > 0)
    assert start == floor


def test_a_short_history_starts_the_charts_at_its_first_check_in(owner):
    month_checkin(owner, D(2027, 1, 1))
    floor = cadence.window_floor(TODAY)
    loaded = history_queries.window_checkins(owner, floor=floor)
    counts = history_queries.checkin_counts(owner, floor=floor)
    window = cadence.history_window(loaded, today=TODAY, earlier=counts.earlier > 0)
    assert window == (D(2027, 1, 1), D(2027, 6, 1))


def test_progress_is_loaded_for_the_goals_reviewed_most_recently_and_deleted_ones(owner):
    checkins = [month_checkin(owner, D(2027, n, 1)) for n in (1, 2, 3, 4)]
    goals = [GoalFactory(user=owner, title=f"Goal {n}") for n in range(4)]
    for checkin, goal in zip(checkins, goals, strict=True):
        GoalReviewFactory(checkin=checkin, goal=goal, progress=40)
    GoalReviewFactory(checkin=checkins[0], goal=None, goal_title="Gone", progress=10)
    GoalReviewFactory(checkin=checkins[3], goal=goals[0], progress=None)  # no progress given
    by_checkin = history_queries.goal_reviews(checkins, limit=2)
    loaded = {review.goal_title for reviews in by_checkin.values() for review in reviews}
    assert loaded == {"Goal 3", "Goal 2", "Goal 1", "Gone"}  # two shown, one to tell more


@pytest.mark.parametrize("seed", range(4))
def test_steps_and_moved_dates_counted_by_the_database_agree_with_counting_rows(owner, seed):
    """The database's counts (the one definition every page uses) against the rule
    written out by hand over the same rows."""
    rng = random.Random(seed)
    goals = [GoalFactory(user=owner) for _ in range(3)]
    Goal.objects.filter(pk=goals[2].pk).update(status=rng.choice(["dropped", "achieved"]))
    for _ in range(60):
        due = TODAY - datetime.timedelta(days=rng.randint(-20, 200))
        done = None
        if rng.random() < 0.7:  # done some days around the due date, at any hour
            day = due + datetime.timedelta(days=rng.randint(-3, 3))
            done = datetime.datetime.combine(day, datetime.time(rng.randint(0, 23), 30))
            done = done.replace(tzinfo=datetime.UTC)
        TaskFactory(goal=rng.choice(goals), due_date=due, done_at=done)
    TaskFactory(goal=goals[0], due_date=None)
    for _ in range(15):
        old = D(2027, 1, 1) + datetime.timedelta(days=rng.randint(0, 200))
        new = old + datetime.timedelta(days=rng.randint(-60, 60))
        when = datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.UTC)
        GoalChange.objects.create(
            goal=rng.choice(goals),
            kind=rng.choice([ChangeKind.RESCHEDULED, ChangeKind.STATUS]),
            old_value=rng.choice([old.isoformat(), ""]),
            new_value=new.isoformat(),
            created_at=when + datetime.timedelta(days=rng.randint(0, 200)),
        )
    start, end = D(2026, 12, 1), D(2027, 6, 1)
    counted = queries.planned(owner, start=start, end=end, today=TODAY, zone=BERLIN)
    months = queries.month_counts(start, end)
    for task in Task.objects.for_user(owner).select_related("goal"):
        due = task.due_date
        done = task.done_at.astimezone(BERLIN).date() if task.done_at else None
        if due is None or not start <= due < end:
            continue
        if done is None and (due >= TODAY or task.goal.is_closed):
            continue  # not late yet, or closed with its goal
        count = months[due.replace(day=1)]
        count.due += 1
        if done is None:
            count.still_open += 1
        elif done <= due:
            count.on_time += 1
        else:
            count.late += 1
    assert counted.months == list(months.values())
    moves = [
        (c.goal_id, moved_dates(c))
        for c in GoalChange.objects.filter(goal__user=owner, kind=ChangeKind.RESCHEDULED)
        if start <= c.created_at.astimezone(BERLIN).date() < end and moved_dates(c)
    ]
    assert counted.reschedules == len(moves)
    assert counted.pushed_later == sum(1 for _goal, (old, new) in moves if new > old)
    assert counted.goals_rescheduled == len({goal for goal, _dates in moves})
