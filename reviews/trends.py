"""History and trends, computed from rows the views have loaded; chart geometry.

Nothing here queries the database: the views load a fixed set of rows (check-ins with their
``goal_reviews`` prefetched, counts) and pass them in, so a page costs the same number of
queries for 1 check-in as for 1,000. ``today`` is the person's local date. Chart
coordinates are SVG user units: x as a percentage of the chart's width (so the chart fits
any screen while its text keeps its size), y in pixels from the top. Templates print
numbers and do no arithmetic. Planned against actual is in ``reviews.trends_planned``.
"""

from __future__ import annotations

import datetime
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import mean

from django.utils import dateformat
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from careerapp.links import PkUrl
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


def in_period(checkins: Iterable[CheckIn], *, start: Day, end: Day) -> list[CheckIn]:
    """The submitted check-ins that belong to the days from ``start`` up to ``end``
    (exclusive), oldest first: those whose period has its middle there, where the charts
    draw them (a weekly check-in across a month's end belongs where most of its days
    are). Every figure about check-ins in a period counts these (``reviews.figures``)."""
    return [c for c in submitted_in_order(checkins) if start <= midpoint(c) < end]


def day_format(day: Day, format_string: str) -> str:
    """``dateformat.format`` of a date, remembered: the charts and the list name the same
    months and periods again and again, and formatting one costs more than drawing it.
    The words depend on the language, so it is part of the key."""
    return _day_format(day, format_string, get_language())


@functools.lru_cache(maxsize=4096)
def _day_format(day: Day, format_string: str, language: str) -> str:
    return dateformat.format(day, format_string)


def quarter_label(year: int, quarter: int) -> str:
    return _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year}


def period_label(checkin: CheckIn) -> str:
    return _period_label(checkin.period_start, checkin.period_end, checkin.cadence, get_language())


