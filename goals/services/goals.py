"""Writes to goals and tasks. Every course correction goes through here and is logged."""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import PersonalSkill
from careerapp.concurrency import Saved, StaleEdit, save_changes
from careerapp.copies import copy_name, free_slug
from goals.models import (
    STATUS_TRANSITIONS,
    TITLE_MAX_LENGTH,
    ChangeKind,
    Goal,
    GoalChange,
    GoalTemplate,
    GoalTemplateTask,
    Status,
    Task,
)

# Fields whose change is a course correction worth a line in the goal's history.
LOGGED_FIELDS = {
    "target_date": ChangeKind.RESCHEDULED,
    "title": ChangeKind.RENAMED,
    "why": ChangeKind.RESCOPED,
    "horizon": ChangeKind.RESCOPED,
}


def _log(goal: Goal, kind: str, old: object = "", new: object = "", reason: str = "") -> GoalChange:
    return GoalChange.objects.create(
        goal=goal,
        kind=kind,
        old_value="" if old is None else str(old),
        new_value="" if new is None else str(new),
        reason=reason.strip(),
    )


def _next_priority(user) -> int:
    top = Goal.objects.for_user(user).aggregate(top=Max("priority"))["top"]
    return 0 if top is None else top + 1


def _next_position(goal: Goal) -> int:
    top = goal.tasks.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


@transaction.atomic
def goal_create(
    *,
    user,
    title: str,
    why: str = "",
    category: str,
    horizon: str,
    target_date: datetime.date | None,
    template: GoalTemplate | None = None,
    skill=None,
) -> Goal:
    """Create a goal. ``skill`` is the assessment Question or PersonalSkill it serves."""
    goal = Goal.objects.create(
        user=user,
        title=title,
        why=why,
        category=category,
        horizon=horizon,
        target_date=target_date,
        template=template,
        priority=_next_priority(user),
        skill_question=None if skill is None or isinstance(skill, PersonalSkill) else skill,
        personal_skill=skill if isinstance(skill, PersonalSkill) else None,
    )
    _log(goal, ChangeKind.CREATED, new=target_date or "")
    return goal


@transaction.atomic
def goal_create_from_template(*, user, template: GoalTemplate, start: datetime.date) -> Goal:
    goal = goal_create(
        user=user,
        title=template.title,
        why=template.why,
        category=template.category,
        horizon=template.horizon,
        target_date=start + datetime.timedelta(days=template.duration_days),
        template=template,
    )
    Task.objects.bulk_create(
        Task(
            goal=goal,
            title=item.title,
            notes=item.notes,
            is_milestone=item.is_milestone,
            due_date=start + datetime.timedelta(days=item.offset_days),
            position=position,
        )
        for position, item in enumerate(template.tasks.all())
    )
    return goal


@transaction.atomic
def goal_update(
    *, goal: Goal, data: dict, reason: str = "", version: int | None = None
) -> list[GoalChange]:
    """Write the fields of ``data`` that differ from the goal; log each course correction.

    ``data`` holds only what the person changed on the form, so a title edit made on an
    older page cannot put back the date it showed. ``version``: the goal's version the
    form was loaded from; a goal that moved past it raises ``StaleEdit`` and nothing is
    written. Old values for the history are those of the row the UPDATE replaced.
    """
    saved = save_changes(Goal, pk=goal.pk, version=version, data=data)
    _copy_saved(goal, saved)
    changes = []
    for field, (old, value) in saved.changes.items():
        kind = LOGGED_FIELDS.get(field)
        if kind == ChangeKind.RESCOPED and field == "why":
            changes.append(_log(goal, kind, reason=reason))  # the texts stay on the goal
        elif kind is not None:
            changes.append(_log(goal, kind, old=old or "", new=value or "", reason=reason))
    return changes


def _copy_saved(instance, saved: Saved) -> None:
    """Bring the caller's instance up to the fields written and the new version (its
    ``updated_at`` stays as read: the demo keeps a goal's last edit where its story is)."""
    for field in (*saved.changes, "version"):
        setattr(instance, field, getattr(saved.row, field))


