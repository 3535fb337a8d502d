"""The "goals" part of the export: goals with their steps and their history of changes.

A goal links the personal skill it grew from by the skill's export-local ref, so the
assessments part is written and read first (``after`` in ``apps.py``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from assessments.portability import question_for, question_key
from careerapp.models import User
from careerapp.portability import ExportContext, ImportContext
from careerapp.portability.document import Node, create_keeping_updated_at, values
from goals.models import Goal, GoalChange, GoalTemplate, Task

GOAL_FIELDS = (
    "title",
    "why",
    "category",
    "horizon",
    "target_date",
    "status",
    "status_changed_at",
    "priority",
    "manual_progress",
    "last_progress_at",
    "created_at",
    "updated_at",
)
TASK_FIELDS = ("title", "notes", "due_date", "is_milestone", "done_at", "position", "created_at")
CHANGE_FIELDS = ("kind", "old_value", "new_value", "reason", "created_at")


def has_data(user: User) -> bool:
    return Goal.objects.for_user(user).exists()


def write(context: ExportContext) -> list[dict[str, Any]]:
    goals = list(
        Goal.objects.for_user(context.user)
        .select_related("template", "skill_question__instrument")
        # The steps in the order the goal page shows them.
        .prefetch_related(Prefetch("tasks", queryset=Task.objects.in_step_order()), "changes")
        .order_by("priority", "created_at", "pk")
    )
    skill_refs = context.refs["personal_skills"]
    goal_refs = context.refs["goals"] = {goal.pk: ref for ref, goal in enumerate(goals, 1)}
    task_refs: dict[int, int] = context.refs.setdefault("tasks", {})
    goal_docs = []
    for goal in goals:
        tasks = []
        for task in goal.tasks.all():
            task_refs[task.pk] = len(task_refs) + 1
            tasks.append({"ref": task_refs[task.pk], **values(task, TASK_FIELDS)})
        goal_docs.append(
            {
                "ref": goal_refs[goal.pk],
                **values(goal, GOAL_FIELDS),
                "template": goal.template.slug if goal.template else None,
                "skill_question": question_key(goal.skill_question),
                "personal_skill_ref": skill_refs.get(goal.personal_skill_id),
                "steps_reordered": goal.steps_reordered,
                "tasks": tasks,
                "changes": [values(change, CHANGE_FIELDS) for change in goal.changes.all()],
            }
        )
    return goal_docs


def read(context: ImportContext, doc: Node) -> None:
    templates = {t.slug: t for t in GoalTemplate.objects.all()}
    skills = context.refs["personal_skills"]
    goals: dict[int, Goal] = {}
    task_refs: dict[int, Task] = {}
    tasks, changes = [], []
    for item in doc.objects("goals"):
        goal = item.build(Goal, GOAL_FIELDS)
        goal.user = context.user
        goal.template = context.find(templates, item.text("template"))
        goal.skill_question = question_for(context, item.optional("skill_question"))
        goal.personal_skill = item.ref("personal_skill_ref", skills)
        # Files exported before steps could keep their own order lack the key.
        goal.steps_reordered = item.raw.get("steps_reordered") is True
        if goal.personal_skill is not None and goal.personal_skill.pk is None:
            goal.personal_skill = None
        goals[item.new_ref(goals)] = goal
        for sub in item.objects("tasks"):
            task = sub.build(Task, TASK_FIELDS)
            task.goal = goal
            tasks.append(task)
            task_refs[sub.new_ref(task_refs)] = task
        for sub in item.objects("changes"):
            change = sub.build(GoalChange, CHANGE_FIELDS)
            change.goal = goal
            changes.append(change)
    create_keeping_updated_at(Goal, list(goals.values()))
    Task.objects.bulk_create(tasks)
    GoalChange.objects.bulk_create(changes)
    context.refs["goals"], context.refs["tasks"] = goals, task_refs
    context.summary.goals, context.summary.tasks = len(goals), len(tasks)