@functools.lru_cache(maxsize=4096)
def _period_label(start: Day, end: Day, cadence: str, language: str) -> str:
    if cadence == Cadence.MONTHLY:
        return dateformat.format(start, "F Y")
    if cadence == Cadence.QUARTERLY:
        return quarter_label(start.year, (start.month - 1) // 3 + 1)
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
    url: str


def checkin_lines(
    checkins: Iterable[CheckIn], statuses: Mapping[int, Counter] | None = None
) -> list[CheckInLine]:
    """One line per check-in, in the order given.

    ``statuses`` counts each check-in's goal reviews by status, by check-in id; without
    it they are counted from the prefetched ``goal_reviews``.
    """
    url = PkUrl("reviews:checkin")
    return [
        CheckInLine(
            c,
            period_label(c),
            summarize(
                c,
                statuses.get(c.pk, Counter())
                if statuses is not None
                else Counter(review.status for review in c.goal_reviews.all()),
            ),
            url(c.pk),
        )
        for c in checkins
    ]


def summarize(checkin: CheckIn, statuses: Counter) -> str:
    """Scores and goal reviews in a line; ``statuses`` counts the reviews by status."""
    parts = []
    if checkin.satisfaction:
        parts.append(_("Satisfaction %(score)s/5") % {"score": checkin.satisfaction})
    if checkin.energy:
        parts.append(_("Energy %(score)s/5") % {"score": checkin.energy})
    reviewed = sum(statuses.values())
    if reviewed:
        listed = ", ".join(
            _("%(count)s %(status)s")
            % {"count": statuses[s], "status": GoalStatusChoice(s).label.lower()}
            for s in GoalStatusChoice
            if statuses[s]
        )
        goals = ngettext("%(count)s goal", "%(count)s goals", reviewed) % {"count": reviewed}
        words = {"goals": goals, "statuses": listed}
        parts.append(_("%(goals)s: %(statuses)s") % words if listed else goals)
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


class Frame:
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
            label = day_format(month, "M")
            middle = round((left + right) / 2, 2)
            self.chart.x_ticks.append(Tick(left, label, middle, year, label[:1]))
            month = following

    def values(self, values: Sequence[int], suffix: str = "") -> None:
        for value in values:
            y = self.y(value)
            self.chart.y_ticks.append(Tick(y, f"{value}{suffix}", round(y + 4, 1)))


def nice_top(largest: int) -> tuple[int, int]:
    """A round top for a count axis and the step between its grid lines (at most 4)."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if -(-largest // step) <= 4:
            return step * max(1, -(-largest // step)), step
    return largest, largest


def history_window(
    checkins: Iterable[CheckIn], *, today: Day, earlier: bool = False
) -> tuple[Day, Day]:
    """Whole months for the history charts: up to a year back, from the first check-in on.

    ``earlier`` says that submitted check-ins not given lie before the year. Returns the
    first day and the day after the last (exclusive), like a range.
    """
    middles = [midpoint(c) for c in checkins if c.is_submitted]
    end = add_months(max([today, *middles]), 1)
    year_back = add_months(end, -MONTHS_SHOWN)
    first = year_back if earlier else add_months(min(middles, default=today), 0)
    start = max(year_back, first)
    return min(start, add_months(end, -MIN_MONTHS)), end


def window_floor(today: Day) -> Day:
    """No chart window reaches back before this: check-ins that ended earlier are not
    needed to draw them (``history_window`` only needs to know that they exist)."""
    return add_months(today, 1 - MONTHS_SHOWN)


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


def scores(checkins: Iterable[CheckIn]) -> tuple[float | None, float | None]:
    """Average satisfaction and energy of these check-ins, to one decimal (None when none
    was scored): the "satisfaction" figure, over ``in_period``'s check-ins."""
    checkins = list(checkins)
    return average(c.satisfaction for c in checkins), average(c.energy for c in checkins)


def mood_trend(
    checkins: Iterable[CheckIn], *, start: Day, end: Day, highlight: Period | None = None
) -> MoodTrend:
    title = _("Satisfaction and energy, %(start)s to %(end)s") % {
        "start": day_format(start, "F Y"),
        "end": day_format(end - datetime.timedelta(days=1), "F Y"),
    }
    chart = Chart("mood", title, "", 220, 3, 100, 10, 172)
    frame = Frame(chart, start, end, 1, 5)
    frame.months()
    frame.values([1, 2, 3, 4, 5])
    if highlight is not None:
        width = frame.edge(highlight.end + datetime.timedelta(days=1)) - frame.edge(highlight.start)
        chart.band = (frame.edge(highlight.start), round(width, 2))
    shown = in_period(checkins, start=start, end=end)
    labels = [period_label(c) for c in shown]
    words = _("%(period)s: %(what)s %(score)s of 5")
    for key, label, shape in (
        ("satisfaction", _("Satisfaction"), "circle"),
        ("energy", _("Energy"), "square"),
    ):
        points = [
            Point(
                frame.x(midpoint(c)),
                frame.y(score),
                score,
                words % {"period": period, "what": label, "score": score},
            )
            for c, period in zip(shown, labels, strict=True)
            if (score := getattr(c, key)) is not None
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
        [(period, c.satisfaction, c.energy) for c, period in zip(shown, labels, strict=True)],
        *scores(shown),
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

    @property
    def table_rows(self) -> list[tuple[str, str, str]]:
        return [(period, f"{progress}%", status) for period, progress, status in self.rows]


def goal_trends(
    checkins: Iterable[CheckIn],
    *,
    start: Day,
    end: Day,
    limit: int | None = None,
    reviews: Mapping[int, Sequence[GoalReview]] | None = None,
) -> list[GoalTrend]:
    """Progress over time for each goal reviewed in the window, most recently reviewed
    first; the first ``limit`` goals only, when given. ``reviews`` are the check-ins'
    goal reviews by check-in id; without it, their prefetched ``goal_reviews``."""
    entries: dict[int | str, list[tuple[CheckIn, GoalReview]]] = defaultdict(list)
    for checkin in submitted_in_order(checkins):
        if start <= midpoint(checkin) < end:
            given = checkin.goal_reviews.all() if reviews is None else reviews.get(checkin.pk, ())
            for review in given:
                if review.progress is not None:
                    entries[goal_key(review)].append((checkin, review))
    ordered = sorted(
        entries.values(), key=lambda e: (-e[-1][0].period_start.toordinal(), e[-1][1].goal_title)
    )
    words = {
        "point": _("%(period)s: %(progress)s%%"),
        **{status: str(label) for status, label in GoalStatusChoice.choices},
    }
    return [
        _goal_trend(index, pairs, start, end, words) for index, pairs in enumerate(ordered[:limit])
    ]


def _goal_trend(index: int, pairs: list, start: Day, end: Day, words: dict) -> GoalTrend:
    last = pairs[-1][1]
    title = _("Progress of “%(goal)s”") % {"goal": last.goal_title}
    chart = Chart(f"goal-{index}", title, "", 92, 14, 100, 8, 84)
    frame = Frame(chart, start, end, 0, 100)
    frame.values([0, 50, 100], "%")
    rows, points = [], []
    for checkin, review in pairs:
        status = words.get(review.status, review.status)
        label = period_label(checkin)
        rows.append((label, review.progress, status))
        point = words["point"] % {"period": label, "progress": review.progress}
        point += f", {status.lower()}" if status else ""
        x, y = frame.x(midpoint(checkin)), frame.y(review.progress)
        points.append(Point(x, y, review.progress, point, f"is-{review.status or 'none'}"))
    chart.series.append(Series("progress", _("Progress"), points))
    chart.desc = _("From %(first)s%% to %(last)s%% over %(count)s check-ins.") % {
        "first": pairs[0][1].progress,
        "last": last.progress,
        "count": len(pairs),
    }
    return GoalTrend(last.goal_id, last.goal_title, chart, rows, last.progress, status)
