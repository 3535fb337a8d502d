"""The history's charts and the list of check-ins, computed from what
``reviews.queries.history.history_rows`` read: the same work for 1 check-in as for 1,000.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext as _

from careerapp.links import PkUrl
from reviews.cadence import Period
from reviews.charts.axes import (
    Chart,
    Day,
    Frame,
    Point,
    Series,
    day_format,
    goal_key,
    in_period,
    midpoint,
    period_label,
    scores,
    submitted_in_order,
)
from reviews.charts.planned import planned_chart
from reviews.models import CheckIn, GoalReview, GoalStatusChoice
from reviews.queries import PlannedVsActual
from reviews.queries.history import GOALS_SHOWN, HistoryRows

# --- The list of check-ins -------------------------------------------------------------


@dataclass(frozen=True)
class CheckInLine:
    checkin: CheckIn
    label: str
    summary: str
    url: str


def checkin_lines(
    checkins: Iterable[CheckIn], statuses: Mapping[int, Counter] | None = None
) -> list[CheckInLine]:
    """One line per check-in, in the order given.

    ``statuses`` counts each check-in's goal reviews by status, by check-in id; without
    it they are counted from the prefetched ``goal_reviews``.
    """
    url = PkUrl("reviews:checkin")
    return [
        CheckInLine(
            c,
            period_label(c),
            summarize(
                c,
                statuses.get(c.pk, Counter())
                if statuses is not None
                else Counter(review.status for review in c.goal_reviews.all()),
            ),
            url(c.pk),
        )
        for c in checkins
    ]


def summarize(checkin: CheckIn, statuses: Counter) -> str:
    """Scores and goal reviews in a line; ``statuses`` counts the reviews by status."""
    parts = []
    if checkin.satisfaction:
        parts.append(_("Satisfaction %(score)s/5") % {"score": checkin.satisfaction})
    if checkin.energy:
        parts.append(_("Energy %(score)s/5") % {"score": checkin.energy})
    reviewed = sum(statuses.values())
    if reviewed:
        listed = ", ".join(
            _("%(count)s %(status)s")
            % {"count": statuses[s], "status": GoalStatusChoice(s).label.lower()}
            for s in GoalStatusChoice
            if statuses[s]
        )
        goals = ngettext("%(count)s goal", "%(count)s goals", reviewed) % {"count": reviewed}
        words = {"goals": goals, "statuses": listed}
        parts.append(_("%(goals)s: %(statuses)s") % words if listed else goals)
    return " · ".join(parts) or _("Nothing scored or reviewed.")


# --- Satisfaction and energy -----------------------------------------------------------


@dataclass
class MoodTrend:
    chart: Chart
    rows: list[tuple[str, int | None, int | None]]  # period, satisfaction, energy
    satisfaction: float | None  # averages over the window
    energy: float | None


def mood_trend(
    checkins: Iterable[CheckIn], *, start: Day, end: Day, highlight: Period | None = None
) -> MoodTrend:
    title = _("Satisfaction and energy, %(start)s to %(end)s") % {
        "start": day_format(start, gettext("F Y")),
        "end": day_format(end - datetime.timedelta(days=1), gettext("F Y")),
    }
    chart = Chart("mood", title, "", 220, 3, 100, 10, 172)
    frame = Frame(chart, start, end, 1, 5)
    frame.months()
    frame.values([1, 2, 3, 4, 5])
    if highlight is not None:
        width = frame.edge(highlight.end + datetime.timedelta(days=1)) - frame.edge(highlight.start)
        chart.band = (frame.edge(highlight.start), round(width, 2))
    shown = in_period(checkins, start=start, end=end)
    labels = [period_label(c) for c in shown]
    words = _("%(period)s: %(what)s %(score)s of 5")
    for key, label, shape in (
        ("satisfaction", _("Satisfaction"), "circle"),
        ("energy", _("Energy"), "square"),
    ):
        points = [
            Point(
                frame.x(midpoint(c)),
                frame.y(score),
                score,
                words % {"period": period, "what": label, "score": score},
            )
            for c, period in zip(shown, labels, strict=True)
            if (score := getattr(c, key)) is not None
        ]
        chart.series.append(Series(key, label, points, shape))
    count = ngettext(
        "%(count)s check-in, scored from 1 (low) to 5 (high).",
        "%(count)s check-ins, each scored from 1 (low) to 5 (high).",
        len(shown),
    ) % {"count": len(shown)}
    # Translated outside the f-string: xgettext does not read inside one.
    table = _("The same numbers are in the table with the chart.")
    chart.desc = f"{count} {table}"
    return MoodTrend(
        chart,
        [(period, c.satisfaction, c.energy) for c, period in zip(shown, labels, strict=True)],
        *scores(shown),
    )


# --- Progress per goal -----------------------------------------------------------------


@dataclass
class GoalTrend:
    goal_id: int | None
    title: str
    chart: Chart
    rows: list[tuple[str, int, str]]  # period, progress, status in words
    latest: int
    latest_status: str

    @property
    def table_rows(self) -> list[tuple[str, str, str]]:
        return [(period, f"{progress}%", status) for period, progress, status in self.rows]


def goal_trends(
    checkins: Iterable[CheckIn],
    *,
    start: Day,
    end: Day,
    limit: int | None = None,
    reviews: Mapping[int, Sequence[GoalReview]] | None = None,
) -> list[GoalTrend]:
    """Progress over time for each goal reviewed in the window, most recently reviewed
    first; the first ``limit`` goals only, when given. ``reviews`` are the check-ins'
    goal reviews by check-in id; without it, their prefetched ``goal_reviews``."""
    entries: dict[int | str, list[tuple[CheckIn, GoalReview]]] = defaultdict(list)
    for checkin in submitted_in_order(checkins):
        if start <= midpoint(checkin) < end:
            given = checkin.goal_reviews.all() if reviews is None else reviews.get(checkin.pk, ())
            for review in given:
                if review.progress is not None:
                    entries[goal_key(review)].append((checkin, review))
    ordered = sorted(
        entries.values(), key=lambda e: (-e[-1][0].period_start.toordinal(), e[-1][1].goal_title)
    )
    words = {
        "point": _("%(period)s: %(progress)s%%"),
        **{status: str(label) for status, label in GoalStatusChoice.choices},
    }
    return [
        _goal_trend(index, pairs, start, end, words) for index, pairs in enumerate(ordered[:limit])
    ]


def _goal_trend(index: int, pairs: list, start: Day, end: Day, words: dict) -> GoalTrend:
    last = pairs[-1][1]
    title = _("Progress of “%(goal)s”") % {"goal": last.goal_title}
    chart = Chart(f"goal-{index}", title, "", 92, 14, 100, 8, 84)
    frame = Frame(chart, start, end, 0, 100)
    frame.values([0, 50, 100], "%")
    rows, points = [], []
    for checkin, review in pairs:
        status = words.get(review.status, review.status)
        label = period_label(checkin)
        rows.append((label, review.progress, status))
        point = words["point"] % {"period": label, "progress": review.progress}
        point += f", {status.lower()}" if status else ""
        x, y = frame.x(midpoint(checkin)), frame.y(review.progress)
        points.append(Point(x, y, review.progress, point, f"is-{review.status or 'none'}"))
    chart.series.append(Series("progress", _("Progress"), points))
    chart.desc = _("From %(first)s%% to %(last)s%% over %(count)s check-ins.") % {
        "first": pairs[0][1].progress,
        "last": last.progress,
        "count": len(pairs),
    }
    return GoalTrend(last.goal_id, last.goal_title, chart, rows, last.progress, status)


# --- The history page ------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryCharts:
    """What the history page shows, named as its template uses it."""

    lines: list[CheckInLine]  # the list's page
    window_start: Day
    window_last: Day
    mood: MoodTrend
    goal_trends: list[GoalTrend]
    more_goals: bool  # more goals were reviewed than have a chart
    planned: PlannedVsActual  # steps on time and dates moved
    steps_done: int


def history_charts(rows: HistoryRows) -> HistoryCharts:
    """The charts of the last twelve months (or since the first check-in) and the list."""
    start, end = rows.start, rows.end
    goals = goal_trends(
        rows.shown, start=start, end=end, limit=GOALS_SHOWN + 1, reviews=rows.reviews
    )
    return HistoryCharts(
        lines=checkin_lines(rows.rows, rows.statuses),
        window_start=start,
        window_last=end - datetime.timedelta(days=1),
        mood=mood_trend(rows.shown, start=start, end=end),
        goal_trends=goals[:GOALS_SHOWN],
        more_goals=len(goals) > GOALS_SHOWN,
        planned=replace(rows.planned, chart=planned_chart(rows.planned.months, start, end)),
        steps_done=rows.steps_done,
    )
