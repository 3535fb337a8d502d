"""The "reviews" part of the export: the check-in schedule and the check-ins, with their
goal reviews, reflections and next steps.

Reviews and next steps link goals and steps by their export-local refs, so the goals part
is written and read first (``after`` in ``apps.py``). A reflection names its prompt by the
prompt's text.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from careerapp.models import User
from careerapp.portability import ExportContext, ImportContext
from careerapp.portability.document import Node, bad, create_keeping_updated_at, values
from reviews.models import CheckIn, GoalReview, NextStep, Reflection, ReflectionPrompt, Schedule

SCHEDULE_FIELDS = ("cadence", "anchor", "updated_at")
CHECKIN_FIELDS = (
    "period_start",
    "period_end",
    "cadence",
    "status",
    "satisfaction",
    "energy",
    "created_at",
    "updated_at",
    "submitted_at",
)
REVIEW_FIELDS = (
    "goal_title",
    "progress",
    "status",
    "note",
    "new_target_date",
    "correction_reason",
    "correction_applied",
)
REFLECTION_FIELDS = ("prompt_text", "answer")
NEXT_STEP_FIELDS = ("title", "due_date")


def has_data(user: User) -> bool:
    return CheckIn.objects.for_user(user).exists()


# --- Export ----------------------------------------------------------------------------


def write(context: ExportContext) -> dict[str, Any]:
    checkins = list(
        CheckIn.objects.for_user(context.user)
        .prefetch_related(
            "goal_reviews",
            Prefetch("reflections", queryset=Reflection.objects.select_related("prompt")),
            "next_steps",
        )
        .order_by("period_start", "pk")
    )
    schedule = Schedule.objects.filter(user=context.user).first()
    goal_refs, task_refs = context.refs["goals"], context.refs["tasks"]
    return {
        "schedule": values(schedule, SCHEDULE_FIELDS) if schedule else None,
        "checkins": [_checkin_doc(c, goal_refs, task_refs) for c in checkins],
    }


def _checkin_doc(
    checkin: CheckIn, goal_refs: dict[int, int], task_refs: dict[int, int]
) -> dict[str, Any]:
    return {
        **values(checkin, CHECKIN_FIELDS),
        "goal_reviews": [
            {"goal_ref": goal_refs.get(r.goal_id), **values(r, REVIEW_FIELDS)}
            for r in checkin.goal_reviews.all()
        ],
        "reflections": [
            {"prompt": r.prompt.text if r.prompt else None, **values(r, REFLECTION_FIELDS)}
            for r in checkin.reflections.all()
        ],
        "next_steps": [
            {
                "goal_ref": goal_refs.get(s.goal_id),
                "task_ref": task_refs.get(s.task_id),
                **values(s, NEXT_STEP_FIELDS),
            }
            for s in checkin.next_steps.all()
        ],
    }


# --- Import -----------------------------------------------------------------------------


def read(context: ImportContext, doc: Node) -> None:
    part = Node(doc.get("reviews"), "reviews")
    prompts = {p.text: p for p in ReflectionPrompt.objects.order_by("-is_active", "pk")}
    _import_schedule(context.user, part)
    goals, task_refs = context.refs["goals"], context.refs["tasks"]
    checkins, children = [], []
    periods: set[datetime.date] = set()
    for item in part.objects("checkins"):
        checkin = item.build(CheckIn, CHECKIN_FIELDS)
        if checkin.period_end < checkin.period_start:
            raise bad(item.at("period_end"), _("comes before the period's start."))
        item.once(periods, checkin.period_start, "period_start")  # one check-in per period
        checkin.user = context.user
        checkins.append(checkin)
        reviewed: set[int] = set()
        for sub in item.objects("goal_reviews"):
            review = sub.build(GoalReview, REVIEW_FIELDS)
            review.checkin, review.goal = checkin, sub.ref("goal_ref", goals)
            if review.goal is not None:
                sub.once(reviewed, id(review.goal), "goal_ref")
            children.append(review)
        seen_prompts: set[int] = set()
        for sub in item.objects("reflections"):
            reflection = sub.build(Reflection, REFLECTION_FIELDS)
            reflection.checkin = checkin
            reflection.prompt = context.find(prompts, sub.text("prompt"))
            if reflection.prompt is not None:
                sub.once(seen_prompts, reflection.prompt.pk, "prompt")
            children.append(reflection)
        for sub in item.objects("next_steps"):
            step = sub.build(NextStep, NEXT_STEP_FIELDS)
            step.checkin, step.goal = checkin, sub.ref("goal_ref", goals)
            step.task = sub.ref("task_ref", task_refs)
            children.append(step)
    create_keeping_updated_at(CheckIn, checkins)
    for model in (GoalReview, Reflection, NextStep):
        model.objects.bulk_create([child for child in children if isinstance(child, model)])
    context.summary.checkins = len(checkins)


def _import_schedule(user: User, part: Node) -> None:
    schedule = part.optional("schedule")
    if schedule is not None:
        read = schedule.build(Schedule, SCHEDULE_FIELDS)
        Schedule.objects.update_or_create(
            user=user, defaults={"cadence": read.cadence, "anchor": read.anchor}
        )
        Schedule.objects.filter(user=user).update(updated_at=read.updated_at)
