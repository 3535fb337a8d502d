"""Writes of the goals app: ``goals`` (goals, steps, templates), ``decisions``
(decisions and their revisits) and ``plans`` (a goal from a role's gaps)."""

from goals.services.goals import (
    LOGGED_FIELDS,
    TaskLine,
    goal_create,
    goal_create_from_template,
    goal_delete,
    goal_move,
    goal_set_progress,
    goal_set_status,
    goal_template_duplicate,
    goal_update,
    parse_task_lines,
    task_create,
    task_delete,
    task_move,
    task_set_done,
    task_update,
    tasks_create_bulk,
)

__all__ = [
    "LOGGED_FIELDS",
    "TaskLine",
    "goal_create",
    "goal_create_from_template",
    "goal_delete",
    "goal_move",
    "goal_set_progress",
    "goal_set_status",
    "goal_template_duplicate",
    "goal_update",
    "parse_task_lines",
    "task_create",
    "task_delete",
    "task_move",
    "task_set_done",
    "task_update",
    "tasks_create_bulk",
]
