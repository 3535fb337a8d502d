"""A quarter's summary's reads, for the quarter the view computed once."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, Window

from goals.models import CLOSED_STATUSES, ChangeKind, Goal, GoalChange, Status, Task
from reviews.cadence import Cadence, Period, next_period, quarter_window
from reviews.models import CheckIn, GoalReview, Reflection, Win
from reviews.queries import PlannedVsActual, planned, steps_done

# Only what the computations read, so the rows stay small with years of history.
CHECKIN_FIELDS = ("period_start", "period_end", "cadence", "status", "satisfaction", "energy")
QUARTER_REVIEW_FIELDS = ("checkin", "goal", "goal_title", "progress", "status", "note")
CHANGE_FIELDS = ("goal", "kind", "old_value", "new_value", "reason", "created_at")
GOAL_FIELDS = ("title", "status", "status_changed_at", "created_at", "target_date")
TASK_FIELDS = ("goal", "title", "due_date", "done_at")
# The summary names the first steps and targets of the next quarter, and counts the rest.
COMING_UP = 12


@dataclass(frozen=True)
class QuarterRows:
    period: Period
    following: Period  # the next quarter, for what is coming up
    checkins: list[CheckIn]  # submitted up to the quarter's end, with their goal reviews
    reflections: list[Reflection]  # answered in the quarter's check-ins
    goals: list[Goal]  # those the summary can name (``summary_goals``)
    changes: list[GoalChange]  # status changes and reschedules made in the quarter
    tasks: list[Task]  # the first open ones due in the following quarter, goals in ``goals``
    tasks_total: int  # how many open ones are due then
    planned: PlannedVsActual
    steps_done: int
    zone: datetime.tzinfo


def _midnight(day: datetime.date, zone) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


def summary_checkins(submitted, *, period: Period):
    """Of ``submitted`` (the check-ins up to the quarter's end), those the summary reads:
    those the chart's year reaches, and before it only those that recorded progress on a
    goal reviewed in the quarter (where it stood before). Ten years of history add no
    rows the page does not use. The earlier ones are found from those goals' own reviews
    (by the goal's index), and a deleted goal's by its title among the person's own: one
    condition with both, beside a crowd, had the planner read everyone's reviews."""
    progress = GoalReview.objects.filter(progress__isnull=False)
    inside = progress.filter(checkin__in=submitted.filter(period_start__gte=period.start))
    by_goal = progress.filter(goal__in=inside.filter(goal__isnull=False).values("goal"))
    # A deleted goal keeps its reviews under its title (reviews.charts.axes.goal_key).
    by_title = progress.filter(
        checkin__in=submitted,
        goal__isnull=True,
        goal_title__in=inside.filter(goal__isnull=True).values("goal_title"),
    )
    chart_start, _end = quarter_window(period)
    return submitted.filter(
        Q(period_end__gte=chart_start)
        | Q(pk__in=by_goal.values("checkin"))
        | Q(pk__in=by_title.values("checkin"))
    ).only(*CHECKIN_FIELDS)


def summary_goals(user, *, named: set[int], period: Period, following: Period, zone):
    """The goals the summary can name: those of ``named`` (changed in the quarter,
    reviewed at its check-ins, with a step coming up, as loaded already), those achieved
    in it and those with a target in ``following`` - not every goal of the history. The
    days are a day wider than the quarter: the summary itself tells which fall in it."""
    day = datetime.timedelta(days=1)
    first, last = period.start - day, period.end + 2 * day
    return Goal.objects.for_user(user).filter(
        Q(pk__in=named)
        | Q(
            status=Status.ACHIEVED,
            status_changed_at__gte=_midnight(first, zone),
            status_changed_at__lt=_midnight(last, zone),
        )
        | Q(target_date__gte=following.start, target_date__lte=following.end)
    )


def quarter_rows(user, *, period: Period, today: datetime.date, zone) -> QuarterRows:
    """The rows and figures the quarter's summary needs: nine queries whatever the
    history's size."""
    first, last = period.start, period.end + datetime.timedelta(days=1)
    following = next_period(period, Cadence.QUARTERLY, period.start)
    # Earlier check-ins give each goal's progress before the quarter and the year's trend.
    submitted = CheckIn.objects.for_user(user).submitted().filter(period_start__lt=last)
    reviews = GoalReview.objects.only(*QUARTER_REVIEW_FIELDS)
    checkins = list(
        summary_checkins(submitted, period=period).prefetch_related(
            Prefetch("goal_reviews", queryset=reviews)
        )
    )
    reflections = Reflection.objects.filter(
        checkin__in=submitted.filter(period_start__gte=first)
    ).select_related("checkin", "prompt")
    changes = list(
        GoalChange.objects.filter(
            goal__user=user,
            kind__in=[ChangeKind.STATUS, ChangeKind.RESCHEDULED],
            created_at__gte=_midnight(first, zone),
            created_at__lt=_midnight(last, zone),
        ).only(*CHANGE_FIELDS)
    )
    # What is coming up next quarter: the first COMING_UP steps still open on open goals,
    # each row with how many there are. The quarter's own steps are counted by the database.
    tasks = list(
        Task.objects.for_user(user)
        .filter(due_date__gte=following.start, due_date__lte=following.end, done_at=None)
        .exclude(goal__status__in=CLOSED_STATUSES)
        .annotate(total=Window(Count("pk")))
        .order_by("due_date", "title", "pk")
        .only(*TASK_FIELDS)[:COMING_UP]
    )
    named = {change.goal_id for change in changes} | {task.goal_id for task in tasks}
    named |= {
        review.goal_id
        for checkin in checkins
        if checkin.period_end >= first
        for review in checkin.goal_reviews.all()
        if review.goal_id
    }
    goals = summary_goals(user, named=named, period=period, following=following, zone=zone)
    return QuarterRows(
        period=period,
        following=following,
        checkins=checkins,
        reflections=list(reflections),
        goals=list(goals.only(*GOAL_FIELDS)),
        changes=changes,
        tasks=tasks,
        tasks_total=tasks[0].total if tasks else 0,
        planned=planned(user, start=first, end=last, today=today, zone=zone),
        steps_done=steps_done(user, start=first, end=last, zone=zone),
        zone=zone,
    )


def quarter_wins(user, *, period: Period) -> list[Win]:
    """The wins of the quarter, for its owner's summary (never a member's): one query."""
    return list(
        Win.objects.for_user(user)
        .between(period.start, period.end)
        .select_related("goal", "member")
        .order_by("happened_on", "pk")
    )
