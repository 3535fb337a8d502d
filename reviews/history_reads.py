"""Reads for the history page: the check-ins of the charts' months, and one page of the list.

Each query is limited by the database to the charts' year or to the page, and everything
counted is counted there: the page makes the same queries for one check-in as for ten
years of them, and loads at most a year of check-ins (with the progress of a few goals)
and a page of the list, whatever lies before.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Q

from reviews import figures, trends, trends_planned
from reviews.models import CheckIn, CheckInStatus, GoalReview
from reviews.trends_planned import PlannedVsActual

PER_PAGE = 12
GOALS_SHOWN = 4  # progress charts (a row of them on a wide screen), for the latest goals

# Only what the computations and the list read.
CHECKIN_FIELDS = ("period_start", "period_end", "cadence", "status", "satisfaction", "energy")
REVIEW_FIELDS = ("checkin", "goal", "goal_title", "progress", "status")


@dataclass(frozen=True)
class Counts:
    total: int  # every check-in, drafts too: the list's length
    submitted: int
    earlier: int  # submitted, and ended before the charts could reach


def checkin_counts(user, *, floor: datetime.date) -> Counts:
    """One aggregate query; ``floor`` is ``trends.window_floor(today)``."""
    submitted = Q(status=CheckInStatus.SUBMITTED)
    counts = CheckIn.objects.for_user(user).aggregate(
        total=Count("pk"),
        submitted=Count("pk", filter=submitted),
        earlier=Count("pk", filter=submitted & Q(period_end__lt=floor)),
    )
    return Counts(**counts)


def window_checkins(user, *, floor: datetime.date) -> list[CheckIn]:
    """The submitted check-ins that may fall in the charts' months, oldest first."""
    checkins = CheckIn.objects.for_user(user).submitted().filter(period_end__gte=floor)
    return list(checkins.only(*CHECKIN_FIELDS).order_by("period_start"))


def goal_reviews(checkins: list[CheckIn], *, limit: int = GOALS_SHOWN) -> dict[int, list]:
    """The progress recorded in these check-ins, by check-in id, for the ``limit`` + 1
    goals reviewed most recently (one more, to tell that there are more) and for deleted
    goals, which keep their reviews under their title. One query."""
    if not checkins:
        return {}
    recorded = GoalReview.objects.filter(
        checkin__in=[c.pk for c in checkins], progress__isnull=False
    )
    latest = (
        recorded.filter(goal__isnull=False)
        .values("goal")
        .annotate(last=Max("checkin__period_start"), title=Max("goal_title"))
        .order_by("-last", "title")
        .values("goal")[: limit + 1]
    )
    shown = recorded.filter(Q(goal__in=latest) | Q(goal__isnull=True)).only(*REVIEW_FIELDS)
    by_checkin = defaultdict(list)
    for review in shown.order_by("pk"):
        by_checkin[review.checkin_id].append(review)
    return by_checkin


@dataclass(frozen=True)
class Charts:
    """What the charts show, named as the templates use it."""

    window_start: datetime.date
    window_last: datetime.date
    mood: trends.MoodTrend
    goal_trends: list[trends.GoalTrend]
    more_goals: bool  # more goals were reviewed than have a chart
    planned: PlannedVsActual  # steps on time and dates moved
    steps_done: int


def charts(user, *, today: datetime.date, earlier: bool, zone) -> Charts:
    """The charts of the last twelve months (or since the first check-in): five queries.

    ``earlier`` says that submitted check-ins ended before the year (``Counts.earlier``).
    """
    checkins = window_checkins(user, floor=trends.window_floor(today))
    start, end = trends.history_window(checkins, today=today, earlier=earlier)
    shown = [c for c in checkins if start <= trends.midpoint(c) < end]
    goals = trends.goal_trends(
        shown, start=start, end=end, limit=GOALS_SHOWN + 1, reviews=goal_reviews(shown)
    )
    return Charts(
        window_start=start,
        window_last=end - datetime.timedelta(days=1),
        mood=trends.mood_trend(shown, start=start, end=end),
        goal_trends=goals[:GOALS_SHOWN],
        more_goals=len(goals) > GOALS_SHOWN,
        planned=trends_planned.planned(user, start=start, end=end, today=today, zone=zone),
        steps_done=figures.steps_done(user, start=start, end=end, zone=zone),
    )


class _CountedPaginator(Paginator):
    """A paginator told its count by an aggregate the page has already made."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count


def list_page(user, number: str | None, *, total: int) -> tuple[Page, list[trends.CheckInLine]]:
    """The check-ins on page ``number`` (newest first; any bad number gives a real page)
    as lines: two queries, the page's rows and their goal reviews counted by status."""
    checkins = CheckIn.objects.for_user(user).only(*CHECKIN_FIELDS).order_by("-period_start")
    page = _CountedPaginator(checkins, PER_PAGE, count=total).get_page(number)
    rows = list(page.object_list)
    statuses: dict[int, Counter] = defaultdict(Counter)
    if rows:
        counted = (
            GoalReview.objects.filter(checkin__in=[c.pk for c in rows])
            .values_list("checkin", "status")
            .annotate(count=Count("pk"))
            .order_by()
        )
        for checkin_id, status, count in counted:
            statuses[checkin_id][status] = count
    return page, trends.checkin_lines(rows, statuses)
