"""Check-in periods: pure date arithmetic, no database.

Periods follow the calendar the person lives in: weeks start on Monday, fortnights run
in two-week blocks from the Monday on or before the person's start date, months and
quarters are calendar months and quarters. A period's check-in is due on its last day.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every quarter")


@dataclass(frozen=True, order=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive: the day the check-in is due

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    @property
    def quarter(self) -> tuple[int, int]:
        return self.start.year, (self.start.month - 1) // 3 + 1

    @property
    def middle(self) -> datetime.date:
        """Where the period sits on a time axis."""
        return self.start + (self.end - self.start) // 2


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def period_containing(day: datetime.date, cadence: str, anchor: datetime.date) -> Period:
    if cadence == Cadence.WEEKLY:
        start = _monday(day)
        return Period(start, start + datetime.timedelta(days=6))
    if cadence == Cadence.FORTNIGHTLY:
        first = _monday(anchor)
        blocks = (day - first).days // 14  # floor division: also right before the anchor
        start = first + datetime.timedelta(days=14 * blocks)
        return Period(start, start + datetime.timedelta(days=13))
    if cadence == Cadence.MONTHLY:
        return Period(day.replace(day=1), _month_end(day.year, day.month))
    if cadence == Cadence.QUARTERLY:
        first_month = (day.month - 1) // 3 * 3 + 1
        end_year, end_month = _add_months(day.year, first_month, 2)
        return Period(datetime.date(day.year, first_month, 1), _month_end(end_year, end_month))
    raise ValueError(f"unknown cadence {cadence!r}")


def period_number(day: datetime.date, cadence: str, anchor: datetime.date) -> int:
    """The number of the period containing ``day``: consecutive periods count up by one.

    ``queries`` computes the same numbers in the database; the two must agree.
    """
    if cadence == Cadence.WEEKLY:
        return (day.toordinal() - 1) // 7  # day 1 of the ordinals is a Monday
    if cadence == Cadence.FORTNIGHTLY:
        return (day - _monday(anchor)).days // 14
    if cadence == Cadence.MONTHLY:
        return day.year * 12 + day.month - 1
    if cadence == Cadence.QUARTERLY:
        return day.year * 4 + (day.month - 1) // 3
    raise ValueError(f"unknown cadence {cadence!r}")


def next_period(period: Period, cadence: str, anchor: datetime.date) -> Period:
    return period_containing(period.end + datetime.timedelta(days=1), cadence, anchor)


def previous_period(period: Period, cadence: str, anchor: datetime.date) -> Period:
    return period_containing(period.start - datetime.timedelta(days=1), cadence, anchor)


def periods_between(
    first_day: datetime.date, last_day: datetime.date, cadence: str, anchor: datetime.date
) -> list[Period]:
    """Every period that overlaps first_day..last_day, oldest first."""
    periods = []
    period = period_containing(first_day, cadence, anchor)
    while period.start <= last_day:
        periods.append(period)
        period = next_period(period, cadence, anchor)
    return periods


def quarter_bounds(year: int, quarter: int) -> Period:
    if not 1 <= quarter <= 4:
        raise ValueError("quarter must be 1 to 4")
    return period_containing(
        datetime.date(year, quarter * 3 - 2, 1), Cadence.QUARTERLY, datetime.date(year, 1, 1)
    )


# --- Quarters and chart windows --------------------------------------------------------

# Quarters whose neighbours and year-long chart window stay inside the calendar.
FIRST_YEAR, LAST_YEAR = datetime.MINYEAR + 1, datetime.MAXYEAR - 1
MONTHS_SHOWN = 12  # the history charts cover up to a year
MIN_MONTHS = 3  # and never less than a quarter, so a first point is not squeezed to an edge


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The first of the month ``months`` after ``day``'s month."""
    year, month = _add_months(day.year, day.month, months)
    return datetime.date(year, month, 1)


def quarter_exists(year: int, quarter: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR and 1 <= quarter <= 4


def quarter_of(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_step(year: int, quarter: int, steps: int) -> tuple[int, int] | None:
    """The quarter ``steps`` away, or None past the calendar's ends."""
    found_year, index = divmod(year * 4 + quarter - 1 + steps, 4)
    return (found_year, index + 1) if quarter_exists(found_year, index + 1) else None


def quarter_window(period: Period) -> tuple[datetime.date, datetime.date]:
    """The year up to the end of the quarter: the quarter with three before it."""
    return add_months(period.start, -9), add_months(period.start, 3)


def history_window(
    checkins: Iterable, *, today: datetime.date, earlier: bool = False
) -> tuple[datetime.date, datetime.date]:
    """Whole months for the history charts: up to a year back, from the first check-in on.

    ``checkins`` have a ``period`` and ``is_submitted``; ``earlier`` says that submitted
    check-ins not given lie before the year. Returns the first day and the day after the
    last (exclusive), like a range.
    """
    middles = [c.period.middle for c in checkins if c.is_submitted]
    end = add_months(max([today, *middles]), 1)
    year_back = add_months(end, -MONTHS_SHOWN)
    first = year_back if earlier else add_months(min(middles, default=today), 0)
    start = max(year_back, first)
    return min(start, add_months(end, -MIN_MONTHS)), end


def window_floor(today: datetime.date) -> datetime.date:
    """No chart window reaches back before this: check-ins that ended earlier are not
    needed to draw them (``history_window`` only needs to know that they exist)."""
    return add_months(today, 1 - MONTHS_SHOWN)
