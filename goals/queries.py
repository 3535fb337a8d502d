"""What the goals pages read, assembled once: more than one QuerySet method each."""

from __future__ import annotations

import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.http import QueryDict
from django.urls import reverse
from django.utils.functional import cached_property

from goals.charts.shapes import DEFAULT_ZOOM, ZOOMS, Timeline
from goals.charts.timeline import build_timeline, window
from goals.forms import GoalFilterForm
from goals.models import Goal, GoalQuerySet, Task

# A page of the goal list or the archive: a screenful or two, the same cost for a person
# with 3 goals or 3,000 (issue #8).
GOALS_PER_PAGE = 20


def goal_list_page(user, form: GoalFilterForm, *, page: str | None) -> Page:
    """Page ``page`` of the person's goals as the list's filters and order pick them."""
    goals = form.filter(Goal.objects.for_user(user).with_task_counts())
    return Paginator(goals, GOALS_PER_PAGE).get_page(page)


def goal_archive_page(user, *, page: str | None) -> Page:
    """Page ``page`` of the person's achieved and dropped goals, the latest closed first."""
    goals = (
        Goal.objects.for_user(user)
        .closed()
        .with_task_counts()
        .order_by("-status_changed_at", "-pk")
    )
    return Paginator(goals, GOALS_PER_PAGE).get_page(page)


def goal_list_order(user, form: GoalFilterForm) -> list[int]:
    """The pks of the goals the list shows with ``form``'s filters, in its order."""
    return list(form.filter(Goal.objects.for_user(user)).values_list("pk", flat=True))


def goal_list_url(user, form: GoalFilterForm, query: QueryDict, goal: Goal) -> str:
    """The list as the person left it (``query``: its filters), on the page where ``goal``
    is now, scrolled to it."""
    order = goal_list_order(user, form)
    query = query.copy()
    query.pop("page", None)
    if goal.pk in order:
        page = order.index(goal.pk) // GOALS_PER_PAGE + 1
        if page > 1:
            query["page"] = str(page)
    suffix = f"?{query.urlencode()}" if query else ""
    return f"{reverse('goals:list')}{suffix}#goal-{goal.pk}"


# Goals drawn per page. A chart much taller than a screen stops being an overview, and
# every row brings its steps to the chart and the list below: ten rows keep the large
# person's page near the small one's (the "timeline: large / small" pair of make bench-web).
ROWS_PER_PAGE = 10


class _CountedPaginator(Paginator):
    """A paginator given its count, which the page's summary query has already made."""

    def __init__(self, object_list, per_page: int, *, count: int):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count


def timeline_page(
    goals: GoalQuerySet, *, today: datetime.date, zoom: str, page: str | None
) -> Timeline:
    """Page ``page`` of the timeline of ``goals`` (one person's, filtered) for ``zoom``.

    Three queries whatever the person's history: the counts, the page's goals (with the
    span of their steps), and those goals' steps in view or overdue.
    """
    zoom = zoom if zoom in ZOOMS else DEFAULT_ZOOM
    start, end = window(today, zoom)
    counts = goals.timeline_counts(start=start, end=end)
    steps = Task.objects.on_timeline(start=start, end=end).order_by("due_date", "pk")
    rows = (
        goals.on_timeline(start=start, end=end)
        .timeline_order()
        .with_due_span()
        .prefetch_related(Prefetch("tasks", queryset=steps, to_attr="tasks_in_view"))
    )
    paginator = _CountedPaginator(rows, ROWS_PER_PAGE, count=counts["shown"])
    page_obj = paginator.get_page(page)
    chart = build_timeline(page_obj, today=today, zoom=zoom)
    chart.page_obj = page_obj
    chart.undated_count, chart.outside_count = counts["undated"], counts["outside"]
    return chart
