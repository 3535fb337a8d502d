"""Reads about a person's check-in rhythm: what is due, what was missed, the streak.

Used by the reviews pages and the dashboard panel. Three small queries whatever the length
of the history: the database counts the missed periods and the streak, so no list of past
check-ins is loaded. Two of them are written in SQL: they run on every dashboard, and
building them with the ORM cost several times what running them does.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection

from reviews.cadence import Cadence, Period, period_number, previous_period
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
    """Where the person stands with check-ins on ``today`` (their local date). Three queries."""
    schedule = schedule_of(user)
    period = schedule.period_for(today)
    current, last_submitted = _current_and_last(user, period)
    counted, run = _submitted_in_rhythm(schedule, period)
    # Every period from the first counted one up to the one before this has ended.
    counted_from = _first_full_period_start(schedule)
    ended = max(0, _number(schedule, today) - _number(schedule, counted_from))
    done_now = current is not None and current.status == CheckInStatus.SUBMITTED
    return CheckInState(
        cadence=schedule.cadence,
        period=period,
        current=current,
        due_date=_next_end(schedule, period) if done_now else period.end,
        is_due=not done_now,
        missed=ended - counted,
        streak=run + (1 if done_now else 0),
        last_submitted=last_submitted,
    )


def _current_and_last(user, period: Period) -> tuple[CheckIn | None, CheckIn | None]:
    """This period's check-in and the latest submitted one, in one query."""
    rows = list(
        CheckIn.objects.raw(
            """
            SELECT * FROM reviews_checkin
            WHERE user_id = %(user)s AND (period_start = %(current)s OR id = (
                SELECT id FROM reviews_checkin
                WHERE user_id = %(user)s AND status = %(submitted)s
                ORDER BY period_start DESC LIMIT 1
            ))
            """,
            {"user": user.pk, "current": period.start, "submitted": CheckInStatus.SUBMITTED},
        )
    )
    current = next((c for c in rows if c.period_start == period.start), None)
    submitted = [c for c in rows if c.is_submitted]
    return current, max(submitted, key=lambda c: c.period_start, default=None)


# Submitted check-ins of the rhythm, newest first. The n-th of them lies exactly n - 1
# periods before the previous period while there is no gap, so its period number plus n
# equals the previous period's number plus one; the first gap breaks that for good.
_RHYTHM_SQL = """
SELECT COALESCE(SUM(CASE WHEN period_start >= %(counted_from)s THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN number + newest = %(after_previous)s THEN 1 ELSE 0 END), 0)
FROM (
    SELECT period_start, {number} AS number,
           ROW_NUMBER() OVER (ORDER BY period_start DESC) AS newest
    FROM reviews_checkin
    WHERE user_id = %(user)s AND status = %(submitted)s
      AND period_start >= %(first)s AND period_start < %(current)s
      AND (cadence = %(cadence)s OR period_start = %(first)s)
) AS rhythm
"""
# ``cadence.period_number`` of ``period_start`` in SQL, for each database we run on: a
# day number (``date.toordinal()``) for weeks and fortnights, a month number otherwise.
_DAY_NUMBER = {
    "postgresql": "(period_start - DATE '0001-01-01' + 1)",
    "sqlite": "CAST(julianday(period_start) - 1721424.5 AS INTEGER)",
}
_MONTH_NUMBER = {
    "postgresql": "(CAST(EXTRACT(YEAR FROM period_start) AS INTEGER) * 12"
    " + CAST(EXTRACT(MONTH FROM period_start) AS INTEGER) - 1)",
    "sqlite": "(CAST(strftime('%%Y', period_start) AS INTEGER) * 12"
    " + CAST(strftime('%%m', period_start) AS INTEGER) - 1)",
}
_PERIOD_NUMBER = {
    Cadence.WEEKLY: "({days} - 1) / 7",
    # Rows start on or after the first period, so the division never meets a negative
    # number (SQL truncates towards zero where Python floors).
    Cadence.FORTNIGHTLY: "({days} - %(first_day)s) / 14",
    Cadence.MONTHLY: "{months}",
    Cadence.QUARTERLY: "{months} / 3",
}


def _submitted_in_rhythm(schedule: Schedule, period: Period) -> tuple[int, int]:
    """Submitted check-ins of ended periods since the first counted one, and how many of
    them run unbroken up to the period before ``period``: one aggregate query.

    A check-in belongs to the rhythm when it starts one of the schedule's periods, on or
    after the anchor's. The anchor moves whenever the rhythm changes, so those are the
    check-ins made with the schedule's cadence, plus one made under the old rhythm that
    happens to start the anchor's period.
    """
    first = schedule.period_for(schedule.anchor)
    previous = previous_period(period, schedule.cadence, schedule.anchor)
    vendor = connection.vendor
    number = _PERIOD_NUMBER[schedule.cadence].format(
        days=_DAY_NUMBER[vendor], months=_MONTH_NUMBER[vendor]
    )
    params = {
        "user": schedule.user_id,
        "submitted": CheckInStatus.SUBMITTED,
        "cadence": schedule.cadence,
        "first": first.start,
        "first_day": first.start.toordinal(),
        "current": period.start,
        "counted_from": _first_full_period_start(schedule),
        "after_previous": _number(schedule, previous.start) + 1,
    }
    with connection.cursor() as cursor:
        cursor.execute(_RHYTHM_SQL.format(number=number), params)
        counted, run = cursor.fetchone()
    return int(counted), int(run)


def _number(schedule: Schedule, day: datetime.date) -> int:
    return period_number(day, schedule.cadence, schedule.anchor)


def _first_full_period_start(schedule: Schedule) -> datetime.date:
    """Missed check-ins count from the first period that starts on or after the anchor."""
    first = schedule.period_for(schedule.anchor)
    if first.start < schedule.anchor:
        return first.end + datetime.timedelta(days=1)
    return first.start


def _next_end(schedule: Schedule, period: Period) -> datetime.date:
    return schedule.period_for(period.end + datetime.timedelta(days=1)).end
