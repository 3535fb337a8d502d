"""The numbers behind the learning log's hours chart: hours per year and per skill, laid out
as horizontal bars for an SVG drawn by the template (no script)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

ROW_HEIGHT = 34
BAR_HEIGHT = 12
LABEL_Y = 12  # the label's baseline within a row, above its bar
BAR_Y = 18
# The skills with the most hours get a bar; the others are counted and their hours summed
# in one line under the chart ("and 3 more skills: 12 h"), so no hours go missing.
MAX_SKILLS = 10
LABEL_MAX_CHARS = 48


@dataclass(frozen=True)
class HoursRow:
    """An item's hours and the day they count on, as read for the chart."""

    pk: int
    hours: Decimal
    day: datetime.date


@dataclass(frozen=True)
class Bar:
    label: str
    full_label: str
    hours: Decimal
    width: float  # percent of the chart's width
    label_y: int
    bar_y: int


@dataclass(frozen=True)
class HoursChart:
    bars: list[Bar]
    height: int
    bar_height: int = BAR_HEIGHT
    # Labels beyond the chart's bars (the skills past ``MAX_SKILLS``) and their hours.
    more_count: int = 0
    more_hours: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return sum((bar.hours for bar in self.bars), self.more_hours)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX_CHARS else f"{label[: LABEL_MAX_CHARS - 1]}…"


def bars(totals: Iterable[tuple[str, Decimal]]) -> HoursChart:
    """Bars for ``(label, hours)`` in the order given, the longest filling the width."""
    totals = [(label, hours) for label, hours in totals if hours > 0]
    most = max((hours for _label, hours in totals), default=Decimal(0))
    laid_out = [
        Bar(
            label=_short(label),
            full_label=label,
            hours=hours.quantize(Decimal(1)) if hours == hours.to_integral() else hours,
            width=round(float(hours / most) * 100, 2) if most else 0.0,
            label_y=index * ROW_HEIGHT + LABEL_Y,
            bar_y=index * ROW_HEIGHT + BAR_Y,
        )
        for index, (label, hours) in enumerate(totals)
    ]
    return HoursChart(laid_out, height=len(laid_out) * ROW_HEIGHT)


def hours_by_year(rows: Iterable[HoursRow]) -> HoursChart:
    """Hours per calendar year, oldest first."""
    years: dict[int, Decimal] = defaultdict(Decimal)
    for row in rows:
        years[row.day.year] += row.hours
    return bars((str(year), years[year]) for year in sorted(years))


def hours_by_skill(rows: Iterable[HoursRow], skills: Iterable[tuple[int, str]]) -> HoursChart:
    """Hours per skill (``skills``: item pk and skill name, an item linked to two skills
    counts for each), the most first: a bar for each of the first ``MAX_SKILLS``, the
    others in ``more_count`` and ``more_hours``."""
    hours = {row.pk: row.hours for row in rows}
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for pk, name in skills:
        if pk in hours:
            totals[name] += hours[pk]
    ranked = sorted(totals.items(), key=lambda pair: (-pair[1], pair[0].lower()))
    rest = ranked[MAX_SKILLS:]
    return replace(
        bars(ranked[:MAX_SKILLS]),
        more_count=len(rest),
        more_hours=sum((hours for _name, hours in rest), Decimal(0)),
    )
