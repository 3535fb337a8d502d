"""What self-assessments add to the dashboard: a checklist item and two panels (where I
stand; the role I pursue, at the end of this module).

Two queries however many takes a person has: the last completion of each instrument
(shared with the checklist item), and the skill answers of one take with the open goal
that serves each skill (reached through ``queries.goals``: this app imports no other).
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments import charts, queries
from assessments.models import Answer, QuestionType, Take, TakeStatus
from careerapp import dashboard
from careerapp.content import in_language, kept_wording, language_columns
from careerapp.dashboard import ChecklistItem

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
        *language_columns("instrument__name"),
        "instrument__slug",
        "instrument__retake_interval",
        "instrument__is_active",
    )
    .annotate(last=Max("completed_at"))
)


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
    return {"due": _retakes_due(user), **biggest_gaps(user)}


def _retakes_due(user) -> list[Retake]:
    now, last_taken = timezone.now(), gettext("last taken %(date)s")
    due = [
        Retake(
            in_language(row, "instrument__name"),
            reverse("assessments:instrument", args=[row["instrument__slug"]]),
            row["last"],
            last_taken % {"date": _day(row["last"])},
        )
        for row in _completions(user)
        if row["instrument__is_active"] and row["last"] <= now - row["instrument__retake_interval"]
    ]
    return sorted(due, key=lambda retake: retake.last_completed_at)


def _latest_skill_answers_query(user_id: int) -> QuerySet:
    """The skill answers of the person's latest completed take that rated skills, each with
    the person's open goal (the first by priority) that serves the skill."""
    rated = Take.objects.filter(
        Exists(Answer.objects.filter(take=OuterRef("pk"), type=QuestionType.SKILL)),
        user_id=user_id,
        status=TakeStatus.COMPLETED,
    ).order_by("-completed_at", "-pk")
    serving = (
        queries.goals()
        .open()
        .filter(
            Q(skill_question_id=OuterRef("question_id"))
            | Q(personal_skill_id=OuterRef("personal_skill_id")),
            user_id=user_id,
        )
        .order_by("priority", "created_at", "pk")
    )
    return (
        Answer.objects.filter(type=QuestionType.SKILL, take_id=Subquery(rated.values("pk")[:1]))
        .annotate(
            goal_pk=Subquery(serving.values("pk")[:1]),
            goal_title=Subquery(serving.values("title")[:1]),
        )
        .order_by("pk")
        .values_list(
            "key",
            "prompt",
            "current_level",
            "desired_level",
            "goal_pk",
            "goal_title",
            "take_id",
            "take__completed_at",
            *language_columns("take__instrument__name"),
            *language_columns("question__prompt"),
        )
    )


_ANY_USER = -1  # stands for the person's id in the SQL compiled once


@functools.cache
def _latest_skill_answers_sql() -> tuple[str, tuple]:
    return _latest_skill_answers_query(_ANY_USER).query.sql_with_params()


def _latest_skill_answers(user) -> list[tuple]:
    """``_latest_skill_answers_query`` for ``user``, run as the SQL the ORM compiled for it
    once per process: see "Departures from plain Django" in benchmarks/README.md."""
    sql, params = _latest_skill_answers_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk if param == _ANY_USER else param for param in params])
        return cursor.fetchall()


def biggest_gaps(user) -> dict:
    answers = _latest_skill_answers(user)
    if not answers:
        return {"take": None, "gaps": []}
    take_pk, completed_at, *names = answers[0][6 : 8 + len(settings.LANGUAGES)]
    path = "take__instrument__name"
    instrument_name = in_language(dict(zip(language_columns(path), names, strict=True)), path)
    if timezone.is_naive(completed_at):  # SQLite keeps UTC without saying so
        completed_at = timezone.make_aware(completed_at, datetime.UTC)
    assessed_on = charts.local_date(completed_at)
    skills, goals = [], {}
    for key, copy, current, desired, goal_pk, goal_title, *rest in answers:
        wordings = dict(
            zip(language_columns("prompt"), rest[-len(settings.LANGUAGES) :], strict=True)
        )
        prompt = kept_wording(copy, wordings, "prompt")
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
    return dateformat.format(timezone.localtime(moment), gettext("j M Y"))


def _gap_line(gap: charts.SkillLevel, goal_pk: int | None, goal_title: str | None) -> GapLine:
    levels = gettext("%(current)s → %(desired)s") % {
        "current": gap.current_name,
        "desired": gap.desired_name,
    }
    if goal_pk is not None:
        url = reverse("goals:detail", args=[goal_pk])
        return GapLine(levels, url, gettext("Your goal"), goal_title)
    return GapLine(levels, gap.goal_url, gettext("Make it a goal"), gap.name)


def target_role_panel(user) -> dict:
    """The role the person pursues: its match and biggest gap. One query without a pursued
    role, two with one (the target with its role; the role's skills with the latest levels)."""
    return {"line": queries.pursued(user)}
