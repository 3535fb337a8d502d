import datetime

import pytest

from reviews.cadence import (
    Cadence,
    Period,
    next_period,
    period_containing,
    periods_between,
    previous_period,
    quarter_bounds,
)

D = datetime.date
ANCHOR = D(2026, 1, 7)  # a Wednesday


@pytest.mark.parametrize(
    ("day", "cadence", "expected"),
    [
        (D(2026, 3, 4), Cadence.WEEKLY, Period(D(2026, 3, 2), D(2026, 3, 8))),
        (D(2026, 3, 8), Cadence.WEEKLY, Period(D(2026, 3, 2), D(2026, 3, 8))),  # Sunday
        (D(2026, 12, 31), Cadence.WEEKLY, Period(D(2026, 12, 28), D(2027, 1, 3))),  # across years
        (D(2026, 1, 5), Cadence.FORTNIGHTLY, Period(D(2026, 1, 5), D(2026, 1, 18))),
        (D(2026, 1, 19), Cadence.FORTNIGHTLY, Period(D(2026, 1, 19), D(2026, 2, 1))),
        (
            D(2026, 1, 4),
            Cadence.FORTNIGHTLY,
            Period(D(2025, 12, 22), D(2026, 1, 4)),
        ),  # before anchor
        (D(2026, 1, 31), Cadence.MONTHLY, Period(D(2026, 1, 1), D(2026, 1, 31))),
        (D(2026, 2, 14), Cadence.MONTHLY, Period(D(2026, 2, 1), D(2026, 2, 28))),
        (D(2028, 2, 14), Cadence.MONTHLY, Period(D(2028, 2, 1), D(2028, 2, 29))),  # leap year
        (D(2026, 4, 30), Cadence.MONTHLY, Period(D(2026, 4, 1), D(2026, 4, 30))),
        (D(2026, 2, 1), Cadence.QUARTERLY, Period(D(2026, 1, 1), D(2026, 3, 31))),
        (D(2026, 6, 30), Cadence.QUARTERLY, Period(D(2026, 4, 1), D(2026, 6, 30))),
        (D(2026, 11, 24), Cadence.QUARTERLY, Period(D(2026, 10, 1), D(2026, 12, 31))),
    ],
)
def test_period_containing(day, cadence, expected):
    assert period_containing(day, cadence, ANCHOR) == expected


@pytest.mark.parametrize("cadence", Cadence.values)
def test_periods_tile_the_calendar_without_gaps_or_overlaps(cadence):
    periods = periods_between(D(2027, 12, 20), D(2029, 3, 10), cadence, ANCHOR)
    for earlier, later in zip(periods, periods[1:], strict=False):
        assert later.start == earlier.end + datetime.timedelta(days=1)
    for period in periods:
        assert next_period(period, cadence, ANCHOR).start == period.end + datetime.timedelta(days=1)
        assert previous_period(next_period(period, cadence, ANCHOR), cadence, ANCHOR) == period
    # 2028 is a leap year: February 29 belongs to exactly one period.
    assert sum(p.contains(D(2028, 2, 29)) for p in periods) == 1


def test_month_after_january_31_is_february():
    january = period_containing(D(2027, 1, 31), Cadence.MONTHLY, ANCHOR)
    assert next_period(january, Cadence.MONTHLY, ANCHOR) == Period(D(2027, 2, 1), D(2027, 2, 28))


def test_quarter_bounds_and_bad_quarters():
    assert quarter_bounds(2028, 1) == Period(D(2028, 1, 1), D(2028, 3, 31))
    assert quarter_bounds(2027, 4) == Period(D(2027, 10, 1), D(2027, 12, 31))
    with pytest.raises(ValueError, match="quarter"):
        quarter_bounds(2027, 5)


def test_unknown_cadence_is_an_error():
    with pytest.raises(ValueError, match="unknown cadence"):
        period_containing(D(2027, 1, 1), "hourly", ANCHOR)
