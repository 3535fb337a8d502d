"""Planned against actual: steps due each month against when they were done, and moved dates.

The database counts them (``planned``), for the history's months and for a quarter alike,
so both pages show the same figures for the same days. ``zone`` turns stored moments into
the person's local days.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from goals.models import GoalChange, Task
from reviews.trends import Bar, Chart, Day, Frame, add_months, day_format, nice_top


@dataclass
class MonthCount:
    month: Day | None
    due: int = 0
    on_time: int = 0
    late: int = 0
    still_open: int = 0


@dataclass
class PlannedVsActual:
    months: list[MonthCount]
    reschedules: int  # target dates moved from one date to another
    pushed_later: int
    goals_rescheduled: int
    chart: Chart | None = None
    total: MonthCount = field(init=False)

    def __post_init__(self) -> None:
        fields = ("due", "on_time", "late", "still_open")
        sums = {name: sum(getattr(m, name) for m in self.months) for name in fields}
        self.total = MonthCount(None, **sums)

    @property
    def table_rows(self) -> list[tuple]:
        """The months that had steps due: month, due, on time, late, not done."""
        return [
            (day_format(m.month, "F Y"), m.due, m.on_time, m.late, m.still_open)
            for m in self.months
            if m.due
        ]

    @property
    def share(self) -> int | None:
        """Percent of the steps due so far that were done by their due date."""
        return round(100 * self.total.on_time / self.total.due) if self.total.due else None


def month_counts(start: Day, end: Day) -> dict[Day, MonthCount]:
    """An empty count for each month from ``start`` up to ``end`` (exclusive)."""
    months = {}
    month = start.replace(day=1)
    while month < end:
        months[month] = MonthCount(month)
        month = add_months(month, 1)
    return months


def moved_dates(change: GoalChange) -> tuple[Day, Day] | None:
    """A reschedule's old and new dates; None when a date was only set or removed."""
    try:
        return Day.fromisoformat(change.old_value), Day.fromisoformat(change.new_value)
    except ValueError:
        return None


def planned(
    user,
    *,
    start: Day,
    end: Day,
    today: Day,
    zone: datetime.tzinfo,
    chart: bool = True,
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
    result = PlannedVsActual(list(months.values()), **moves)
    if chart:
        result.chart = planned_chart(result.months, start, end)
    return result


def planned_chart(months: list[MonthCount], start: Day, end: Day) -> Chart:
    title = _("Steps due and steps done on time, by month")
    top, step = nice_top(max((m.due for m in months), default=0))
    chart = Chart("planned", title, "", 200, 5, 100, 10, 154)
    frame = Frame(chart, start, end, 0, top)
    frame.months()
    frame.values(list(range(0, top + 1, step)))
    for tick, count in zip(chart.x_ticks, months, strict=True):
        width = round((tick.label_pos - tick.pos) * 0.62, 2)
        for x, value, css, words in (
            (round(tick.label_pos - width, 2), count.due, "is-due", _("%(month)s: %(count)s due")),
            (tick.label_pos, count.on_time, "is-on-time", _("%(month)s: %(count)s on time")),
        ):
            if value:
                y = frame.y(value)
                label = words % {"month": day_format(count.month, "F Y"), "count": value}
                chart.bars.append(Bar(x, y, width, round(chart.bottom - y, 1), label, css))
    chart.desc = _("Each month has two bars: steps that were due, and steps done by their date.")
    return chart
