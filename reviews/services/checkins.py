"""Writes for check-ins: the rhythm, opening this period's check-in, saving and submitting."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from careerapp.concurrency import StaleEdit, claim_version
from goals import services as goal_services
from goals.models import Goal
from reviews.cadence import Cadence
from reviews.models import (
    CheckIn,
    CheckInStatus,
    GoalReview,
    NextStep,
    Reflection,
    ReflectionPrompt,
    Schedule,
)
from reviews.queries import schedule_of


def schedule_set(*, user, cadence: str, today: datetime.date) -> Schedule:
    """Choose the rhythm. Periods are counted afresh from today, so nothing is "missed" twice."""
    if cadence not in Cadence.values:
        raise ValidationError(_("Pick one of the rhythms offered."), code="bad_cadence")
    schedule, _created = Schedule.objects.update_or_create(
        user=user, defaults={"cadence": cadence, "anchor": today}
    )
    return schedule


def checkin_open(*, user, today: datetime.date) -> CheckIn:
    """This period's check-in: the existing one, or a new draft. Safe from two tabs."""
    schedule = schedule_of(user)
    period = schedule.period_for(today)
    existing = CheckIn.objects.for_user(user).filter(period_start=period.start).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return CheckIn.objects.create(
                user=user,
                period_start=period.start,
                period_end=period.end,
                cadence=schedule.cadence,
            )
    except IntegrityError:  # the other tab created it a moment ago
        return CheckIn.objects.get(user=user, period_start=period.start)


@dataclass
class GoalReviewData:
    goal: Goal
    progress: int | None = None
    status: str = ""
    note: str = ""
    new_target_date: datetime.date | None = None
    correction_reason: str = ""


@dataclass
class NextStepData:
    goal: Goal
    title: str
    due_date: datetime.date | None = None


@dataclass
class CheckInData:
    satisfaction: int | None = None
    energy: int | None = None
    goals: list[GoalReviewData] = field(default_factory=list)
    reflections: dict[int, str] = field(default_factory=dict)  # prompt id -> answer
    next_steps: list[NextStepData] = field(default_factory=list)


@transaction.atomic
def checkin_save(
    *,
    checkin: CheckIn,
    data: CheckInData,
    submit: bool,
    today: datetime.date,
    version: int | None = None,
) -> CheckIn:
    """Save the check-in as a draft, or submit it.

    ``version``: the check-in's version the page was loaded from. The save first claims
    it with one conditional UPDATE (which raises it and holds the row until the end of the
    transaction); a check-in past it raises ``StaleEdit`` and nothing is written, so a
    draft saved from an older tab cannot overwrite a newer one.

    Submitting twice (a double click, a second tab) changes nothing more: the row is
    locked, course corrections apply only when the goal's date still differs, and each
    next step becomes a task once.
    """
    if version is not None and not claim_version(CheckIn, pk=checkin.pk, version=version):
        raise StaleEdit
    checkin = CheckIn.objects.select_for_update().get(pk=checkin.pk)
    if version is None:
        checkin.version += 1
    if not checkin.is_editable(today):
        raise ValidationError(
            _("This check-in's period has ended, so it can no longer change."), code="closed"
        )
    checkin.satisfaction = data.satisfaction
    checkin.energy = data.energy
    _save_goal_reviews(checkin, data.goals)
    _save_reflections(checkin, data.reflections)
    steps = _save_next_steps(checkin, data.next_steps)
    if submit:
        if checkin.submitted_at is None:
            checkin.submitted_at = timezone.now()
        checkin.status = CheckInStatus.SUBMITTED
        _apply_corrections(checkin, today)
        _apply_manual_progress(checkin)
        _create_tasks(steps)
    checkin.save()
    return checkin


def _save_goal_reviews(checkin: CheckIn, reviews: list[GoalReviewData]) -> None:
    for review in reviews:
        if review.goal.user_id != checkin.user_id:
            raise ValidationError(_("That goal is not yours."), code="foreign_goal")
        GoalReview.objects.update_or_create(
            checkin=checkin,
            goal=review.goal,
            defaults={
                "goal_title": review.goal.title,
                "progress": review.progress,
                "status": review.status,
                "note": review.note,
                "new_target_date": review.new_target_date,
                "correction_reason": review.correction_reason,
            },
        )


def _save_reflections(checkin: CheckIn, answers: dict[int, str]) -> None:
    prompts = ReflectionPrompt.objects.in_bulk(list(answers))
    existing = {item.prompt_id: item for item in checkin.reflections.all()}
    for prompt_id, answer in answers.items():
        prompt = prompts.get(prompt_id)
        if prompt is None:
            raise ValidationError(_("Unknown reflection prompt."), code="unknown_prompt")
        earlier = existing.get(prompt_id)
        # An answer keeps the wording it was first given under (the page shows that wording
        # as its label); only a question not answered yet takes the prompt's current words.
        wording = earlier.prompt_text if earlier is not None and earlier.answer else prompt.text
        Reflection.objects.update_or_create(
            checkin=checkin,
            prompt=prompt,
            defaults={"prompt_text": wording, "answer": answer.strip()},
        )


def _save_next_steps(checkin: CheckIn, steps: list[NextStepData]) -> list[NextStep]:
    # Steps already turned into tasks stay; the rest are replaced by what was sent. A step
    # sent again after it became a task (a second tab, a double click) is not added twice.
    checkin.next_steps.filter(task__isnull=True).delete()
    done = {
        (step.goal_id, step.title, step.due_date)
        for step in checkin.next_steps.filter(task__isnull=False)
    }
    for step in steps:
        if step.goal.user_id != checkin.user_id:
            raise ValidationError(_("That goal is not yours."), code="foreign_goal")
    NextStep.objects.bulk_create(
        NextStep(checkin=checkin, goal=step.goal, title=step.title, due_date=step.due_date)
        for step in steps
        if (step.goal.pk, step.title, step.due_date) not in done
    )
    return list(checkin.next_steps.filter(task__isnull=True).select_related("goal"))


def _apply_corrections(checkin: CheckIn, today: datetime.date) -> None:
    reviews = checkin.goal_reviews.filter(new_target_date__isnull=False).select_related("goal")
    for review in reviews:
        goal = review.goal
        if goal is None or goal.target_date == review.new_target_date:
            continue
        reason = review.correction_reason or _("Course correction at the check-in of %(date)s.") % {
            "date": checkin.period_end.isoformat()
        }
        goal_services.goal_update(
            goal=goal, data={"target_date": review.new_target_date}, reason=reason
        )
        GoalReview.objects.filter(pk=review.pk).update(correction_applied=True)


def _apply_manual_progress(checkin: CheckIn) -> None:
    """For goals without steps, the progress given at the check-in becomes the goal's."""
    reviews = (
        checkin.goal_reviews.filter(progress__isnull=False, goal__isnull=False)
        .select_related("goal")
        .annotate(task_count=Count("goal__tasks"))
    )
    for review in reviews:
        if review.task_count == 0 and review.goal.manual_progress != review.progress:
            goal_services.goal_set_progress(goal=review.goal, progress=review.progress)


def _create_tasks(steps: list[NextStep]) -> None:
    for step in steps:
        if step.goal is None:
            continue
        task = goal_services.task_create(goal=step.goal, title=step.title, due_date=step.due_date)
        NextStep.objects.filter(pk=step.pk).update(task=task)
