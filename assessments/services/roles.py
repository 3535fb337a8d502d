"""Writes about a person's place in the role library: their current role and the roles
they target."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from assessments.models import CurrentRole, Role, TargetRole, TargetStatus


@transaction.atomic
def target_role_set(*, user, role: Role, status: str = TargetStatus.EXPLORING) -> TargetRole:
    """Target ``role`` with ``status`` (new or changed). One role is pursued at a time:
    pursuing this one moves a role pursued before back to exploring."""
    now = timezone.now()
    if status == TargetStatus.PURSUING:
        TargetRole.objects.for_user(user).pursuing().exclude(role=role).update(
            status=TargetStatus.EXPLORING, updated_at=now
        )
    target, created = TargetRole.objects.get_or_create(
        user=user, role=role, defaults={"status": status, "created_at": now, "updated_at": now}
    )
    if not created and target.status != status:
        target.status = status
        target.updated_at = now
        target.save(update_fields=["status", "updated_at"])
    return target


def target_role_remove(*, target: TargetRole) -> None:
    target.delete()


def current_role_set(*, user, role: Role | None, other_title: str = "") -> CurrentRole:
    """The role the person holds today: a library role, or (``role`` None) their own words."""
    current, _created = CurrentRole.objects.update_or_create(
        user=user,
        defaults={
            "role": role,
            "other_title": "" if role is not None else other_title.strip(),
            "updated_at": timezone.now(),
        },
    )
    return current


def target_roles_mark_gap_mentioned(user_ids: list[int], now: datetime.datetime) -> int:
    """The weekly email carried these people's pursued role's biggest gap: not again for a
    month. Called by the email pipeline once the server accepted the emails."""
    return TargetRole.objects.filter(user_id__in=user_ids).pursuing().update(gap_mentioned_at=now)
