"""The goals timeline laid out in Python, so the template only prints numbers.

``build_timeline`` returns what the chart and its list need: the window for the zoom, axis
ticks, one row per dated goal (bar, step markers), the today marker, and the same items by
month. Coordinates are SVG user units: titles left of ``PLOT_LEFT``, time up to ``PLOT_RIGHT``;
the shapes and their fixed positions are in ``goals.charts.shapes``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from itertools import groupby

from django.utils import dateformat, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from goals.charts.shapes import (
    BOTTOM_PADDING,
    DEFAULT_ZOOM,
    DIAMOND_RADIUS,
    HEADER_HEIGHT,
    LABEL_MAX_CHARS,
    MIN_LABELLED_BAND,
    PLOT_LEFT,
    PLOT_RIGHT,
    ROW_HEIGHT,
    TODAY_CHAR_WIDTH,
    TODAY_PILL_WIDTH,
    ZOOMS,
    Bar,
    ListItem,
    Marker,
    MonthGroup,
    Row,
    Tick,
    Timeline,
    Zoom,
)
from goals.models import Goal, Status, Task


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def window(today: datetime.date, zoom: str) -> tuple[datetime.date, datetime.date]:
    """The first day shown and the day after the last one, for a zoom.

    Starts on a month boundary at least ``lead_days`` before today, so the recent past is
    in view; the end is exclusive.
    """
    spec = ZOOMS.get(zoom, ZOOMS[DEFAULT_ZOOM])
    lead = today - datetime.timedelta(days=spec.lead_days)
    month = (lead.month - 1) // spec.align * spec.align + 1
    start = datetime.date(lead.year, month, 1)
    return start, add_months(start, spec.months)


def build_timeline(goals: Iterable[Goal], *, today: datetime.date, zoom: str) -> Timeline:
    """Lay out ``goals`` on the time axis of ``zoom``.

    Each goal brings its steps, as ``tasks_in_view`` (only those in the window or overdue,
    with ``first_due`` and ``last_due`` from ``with_due_span``) or all of them prefetched
    as ``tasks``.
    """
    zoom = zoom if zoom in ZOOMS else DEFAULT_ZOOM
    start, end = window(today, zoom)
    scale = _Scale(start, end)
    ticks = _ticks(start, end, ZOOMS[zoom], zoom, scale)

    open_goals, closed_goals = [], []
    for goal in goals:
        (closed_goals if goal.is_closed else open_goals).append(goal)
    rows: list[Row] = []
    items: list[ListItem] = []
    undated = outside = 0
    # Achieved and dropped goals go to the bottom: what is still ahead comes first.
    for goal in open_goals + closed_goals:
        steps = goal.tasks_in_view if hasattr(goal, "tasks_in_view") else goal.tasks.all()
        tasks = [task for task in steps if task.due_date is not None]
        span = _due_span(goal, tasks)
        if goal.target_date is None and span is None and not goal.is_closed:
            undated += 1
            continue
        row = _row(goal, tasks, span, today, scale, top=_row_top(len(rows)))
        if row is None:
            outside += 1
            continue
        rows.append(row)
        items.extend(_items(goal, tasks, today, scale))

    today_x = scale.x(today)
    # The pill fits the word in the reader's language (the template writes the same one).
    pill = max(TODAY_PILL_WIDTH, round(len(_("Today")) * TODAY_CHAR_WIDTH + 16))
    pill_x = min(max(today_x - pill / 2, PLOT_LEFT), PLOT_RIGHT - pill)
    return Timeline(
        zoom=zoom,
        today=today,
        start=start,
        end=end,
        today_x=today_x,
        today_pill_x=round(pill_x, 1),
        today_pill_width=pill,
        height=_row_top(len(rows)) + BOTTOM_PADDING,
        ticks=ticks,
        rows=rows,
        months=_by_month(items),
        undated_count=undated,
        outside_count=outside,
    )


class _Scale:
    """Maps a day to x; a day's point is its middle, so today sits inside today."""

    def __init__(self, start: datetime.date, end: datetime.date):
        self.start, self.end = start, end
        self.per_day = (PLOT_RIGHT - PLOT_LEFT) / (end - start).days

    def x(self, day: datetime.date) -> float:
        return round(PLOT_LEFT + ((day - self.start).days + 0.5) * self.per_day, 1)

    def edge(self, day: datetime.date) -> float:
        """x of the boundary before ``day`` (for band edges)."""
        return round(PLOT_LEFT + (day - self.start).days * self.per_day, 1)

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day < self.end


