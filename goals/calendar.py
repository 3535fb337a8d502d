"""The goals app's dates in the calendar feed: steps as they fall due and goals' target
dates. Only what is still to do: no done step, nothing of a paused, achieved or dropped
goal. Two queries, however many goals and steps.

SEQUENCE comes from the rows' ``version``, which every edit raises by one
(``careerapp.concurrency.save_changes``: the edit forms, a check-in's new target date,
a status change), so a moved date always carries a higher number. A step's title names
its goal, so its sequence adds the goal's version: both only grow, so their sum does.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from careerapp.calendar import CalendarEvent, event_uid
from goals.models import Goal, Status, Task


def events(user, today: datetime.date) -> list[CalendarEvent]:
    steps = (
        Task.objects.for_user(user)
        .open()
        .filter(goal__status=Status.ACTIVE, due_date__isnull=False)
        .select_related("goal")
        .only("title", "notes", "due_date", "version", "goal__title", "goal__version")
        .order_by("due_date", "pk")
    )
    goals = (
        Goal.objects.for_user(user)
        .active()
        .filter(target_date__isnull=False)
        .only("title", "why", "target_date", "version", "updated_at")
        .order_by("target_date", "pk")
    )
    found = [_step(step) for step in steps]
    found += [_target(goal) for goal in goals]
    return found


def _step(step: Task) -> CalendarEvent:
    return CalendarEvent(
        uid=event_uid("step", step.pk),
        title=_("Due: %(step)s (%(goal)s)") % {"step": step.title, "goal": step.goal.title},
        day=step.due_date,
        description=step.notes,
        path=f"{step.goal.get_absolute_url()}#task-{step.pk}",
        sequence=step.version + step.goal.version,
    )


def _target(goal: Goal) -> CalendarEvent:
    return CalendarEvent(
        uid=event_uid("goal-target", goal.pk),
        title=_("Target date: %(goal)s") % {"goal": goal.title},
        day=goal.target_date,
        description=goal.why,
        path=goal.get_absolute_url(),
        sequence=goal.version,
        last_modified=goal.updated_at,
    )
