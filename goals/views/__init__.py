"""The goals app's views: ``goals`` (goals, steps, timeline, templates), ``decisions``
(decisions and the plan from a role's gaps) and ``learning`` (the learning log)."""

from goals.views.goals import (
    goal_archive,
    goal_create,
    goal_delete,
    goal_detail,
    goal_edit,
    goal_list,
    goal_move,
    goal_progress,
    goal_status,
    goal_timeline,
    task_add,
    task_bulk_add,
    task_delete,
    task_edit,
    task_move,
    task_toggle,
    template_list,
    template_start,
)

__all__ = [
    "goal_archive",
    "goal_create",
    "goal_delete",
    "goal_detail",
    "goal_edit",
    "goal_list",
    "goal_move",
    "goal_progress",
    "goal_status",
    "goal_timeline",
    "task_add",
    "task_bulk_add",
    "task_delete",
    "task_edit",
    "task_move",
    "task_toggle",
    "template_list",
    "template_start",
]
