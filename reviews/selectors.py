"""Reads about a person's check-in rhythm: what is due, what was missed, the streak.

Used by the reviews pages, the dashboard panel and the weekly email.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from reviews.cadence import Cadence, Period, periods_between, previous_period
from reviews.models import CheckIn, CheckInStatus, Schedule


def schedule_of(user) -> Schedule:
    """The person's schedule, or the default (monthly, counted from joining) unsaved."""
    schedule = Schedule.objects.filter(user=user).first()
    if schedule is None:
        joined = user.date_joined.astimezone(user.zone).date()
        schedule = Schedule(user=user, cadence=Cadence.MONTHLY, anchor=joined)
    return schedule


@dataclass(frozen=True)
class CheckInState:
    cadence: str
    period: Period  # the current period
    current: CheckIn | None  # this period's check-in, draft or submitted
    due_date: datetime.date  # when the next check-in is due
    is_due: bool  # this period still needs its check-in
    missed: int  # ended periods since the anchor without a submitted check-in
    streak: int  # consecutive periods up to now with a submitted check-in
    last_submitted: CheckIn | None

    @property
    def is_done(self) -> bool:
        return self.current is not None and self.current.status == CheckInStatus.SUBMITTED


def checkin_state(user, *, today: datetime.date) -> CheckInState:
    """Where the person stands with check-ins on ``today`` (their local date). Four queries."""
    schedule = schedule_of(user)
    period = schedule.period_for(today)
    first_counted = _first_full_period_start(schedule)
    submitted_starts = set(
        CheckIn.objects.for_user(user)
        .submitted()
        .filter(period_start__gte=schedule.period_for(schedule.anchor).start)
        .values_list("period_start", flat=True)
    )
    current = CheckIn.objects.for_user(user).filter(period_start=period.start).first()
    last_submitted = CheckIn.objects.for_user(user).submitted().order_by("-period_start").first()
    ended = [
        p
        for p in periods_between(first_counted, today, schedule.cadence, schedule.anchor)
        if p.end < today and p.start >= first_counted
    ]
    missed = sum(1 for p in ended if p.start not in submitted_starts)
    done_now = current is not None and current.status == CheckInStatus.SUBMITTED
    streak = 1 if done_now else 0
    cursor = previous_period(period, schedule.cadence, schedule.anchor)
    while cursor.start in submitted_starts:
        streak += 1
        cursor = previous_period(cursor, schedule.cadence, schedule.anchor)
    return CheckInState(
        cadence=schedule.cadence,
        period=period,
        current=current,
        due_date=_next_end(schedule, period) if done_now else period.end,
        is_due=not done_now,
        missed=missed,
        streak=streak,
        last_submitted=last_submitted,
    )


def _first_full_period_start(schedule: Schedule) -> datetime.date:
    """Missed check-ins count from the first period that starts on or after the anchor."""
    first = schedule.period_for(schedule.anchor)
    if first.start < schedule.anchor:
        return first.end + datetime.timedelta(days=1)
    return first.start


def _next_end(schedule: Schedule, period: Period) -> datetime.date:
    return schedule.period_for(period.end + datetime.timedelta(days=1)).end
