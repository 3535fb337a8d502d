"""A quarter's summary's reads, for the quarter the view computed once."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch

from goals.models import ChangeKind, Goal, GoalChange, Task
from reviews.cadence import Cadence, Period, next_period
from reviews.models import CheckIn, GoalReview, Reflection, Win
from reviews.queries import PlannedVsActual, planned, steps_done

# Only what the computations read, so the rows stay small with years of history.
QUARTER_REVIEW_FIELDS = ("checkin", "goal", "goal_title", "progress", "status", "note")
CHANGE_FIELDS = ("goal", "kind", "old_value", "new_value", "reason", "created_at")
GOAL_FIELDS = ("title", "status", "status_changed_at", "created_at", "target_date")


@dataclass(frozen=True)
class QuarterRows:
    period: Period
    following: Period  # the next quarter, for what is coming up
    checkins: list[CheckIn]  # submitted up to the quarter's end, with their goal reviews
    reflections: list[Reflection]  # answered in the quarter's check-ins
    goals: list[Goal]
    changes: list[GoalChange]  # status changes and reschedules made in the quarter
    tasks: list[Task]  # due in the following quarter
    planned: PlannedVsActual
    steps_done: int
    zone: datetime.tzinfo


def _midnight(day: datetime.date, zone) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


def quarter_rows(user, *, period: Period, today: datetime.date, zone) -> QuarterRows:
    """The rows and figures the quarter's summary needs: nine queries whatever the
    history's size."""
    first, last = period.start, period.end + datetime.timedelta(days=1)
    following = next_period(period, Cadence.QUARTERLY, period.start)
    # Earlier check-ins give each goal's progress before the quarter and the year's trend.
    checkins = CheckIn.objects.for_user(user).submitted().filter(period_start__lt=last)
    reflections = Reflection.objects.filter(
        checkin__in=checkins.filter(period_start__gte=first)
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
    reviews = GoalReview.objects.only(*QUARTER_REVIEW_FIELDS)
    return QuarterRows(
        period=period,
        following=following,
        checkins=list(checkins.prefetch_related(Prefetch("goal_reviews", queryset=reviews))),
        reflections=list(reflections),
        goals=list(Goal.objects.for_user(user).only(*GOAL_FIELDS)),
        changes=list(changes.only(*CHANGE_FIELDS)),
        tasks=list(tasks.select_related("goal")),
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
