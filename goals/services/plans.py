"""The plan from a role's gaps: one long-term goal for the role, a step per gap."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from goals.models import OPEN_STATUSES, Category, Goal, Horizon, Task
from goals.services.goals import goal_create


def _step_notes(gap: Any) -> str:
    level = (
        _("Not assessed yet; the role asks for level %(required)s.")
        if gap.current is None
        else _("From level %(current)s to %(required)s.")
    ) % {"current": gap.current, "required": gap.required}
    if gap.suggestion is None:
        return level
    first = _("A first step: %(title)s") % {"title": gap.suggestion.title}
    if gap.suggestion.url:
        first += f" ({gap.suggestion.url})"
    return f"{level} {first}."


def open_role_goal(user, role) -> Goal | None:
    return Goal.objects.for_user(user).filter(role=role, status__in=OPEN_STATUSES).first()


@transaction.atomic
def role_plan_create(*, user, gaps: Any) -> tuple[Goal, bool]:
    """``gaps``: ``goals.queries.role_gaps`` (not imported: queries reads the forms,
    which write through these services). The person's open goal for the role if there is
    one (False), else a new one with a step per gap, the largest first (True)."""
    role = gaps.role
    existing = open_role_goal(user, role)
    if existing is not None:
        return existing, False
    goal = goal_create(
        user=user,
        title=_("Become %(role)s") % {"role": role.title},
        why=_(
            "I want to grow into the role of %(role)s. Today my skills match %(match)s%% "
            "of what it asks; each step below closes one gap."
        )
        % {"role": role.title, "match": gaps.match},
        category=Category.ROLE,
        horizon=Horizon.LONG,
        target_date=None,
    )
    goal.role = role
    goal.save(update_fields=["role"])
    Task.objects.bulk_create(
        Task(
            goal=goal,
            title=_("%(skill)s: reach level %(level)s")
            % {"skill": gap.name, "level": gap.required},
            notes=_step_notes(gap),
            position=position,
        )
        for position, gap in enumerate(gaps.gaps)
    )
    return goal, True
