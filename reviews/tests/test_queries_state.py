"""The check-in state counts missed periods and the streak from the rhythm's start dates
(one query): it must agree with walking the periods one by one, for every rhythm and any
history."""

import datetime
import random
from unittest.mock import patch

import pytest
from django.db.utils import ConnectionHandler

from reviews import queries
from reviews.cadence import (
    Cadence,
    period_containing,
    period_number,
    periods_between,
    previous_period,
)
from reviews.models import CheckIn, CheckInStatus, Schedule

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2027, 5, 12)


def walked(user, today: datetime.date) -> tuple[int, int]:
    """Missed periods and the streak, counted period by period (the obvious way)."""
    schedule = queries.schedule_of(user)
    first = schedule.period_for(schedule.anchor)
    # Periods count from the first one that starts on or after the anchor.
    after = first.end + datetime.timedelta(days=1)
    first_counted = first.start if first.start >= schedule.anchor else after
    starts = set(
        CheckIn.objects.for_user(user)
        .submitted()
        .filter(period_start__gte=first.start)
        .values_list("period_start", flat=True)
    )
    period = schedule.period_for(today)
    ended = [
        p
        for p in periods_between(first_counted, today, schedule.cadence, schedule.anchor)
        if p.end < today and p.start >= first_counted
    ]
    missed = sum(1 for p in ended if p.start not in starts)
    streak = 1 if period.start in starts else 0
    cursor = previous_period(period, schedule.cadence, schedule.anchor)
    while cursor.start in starts:
        streak += 1
        cursor = previous_period(cursor, schedule.cadence, schedule.anchor)
    return missed, streak


def history(user, cadence: str, anchor: datetime.date, seed: int) -> None:
    """Periods from before the anchor to today, each with a submitted check-in, a draft or
    nothing; before the anchor, now and then one made under an earlier rhythm."""
    rng = random.Random(seed)
    start = anchor - datetime.timedelta(days=rng.randint(0, 120))
    for period in periods_between(start, TODAY, cadence, anchor):
        roll = rng.random()
        if roll < 0.25:
            continue
        made_as = cadence
        if roll > 0.9 and period.start <= anchor:  # made under the rhythm before this one
            made_as = rng.choice(Cadence.values)
            period = period_containing(period.start, made_as, period.start)
        CheckIn.objects.get_or_create(
            user=user,
            period_start=period.start,
            defaults={
                "period_end": period.end,
                "cadence": made_as,
                "status": CheckInStatus.DRAFT if roll < 0.35 else CheckInStatus.SUBMITTED,
            },
        )


@pytest.mark.parametrize("cadence", Cadence.values)
@pytest.mark.parametrize("seed", range(6))
def test_missed_and_streak_agree_with_walking_the_periods(owner, cadence, seed):
    anchor = D(2025, 1, 1) + datetime.timedelta(days=37 * seed)
    Schedule.objects.create(user=owner, cadence=cadence, anchor=anchor)
    history(owner, cadence, anchor, seed)
    for today in (TODAY, TODAY - datetime.timedelta(days=9), anchor):
        state = queries.checkin_state(owner, today=today)
        assert (state.missed, state.streak) == walked(owner, today), today


@pytest.fixture
def sqlite_connection():
    """An in-memory SQLite database through Django's own backend (what ``make run`` uses),
    holding a copy of the check-ins table's rhythm columns."""
    handler = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    )
    sqlite = handler["default"]
    with sqlite.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE reviews_checkin (id INTEGER PRIMARY KEY, user_id INTEGER, "
            "period_start DATE, cadence TEXT, status TEXT)"
        )
    yield sqlite
    sqlite.close()


@pytest.mark.parametrize("cadence", Cadence.values)
@pytest.mark.parametrize("seed", range(3))
def test_the_rhythm_query_counts_the_same_on_sqlite(owner, cadence, seed, sqlite_connection):
    """The rhythm's SQL has a period-number expression for each database: the SQLite one
    must count what PostgreSQL's counts, on the same check-ins."""
    anchor = D(2025, 3, 1) + datetime.timedelta(days=41 * seed)
    schedule = Schedule.objects.create(user=owner, cadence=cadence, anchor=anchor)
    history(owner, cadence, anchor, seed + 10)
    # A streak up to both days below, so the run is counted too, not only the total.
    period = schedule.period_for(TODAY)
    for _ in range(seed + 3):
        period = previous_period(period, cadence, anchor)
        CheckIn.objects.update_or_create(
            user=owner,
            period_start=period.start,
            defaults={"period_end": period.end, "cadence": cadence, "status": "submitted"},
        )
    rows = CheckIn.objects.for_user(owner).values_list(
        "pk", "user_id", "period_start", "cadence", "status"
    )
    with sqlite_connection.cursor() as cursor:
        cursor.executemany("INSERT INTO reviews_checkin VALUES (%s, %s, %s, %s, %s)", list(rows))
    counted = []
    for today in (TODAY, TODAY - datetime.timedelta(days=9), anchor):
        period = schedule.period_for(today)
        on_postgresql = queries._submitted_in_rhythm(schedule, period)
        with patch.object(queries, "connection", sqlite_connection):
            on_sqlite = queries._submitted_in_rhythm(schedule, period)
        assert on_sqlite == on_postgresql, today
        counted.append(on_postgresql)
    assert counted[0][1] >= seed + 3  # the streak was counted


def test_a_long_unbroken_rhythm_is_one_streak(owner):
    anchor = D(2017, 5, 1)
    Schedule.objects.create(user=owner, cadence=Cadence.FORTNIGHTLY, anchor=anchor)
    periods = periods_between(anchor, TODAY, Cadence.FORTNIGHTLY, anchor)[:-1]
    CheckIn.objects.bulk_create(
        CheckIn(
            user=owner,
            period_start=p.start,
            period_end=p.end,
            cadence=Cadence.FORTNIGHTLY,
            status=CheckInStatus.SUBMITTED,
        )
        for p in periods
    )
    state = queries.checkin_state(owner, today=TODAY)
    assert (state.missed, state.streak) == (0, len(periods))


@pytest.mark.parametrize("cadence", Cadence.values)
def test_consecutive_periods_have_consecutive_numbers(cadence):
    anchor = D(2026, 12, 30)
    periods = periods_between(D(2024, 11, 20), D(2027, 2, 3), cadence, anchor)
    numbers = [period_number(p.start, cadence, anchor) for p in periods]
    assert numbers == list(range(numbers[0], numbers[0] + len(periods)))
    assert all(
        period_number(p.end, cadence, anchor) == n for p, n in zip(periods, numbers, strict=True)
    )
