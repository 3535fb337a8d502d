"""What every chart and list of check-ins shares: dates and labels in the person's
words, which check-ins belong to a span of days, and chart geometry.

Nothing in ``reviews.charts`` queries the database: ``reviews.queries`` reads a fixed set
of rows and the charts compute from them. Chart coordinates are SVG user units: x as a
percentage of the chart's width (so the chart fits any screen while its text keeps its
size), y in pixels from the top. Templates print numbers and do no arithmetic.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import mean

from django.utils import dateformat
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext as _

from reviews.cadence import Cadence, add_months
from reviews.models import CheckIn, GoalReview

Day = datetime.date

# --- Dates and labels ------------------------------------------------------------------


def midpoint(checkin: CheckIn) -> Day:
    """Where a check-in sits on a time axis: the middle of its period."""
    return checkin.period_start + (checkin.period_end - checkin.period_start) // 2


def in_period(checkins: Iterable[CheckIn], *, start: Day, end: Day) -> list[CheckIn]:
    """The submitted check-ins that belong to the days from ``start`` up to ``end``
    (exclusive), oldest first: those whose period has its middle there, where the charts
    draw them (a weekly check-in across a month's end belongs where most of its days
    are). Every figure about check-ins in a period counts these (``reviews.charts``)."""
    return [c for c in submitted_in_order(checkins) if start <= midpoint(c) < end]


def day_format(day: Day, format_string: str, language: str | None = None) -> str:
    """``dateformat.format`` of a date, remembered: the charts and the list name the same
    months and periods again and again. The words depend on the language, so it is part
    of the key; a long list passes ``get_language()`` once."""
    return _day_format(day, format_string, language or get_language())


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
        return dateformat.format(start, gettext("F Y"))
    if cadence == Cadence.QUARTERLY:
        return quarter_label(start.year, (start.month - 1) // 3 + 1)
    first = dateformat.format(start, gettext("j M") if start.year == end.year else gettext("j M Y"))
    return _("%(start)s – %(end)s") % {
        "start": first,
        "end": dateformat.format(end, gettext("j M Y")),
    }


def local_day(moment: datetime.datetime, zone: datetime.tzinfo) -> Day:
    return moment.astimezone(zone).date()


def submitted_in_order(checkins: Iterable[CheckIn]) -> list[CheckIn]:
    return sorted((c for c in checkins if c.is_submitted), key=lambda c: c.period_start)


def goal_key(review: GoalReview) -> int | str:
    # A deleted goal keeps its story under the title it had.
    return review.goal_id if review.goal_id is not None else f"title:{review.goal_title}"


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
            label = day_format(month, gettext("M"))
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


def average(values: Iterable[int | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(mean(present), 1) if present else None


def scores(checkins: Iterable[CheckIn]) -> tuple[float | None, float | None]:
    """Average satisfaction and energy of these check-ins, to one decimal (None when none
    was scored): the "satisfaction" figure, over ``in_period``'s check-ins."""
    checkins = list(checkins)
    return average(c.satisfaction for c in checkins), average(c.energy for c in checkins)


def satisfaction(
    checkins: Iterable[CheckIn], *, start: Day, end: Day
) -> tuple[float | None, float | None]:
    """Average satisfaction and energy of the period's check-ins (``in_period``), to one
    decimal; None when none was scored."""
    return scores(in_period(checkins, start=start, end=end))
