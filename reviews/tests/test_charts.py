"""The trend and quarter computations, on fixed dates."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from goals.models import ChangeKind, Goal, GoalChange, Status, Task
from goals.tests.factories import GoalFactory, TaskFactory
from reviews import cadence, queries
from reviews.cadence import Cadence, next_period, quarter_bounds
from reviews.charts import history
from reviews.charts import quarter as quarter_charts
from reviews.charts.axes import period_label
from reviews.charts.planned import planned_chart
from reviews.models import CheckIn, CheckInStatus, Reflection
from reviews.queries.quarter import QuarterRows
from reviews.tests.factories import (
    GoalReviewFactory,
    ReflectionPromptFactory,
    month_checkin,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tenth_of_may_2027")]
D = datetime.date
TODAY = D(2027, 5, 10)
BERLIN = ZoneInfo("Europe/Berlin")


def at(day: D, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


def month(user, year: int, number: int, **fields) -> CheckIn:
    return month_checkin(user, D(year, number, 1), **fields)


def loaded(user) -> list[CheckIn]:
    """The person's check-ins as the views load them: newest first, reviews prefetched."""
    return list(CheckIn.objects.for_user(user).prefetch_related("goal_reviews"))


# --- Labels and lines ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cadence", "start", "end", "label"),
    [
        (Cadence.MONTHLY, D(2027, 3, 1), D(2027, 3, 31), "March 2027"),
        (Cadence.QUARTERLY, D(2027, 4, 1), D(2027, 6, 30), "Q2 2027"),
        (Cadence.WEEKLY, D(2027, 3, 8), D(2027, 3, 14), "8 Mar – 14 Mar 2027"),
        (Cadence.FORTNIGHTLY, D(2026, 12, 28), D(2027, 1, 10), "28 Dec 2026 – 10 Jan 2027"),
    ],
)
def test_a_check_in_is_named_after_its_period(cadence, start, end, label):
    checkin = CheckIn(period_start=start, period_end=end, cadence=cadence)
    assert period_label(checkin) == label


def test_the_one_line_summary_counts_goals_by_status(owner):
    checkin = month(owner, 2027, 3, satisfaction=4, energy=2)
    for status in ("on_track", "at_risk", "on_track"):
        GoalReviewFactory(checkin=checkin, goal=GoalFactory(user=owner), status=status)
    [line] = history.checkin_lines(loaded(owner))
    assert line.label == "March 2027"
    assert line.summary == "Satisfaction 4/5 · Energy 2/5 · 3 goals: 2 on track, 1 at risk"


def test_an_empty_check_in_still_gets_a_line(owner):
    month(owner, 2027, 3, satisfaction=None, energy=None, status=CheckInStatus.DRAFT)
    [line] = history.checkin_lines(loaded(owner))
    assert line.summary == "Nothing scored or reviewed."


# --- The charts' months ----------------------------------------------------------------


def test_the_charts_cover_the_last_twelve_months_of_a_long_history(owner):
    for year, number in ((2025, 1), (2026, 2), (2027, 4)):
        month(owner, year, number)
    assert cadence.history_window(loaded(owner), today=TODAY) == (D(2026, 6, 1), D(2027, 6, 1))


def test_the_charts_start_at_the_first_check_in_but_span_at_least_a_quarter(owner):
    month(owner, 2027, 1)
    assert cadence.history_window(loaded(owner), today=TODAY)[0] == D(2027, 1, 1)
    assert cadence.history_window([], today=TODAY) == (D(2027, 3, 1), D(2027, 6, 1))


def test_the_mood_chart_plots_submitted_scores_in_time_order(owner):
    month(owner, 2027, 3, satisfaction=5, energy=None)
    month(owner, 2027, 1, satisfaction=1, energy=2)
    month(owner, 2027, 2, satisfaction=3, energy=4, status=CheckInStatus.DRAFT)
    mood = history.mood_trend(loaded(owner), start=D(2027, 1, 1), end=D(2027, 7, 1))
    satisfaction, energy = mood.chart.series
    assert [p.value for p in satisfaction.points] == [1, 5]  # the draft is left out
    assert [p.value for p in energy.points] == [2]  # no energy given in March
    first, last = satisfaction.points
    assert first.x < last.x
    assert first.y == mood.chart.bottom  # 1 sits on the axis, 5 at the top
    assert last.y == mood.chart.top
    assert len(satisfaction.segments) == 1
    assert first.label == "January 2027: Satisfaction 1 of 5"
    assert mood.rows == [("January 2027", 1, 2), ("March 2027", 5, None)]
    assert (mood.satisfaction, mood.energy) == (3, 2)
    assert [t.label for t in mood.chart.x_ticks] == ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    assert mood.chart.x_ticks[0].sublabel == "2027"


