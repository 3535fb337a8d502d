"""Planned against actual: steps due each month against when they were done, and moved dates.

Pure computation like ``reviews.trends``: from the steps and changes the quarter page
loads, or from the counts the history page has the database make (``reviews.history_reads``).
``zone`` turns stored moments into the person's local days.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from goals.models import ChangeKind, GoalChange, Task
from reviews.trends import Bar, Chart, Day, Frame, add_months, day_format, local_day, nice_top


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


def planned_vs_actual(
    tasks: Iterable[Task],
    changes: Iterable[GoalChange],
    *,
    start: Day,
    end: Day,
    today: Day,
    zone: datetime.tzinfo,
    chart: bool = True,
) -> PlannedVsActual:
    """Steps due from ``start`` up to ``end`` (exclusive) against when they were done.

    A step counts once its day has come: done by then (on time), done after (late), or
    not done and its day is past (still open). One due today and not done yet is not late.
    ``reviews.history_reads`` counts the same in SQL; the two must agree.
    """
    months = month_counts(start, end)
    for task in tasks:
        due = task.due_date
        done = local_day(task.done_at, zone) if task.done_at else None
        if due is None or not start <= due < end or (done is None and due >= today):
            continue
        count = months[due.replace(day=1)]
        count.due += 1
        if done is None:
            count.still_open += 1
        elif done <= due:
            count.on_time += 1
        else:
            count.late += 1
    moves = [
        (c.goal_id, dates)
        for c in changes
        if c.kind == ChangeKind.RESCHEDULED
        and start <= local_day(c.created_at, zone) < end
        and (dates := moved_dates(c))
    ]
    result = PlannedVsActual(
        list(months.values()),
        reschedules=len(moves),
        pushed_later=sum(1 for _id, (old, new) in moves if new > old),
        goals_rescheduled=len({goal_id for goal_id, _dates in moves}),
    )
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
