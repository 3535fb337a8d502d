"""The demo person's learning log: a book and a workshop last year, a course this year (with
its cost), a course under way for the biggest gap of the latest skills take and the goal
that closes it, the cloud certification from three years ago running out in six weeks,
and a planned step from the pursued role's largest gap. Dates count from today."""

from __future__ import annotations

import datetime
from decimal import Decimal

from assessments import queries as assessment_queries
from assessments.content import ORDER_STEP
from assessments.content.skills import SKILL_KEYS
from assessments.models import LearningKind, LearningSuggestion, Question, Role
from goals import services
from goals.models import Goal, LearningItem

PURSUED_ROLE = "engineering-manager"  # assessments.demo.DEMO_PURSUED_ROLE


def _skill(key: str) -> Question | None:
    return Question.objects.filter(
        instrument__slug="skills", order=SKILL_KEYS[key] * ORDER_STEP, type="skill"
    ).first()


def _add(user, kinds: dict, *, kind: str, skills=(), goals=(), logged: datetime.datetime, **data):
    if kind not in kinds:
        return None
    item = services.learning_create(
        user=user,
        data={"kind": kinds[kind], **data},
        links={"skills": [s for s in skills if s is not None], "goals": [g for g in goals if g]},
    )
    # Last touched when it was logged, or when it was marked finished if that came later.
    finished = data.get("finished_on")
    touched = logged
    if finished is not None:
        touched = max(logged, datetime.datetime.combine(finished, datetime.time(18), logged.tzinfo))
    LearningItem.objects.filter(pk=item.pk).update(created_at=logged, updated_at=touched)
    return item


def _suggested(question: Question | None, kind: str = "") -> LearningSuggestion | None:
    """The library's first suggestion for ``question`` (of ``kind``, if given)."""
    if question is None:
        return None
    suggestions = LearningSuggestion.objects.active().filter(question=question)
    return suggestions.filter(kind__slug=kind).first() if kind else suggestions.first()


def load_learning(
    user,
    *,
    today: datetime.date,
    ago,
    gap_goal: Goal | None,
    certification_goal: Goal | None,
) -> None:
    """``ago(days)``: an aware moment that many days back (the demo's clock)."""
    kinds = {kind.slug: kind for kind in LearningKind.objects.all()}
    last_year = today.year - 1
    _add(
        user,
        kinds,
        kind="book",
        title="Thinking in Systems (Donella Meadows)",
        provider="Chelsea Green",
        status="done",
        started_on=datetime.date(last_year, 4, 2),
        finished_on=datetime.date(last_year, 5, 14),
        hours=Decimal(9),
        notes="Stocks, flows and feedback loops. Our on-call rota is a reinforcing loop.",
        skills=[_skill("problem-solving")],
        logged=ago((today - datetime.date(last_year, 4, 2)).days),
    )
    _add(
        user,
        kinds,
        kind="workshop",
        title="Giving feedback that lands",
        provider="In-house, People team",
        status="done",
        started_on=datetime.date(last_year, 10, 8),
        finished_on=datetime.date(last_year, 10, 8),
        hours=Decimal(7),
        notes="Practise the first sentence out loud. Ask before you advise.",
        skills=[_skill("feedback")],
        logged=ago((today - datetime.date(last_year, 10, 8)).days),
    )
    finished = max(datetime.date(today.year, 1, 3), today - datetime.timedelta(days=40))
    _add(
        user,
        kinds,
        kind="course",
        title="Kubernetes fundamentals",
        provider="The Linux Foundation",
        url="https://training.linuxfoundation.org/",
        status="done",
        started_on=finished - datetime.timedelta(days=35),
        finished_on=finished,
        hours=Decimal(24),
        cost=Decimal("299.00"),
        currency="USD",
        notes="The team paid from the training budget. Labs were the useful part.",
        skills=[_skill("production-operations"), _skill("system-design")],
        goals=[certification_goal],
        logged=ago((today - finished).days + 35),
    )
    _add(
        user,
        kinds,
        kind="certification",
        title="Cloud practitioner certification",
        provider="Amazon Web Services",
        status="done",
        started_on=today - datetime.timedelta(days=3 * 365 + 40),
        finished_on=today - datetime.timedelta(days=3 * 365 - 45),
        hours=Decimal(30),
        cost=Decimal("100.00"),
        currency="USD",
        expires_on=today + datetime.timedelta(days=45),
        notes="Valid for three years. The associate exam would renew it.",
        goals=[certification_goal],
        logged=ago(3 * 365 + 40),
    )
    gap = gap_goal.skill_question if gap_goal is not None else None
    suggestion = _suggested(gap, kind="course")
    skill_name = gap.prompt if gap is not None else "a new skill"
    _add(
        user,
        kinds,
        kind="course",
        title=suggestion.title if suggestion else f"Evening course: {skill_name}",
        provider="" if suggestion else "City adult-education college",
        url=suggestion.url if suggestion else "",
        suggestion=suggestion,
        status="in_progress",
        started_on=today - datetime.timedelta(days=20),
        hours=Decimal(6),
        notes="Two evenings a week. Halfway through the second module.",
        skills=[gap],
        goals=[gap_goal],
        logged=ago(21),
    )
    _from_role_gap(user, kinds, today=today, ago=ago)


def _from_role_gap(user, kinds: dict, *, today: datetime.date, ago) -> None:
    role = Role.objects.active().filter(slug=PURSUED_ROLE).first()
    if role is None:
        return
    comparison = assessment_queries.role_comparison(user, role)
    gaps = [skill for skill in comparison.skills if skill.gap]
    if not gaps:
        return
    question = Question.objects.filter(pk=gaps[0].question_id).first()
    suggestion = _suggested(question)
    _add(
        user,
        kinds,
        kind=suggestion.kind.slug if suggestion else "book",
        title=suggestion.title if suggestion else f"Learn more: {gaps[0].name}",
        url=suggestion.url if suggestion else "",
        suggestion=suggestion,
        status="planned",
        notes=f"For the move to {role.title}: the role's largest gap.",
        skills=[question],
        logged=ago(6),
    )
