"""What the goals app adds to the dashboard: a checklist item and two panels."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerapp.dashboard import ChecklistItem
from goals.models import Goal, Task

PANEL_GOALS = 5
PANEL_TASKS = 8


def checklist(user) -> list[ChecklistItem]:
    return [
        ChecklistItem(
            key="first_goal",
            label=_("Set your first goal"),
            hint=_("One specific goal with a date and a reason. Templates help you start."),
            url=reverse("goals:create"),
            done=Goal.objects.for_user(user).exists(),
            order=40,
        )
    ]


def goals_panel(user) -> dict:
    goals = list(
        Goal.objects.for_user(user).active().with_task_counts().by_priority()[:PANEL_GOALS]
    )
    return {"goals": goals, "today": timezone.localdate()}


def tasks_panel(user) -> dict:
    today = timezone.localdate()
    week_end = today + datetime.timedelta(days=7)
    tasks = Task.objects.for_user(user).select_related("goal")
    overdue = list(tasks.overdue(today=today).by_due_date()[:PANEL_TASKS])
    upcoming = list(tasks.due_between(start=today, end=week_end).by_due_date()[:PANEL_TASKS])
    return {"overdue": overdue, "upcoming": upcoming, "today": today}
