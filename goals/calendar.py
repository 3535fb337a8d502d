"""The goals app's dates in the calendar feed: steps as they fall due, goals' target
dates, and the day a certification (any learning of a kind that expires) runs out. Only
what is still ahead: no done step, nothing of a paused, achieved or dropped goal, no
dropped learning, no expiry already past. One query each, however many there are.

SEQUENCE comes from the rows' ``version``, which every edit raises by one
(``careerapp.concurrency.save_changes``: the edit forms, a check-in's new target date,
a status change), so a moved date always carries a higher number. A step's title names
its goal, so its sequence adds the goal's version: both only grow, so their sum does.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from careerapp.calendar import CalendarEvent, event_uid
from goals.models import Goal, LearningItem, LearningStatus, Status, Task


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


def expiries(user, today: datetime.date) -> list[CalendarEvent]:
    """Certifications still to run out, on the day they do."""
    items = (
        LearningItem.objects.for_user(user)
        .exclude(status=LearningStatus.DROPPED)
        .filter(expires_on__gte=today)
        .only("title", "provider", "expires_on", "version", "updated_at")
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
        sequence=item.version,
        last_modified=item.updated_at,
    )
