"""The goal templates Career Compass ships, and the loader a data migration runs.

A template is plain data: ``slug``, ``order``, ``title`` (the goal as the person would say
it), ``summary`` (one line for the card), ``why`` (in the person's voice, because it becomes
their text to keep or rewrite), ``category``, ``horizon``, ``duration_days`` (the target,
counted from the day they start) and ``tasks``: steps with ``title``, ``offset_days`` (at
most ``duration_days``), optional ``is_milestone`` and ``notes``.

What must stay true:
- No model imports. The loader takes the model classes, so migrations can pass historical
  ones; importing ``goals.models`` here would tie old migrations to today's models.
- Loading is idempotent by slug: a second run writes nothing. A later content change ships
  as a new migration that calls ``load_goal_templates`` again.
- Shipped slugs belong to this package: a reload restores their text and steps. Whether a
  template is offered and where it sorts belong to the admins and are set only once. To
  adapt a shipped template, an admin duplicates it and edits the copy.
"""

from __future__ import annotations

from pathlib import Path

from careerapp.content import in_source_language, save_if_changed, translated
from goals.content.growth import GROWTH_TEMPLATES
from goals.content.moves import MOVE_TEMPLATES

TEMPLATE_FIELDS = ("title", "summary", "why", "category", "horizon", "duration_days")

# Steps are matched to their rows by position: the n-th step has order n * ORDER_STEP,
# leaving room for an admin to slot a step in between on a duplicated template.
ORDER_STEP = 10

# French and Spanish of the content (careerapp.content.translated).
TRANSLATIONS = Path(__file__).parent / "translations"


@in_source_language
def load_goal_templates(GoalTemplate, GoalTemplateTask) -> int:
    """Create or update every shipped template and its steps; return the rows written."""
    written = 0
    for spec in GOAL_TEMPLATES:
        values = translated(
            GoalTemplate, {field: spec[field] for field in TEMPLATE_FIELDS}, TRANSLATIONS
        )
        template = GoalTemplate.objects.filter(slug=spec["slug"]).first()
        if template is None:
            template = GoalTemplate.objects.create(
                slug=spec["slug"], order=spec["order"], is_active=True, **values
            )
            written += 1
        else:
            written += save_if_changed(template, values)
        written += _load_steps(GoalTemplateTask, template, spec["tasks"])
    return written


def unload_goal_templates(GoalTemplate) -> int:
    """Delete the shipped templates (their steps go with them); goals made from them stay."""
    deleted, _by_model = GoalTemplate.objects.filter(slug__in=shipped_slugs()).delete()
    return deleted


def shipped_slugs() -> list[str]:
    return [spec["slug"] for spec in GOAL_TEMPLATES]


def _load_steps(GoalTemplateTask, template, steps: list[dict]) -> int:
    wanted = {
        position * ORDER_STEP: translated(
            GoalTemplateTask,
            {
                "title": step["title"],
                "notes": step.get("notes", ""),
                "offset_days": step["offset_days"],
                "is_milestone": step.get("is_milestone", False),
            },
            TRANSLATIONS,
        )
        for position, step in enumerate(steps, start=1)
    }
    written = 0
    kept = set()
    stale = []
    for task in GoalTemplateTask.objects.filter(template=template).order_by("order", "pk"):
        if task.order in wanted and task.order not in kept:
            kept.add(task.order)
            written += save_if_changed(task, wanted[task.order])
        else:
            stale.append(task.pk)
    if stale:
        written += GoalTemplateTask.objects.filter(pk__in=stale).delete()[0]
    for order, values in wanted.items():
        if order not in kept:
            GoalTemplateTask.objects.create(template=template, order=order, **values)
            written += 1
    return written


GOAL_TEMPLATES: list[dict] = sorted([*GROWTH_TEMPLATES, *MOVE_TEMPLATES], key=lambda t: t["order"])
