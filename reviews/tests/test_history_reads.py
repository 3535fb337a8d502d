"""The history page's reads: only the charts' year is loaded, and what the database counts
agrees with counting the rows one by one."""

import datetime
import random
from zoneinfo import ZoneInfo

import pytest
import time_machine

from goals.models import ChangeKind, GoalChange, Task
from goals.tests.factories import GoalFactory, TaskFactory
from reviews import history_reads, trends
from reviews.models import CheckIn, CheckInStatus
from reviews.tests.factories import CheckInFactory, GoalReviewFactory
from reviews.trends_planned import planned_vs_actual

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2027, 5, 10)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2027, 5, 10, 10, tzinfo=datetime.UTC), tick=False):
        yield


def month(user, start: D, **fields) -> CheckIn:
    end = trends.add_months(start, 1) - datetime.timedelta(days=1)
    return CheckInFactory(user=user, period_start=start, period_end=end, **fields)


def test_check_ins_before_the_charts_year_are_counted_but_not_loaded(owner):
    for n in range(30):
        month(owner, trends.add_months(D(2027, 4, 1), -n))
    month(owner, D(2027, 5, 1), status=CheckInStatus.DRAFT, submitted_at=None)
    floor = trends.window_floor(TODAY)
    assert floor == D(2026, 6, 1)
    loaded = history_reads.window_checkins(owner, floor=floor)
    assert [c.period_start for c in loaded] == [
        trends.add_months(D(2026, 6, 1), n) for n in range(11)
    ]
    counts = history_reads.checkin_counts(owner, floor=floor)
    assert (counts.total, counts.submitted, counts.earlier) == (31, 30, 19)
    start, _end = trends.history_window(loaded, today=TODAY, earlier=counts.earlier > 0)
    assert start == floor


def test_a_short_history_starts_the_charts_at_its_first_check_in(owner):
    month(owner, D(2027, 1, 1))
    floor = trends.window_floor(TODAY)
    loaded = history_reads.window_checkins(owner, floor=floor)
    counts = history_reads.checkin_counts(owner, floor=floor)
    window = trends.history_window(loaded, today=TODAY, earlier=counts.earlier > 0)
    assert window == (D(2027, 1, 1), D(2027, 6, 1))


def test_progress_is_loaded_for_the_goals_reviewed_most_recently_and_deleted_ones(owner):
    checkins = [month(owner, D(2027, n, 1)) for n in (1, 2, 3, 4)]
    goals = [GoalFactory(user=owner, title=f"Goal {n}") for n in range(4)]
    for checkin, goal in zip(checkins, goals, strict=True):
        GoalReviewFactory(checkin=checkin, goal=goal, progress=40)
    GoalReviewFactory(checkin=checkins[0], goal=None, goal_title="Gone", progress=10)
    GoalReviewFactory(checkin=checkins[3], goal=goals[0], progress=None)  # no progress given
    by_checkin = history_reads.goal_reviews(checkins, limit=2)
    loaded = {review.goal_title for reviews in by_checkin.values() for review in reviews}
    assert loaded == {"Goal 3", "Goal 2", "Goal 1", "Gone"}  # two shown, one to tell more


@pytest.mark.parametrize("seed", range(4))
def test_steps_and_moved_dates_counted_by_the_database_agree_with_counting_rows(owner, seed):
    rng = random.Random(seed)
    goals = [GoalFactory(user=owner) for _ in range(3)]
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
    window = {"start": D(2026, 12, 1), "end": D(2027, 6, 1), "today": TODAY, "zone": BERLIN}
    counted = history_reads.planned(owner, **window)
    # Steps whose day has not come yet never count (the page is about plans met so far).
    steps = Task.objects.for_user(owner).filter(due_date__lte=TODAY)
    rows = planned_vs_actual(steps, GoalChange.objects.filter(goal__user=owner), **window)
    assert counted.months == rows.months
    assert (counted.reschedules, counted.pushed_later, counted.goals_rescheduled) == (
        rows.reschedules,
        rows.pushed_later,
        rows.goals_rescheduled,
    )
    assert [bar.label for bar in counted.chart.bars] == [bar.label for bar in rows.chart.bars]
