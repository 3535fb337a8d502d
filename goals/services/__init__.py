"""Writes of the goals app: ``goals`` (goals, steps, templates), ``decisions``
(decisions and their revisits), ``plans`` (a goal from a role's gaps) and ``learning``
(the learning log)."""

from goals.services.decisions import (
    Row,
    decision_create,
    decision_decide,
    decision_delete,
    decision_reopen,
    decision_score,
    decision_update,
)
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
from goals.services.learning import (
    learning_create,
    learning_delete,
    learning_set_status,
    learning_update,
)
from goals.services.plans import open_role_goal, role_plan_create

__all__ = [
    "Row",
    "decision_create",
    "decision_decide",
    "decision_delete",
    "decision_reopen",
    "decision_score",
    "decision_update",
    "learning_create",
    "learning_delete",
    "learning_set_status",
    "learning_update",
    "open_role_goal",
    "role_plan_create",
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
