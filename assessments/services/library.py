"""The admins' writes to the role library."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from assessments.models import Role, RoleMove, RoleSkill
from careerapp.copies import copy_name, free_slug

TITLE_MAX_LENGTH = Role._meta.get_field("title").max_length


@transaction.atomic
def role_duplicate(*, role: Role) -> Role:
    """A copy with the role's required skills and moves out, a free slug and " (copy)"
    title, hidden and not open until an admin edits it. Targets stay with the original."""
    copy = Role.objects.create(
        track_id=role.track_id,
        title=copy_name(role.title, TITLE_MAX_LENGTH),
        slug=free_slug(Role, role.slug),
        level=role.level,
        order=role.order,
        summary=role.summary,
        responsibilities=role.responsibilities,
        experience=role.experience,
        is_open=False,
        is_active=False,
    )
    RoleSkill.objects.bulk_create(
        RoleSkill(
            role=copy, question_id=skill.question_id, level=skill.level, importance=skill.importance
        )
        for skill in role.skills.order_by("pk")
    )
    RoleMove.objects.bulk_create(
        RoleMove(from_role=copy, to_role_id=move.to_role_id, typical_months=move.typical_months)
        for move in role.moves.order_by("pk")
    )
    return copy


@transaction.atomic
def roles_duplicate(*, roles: Iterable[Role]) -> list[Role]:
    """A copy of each of ``roles``, in the order they were made; all or none."""
    return [role_duplicate(role=role) for role in roles]
