"""History and trends, computed from rows the views have loaded; chart geometry.

Nothing here queries the database: the views load a fixed set of querysets (check-ins with
their ``goal_reviews`` prefetched, tasks, goal changes) and pass them in, so a page costs
the same number of queries for 1 check-in as for 1,000. ``today`` is the person's local
date; ``zone`` turns stored moments into their local days. Chart coordinates are SVG user
units: x as a percentage of the chart's width (so the chart fits any screen while its text
keeps its size), y in pixels from the top. Templates print numbers and do no arithmetic.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import mean

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goals.models import ChangeKind, GoalChange, Task
from reviews.cadence import Cadence, Period
from reviews.models import CheckIn, GoalReview, GoalStatusChoice

Day = datetime.date
MONTHS_SHOWN = 12  # the history charts cover up to a year
MIN_MONTHS = 3  # and never less than a quarter, so a first point is not squeezed to an edge


# --- Dates ---------------------------------------------------------------------------


def add_months(day: Day, months: int) -> Day:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def midpoint(checkin: CheckIn) -> Day:
    """Where a check-in sits on a time axis: the middle of its period."""
    return checkin.period_start + (checkin.period_end - checkin.period_start) // 2


def quarter_label(year: int, quarter: int) -> str:
    return _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year}


def period_label(checkin: CheckIn) -> str:
    start, end = checkin.period_start, checkin.period_end
    if checkin.cadence == Cadence.MONTHLY:
        return dateformat.format(start, "F Y")
    if checkin.cadence == Cadence.QUARTERLY:
        return quarter_label(*checkin.period.quarter)
    first = dateformat.format(start, "j M" if start.year == end.year else "j M Y")
    return _("%(start)s – %(end)s") % {"start": first, "end": dateformat.format(end, "j M Y")}


def local_day(moment: datetime.datetime, zone: datetime.tzinfo) -> Day:
    return moment.astimezone(zone).date()


def submitted_in_order(checkins: Iterable[CheckIn]) -> list[CheckIn]:
    return sorted((c for c in checkins if c.is_submitted), key=lambda c: c.period_start)


def goal_key(review: GoalReview) -> int | str:
    # A deleted goal keeps its story under the title it had.
    return review.goal_id if review.goal_id is not None else f"title:{review.goal_title}"


# --- The list of check-ins -------------------------------------------------------------


@dataclass(frozen=True)
class CheckInLine:
    checkin: CheckIn
    label: str
    summary: str


def checkin_lines(checkins: Iterable[CheckIn]) -> list[CheckInLine]:
    """One line per check-in, in the order given."""
    return [CheckInLine(c, period_label(c), summarize(c)) for c in checkins]


def summarize(checkin: CheckIn) -> str:
    parts = []
    if checkin.satisfaction:
        parts.append(_("Satisfaction %(score)s/5") % {"score": checkin.satisfaction})
    if checkin.energy:
        parts.append(_("Energy %(score)s/5") % {"score": checkin.energy})
    reviews = list(checkin.goal_reviews.all())
    if reviews:
        counts = Counter(review.status for review in reviews)
        statuses = ", ".join(
            _("%(count)s %(status)s")
            % {"count": counts[s], "status": GoalStatusChoice(s).label.lower()}
            for s in GoalStatusChoice
            if counts[s]
        )
        goals = ngettext("%(count)s goal", "%(count)s goals", len(reviews)) % {
            "count": len(reviews)
        }
        listed = {"goals": goals, "statuses": statuses}
        parts.append(_("%(goals)s: %(statuses)s") % listed if statuses else goals)
    return " · ".join(parts) or _("Nothing scored or reviewed.")


# --- Chart geometry --------------------------------------------------------------------


@dataclass(frozen=True)
class Tick:
    pos: float  # x of a month's left edge, or y of a value's grid line
    label: str
    label_pos: float  # a month's label sits mid-band; a value's level with its line
    sublabel: str = ""  # the year, where it starts
    short: str = ""  # a month's initial, for narrow charts


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int
    label: str  # the point's tooltip, in words
    css: str = ""


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    points: list[Point]
    shape: str = "circle"

    @property
    def segments(self) -> list[tuple[Point, Point]]:
        """The line from each point to the next (drawn as lines: x is a percentage)."""
        return list(zip(self.points, self.points[1:], strict=False))


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    css: str


@dataclass
class Chart:
    id: str
    title: str
    desc: str
    height: int
    left: float
    right: float
    top: float
    bottom: float
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    band: tuple[float, float] | None = None  # a highlighted span: x and width


class _Frame:
    """Maps days to x (a day's point is its middle) and values to y for one chart."""

    def __init__(self, chart: Chart, start: Day, end: Day, low: float, high: float):
        self.chart, self.start, self.end, self.low, self.high = chart, start, end, low, high
        self.per_day = (chart.right - chart.left) / (end - start).days

    def x(self, day: Day) -> float:
        return round(self.chart.left + ((day - self.start).days + 0.5) * self.per_day, 2)

    def edge(self, day: Day) -> float:
        return round(self.chart.left + (day - self.start).days * self.per_day, 2)

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return round(self.chart.bottom - share * (self.chart.bottom - self.chart.top), 1)

    def contains(self, day: Day) -> bool:
        return self.start <= day < self.end

    def months(self) -> None:
        month = self.start
        while month < self.end:
            following = add_months(month, 1)
            left, right = self.edge(month), self.edge(min(following, self.end))
            year = str(month.year) if month == self.start or month.month == 1 else ""
            label = dateformat.format(month, "M")
            middle = round((left + right) / 2, 2)
            self.chart.x_ticks.append(Tick(left, label, middle, year, label[:1]))
            month = following

    def values(self, values: Sequence[int], suffix: str = "") -> None:
        for value in values:
            y = self.y(value)
            self.chart.y_ticks.append(Tick(y, f"{value}{suffix}", round(y + 4, 1)))


def _nice_top(largest: int) -> tuple[int, int]:
    """A round top for a count axis and the step between its grid lines (at most 4)."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if -(-largest // step) <= 4:
            return step * max(1, -(-largest // step)), step
    return largest, largest


def history_window(checkins: Iterable[CheckIn], *, today: Day) -> tuple[Day, Day]:
    """Whole months for the history charts: up to a year back, from the first check-in on.

    Returns the first day and the day after the last (exclusive), like a range.
    """
    middles = [midpoint(c) for c in checkins if c.is_submitted]
    end = add_months(max([today, *middles]), 1)
    start = max(add_months(end, -MONTHS_SHOWN), add_months(min(middles, default=today), 0))
    return min(start, add_months(end, -MIN_MONTHS)), end


# --- Satisfaction and energy -----------------------------------------------------------


@dataclass
class MoodTrend:
    chart: Chart
    rows: list[tuple[str, int | None, int | None]]  # period, satisfaction, energy
    satisfaction: float | None  # averages over the window
    energy: float | None


def average(values: Iterable[int | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(mean(present), 1) if present else None


def mood_trend(
    checkins: Iterable[CheckIn], *, start: Day, end: Day, highlight: Period | None = None
) -> MoodTrend:
    title = _("Satisfaction and energy, %(start)s to %(end)s") % {
        "start": dateformat.format(start, "F Y"),
        "end": dateformat.format(end - datetime.timedelta(days=1), "F Y"),
    }
    chart = Chart("mood", title, "", 220, 3, 100, 10, 172)
    frame = _Frame(chart, start, end, 1, 5)
    frame.months()
    frame.values([1, 2, 3, 4, 5])
    if highlight is not None:
        width = frame.edge(highlight.end + datetime.timedelta(days=1)) - frame.edge(highlight.start)
        chart.band = (frame.edge(highlight.start), round(width, 2))
    shown = [c for c in submitted_in_order(checkins) if frame.contains(midpoint(c))]
    for key, label, shape in (
        ("satisfaction", _("Satisfaction"), "circle"),
        ("energy", _("Energy"), "square"),
    ):
        points = [
            Point(
                frame.x(midpoint(c)),
                frame.y(getattr(c, key)),
                getattr(c, key),
                _("%(period)s: %(what)s %(score)s of 5")
                % {"period": period_label(c), "what": label, "score": getattr(c, key)},
            )
            for c in shown
            if getattr(c, key) is not None
        ]
        chart.series.append(Series(key, label, points, shape))
    count = ngettext(
        "%(count)s check-in, scored from 1 (low) to 5 (high).",
        "%(count)s check-ins, each scored from 1 (low) to 5 (high).",
        len(shown),
    ) % {"count": len(shown)}
    chart.desc = f"{count} {_('The same numbers are in the table with the chart.')}"
    return MoodTrend(
        chart,
        [(period_label(c), c.satisfaction, c.energy) for c in shown],
        average(c.satisfaction for c in shown),
        average(c.energy for c in shown),
    )


# --- Progress per goal -----------------------------------------------------------------


@dataclass
class GoalTrend:
    goal_id: int | None
    title: str
    chart: Chart
    rows: list[tuple[str, int, str]]  # period, progress, status in words
    latest: int
    latest_status: str


def goal_trends(checkins: Iterable[CheckIn], *, start: Day, end: Day) -> list[GoalTrend]:
    """Progress over time for each goal reviewed in the window, most recently reviewed first."""
    entries: dict[int | str, list[tuple[CheckIn, GoalReview]]] = defaultdict(list)
    for checkin in submitted_in_order(checkins):
        if start <= midpoint(checkin) < end:
            for review in checkin.goal_reviews.all():
                if review.progress is not None:
                    entries[goal_key(review)].append((checkin, review))
    ordered = sorted(
        entries.values(), key=lambda e: (-e[-1][0].period_start.toordinal(), e[-1][1].goal_title)
    )
    return [_goal_trend(index, pairs, start, end) for index, pairs in enumerate(ordered)]


def _goal_trend(index: int, pairs: list, start: Day, end: Day) -> GoalTrend:
    last = pairs[-1][1]
    title = _("Progress of “%(goal)s”") % {"goal": last.goal_title}
    chart = Chart(f"goal-{index}", title, "", 92, 14, 100, 8, 84)
    frame = _Frame(chart, start, end, 0, 100)
    frame.values([0, 50, 100], "%")
    rows, points = [], []
    for checkin, review in pairs:
        status = review.get_status_display() if review.status else ""
        label = period_label(checkin)
        rows.append((label, review.progress, status))
        words = _("%(period)s: %(progress)s%%") % {"period": label, "progress": review.progress}
        words += f", {status.lower()}" if status else ""
        x, y = frame.x(midpoint(checkin)), frame.y(review.progress)
        points.append(Point(x, y, review.progress, words, f"is-{review.status or 'none'}"))
    chart.series.append(Series("progress", _("Progress"), points))
    chart.desc = _("From %(first)s%% to %(last)s%% over %(count)s check-ins.") % {
        "first": pairs[0][1].progress,
        "last": last.progress,
        "count": len(pairs),
    }
    return GoalTrend(last.goal_id, last.goal_title, chart, rows, last.progress, status)


# --- Planned against actual ------------------------------------------------------------


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
    def share(self) -> int | None:
        """Percent of the steps due so far that were done by their due date."""
        return round(100 * self.total.on_time / self.total.due) if self.total.due else None


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
    """
    months = {}
    month = start.replace(day=1)
    while month < end:
        months[month] = MonthCount(month)
        month = add_months(month, 1)
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
        result.chart = _planned_chart(result.months, start, end)
    return result


def _planned_chart(months: list[MonthCount], start: Day, end: Day) -> Chart:
    title = _("Steps due and steps done on time, by month")
    top, step = _nice_top(max((m.due for m in months), default=0))
    chart = Chart("planned", title, "", 200, 5, 100, 10, 154)
    frame = _Frame(chart, start, end, 0, top)
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
                label = words % {"month": dateformat.format(count.month, "F Y"), "count": value}
                chart.bars.append(Bar(x, y, width, round(chart.bottom - y, 1), label, css))
    chart.desc = _("Each month has two bars: steps that were due, and steps done by their date.")
    return chart
