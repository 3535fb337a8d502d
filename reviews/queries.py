"""What the reviews pages and the dashboard panel read, each assembled once.

- ``checkin_state``: where the person stands with check-ins (due, missed, the streak):
  three small queries whatever the length of the history; the database counts the missed
  periods and the streak, so no list of past check-ins is loaded.
- ``history_rows``: the history page's check-ins, limited by the database to the charts'
  year and one page of the list; everything counted is counted there.
- ``quarter_rows``: what a quarter's summary needs, for the quarter the view computed.
- ``planned`` and ``steps_done``: the figures of a span of days as ``reviews.charts``
  defines them, for every page alike.

The calculations on these rows are in ``reviews.charts``; nothing here imports it.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Max, Prefetch, Q, Subquery
from django.utils import dateformat

from goals.models import ChangeKind, Goal, GoalChange, Task
from reviews.cadence import (
    Cadence,
    Period,
    history_window,
    next_period,
    period_number,
    previous_period,
    window_floor,
)
from reviews.models import CheckIn, CheckInStatus, GoalReview, Reflection, Schedule


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
    checkins = CheckIn.objects.for_user(user)
    latest = checkins.submitted().order_by("-period_start").values("pk")[:1]
    rows = list(checkins.filter(Q(period_start=period.start) | Q(pk=Subquery(latest))))
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
            (dateformat.format(m.month, "F Y"), m.due, m.on_time, m.late, m.still_open)
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


# --- The history page ------------------------------------------------------------------

PER_PAGE = 12
GOALS_SHOWN = 4  # progress charts (a row of them on a wide screen), for the latest goals

# Only what the computations and the list read.
CHECKIN_FIELDS = ("period_start", "period_end", "cadence", "status", "satisfaction", "energy")
REVIEW_FIELDS = ("checkin", "goal", "goal_title", "progress", "status")


@dataclass(frozen=True)
class Counts:
    total: int  # every check-in, drafts too: the list's length
    submitted: int
    earlier: int  # submitted, and ended before the charts could reach


def checkin_counts(user, *, floor: datetime.date) -> Counts:
    """One aggregate query; ``floor`` is ``cadence.window_floor(today)``."""
    submitted = Q(status=CheckInStatus.SUBMITTED)
    counts = CheckIn.objects.for_user(user).aggregate(
        total=Count("pk"),
        submitted=Count("pk", filter=submitted),
        earlier=Count("pk", filter=submitted & Q(period_end__lt=floor)),
    )
    return Counts(**counts)


def window_checkins(user, *, floor: datetime.date) -> list[CheckIn]:
    """The submitted check-ins that may fall in the charts' months, oldest first."""
    checkins = CheckIn.objects.for_user(user).submitted().filter(period_end__gte=floor)
    return list(checkins.only(*CHECKIN_FIELDS).order_by("period_start"))


def goal_reviews(checkins: list[CheckIn], *, limit: int = GOALS_SHOWN) -> dict[int, list]:
    """The progress recorded in these check-ins, by check-in id, for the ``limit`` + 1
    goals reviewed most recently (one more, to tell that there are more) and for deleted
    goals, which keep their reviews under their title. One query."""
    if not checkins:
        return {}
    recorded = GoalReview.objects.filter(
        checkin__in=[c.pk for c in checkins], progress__isnull=False
    )
    latest = (
        recorded.filter(goal__isnull=False)
        .values("goal")
        .annotate(last=Max("checkin__period_start"), title=Max("goal_title"))
        .order_by("-last", "title")
        .values("goal")[: limit + 1]
    )
    shown = recorded.filter(Q(goal__in=latest) | Q(goal__isnull=True)).only(*REVIEW_FIELDS)
    by_checkin = defaultdict(list)
    for review in shown.order_by("pk"):
        by_checkin[review.checkin_id].append(review)
    return by_checkin


class _CountedPaginator(Paginator):
    """A paginator told its count by an aggregate the page has already made."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count


def list_page(user, number: str | None, *, total: int) -> tuple[Page, dict[int, Counter]]:
    """The check-ins on page ``number`` (newest first; any bad number gives a real page)
    and their goal reviews counted by status, by check-in id: two queries."""
    checkins = CheckIn.objects.for_user(user).only(*CHECKIN_FIELDS).order_by("-period_start")
    page = _CountedPaginator(checkins, PER_PAGE, count=total).get_page(number)
    rows = list(page.object_list)
    statuses: dict[int, Counter] = defaultdict(Counter)
    if rows:
        counted = (
            GoalReview.objects.filter(checkin__in=[c.pk for c in rows])
            .values_list("checkin", "status")
            .annotate(count=Count("pk"))
            .order_by()
        )
        for checkin_id, status, count in counted:
            statuses[checkin_id][status] = count
    return page, statuses


@dataclass(frozen=True)
class HistoryRows:
    state: CheckInState
    counts: Counts
    page: Page  # the list's page; its rows are ``rows``
    rows: list[CheckIn]
    statuses: dict[int, Counter]  # goal reviews of the list's rows, counted by status
    start: datetime.date  # the charts' months, ``end`` exclusive
    end: datetime.date
    shown: list[CheckIn]  # the submitted check-ins drawn in those months
    reviews: dict[int, list]  # their progress, for the latest goals (``goal_reviews``)
    planned: PlannedVsActual
    steps_done: int


def history_rows(user, *, page: str | None, today: datetime.date, zone) -> HistoryRows:
    """Everything the history page shows: twelve queries, limited to the charts' year
    (or since the first check-in) and one page of the list, whatever lies before."""
    floor = window_floor(today)
    counts = checkin_counts(user, floor=floor)
    listed, statuses = list_page(user, page, total=counts.total)
    checkins = window_checkins(user, floor=floor)
    start, end = history_window(checkins, today=today, earlier=counts.earlier > 0)
    shown = [c for c in checkins if start <= c.period.middle < end]
    return HistoryRows(
        state=checkin_state(user, today=today),
        counts=counts,
        page=listed,
        rows=list(listed.object_list),
        statuses=statuses,
        start=start,
        end=end,
        shown=shown,
        reviews=goal_reviews(shown),
        planned=planned(user, start=start, end=end, today=today, zone=zone),
        steps_done=steps_done(user, start=start, end=end, zone=zone),
    )


# --- A quarter's summary ---------------------------------------------------------------

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
