"""What the goals pages read, assembled once: more than one QuerySet method each."""

from __future__ import annotations

import datetime

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.functional import cached_property

from goals.charts.shapes import DEFAULT_ZOOM, ZOOMS, Timeline
from goals.charts.timeline import build_timeline, window
from goals.models import GoalQuerySet, Task

# Goals drawn per page. A chart much taller than a screen stops being an overview, and
# every row brings its steps to the chart and the list below: ten rows keep a page for a
# person with a hundred open goals within 0.8x the speed of one with a single goal.
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