def _row_top(index: int) -> float:
    return HEADER_HEIGHT + index * ROW_HEIGHT


def _ticks(
    start: datetime.date, end: datetime.date, spec: Zoom, zoom: str, scale: _Scale
) -> list[Tick]:
    boundaries = [start]
    month = add_months(start, 1)
    while month < end:
        if (month.month - 1) % spec.tick_months == 0:
            boundaries.append(month)
        month = add_months(month, 1)
    ticks = []
    for index, (left, right) in enumerate(zip(boundaries, [*boundaries[1:], end], strict=True)):
        x_left, x_right = scale.edge(left), scale.edge(right)
        labelled = x_right - x_left >= MIN_LABELLED_BAND
        year_starts = index == 0 or left.month == 1
        label, sublabel = _tick_labels(left, zoom, show_year=year_starts)
        if not labelled:
            label = sublabel = ""
        label_x = round((x_left + x_right) / 2, 1)
        ticks.append(Tick(left, x_left, label, sublabel, label_x, is_major=left.month == 1))
    return ticks


def _tick_labels(day: datetime.date, zoom: str, *, show_year: bool) -> tuple[str, str]:
    year = str(day.year) if show_year else ""
    if zoom == "5y":
        return str(day.year), ""
    if zoom == "2y":
        return _("Q%(number)s") % {"number": (day.month - 1) // 3 + 1}, year
    # Month names come translated from Django's date formatting.
    return dateformat.format(day, "F" if zoom == "quarter" else gettext("M")), year


def _is_task_overdue(task: Task, goal: Goal, today: datetime.date) -> bool:
    # A closed goal's leftover steps are history, not something late.
    return not goal.is_closed and task.is_overdue(today)


def _items(goal: Goal, tasks: list[Task], today: datetime.date, scale: _Scale) -> list[ListItem]:
    """The goal's dated items in the window, plus overdue ones from before it."""
    muted = goal.is_closed
    items = []
    for task in tasks:
        overdue = _is_task_overdue(task, goal, today)
        if scale.contains(task.due_date) or (overdue and task.due_date < scale.start):
            items.append(ListItem(task.due_date, goal, task, task.is_done, overdue, muted))
    target = goal.target_date
    if target is not None:
        overdue = goal.is_overdue(today)
        if scale.contains(target) or (overdue and target < scale.start):
            done = goal.status == Status.ACHIEVED
            items.append(ListItem(target, goal, None, done, overdue, muted))
    return items


def _due_span(goal: Goal, tasks: list[Task]) -> tuple[datetime.date, datetime.date] | None:
    """The first and last due date of the goal's steps, None when no step has one."""
    if hasattr(goal, "last_due"):  # the query knew them; ``tasks`` may be only those in view
        first, last = goal.first_due, goal.last_due
        return None if first is None or last is None else (first, last)
    dates = [task.due_date for task in tasks]
    return (min(dates), max(dates)) if dates else None


def _row(
    goal: Goal,
    tasks: list[Task],
    span: tuple[datetime.date, datetime.date] | None,
    today: datetime.date,
    scale: _Scale,
    *,
    top: float,
) -> Row | None:
    """One goal's row, or None when the goal has no part in the window."""
    due = list(span or ())
    created = timezone.localdate(goal.created_at)
    first = min([created, *due, *filter(None, [goal.target_date])])
    last = goal.target_date or (due[-1] if due else None)
    # A goal lives from the day it was set until it is achieved or dropped. An open goal
    # is alive today, which every window shows, so it always has a row. A closed one has a
    # row when it lived in the window or aimed at a date in it or after; steps left open
    # when it closed do not count. ``GoalQuerySet.on_timeline`` loads exactly these goals.
    if goal.is_closed:
        ended = timezone.localdate(goal.status_changed_at)
        if created >= scale.end or max(filter(None, [goal.target_date, ended])) < scale.start:
            return None
        last = max(filter(None, [last, ended]))  # closed late: the bar runs to that day
    overdue = goal.is_overdue(today)

    center = top + ROW_HEIGHT / 2
    row = Row(
        goal=goal,
        label=_shorten(goal.title),
        top=top,
        center_y=center,
        title_y=center - 3,
        meta_y=center + 13,
        target_top=center - 12,
        target_bottom=center + 12,
        is_muted=goal.is_closed,
        is_overdue=overdue,
    )
    if last >= scale.start and first < scale.end:
        x1 = PLOT_LEFT if first < scale.start else scale.x(first)
        x2 = PLOT_RIGHT if last >= scale.end else scale.x(last)
        row.bar = Bar(
            x=x1,
            width=round(max(x2 - x1, 2.0), 1),
            continues_before=first < scale.start,
            continues_after=last >= scale.end,
        )
    if goal.target_date is not None and scale.contains(goal.target_date):
        row.target_x = scale.x(goal.target_date)
    if overdue:
        row.overdue_from_x = row.target_x if row.target_x is not None else PLOT_LEFT
    for task in tasks:
        task_overdue = _is_task_overdue(task, goal, today)
        if scale.contains(task.due_date):
            marker = _marker(task, scale.x(task.due_date), center, task_overdue)
            marker.is_closed = goal.is_closed and not task.is_done
            row.markers.append(marker)
        elif task_overdue and task.due_date < scale.start:
            row.earlier_overdue += 1
    if row.alert_before or (row.bar and row.bar.continues_before):
        row.before_arrow = _arrow(PLOT_LEFT - 3, center, direction=-1)
    if row.bar and row.bar.continues_after:
        row.after_arrow = _arrow(PLOT_RIGHT + 3, center, direction=1)
    return row


def _marker(task: Task, x: float, center: float, overdue: bool) -> Marker:
    points = ""
    if task.is_milestone:
        r = DIAMOND_RADIUS
        points = f"{x},{center - r} {x + r},{center} {x},{center + r} {x - r},{center}"
    return Marker(task=task, x=x, points=points, is_done=task.is_done, is_overdue=overdue)


def _arrow(x: float, center: float, *, direction: int) -> str:
    """A small triangle pointing off the chart's edge: the row goes on beyond it."""
    tip = x + 8 * direction
    return f"{x},{center - 6} {tip},{center} {x},{center + 6}"


def _shorten(title: str) -> str:
    if len(title) <= LABEL_MAX_CHARS:
        return title
    cut = title[: LABEL_MAX_CHARS - 1]
    space = cut.rfind(" ")
    if space > LABEL_MAX_CHARS // 2:  # end on a whole word when one is near
        cut = cut[:space]
    return cut.rstrip(" ,.;:-") + "…"


def _by_month(items: list[ListItem]) -> list[MonthGroup]:
    # Within a day: steps before the target they lead to, goals in row order.
    order = {}
    for item in items:
        order.setdefault(item.goal.pk, len(order))
    items = sorted(
        items,
        key=lambda item: (
            item.date,
            item.is_target,
            order[item.goal.pk],
            item.task.position if item.task else 0,
            item.task.pk if item.task else 0,
        ),
    )
    by_month = groupby(items, key=lambda item: item.date.replace(day=1))
    return [MonthGroup(month=month, items=list(group)) for month, group in by_month]
