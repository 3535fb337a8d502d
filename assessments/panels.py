"""What self-assessments add to the dashboard: a checklist item and one panel.

Two queries however many takes a person has: the last completion of each instrument
(shared with the checklist item), and the skill answers of one take with the open goal
that serves each skill.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Max
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments import charts
from assessments.models import QuestionType, Take, TakeStatus
from careerapp import dashboard
from careerapp.dashboard import ChecklistItem
from goals.models import Status

PANEL_GAPS = 3


@dataclass(frozen=True)
class Retake:
    """An instrument whose retake is due, as the panel lists it."""

    name: str
    url: str
    last_completed_at: datetime.datetime
    when: str  # "last taken 11 May 2025"


@dataclass(frozen=True)
class GapLine:
    """What the panel says about one gap: its words and links made here."""

    levels: str  # "Learning → Strong"
    action_url: str  # the person's goal for it, or a new goal filled in
    action: str
    action_name: str  # the goal's title or the skill's name, for screen readers


# Built once: resolving the query costs more than running it.
_LAST_COMPLETIONS = (
    Take.objects.completed()
    .order_by()
    .values(
        "instrument__name",
        "instrument__slug",
        "instrument__retake_interval",
        "instrument__is_active",
    )
    .annotate(last=Max("completed_at"))
)
# The skill answers of the latest completed take that rated skills, each with the
# person's open goal (the first by priority) that serves the skill. In SQL: see
# ``careerapp.dashboard.rows``.
_LATEST_SKILL_ANSWERS = """
SELECT a.key, a.prompt, a.current_level, a.desired_level, goal.id, goal.title,
       t.id, t.completed_at, i.name
FROM assessments_answer a
JOIN assessments_take t ON t.id = a.take_id
JOIN assessments_instrument i ON i.id = t.instrument_id
LEFT JOIN goals_goal goal ON goal.id = (
    SELECT g.id FROM goals_goal g
    WHERE g.user_id = t.user_id AND g.status IN (%(active)s, %(paused)s)
      AND (g.skill_question_id = a.question_id OR g.personal_skill_id = a.personal_skill_id)
    ORDER BY g.priority, g.created_at, g.id LIMIT 1
)
WHERE a.type = %(skill)s AND a.take_id = (
    SELECT rated.id FROM assessments_take rated
    WHERE rated.user_id = %(user)s AND rated.status = %(completed)s AND EXISTS (
        SELECT 1 FROM assessments_answer s WHERE s.take_id = rated.id AND s.type = %(skill)s
    )
    ORDER BY rated.completed_at DESC, rated.id DESC LIMIT 1
)
ORDER BY a.id
"""


@dataclass(frozen=True)
class RatedTake:
    """The take whose gaps the panel shows."""

    pk: int
    completed_at: datetime.datetime
    instrument_name: str


def _completions(user) -> list[dict]:
    """Each instrument the person has completed, with the last time: one row per
    instrument, grouped in the database. The checklist item and the panel share it."""
    return dashboard.shared(
        f"assessments:{user.pk}", lambda: list(_LAST_COMPLETIONS.filter(user=user))
    )


def checklist(user) -> list[ChecklistItem]:
    return [
        ChecklistItem(
            key="first_assessment",
            label=_("Take your first self-assessment"),
            hint=_("Twenty minutes on where you stand today: the baseline for everything after."),
            url=reverse("assessments:index"),
            done=bool(_completions(user)),
            order=30,
        )
    ]


def assessments_panel(user) -> dict:
    """Retakes that are due, and the top gaps of the latest take that rated skills."""
    return {"due": _retakes_due(user), **_biggest_gaps(user)}


def _retakes_due(user) -> list[Retake]:
    now, last_taken = timezone.now(), gettext("last taken %(date)s")
    due = [
        Retake(
            row["instrument__name"],
            reverse("assessments:instrument", args=[row["instrument__slug"]]),
            row["last"],
            last_taken % {"date": _day(row["last"])},
        )
        for row in _completions(user)
        if row["instrument__is_active"] and row["last"] <= now - row["instrument__retake_interval"]
    ]
    return sorted(due, key=lambda retake: retake.last_completed_at)


def _biggest_gaps(user) -> dict:
    params = {
        "user": user.pk,
        "completed": TakeStatus.COMPLETED,
        "skill": QuestionType.SKILL,
        "active": Status.ACTIVE,
        "paused": Status.PAUSED,
    }
    answers = dashboard.rows(_LATEST_SKILL_ANSWERS, params)
    if not answers:
        return {"take": None, "gaps": []}
    take_pk, completed_at, instrument_name = answers[0][6:]
    if timezone.is_naive(completed_at):  # SQLite keeps UTC without saying so
        completed_at = timezone.make_aware(completed_at, datetime.UTC)
    assessed_on = charts.local_date(completed_at)
    skills, goals = [], {}
    for key, prompt, current, desired, goal_pk, goal_title, *_take in answers:
        if current is not None and desired is not None:
            skills.append(charts.SkillLevel(key, prompt, current, desired, assessed_on))
            goals[key] = (goal_pk, goal_title)
    gaps = charts.gaps(skills, limit=PANEL_GAPS)
    return {
        "take": RatedTake(take_pk, completed_at, instrument_name),
        "taken_on": _day(completed_at),
        "gaps": [(gap, _gap_line(gap, *goals[gap.key])) for gap in gaps],
    }


def _day(moment: datetime.datetime) -> str:
    return dateformat.format(timezone.localtime(moment), "j M Y")


def _gap_line(gap: charts.SkillLevel, goal_pk: int | None, goal_title: str | None) -> GapLine:
    levels = gettext("%(current)s → %(desired)s") % {
        "current": gap.current_name,
        "desired": gap.desired_name,
    }
    if goal_pk is not None:
        url = reverse("goals:detail", args=[goal_pk])
        return GapLine(levels, url, gettext("Your goal"), goal_title)
    return GapLine(levels, gap.goal_url, gettext("Make it a goal"), gap.name)
