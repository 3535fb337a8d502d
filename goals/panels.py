"""What the goals app adds to the dashboard: a checklist item and two panels.

The database picks the few rows each panel shows, whatever the number of goals and steps;
the cards link to the full lists. The two reads are in SQL (``careerapp.dashboard.rows``),
a departure measured in benchmarks/README.md, "Departures from plain Django".
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from careerapp import dashboard
from careerapp.dashboard import ChecklistItem
from careerapp.links import PkUrl
from goals.models import Goal, LearningItem, Status

PANEL_GOALS = 5
PANEL_TASKS = 8
PANEL_EXPIRING = 5


def checklist(user) -> list[ChecklistItem]:
    return [
        ChecklistItem(
            key="first_goal",
            label=_("Set your first goal"),
            hint=_("One specific goal with a date and a reason. Templates help you start."),
            url=reverse("goals:create"),
            # The panel's active goals answer this for most people; only someone with
            # none needs the database asked.
            done=bool(_first_active_goals(user)) or Goal.objects.for_user(user).exists(),
            order=40,
        )
    ]


# The first active goals by priority, with their steps counted for those goals only.
_FIRST_ACTIVE_GOALS = """
SELECT g.id, g.title, g.target_date, g.manual_progress,
       (SELECT COUNT(*) FROM goals_task t WHERE t.goal_id = g.id),
       (SELECT COUNT(*) FROM goals_task t WHERE t.goal_id = g.id AND t.done_at IS NOT NULL)
