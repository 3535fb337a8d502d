"""What the reviews pages and the dashboard panel read, each assembled once.

- ``checkin_state`` (here): where the person stands with check-ins (due, missed, the
  streak): three small queries whatever the length of the history; the database counts
  the missed periods and the streak, so no list of past check-ins is loaded.
- ``planned`` and ``steps_done`` (here): the figures of a span of days as
  ``reviews.charts`` defines them, for every page alike.
- ``history.history_rows``: the history page's check-ins, limited by the database to the
  charts' year and one page of the list; everything counted is counted there.
- ``quarter.quarter_rows``: what a quarter's summary needs, for the quarter the view
  computed.

The calculations on these rows are in ``reviews.charts``; nothing here imports it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.utils import dateformat
from django.utils.translation import gettext

from goals.models import GoalChange, Task
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
    """This period's check-in and the latest submitted one, in one query.

    SQL rather than the ORM: a measured departure (benchmarks/README.md, "Departures from
    plain Django"): building this and the rhythm's query with the ORM cost more than the
    database takes to answer them, on every dashboard and check-ins page."""
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
    happens to start the anchor's period. SQL for the reason given in ``_current_and_last``;
    the period number is the one expression written for each database.
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


def recent_checkins(user, *, limit: int = 6) -> list[CheckIn]:
    """The latest submitted check-ins, newest first: one query."""
    return list(CheckIn.objects.for_user(user).submitted().order_by("-period_start")[:limit])


# --- Figures of a span of days -----------------------------------------------------------


@dataclass
class MonthCount:
    month: datetime.date | None
    due: int = 0
    on_time: int = 0
    late: int = 0
    still_open: int = 0


@dataclass
class PlannedVsActual:
    """Steps due each month against when they were done, and the target dates moved."""

    months: list[MonthCount]
    reschedules: int  # target dates moved from one date to another
    pushed_later: int
    goals_rescheduled: int
    chart: object | None = None  # ``reviews.charts.axes.Chart``, where a page draws one
    total: MonthCount = field(init=False)

    def __post_init__(self) -> None:
        fields = ("due", "on_time", "late", "still_open")
        sums = {name: sum(getattr(m, name) for m in self.months) for name in fields}
        self.total = MonthCount(None, **sums)

    @property
    def table_rows(self) -> list[tuple]:
        """The months that had steps due: month, due, on time, late, not done."""
        return [
            (dateformat.format(m.month, gettext("F Y")), m.due, m.on_time, m.late, m.still_open)
            for m in self.months
            if m.due
        ]

    @property
    def share(self) -> int | None:
        """Percent of the steps due so far that were done by their due date."""
        return round(100 * self.total.on_time / self.total.due) if self.total.due else None


def month_counts(start: datetime.date, end: datetime.date) -> dict[datetime.date, MonthCount]:
    """An empty count for each month from ``start`` up to ``end`` (exclusive)."""
    months = {}
    month = start.replace(day=1)
    while month < end:
        months[month] = MonthCount(month)
        year, number = divmod(month.year * 12 + month.month, 12)
        month = datetime.date(year, number + 1, 1)
    return months


def planned(
    user, *, start: datetime.date, end: datetime.date, today: datetime.date, zone
) -> PlannedVsActual:
    """Steps due from ``start`` up to ``end`` (exclusive) against when they were done, and
    the target dates moved in those days: two aggregate queries, no step or change loaded.

    The one place the history, the quarterly summary and anything else showing "steps on
    time" or "dates moved" get them from; what counts is written in
    ``TaskQuerySet.timeliness_by_month`` and ``GoalChangeQuerySet.moves_counted``.
    """
    months = month_counts(start, end)
    steps = Task.objects.for_user(user)
    for row in steps.timeliness_by_month(start=start, end=end, today=today, zone=zone):
        month = row.pop("month")
        months[month] = MonthCount(month, **row)
    moves = GoalChange.objects.filter(goal__user=user).moves_counted(
        start=start, end=end, zone=zone
    )
    return PlannedVsActual(list(months.values()), **moves)


def steps_done(user, *, start: datetime.date, end: datetime.date, zone) -> int:
    """Steps the person ticked off in the span: one count query."""
    return Task.objects.for_user(user).done_in(start=start, end=end, zone=zone).count()