def test_the_quarter_band_covers_its_three_months(owner):
    period = quarter_bounds(2027, 1)
    mood = history.mood_trend([], start=D(2026, 4, 1), end=D(2027, 4, 1), highlight=period)
    x, width = mood.chart.band
    assert x == mood.chart.x_ticks[9].pos  # January
    assert x + width == pytest.approx(100, abs=0.01)


# --- Progress per goal -----------------------------------------------------------------


def test_each_goal_gets_its_own_progress_line_most_recent_first(owner):
    kept = GoalFactory(user=owner, title="Speak at a meetup")
    gone = GoalFactory(user=owner, title="An old plan")
    for number, progress in ((1, 10), (2, 40), (3, 35)):
        GoalReviewFactory(checkin=month(owner, 2027, number), goal=kept, progress=progress)
    GoalReviewFactory(checkin=CheckIn.objects.get(period_start=D(2027, 1, 1)), goal=gone)
    gone.delete()  # its reviews keep the title
    GoalReviewFactory(
        checkin=CheckIn.objects.get(period_start=D(2027, 3, 1)), goal=None, progress=None
    )
    lines = history.goal_trends(loaded(owner), start=D(2027, 1, 1), end=D(2027, 6, 1))
    assert [(t.goal_id, t.title) for t in lines] == [(kept.pk, kept.title), (None, "An old plan")]
    assert [p.value for p in lines[0].chart.series[0].points] == [10, 40, 35]
    assert lines[0].latest == 35
    assert lines[0].chart.desc == "From 10% to 35% over 3 check-ins."
    assert lines[0].chart.id != lines[1].chart.id


def test_a_progress_point_shows_its_status(owner):
    goal = GoalFactory(user=owner)
    GoalReviewFactory(checkin=month(owner, 2027, 2), goal=goal, progress=30, status="off_track")
    [line] = history.goal_trends(loaded(owner), start=D(2027, 1, 1), end=D(2027, 6, 1))
    [point] = line.chart.series[0].points
    assert point.css == "is-off_track"
    assert point.label == "February 2027: 30%, off track"
    assert line.rows == [("February 2027", 30, "Off track")]


# --- Planned against actual ------------------------------------------------------------


def planned(owner, **kwargs) -> queries.PlannedVsActual:
    window = {"start": D(2027, 1, 1), "end": D(2027, 6, 1), "today": TODAY, "zone": BERLIN}
    return queries.planned(owner, **(window | kwargs))


def test_steps_count_as_on_time_late_or_still_open(owner):
    goal = GoalFactory(user=owner)
    TaskFactory(goal=goal, due_date=D(2027, 2, 10), done_at=at(D(2027, 2, 9)))  # on time
    TaskFactory(goal=goal, due_date=D(2027, 2, 10), done_at=at(D(2027, 2, 10)))  # on the day
    TaskFactory(goal=goal, due_date=D(2027, 3, 1), done_at=at(D(2027, 3, 4)))  # late
    TaskFactory(goal=goal, due_date=D(2027, 4, 1), done_at=None)  # still open
    TaskFactory(goal=goal, due_date=TODAY, done_at=None)  # today: not late yet
    TaskFactory(goal=goal, due_date=D(2027, 5, 20), done_at=None)  # still ahead
    TaskFactory(goal=goal, due_date=D(2026, 12, 31), done_at=None)  # before the span
    result = planned(owner)
    assert (result.total.due, result.total.on_time, result.total.late) == (4, 2, 1)
    assert result.total.still_open == 1
    assert result.share == 50
    assert [m.due for m in result.months] == [0, 2, 1, 1, 0]


def test_a_step_done_late_in_the_evening_is_late_in_the_persons_time_zone(owner):
    # 23:30 UTC on the due date is already the next day in Berlin.
    late_night = datetime.datetime(2027, 2, 10, 23, 30, tzinfo=datetime.UTC)
    TaskFactory(goal=GoalFactory(user=owner), due_date=D(2027, 2, 10), done_at=late_night)
    assert planned(owner).total.late == 1
    assert planned(owner, zone=datetime.UTC).total.on_time == 1


def test_only_moved_dates_count_as_reschedules(owner):
    goal, other = GoalFactory(user=owner), GoalFactory(user=owner)
    for target, old, new, when in (
        (goal, "", "2027-06-01", D(2027, 2, 1)),  # a first date: not a reschedule
        (goal, "2027-06-01", "2027-08-01", D(2027, 3, 1)),  # later
        (goal, "2027-08-01", "2027-07-01", D(2027, 4, 1)),  # earlier
        (other, "2027-04-01", "2027-09-01", D(2027, 4, 2)),  # later
        (other, "2027-09-01", "2027-12-01", D(2026, 11, 1)),  # before the span
    ):
        GoalChange.objects.create(
            goal=target,
            kind=ChangeKind.RESCHEDULED,
            old_value=old,
            new_value=new,
            created_at=at(when),
        )
    result = planned(owner)
    assert (result.reschedules, result.pushed_later, result.goals_rescheduled) == (3, 2, 2)