FROM goals_goal g
WHERE g.user_id = %(user)s AND g.status = %(active)s
ORDER BY g.priority, g.created_at, g.id
LIMIT %(limit)s
"""
# Open steps of active goals: the oldest overdue ones and those due this week, a few of
# each, in one query. PostgreSQL goes goal by goal (LATERAL); SQLite, which has none, takes
# the two kinds in turn. How each form keeps the work to the person's active goals, and
# why these two reads are SQL: benchmarks/README.md, "Departures from plain Django".
_STEPS_PER_GOAL = """
SELECT id, title, due_date, position, goal_id, goal_title FROM (
    SELECT t.id, t.title, t.due_date, t.position, t.goal_id, g.title AS goal_title,
           ROW_NUMBER() OVER (
               PARTITION BY t.due_date < %(today)s ORDER BY t.due_date, t.position, t.id
           ) AS number
    FROM goals_goal g CROSS JOIN LATERAL (
        SELECT t.id, t.title, t.due_date, t.position, t.goal_id FROM goals_task t
        WHERE t.goal_id = g.id AND t.done_at IS NULL AND t.due_date <= %(week_end)s
        ORDER BY t.due_date, t.position, t.id
    ) AS t
    WHERE g.user_id = %(user)s AND g.status = %(active)s
) AS steps
WHERE number <= %(limit)s
"""
_STEPS_JOINED = """
SELECT * FROM (
    SELECT t.id, t.title, t.due_date, t.position, t.goal_id, g.title AS goal_title
    FROM goals_task t JOIN goals_goal g ON g.id = t.goal_id
    WHERE g.user_id = %(user)s AND g.status = %(active)s AND COALESCE(t.done_at, NULL) IS NULL
      AND t.due_date < %(today)s
    ORDER BY t.due_date, t.position, t.id
    LIMIT %(limit)s
) AS overdue
UNION ALL
SELECT * FROM (
    SELECT t.id, t.title, t.due_date, t.position, t.goal_id, g.title AS goal_title
    FROM goals_task t JOIN goals_goal g ON g.id = t.goal_id
    WHERE g.user_id = %(user)s AND g.status = %(active)s AND COALESCE(t.done_at, NULL) IS NULL
      AND t.due_date >= %(today)s AND t.due_date <= %(week_end)s
    ORDER BY t.due_date, t.position, t.id
    LIMIT %(limit)s
) AS this_week
"""
_STEPS_THAT_NEED_YOU = {"postgresql": _STEPS_PER_GOAL, "sqlite": _STEPS_JOINED}


@dataclass(frozen=True)
class GoalLine:
    """An active goal as the panel lists it: words, link and progress made here."""

    title: str
    url: str
    target: str  # the target date, or ""
    is_late: bool
    progress: int
    label: str  # the progress bar's accessible name
    steps: str  # "2 of 5 steps", or "" without steps


def _first_active_goals(user) -> list[tuple]:
    params = {"user": user.pk, "active": Status.ACTIVE, "limit": PANEL_GOALS}
    return dashboard.shared(f"goals:{user.pk}", lambda: dashboard.rows(_FIRST_ACTIVE_GOALS, params))


def goals_panel(user) -> dict:
    """The first active goals by priority, their steps counted for those goals only."""
    today = timezone.localdate()
    progress_of = gettext("Progress of %(title)s")
    goal_url, lines = PkUrl("goals:detail"), []
    for pk, title, target, manual_progress, total, done in _first_active_goals(user):
        # An unsaved goal, only to ask the model how far along it is.
        goal = Goal(pk=pk, title=title, status=Status.ACTIVE, manual_progress=manual_progress)
        steps = ngettext("%(done)s of %(total)s step", "%(done)s of %(total)s steps", total)
        lines.append(
            GoalLine(
                title,
                goal_url(pk),
                dateformat.format(target, gettext("j M Y")) if target else "",
                bool(target and target < today),
                goal.progress_from(total, done),
                progress_of % {"title": title},
                steps % {"done": done, "total": total} if total else "",
            )
        )
    return {"goals": lines}


@dataclass(frozen=True)
class StepLine:
    """A step as the panel lists it, its words and link made here rather than in the
    template: the same few strings for up to 16 rows."""

    title: str
    goal_title: str
    url: str
    when: str


def tasks_panel(user) -> dict:
    """The oldest overdue steps and the steps due this week, a few of each: one query."""
    today = timezone.localdate()
    params = {
        "user": user.pk,
        "active": Status.ACTIVE,
        "today": today,
        "week_end": today + datetime.timedelta(days=7),
        "limit": PANEL_TASKS,
    }
    sql = _STEPS_THAT_NEED_YOU[connection.vendor]
    steps = sorted(dashboard.rows(sql, params), key=lambda row: row[2:4] + row[:1])
    overdue = [row for row in steps if row[2] < today]
    upcoming = [row for row in steps if row[2] >= today]
    return {
        "overdue": _lines(overdue, _("was due %(date)s"), gettext("j M")),
        "upcoming": _lines(upcoming, "%(date)s", gettext("D j M")),
    }


def _lines(steps, words, date_format: str) -> list[StepLine]:
    words, goal_url, days, lines = str(words), PkUrl("goals:detail"), {}, []
    for pk, title, due_date, _position, goal_id, goal_title in steps:
        if due_date not in days:
            days[due_date] = words % {"date": dateformat.format(due_date, date_format)}
        lines.append(StepLine(title, goal_title, f"{goal_url(goal_id)}#task-{pk}", days[due_date]))
    return lines


@dataclass(frozen=True)
class ExpiringLine:
    title: str
    url: str
    when: str
    days: int


def expiring_panel(user) -> dict | None:
    """Certifications the person holds (done, of any kind that expires) running out in the
    next 60 days, the soonest first: one query; no card when there is none. A planned or
    started one is not theirs to renew yet (``LearningItemQuerySet.held``)."""
    today = timezone.localdate()
    items = LearningItem.objects.for_user(user).expiring(today).order_by("expires_on", "pk")
    item_url, lines = PkUrl("goals:learning_detail"), []
    for pk, title, expires_on in items.values_list("pk", "title", "expires_on")[:PANEL_EXPIRING]:
        lines.append(
            ExpiringLine(
                title,
                item_url(pk),
                dateformat.format(expires_on, gettext("j M Y")),
                (expires_on - today).days,
            )
        )
    return {"expiring": lines} if lines else None
