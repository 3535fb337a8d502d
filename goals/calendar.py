"""The goals app's dates in the calendar feed: steps as they fall due, goals' target
dates, and the day a certification (any learning of a kind that expires) runs out. Only
what is still ahead: no done step, nothing of a paused, achieved or dropped goal, no
dropped learning, no expiry already past. One query each, however many there are.

``last_modified`` is the rows' ``updated_at`` (every edit sets it: ``save_changes``,
``task_set_done``). A step's is the later of its own and its goal's (the goal's title is
in the step's), so a step moved to another goal, however quiet that goal, is dated by
the move.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from careerapp.calendar import CalendarEvent, event_uid
from goals.models import Goal, LearningItem, Status, Task


def events(user, today: datetime.date) -> list[CalendarEvent]:
    steps = (
        Task.objects.for_user(user)
        .open()
        .filter(goal__status=Status.ACTIVE, due_date__isnull=False)
        .select_related("goal")
        .only("title", "notes", "due_date", "updated_at", "goal__title", "goal__updated_at")
        .order_by("due_date", "pk")
    )
    goals = (
        Goal.objects.for_user(user)
        .active()
        .filter(target_date__isnull=False)
        .only("title", "why", "target_date", "updated_at")
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
        last_modified=max(step.updated_at, step.goal.updated_at),
    )


def _target(goal: Goal) -> CalendarEvent:
    return CalendarEvent(
        uid=event_uid("goal-target", goal.pk),
        title=_("Target date: %(goal)s") % {"goal": goal.title},
        day=goal.target_date,
        description=goal.why,
        path=goal.get_absolute_url(),
        last_modified=goal.updated_at,
    )


def expiries(user, today: datetime.date) -> list[CalendarEvent]:
    """Certifications the person holds, still to run out, on the day they do."""
    items = (
        LearningItem.objects.for_user(user)
        .not_expired(today)
        .only("title", "provider", "expires_on", "updated_at")
        .order_by("expires_on", "pk")
    )
    return [_expiry(item) for item in items]


def _expiry(item: LearningItem) -> CalendarEvent:
    return CalendarEvent(
        uid=event_uid("certification-expiry", item.pk),
        title=_("Expires: %(title)s") % {"title": item.title},
        day=item.expires_on,
        description=item.provider,
        path=item.get_absolute_url(),
        last_modified=item.updated_at,
    )