def test_the_planned_chart_has_two_bars_a_month_on_a_round_scale(owner):
    goal = GoalFactory(user=owner)
    for day in (3, 4, 5):
        TaskFactory(goal=goal, due_date=D(2027, 2, day), done_at=at(D(2027, 2, 1)))
    TaskFactory(goal=goal, due_date=D(2027, 3, 2), done_at=None)
    chart = planned_chart(planned(owner).months, D(2027, 1, 1), D(2027, 6, 1))
    assert [t.label for t in chart.y_ticks] == ["0", "1", "2", "3"]
    due, on_time, march = chart.bars
    assert due.label == "February 2027: 3 due"
    assert on_time.label == "February 2027: 3 on time"
    assert due.height == on_time.height == pytest.approx(chart.bottom - chart.top)
    assert march.css == "is-due"


# --- The quarter -----------------------------------------------------------------------


def quarter(owner, year=2027, number=1) -> quarter_charts.QuarterSummary:
    """The summary as the view builds it, from the same rows."""
    period = quarter_bounds(year, number)
    window = {"start": period.start, "end": period.end + datetime.timedelta(days=1)}
    rows = QuarterRows(
        period=period,
        following=next_period(period, Cadence.QUARTERLY, period.start),
        checkins=loaded(owner),
        reflections=Reflection.objects.filter(checkin__user=owner).select_related(
            "checkin", "prompt"
        ),
        goals=Goal.objects.for_user(owner),
        changes=list(GoalChange.objects.filter(goal__user=owner)),
        tasks=(tasks := list(Task.objects.for_user(owner).select_related("goal"))),
        tasks_total=len(tasks),  # fewer than the summary names: nothing more to count
        planned=queries.planned(owner, **window, today=TODAY, zone=BERLIN),
        steps_done=queries.steps_done(owner, **window, zone=BERLIN),
        zone=BERLIN,
    )
    return quarter_charts.quarter_summary(rows)


def status_change(goal, new: str, day: D) -> None:
    GoalChange.objects.create(goal=goal, kind=ChangeKind.STATUS, new_value=new, created_at=at(day))


def test_goals_achieved_in_the_quarter(owner):
    logged = GoalFactory(user=owner, title="Logged", status=Status.ACHIEVED)
    status_change(logged, Status.ACHIEVED, D(2027, 2, 14))
    unlogged = GoalFactory(
        user=owner, title="Unlogged", status=Status.ACHIEVED, status_changed_at=at(D(2027, 3, 2))
    )
    reopened = GoalFactory(user=owner, title="Reopened", status=Status.ACTIVE)
    status_change(reopened, Status.ACHIEVED, D(2027, 1, 10))
    status_change(reopened, Status.ACTIVE, D(2027, 1, 20))
    GoalFactory(user=owner, status=Status.ACHIEVED, status_changed_at=at(D(2026, 12, 30)))
    achieved = quarter(owner).achieved
    assert [(line.goal_id, line.day) for line in achieved] == [
        (logged.pk, D(2027, 2, 14)),
        (unlogged.pk, D(2027, 3, 2)),
    ]


def test_progress_is_measured_from_where_the_goal_stood_before_the_quarter(owner):
    older = GoalFactory(user=owner, title="Older", created_at=at(D(2026, 6, 1)))
    newer = GoalFactory(user=owner, title="Newer", created_at=at(D(2027, 1, 15)))
    unseen = GoalFactory(user=owner, title="Unseen before", created_at=at(D(2026, 6, 1)))
    stuck = GoalFactory(user=owner, title="Stuck", created_at=at(D(2026, 6, 1)))
    december, january, march = month(owner, 2026, 12), month(owner, 2027, 1), month(owner, 2027, 3)
    GoalReviewFactory(checkin=december, goal=older, progress=20)
    GoalReviewFactory(checkin=december, goal=stuck, progress=50)
    GoalReviewFactory(checkin=january, goal=unseen, progress=30)
    for goal, progress in ((older, 60), (newer, 25), (unseen, 45), (stuck, 50)):
        GoalReviewFactory(checkin=march, goal=goal, progress=progress)
    GoalReviewFactory(checkin=month(owner, 2027, 4), goal=older, progress=90)  # next quarter
    progressed = quarter(owner).progressed
    assert [(line.title, line.before, line.after) for line in progressed] == [
        ("Older", 20, 60),
        ("Newer", 0, 25),
        ("Unseen before", 30, 45),
    ]