@transaction.atomic
def goal_set_status(
    *, goal: Goal, status: str, reason: str = "", version: int | None = None
) -> Goal:
    current = Goal.objects.select_for_update().get(pk=goal.pk)
    if version is not None and current.version != version:
        raise StaleEdit
    if status not in STATUS_TRANSITIONS.get(current.status, ()):
        raise ValidationError(
            _("A goal that is %(old)s cannot become %(new)s.")
            % {"old": current.get_status_display().lower(), "new": status},
            code="impossible_status_change",
        )
    now = timezone.now()
    data = {"status": status, "status_changed_at": now}
    if status in {Status.ACHIEVED, Status.ACTIVE}:
        data["last_progress_at"] = now
    # The row is locked, so the conditional UPDATE cannot lose.
    _copy_saved(goal, save_changes(Goal, pk=goal.pk, version=current.version, data=data))
    _log(goal, ChangeKind.STATUS, old=current.status, new=status, reason=reason)
    return goal


@transaction.atomic
def goal_set_progress(*, goal: Goal, progress: int, version: int | None = None) -> Goal:
    """Set a step-less goal's progress by hand. The same percentage again writes nothing."""
    if not 0 <= progress <= 100:
        raise ValidationError(_("Progress is a percentage from 0 to 100."), code="out_of_range")
    current = Goal.objects.select_for_update().get(pk=goal.pk)
    if version is not None and current.version != version:
        raise StaleEdit
    if current.manual_progress == progress:
        return goal
    data = {"manual_progress": progress, "last_progress_at": timezone.now()}
    _copy_saved(goal, save_changes(Goal, pk=goal.pk, version=current.version, data=data))
    return goal


@transaction.atomic
def goal_move(*, goal: Goal, direction: str, among: Collection[int] | None = None) -> None:
    """Swap the goal with its neighbour in the person's priority order.

    ``among``: the ids of the goals the person sees (a filtered list). The neighbour is the
    next of those, and the two trade places; the goals in between, hidden by the filter,
    keep theirs.
    """
    _swap_neighbours(
        list(Goal.objects.for_user(goal.user).open().by_priority().select_for_update()),
        goal,
        direction,
        "priority",
        among=among,
    )


@transaction.atomic
def goal_delete(*, goal: Goal) -> None:
    goal.delete()


def _swap_neighbours(
    items: list, item, direction: str, field: str, among: Collection[int] | None = None
) -> bool:
    """Swap ``item`` with its neighbour in ``items`` (in their shown order); False when
    there is none that way."""
    ids = [each.pk for each in items]
    if item.pk not in ids:
        return False
    shown = set(ids if among is None else among) | {item.pk}
    visible = [pk for pk in ids if pk in shown]
    neighbour = visible.index(item.pk) + (-1 if direction == "up" else 1)
    if not 0 <= neighbour < len(visible):
        return False
    index, other = ids.index(item.pk), ids.index(visible[neighbour])
    items[index], items[other] = items[other], items[index]
    # Renumber the whole list so equal or gappy numbers from older data settle too.
    for position, each in enumerate(items):
        if getattr(each, field) != position:
            setattr(each, field, position)
            type(each).objects.filter(pk=each.pk).update(**{field: position})
    return True


# --- Tasks --------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskLine:
    title: str
    due_date: datetime.date | None


_TRAILING_DATE = re.compile(r"^(?P<title>.*?)(?:^|[\s,;:|-]+)(?P<date>\d{4}-\d{2}-\d{2})\s*$")


