"""History, trends and the quarterly summary.

Each page loads a fixed set of rows, all scoped to the signed-in person, and hands them to
``reviews.trends`` / ``reviews.trends_quarter`` to compute; the query count does not grow
with the number of check-ins, goals or steps. The history's reads (``reviews.history_reads``)
are limited to the charts' year and one page of the list, so neither do its rows.
"""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from goals.models import ChangeKind, Goal, GoalChange, Task
from reviews import figures, history_reads, selectors, trends, trends_planned, trends_quarter
from reviews.cadence import quarter_bounds
from reviews.models import CheckIn, GoalReview, Reflection

# Only what the computations read, so the rows stay small with years of history.
REVIEW_FIELDS = ("checkin", "goal", "goal_title", "progress", "status", "note")
CHANGE_FIELDS = ("goal", "kind", "old_value", "new_value", "reason", "created_at")


def _with_reviews(checkins):
    return checkins.prefetch_related(
        Prefetch("goal_reviews", queryset=GoalReview.objects.only(*REVIEW_FIELDS))
    )


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


@require_GET
def history(request: HttpRequest) -> HttpResponse:
    today, user = timezone.localdate(), request.user
    counts = history_reads.checkin_counts(user, floor=trends.window_floor(today))
    page, lines = history_reads.list_page(user, request.GET.get("page"), total=counts.total)
    charts = history_reads.charts(
        user, today=today, earlier=counts.earlier > 0, zone=timezone.get_current_timezone()
    )
    context = {
        "state": selectors.checkin_state(user, today=today),
        "counts": counts,
        "page_obj": page,
        "lines": lines,
        **vars(charts),
    }
    return render(request, "reviews/history.html", context)


@require_GET
def quarter_current(request: HttpRequest) -> HttpResponse:
    year, quarter = trends_quarter.quarter_of(timezone.localdate())
    return redirect("reviews:quarter", year=year, quarter=quarter)


@require_GET
def quarter(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    if not trends_quarter.quarter_exists(year, quarter):
        raise Http404
    user, today = request.user, timezone.localdate()
    summary = trends_quarter.quarter_summary(
        year, quarter, **_quarter_rows(user, year, quarter, today)
    )
    this_quarter = trends_quarter.quarter_of(today)
    following = trends_quarter.quarter_step(year, quarter, 1)
    context = {
        "summary": summary,
        "previous": trends_quarter.quarter_step(year, quarter, -1),
        # No link into quarters that have not started: there is nothing to sum up yet.
        "next": following if following and following <= this_quarter else None,
        "is_current": (year, quarter) == this_quarter,
        "today": today,
    }
    return render(request, "reviews/quarter.html", context)


def _quarter_rows(user, year: int, quarter: int, today: datetime.date) -> dict:
    """The rows and figures the quarter's summary needs: nine queries whatever the
    history's size."""
    period = quarter_bounds(year, quarter)
    first, last = period.start, period.end + datetime.timedelta(days=1)
    following = quarter_bounds(*trends_quarter.quarter_of(last))
    zone = timezone.get_current_timezone()
    # Earlier check-ins give each goal's progress before the quarter and the year's trend.
    checkins = CheckIn.objects.for_user(user).submitted().filter(period_start__lt=last)
    reflections = Reflection.objects.filter(
        checkin__in=checkins.filter(period_start__gte=first)
    ).select_related("checkin", "prompt")
    goals = Goal.objects.for_user(user).only(
        "title", "status", "status_changed_at", "created_at", "target_date"
    )
    changes = GoalChange.objects.filter(
        goal__user=user,
        kind__in=[ChangeKind.STATUS, ChangeKind.RESCHEDULED],
        created_at__gte=_midnight(first),
        created_at__lt=_midnight(last),
    )
    # What is coming up next quarter; the quarter's own steps are counted by the database.
    tasks = Task.objects.for_user(user).filter(
        due_date__gte=following.start, due_date__lte=following.end
    )
    return {
        "checkins": list(_with_reviews(checkins)),
        "reflections": list(reflections),
        "goals": list(goals),
        "changes": list(changes.only(*CHANGE_FIELDS)),
        "tasks": list(tasks.select_related("goal")),
        "planned": trends_planned.planned(
            user, start=first, end=last, today=today, zone=zone, chart=False
        ),
        "steps_done": figures.steps_done(user, start=first, end=last, zone=zone),
        "zone": zone,
    }