def test_goals_that_slipped_say_why(owner):
    moved = GoalFactory(user=owner, title="Moved later")
    GoalChange.objects.create(
        goal=moved,
        kind=ChangeKind.RESCHEDULED,
        old_value="2027-03-01",
        new_value="2027-05-01",
        reason="Two people left the team.",
        created_at=at(D(2027, 2, 2)),
    )
    risky = GoalFactory(user=owner, title="At risk at the end")
    recovered = GoalFactory(user=owner, title="Recovered")
    done = GoalFactory(user=owner, title="Done anyway", status=Status.ACHIEVED)
    status_change(done, Status.ACHIEVED, D(2027, 3, 20))
    february, march = month(owner, 2027, 2), month(owner, 2027, 3)
    GoalReviewFactory(checkin=february, goal=recovered, status="off_track")
    GoalReviewFactory(checkin=march, goal=recovered, status="on_track")
    GoalReviewFactory(checkin=march, goal=risky, status="at_risk", note="No budget.")
    GoalReviewFactory(checkin=march, goal=done, status="off_track")
    slipped = {line.title: line.notes for line in quarter(owner).slipped}
    assert slipped == {
        "Moved later": ["Target moved from 1 Mar 2027 to 1 May 2027. Two people left the team."],
        "At risk at the end": ["At risk at the check-in for March 2027. No budget."],
    }


def test_reflections_are_grouped_by_prompt_in_the_admins_order(owner):
    second = ReflectionPromptFactory(text="What drained you?", order=2)
    first = ReflectionPromptFactory(text="What went well?", order=1)
    for number in (3, 1, 2):
        checkin = month(owner, 2027, number)
        for prompt in (second, first):
            answer = "" if number == 2 and prompt == second else f"{prompt.order}/{number}"
            Reflection.objects.create(
                checkin=checkin, prompt=prompt, prompt_text=prompt.text, answer=answer
            )
    Reflection.objects.create(
        checkin=month(owner, 2027, 4), prompt=first, prompt_text=first.text, answer="April"
    )
    reflections = quarter(owner).reflections
    assert reflections == [
        (
            "What went well?",
            [("January 2027", "1/1"), ("February 2027", "1/2"), ("March 2027", "1/3")],
        ),
        ("What drained you?", [("January 2027", "2/1"), ("March 2027", "2/3")]),
    ]


def test_the_next_quarters_open_steps_and_targets_come_up(owner):
    goal = GoalFactory(user=owner, title="Mentor", target_date=D(2027, 6, 30))
    TaskFactory(goal=goal, title="Ask Priya", due_date=D(2027, 4, 5))
    TaskFactory(goal=goal, title="Done already", due_date=D(2027, 4, 6), done_at=at(D(2027, 4, 1)))
    TaskFactory(goal=goal, title="Too far", due_date=D(2027, 7, 1))
    dropped = GoalFactory(user=owner, status=Status.DROPPED, target_date=D(2027, 5, 1))
    TaskFactory(goal=dropped, title="Dropped step", due_date=D(2027, 5, 2))
    coming = quarter(owner).coming_up
    assert [(item.day, item.title, item.is_target) for item in coming] == [
        (D(2027, 4, 5), "Ask Priya", False),
        (D(2027, 6, 30), "Mentor", True),
    ]


def test_a_quarter_without_anything_is_empty(owner):
    summary = quarter(owner, 2020, 3)
    assert summary.is_empty
    assert summary.label == "Q3 2020"


@pytest.mark.parametrize(
    ("year", "number", "steps", "expected"),
    [
        (2027, 1, -1, (2026, 4)),
        (2027, 4, 1, (2028, 1)),
        (2, 1, -1, None),
        (9998, 4, 1, None),
    ],
)
def test_quarters_step_across_years_and_stop_at_the_calendars_ends(year, number, steps, expected):
    assert cadence.quarter_step(year, number, steps) == expected


@pytest.mark.parametrize(
    ("year", "number", "exists"),
    [(2027, 1, True), (2027, 0, False), (2027, 5, False), (0, 1, False)],
)
def test_only_real_quarters_exist(year, number, exists):
    assert cadence.quarter_exists(year, number) is exists


def test_the_mood_charts_description_is_in_the_readers_language(owner):
    # Its last sentence was once translated inside an f-string, which xgettext does not read.
    month(owner, 2027, 1, satisfaction=1, energy=2)
    with translation.override("fr"):
        mood = history.mood_trend(loaded(owner), start=D(2027, 1, 1), end=D(2027, 7, 1))
    assert mood.chart.desc.endswith(
        "Les mêmes chiffres figurent dans le tableau qui accompagne le graphique."
    )