def parse_task_lines(text: str) -> list[TaskLine]:
    """One task per line; a trailing YYYY-MM-DD is its due date. Blank lines are skipped."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().lstrip("-*•").strip()
        if not line:
            continue
        due = None
        match = _TRAILING_DATE.match(line)
        if match:
            try:
                due = datetime.date.fromisoformat(match["date"])
            except ValueError:
                raise ValidationError(
                    _("Line %(number)s: %(date)s is not a real date.")
                    % {"number": number, "date": match["date"]},
                    code="bad_date",
                ) from None
            line = match["title"].strip()
        if not line:
            raise ValidationError(
                _("Line %(number)s has a date but no step.") % {"number": number},
                code="empty_title",
            )
        if len(line) > TITLE_MAX_LENGTH:
            raise ValidationError(
                _("Line %(number)s is longer than %(max)s characters.")
                % {"number": number, "max": TITLE_MAX_LENGTH},
                code="too_long",
            )
        lines.append(TaskLine(title=line, due_date=due))
    return lines


def task_create(
    *,
    goal: Goal,
    title: str,
    due_date: datetime.date | None = None,
    notes: str = "",
    is_milestone: bool = False,
) -> Task:
    return Task.objects.create(
        goal=goal,
        title=title,
        due_date=due_date,
        notes=notes,
        is_milestone=is_milestone,
        position=_next_position(goal),
    )


@transaction.atomic
def tasks_create_bulk(*, goal: Goal, lines: list[TaskLine]) -> list[Task]:
    start = _next_position(goal)
    return Task.objects.bulk_create(
        Task(goal=goal, title=line.title, due_date=line.due_date, position=start + offset)
        for offset, line in enumerate(lines)
    )


@transaction.atomic
def task_set_done(*, task: Task, done: bool) -> Task:
    """Tick or untick a task. Ticking counts as progress on its goal."""
    now = timezone.now()
    if done and task.done_at is None:
        task.done_at = now
        Goal.objects.filter(pk=task.goal_id).update(last_progress_at=now, updated_at=now)
    elif not done:
        task.done_at = None
    # ``updated_at`` too: an unticked step comes back into the calendar feed, which dates
    # its event by it (auto_now sets it on any save that names it).
    task.save(update_fields=["done_at", "updated_at"])
    return task


def task_update(*, task: Task, data: dict, version: int | None = None) -> Task:
    """Write the fields of ``data`` (what the person changed) that differ from the step.

    ``version``: the step's version the form was loaded from (``StaleEdit`` when past it).
    """
    _copy_saved(task, save_changes(Task, pk=task.pk, version=version, data=data))
    return task


def task_delete(*, task: Task) -> None:
    task.delete()


@transaction.atomic
def task_move(*, task: Task, direction: str) -> None:
    """Swap the step with its neighbour as the goal page lists them.

    The first move turns the listed order (by due date) into the steps' own order: the
    positions are renumbered from it and the goal remembers that its steps were reordered.
    From then on the page keeps that order; a step added later goes last, where the
    person can move it (``in_step_order``).
    """
    Goal.objects.filter(pk=task.goal_id).select_for_update().get()
    steps = list(Task.objects.filter(goal_id=task.goal_id).in_step_order())
    if _swap_neighbours(steps, task, direction, "position"):
        Goal.objects.filter(pk=task.goal_id, steps_reordered=False).update(steps_reordered=True)


# --- Templates ----------------------------------------------------------------------


@transaction.atomic
def goal_template_duplicate(*, template: GoalTemplate) -> GoalTemplate:
    """A copy with its steps and a new unique slug, not offered until someone edits it."""
    copy = GoalTemplate.objects.create(
        title=copy_name(template.title, TITLE_MAX_LENGTH),
        slug=free_slug(GoalTemplate, template.slug),
        summary=template.summary,
        why=template.why,
        category=template.category,
        horizon=template.horizon,
        duration_days=template.duration_days,
        is_active=False,
        order=template.order,
    )
    GoalTemplateTask.objects.bulk_create(
        GoalTemplateTask(
            template=copy,
            title=task.title,
            notes=task.notes,
            offset_days=task.offset_days,
            is_milestone=task.is_milestone,
            order=task.order,
        )
        for task in template.tasks.all()
    )
    return copy
