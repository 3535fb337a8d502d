"""The history page's reads: the check-ins of the charts' months, and one page of the list.

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

from reviews.cadence import history_window, window_floor
from reviews.models import CheckIn, CheckInStatus, GoalReview
from reviews.queries import CheckInState, PlannedVsActual, checkin_state, planned, steps_done

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
    """One aggregate query; ``floor`` is ``cadence.window_floor(today)``."""
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


class _CountedPaginator(Paginator):
    """A paginator told its count by an aggregate the page has already made."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count


def list_page(user, number: str | None, *, total: int) -> tuple[Page, dict[int, Counter]]:
    """The check-ins on page ``number`` (newest first; any bad number gives a real page)
    and their goal reviews counted by status, by check-in id: two queries."""
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
    return page, statuses


@dataclass(frozen=True)
class HistoryRows:
    state: CheckInState
    counts: Counts
    page: Page  # the list's page; its rows are ``rows``
    rows: list[CheckIn]
    statuses: dict[int, Counter]  # goal reviews of the list's rows, counted by status
    start: datetime.date  # the charts' months, ``end`` exclusive
    end: datetime.date
    shown: list[CheckIn]  # the submitted check-ins drawn in those months
    reviews: dict[int, list]  # their progress, for the latest goals (``goal_reviews``)
    planned: PlannedVsActual
    steps_done: int


def history_rows(user, *, page: str | None, today: datetime.date, zone) -> HistoryRows:
    """Everything the history page shows: twelve queries, limited to the charts' year
    (or since the first check-in) and one page of the list, whatever lies before."""
    floor = window_floor(today)
    counts = checkin_counts(user, floor=floor)
    listed, statuses = list_page(user, page, total=counts.total)
    checkins = window_checkins(user, floor=floor)
    start, end = history_window(checkins, today=today, earlier=counts.earlier > 0)
    shown = [c for c in checkins if start <= c.period.middle < end]
    return HistoryRows(
        state=checkin_state(user, today=today),
        counts=counts,
        page=listed,
        rows=list(listed.object_list),
        statuses=statuses,
        start=start,
        end=end,
        shown=shown,
        reviews=goal_reviews(shown),
        planned=planned(user, start=start, end=end, today=today, zone=zone),
        steps_done=steps_done(user, start=start, end=end, zone=zone),
    )
