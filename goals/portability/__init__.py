"""The "goals", "decisions" and "learning" parts of the export: goals with their steps and
their history of changes; decisions with their options, criteria, scores, the choice and
the record of every revisit; the learning log (``goals.portability.learning``).

A goal links the personal skill it grew from by the skill's export-local ref, so the
assessments part is written and read first (``after`` in ``apps.py``); a decision links the
goal started from it, so the goals part comes before it. Library roles (a goal's, an
option's) travel by slug: a role this site's library lacks refuses the file, naming it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from assessments.models import Role
from assessments.portability import question_for, question_key
from careerapp.models import User
from careerapp.portability import ExportContext, ImportContext
from careerapp.portability.document import Node, bad, create_keeping_updated_at, values
from goals.models import (
    MAX_CRITERIA,
    MAX_OPTIONS,
    Decision,
    DecisionChange,
    DecisionCriterion,
    DecisionOption,
    DecisionScore,
    Goal,
    GoalChange,
    GoalTemplate,
    Task,
)
from goals.portability.learning import has_learning, read_learning, write_learning

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
DECISION_FIELDS = (
    "question",
    "context",
    "status",
    "reason",
    "decided_on",
    "created_at",
    "updated_at",
)
OPTION_FIELDS = ("title", "pros", "cons", "notes", "gut", "position")
CRITERION_FIELDS = ("name", "weight", "position")
DECISION_CHANGE_FIELDS = ("summary", "reason", "created_at")


def has_data(user: User) -> bool:
    return Goal.objects.for_user(user).exists()


def write(context: ExportContext) -> list[dict[str, Any]]:
    goals = list(
        Goal.objects.for_user(context.user)
        .select_related("template", "skill_question__instrument", "role")
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
                "role": goal.role.slug if goal.role else None,
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
        # Files exported before goals could work towards a role lack the key.
        goal.role = role_for(context, item, "role") if "role" in item.raw else None
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


def role_for(context: ImportContext, item: Node, key: str) -> Role | None:
    """This site's library role for the file's slug at ``key``; refuses an unknown one."""
    slug = item.text(key)
    if slug is None:
        return None
    roles = context.shared("assessments.roles", lambda: {r.slug: r for r in Role.objects.all()})
    if slug not in roles:
        raise bad(
            item.at(key),
            _(
                "names the role “%(slug)s”, which this site's role library does not have. "
                "Ask the site's admin to add it, or remove the role from the file."
            )
            % {"slug": slug},
        )
    return roles[slug]


# --- Decisions ---------------------------------------------------------------------------


def has_decisions(user: User) -> bool:
    return Decision.objects.for_user(user).exists()


def write_decisions(context: ExportContext) -> list[dict[str, Any]]:
    """Each decision with its options, criteria, scores and changes: five queries in all
    (one when there is none).
    Options and criteria are numbered within their decision; scores and the choice use
    those numbers."""
    decisions = list(
        Decision.objects.for_user(context.user)
        .prefetch_related(
            Prefetch("options", queryset=DecisionOption.objects.select_related("role")),
            Prefetch("options__scores", queryset=DecisionScore.objects.order_by("pk")),
            "criteria",
            "changes",
        )
        .order_by("created_at", "pk")
    )
    goal_refs = context.refs["goals"]
    docs = []
    for decision in decisions:
        option_refs = {o.pk: ref for ref, o in enumerate(decision.options.all(), 1)}
        criterion_refs = {c.pk: ref for ref, c in enumerate(decision.criteria.all(), 1)}
        docs.append(
            {
                **values(decision, DECISION_FIELDS),
                "chosen_ref": option_refs.get(decision.chosen_id),
                "goal_ref": goal_refs.get(decision.goal_id),
                "options": [
                    {
                        "ref": option_refs[option.pk],
                        **values(option, OPTION_FIELDS),
                        "role": option.role.slug if option.role else None,
                    }
                    for option in decision.options.all()
                ],
                "criteria": [
                    {"ref": criterion_refs[criterion.pk], **values(criterion, CRITERION_FIELDS)}
                    for criterion in decision.criteria.all()
                ],
                "scores": [
                    {
                        "option_ref": option_refs[score.option_id],
                        "criterion_ref": criterion_refs[score.criterion_id],
                        "score": score.score,
                    }
                    for option in decision.options.all()
                    for score in option.scores.all()
                ],
                "changes": [
                    values(change, DECISION_CHANGE_FIELDS) for change in decision.changes.all()
                ],
            }
        )
    return docs


def _at_most(item: Node, key: str, most: int) -> list[Node]:
    found = item.objects(key)
    if len(found) > most:
        raise bad(item.at(key), _("should hold at most %(most)d entries.") % {"most": most})
    return found


def read_decisions(context: ImportContext, doc: Node) -> None:
    # Files exported before decisions existed lack the key.
    if "decisions" not in doc.raw:
        return
    goals = context.refs["goals"]
    decisions, options, criteria, scores, changes = [], [], [], [], []
    chosen: list[tuple[Decision, DecisionOption | None]] = []
    for item in doc.objects("decisions"):
        decision = item.build(Decision, DECISION_FIELDS)
        decision.user = context.user
        decision.goal = item.ref("goal_ref", goals)
        decisions.append(decision)
        option_refs: dict[int, DecisionOption] = {}
        for sub in _at_most(item, "options", MAX_OPTIONS):
            option = sub.build(DecisionOption, OPTION_FIELDS)
            option.decision, option.role = decision, role_for(context, sub, "role")
            options.append(option)
            option_refs[sub.new_ref(option_refs)] = option
        criterion_refs: dict[int, DecisionCriterion] = {}
        for sub in _at_most(item, "criteria", MAX_CRITERIA):
            criterion = sub.build(DecisionCriterion, CRITERION_FIELDS)
            criterion.decision = decision
            criteria.append(criterion)
            criterion_refs[sub.new_ref(criterion_refs)] = criterion
        seen: set[tuple[int, int]] = set()
        for sub in item.objects("scores"):
            score = sub.build(DecisionScore, ("score",))
            score.option = sub.ref("option_ref", option_refs)
            score.criterion = sub.ref("criterion_ref", criterion_refs)
            if score.option is None or score.criterion is None:
                raise bad(sub.at("option_ref"), _("must not be empty."))
            sub.once(seen, (id(score.option), id(score.criterion)), "criterion_ref")
            scores.append(score)
        chosen.append((decision, item.ref("chosen_ref", option_refs)))
        for sub in item.objects("changes"):
            change = sub.build(DecisionChange, DECISION_CHANGE_FIELDS)
            change.decision = decision
            changes.append(change)
    # Saving fills in each child's foreign key from its parent's new pk.
    create_keeping_updated_at(Decision, decisions)
    DecisionOption.objects.bulk_create(options)
    DecisionCriterion.objects.bulk_create(criteria)
    DecisionScore.objects.bulk_create(scores)
    DecisionChange.objects.bulk_create(changes)
    for decision, option in chosen:
        decision.chosen = option
    Decision.objects.bulk_update([d for d, o in chosen if o is not None], ["chosen"])
    context.summary.decisions = len(decisions)


__all__ = [
    "has_data",
    "has_decisions",
    "has_learning",
    "read",
    "read_decisions",
    "read_learning",
    "role_for",
    "write",
    "write_decisions",
    "write_learning",
]
