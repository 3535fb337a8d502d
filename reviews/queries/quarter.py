"""A quarter's summary's reads, for the quarter the view computed once."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from goals.models import ChangeKind, Goal, GoalChange, Status, Task
from reviews.cadence import Cadence, Period, next_period, quarter_window
from reviews.models import CheckIn, GoalReview, Reflection, Win
from reviews.queries import PlannedVsActual, planned, steps_done

# Only what the computations read, so the rows stay small with years of history.
CHECKIN_FIELDS = ("period_start", "period_end", "cadence", "status", "satisfaction", "energy")
QUARTER_REVIEW_FIELDS = ("checkin", "goal", "goal_title", "progress", "status", "note")
CHANGE_FIELDS = ("goal", "kind", "old_value", "new_value", "reason", "created_at")
GOAL_FIELDS = ("title", "status", "status_changed_at", "created_at", "target_date")
TASK_FIELDS = ("goal", "title", "due_date", "done_at")


@dataclass(frozen=True)
class QuarterRows:
    period: Period
    following: Period  # the next quarter, for what is coming up
    checkins: list[CheckIn]  # submitted up to the quarter's end, with their goal reviews
    reflections: list[Reflection]  # answered in the quarter's check-ins
    goals: list[Goal]  # those the summary can name (``summary_goals``)
    changes: list[GoalChange]  # status changes and reschedules made in the quarter
    tasks: list[Task]  # due in the following quarter; their goals are in ``goals``
    planned: PlannedVsActual
    steps_done: int
    zone: datetime.tzinfo


def _midnight(day: datetime.date, zone) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


def summary_checkins(submitted, *, period: Period):
    """Of ``submitted`` (the check-ins up to the quarter's end), those the summary reads:
    those the chart's year reaches, and before it only those that recorded progress on a
    goal reviewed in the quarter (where it stood before). Ten years of history add no
    rows the page does not use."""
    progress = GoalReview.objects.filter(progress__isnull=False)
    inside = progress.filter(checkin__in=submitted.filter(period_start__gte=period.start))
    # A deleted goal keeps its reviews under its title (reviews.charts.axes.goal_key).
    earlier = progress.filter(checkin__in=submitted).filter(
        Q(goal__in=inside.filter(goal__isnull=False).values("goal"))
        | Q(goal__isnull=True, goal_title__in=inside.filter(goal__isnull=True).values("goal_title"))
    )
    chart_start, _end = quarter_window(period)
    return submitted.filter(
        Q(period_end__gte=chart_start) | Q(pk__in=earlier.values("checkin"))
    ).only(*CHECKIN_FIELDS)


def summary_goals(user, *, submitted, period: Period, following: Period, changes, tasks, zone):
    """The goals the summary can name: those changed in the quarter or reviewed at its
    check-ins (of ``submitted``), achieved in it, with a target or one of ``tasks`` in
    ``following`` - not every goal of the history. The days are a day wider than the
    quarter: the summary itself tells which fall in it."""
    first, last = period.start, period.end + datetime.timedelta(days=1)
    reviewed = GoalReview.objects.filter(checkin__in=submitted.filter(period_end__gte=first))
    day = datetime.timedelta(days=1)
    return Goal.objects.for_user(user).filter(
        Q(pk__in=changes.values("goal"))
        | Q(pk__in=reviewed.values("goal"))
        | Q(
            status=Status.ACHIEVED,
            status_changed_at__gte=_midnight(first - day, zone),
            status_changed_at__lt=_midnight(last + day, zone),
        )
        | Q(target_date__gte=following.start, target_date__lte=following.end)
        | Q(pk__in=tasks.values("goal"))
    )


def quarter_rows(user, *, period: Period, today: datetime.date, zone) -> QuarterRows:
    """The rows and figures the quarter's summary needs: nine queries whatever the
    history's size."""
    first, last = period.start, period.end + datetime.timedelta(days=1)
    following = next_period(period, Cadence.QUARTERLY, period.start)
    # Earlier check-ins give each goal's progress before the quarter and the year's trend.
    submitted = CheckIn.objects.for_user(user).submitted().filter(period_start__lt=last)
    checkins = summary_checkins(submitted, period=period)
    reflections = Reflection.objects.filter(
        checkin__in=submitted.filter(period_start__gte=first)
    ).select_related("checkin", "prompt")
    changes = GoalChange.objects.filter(
        goal__user=user,
        kind__in=[ChangeKind.STATUS, ChangeKind.RESCHEDULED],
        created_at__gte=_midnight(first, zone),
        created_at__lt=_midnight(last, zone),
    )
    # What is coming up next quarter; the quarter's own steps are counted by the database.
    tasks = Task.objects.for_user(user).filter(
        due_date__gte=following.start, due_date__lte=following.end
    )
    goals = summary_goals(
        user,
        submitted=submitted,
        period=period,
        following=following,
        changes=changes,
        tasks=tasks,
        zone=zone,
    )
    reviews = GoalReview.objects.only(*QUARTER_REVIEW_FIELDS)
    return QuarterRows(
        period=period,
        following=following,
        checkins=list(checkins.prefetch_related(Prefetch("goal_reviews", queryset=reviews))),
        reflections=list(reflections),
        goals=list(goals.only(*GOAL_FIELDS)),
        changes=list(changes.only(*CHANGE_FIELDS)),
        tasks=list(tasks.only(*TASK_FIELDS)),
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
