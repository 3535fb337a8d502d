"""What the compare pages, the "My roles" block, the dashboard panel and the weekly email
read about a person measured against roles.

A skill's current level is the one from the person's latest completed take that answered
it (a take of any instrument that asks the skill question; own skills never count). Each
read is a fixed number of queries however many takes the person has: the latest level of
each skill is picked in the database, by a subquery for one person or a window for many.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from assessments import charts
from assessments.charts import RoleComparison, SkillMatch
from assessments.charts.roles import sort_key
from assessments.models import (
    Answer,
    CurrentRole,
    Role,
    RoleSkill,
    TakeStatus,
    TargetRole,
    TargetStatus,
)

SIDE_BY_SIDE_MIN = 2
SIDE_BY_SIDE_MAX = 3


def _answers_with_level() -> QuerySet:
    return Answer.objects.filter(
        take__status=TakeStatus.COMPLETED, question__isnull=False, current_level__isnull=False
    )


def _newest_first() -> list:
    return [F("take__completed_at").desc(), F("take_id").desc()]


def _skills_with_levels(user, skills: QuerySet) -> QuerySet:
    """``skills`` (RoleSkill rows) each with the person's latest level and when it was given."""
    latest = (
        _answers_with_level()
        .filter(take__user_id=user.pk, question_id=OuterRef("question_id"))
        .order_by(*_newest_first())
    )
    return skills.select_related("question").annotate(
        current=Subquery(latest.values("current_level")[:1]),
        assessed_at=Subquery(latest.values("take__completed_at")[:1]),
    )


def _match(skill: RoleSkill, current: int | None, assessed_at) -> SkillMatch:
    return SkillMatch(
        question_id=skill.question_id,
        name=skill.question.prompt,
        importance=skill.importance,
        required=skill.level,
        current=current,
        assessed_at=assessed_at,
    )


def role_comparisons(user, roles: Sequence[Role]) -> dict[int, RoleComparison]:
    """Each of ``roles`` against the person, by role id: one query."""
    found: dict[int, list[SkillMatch]] = {role.pk: [] for role in roles}
    rows = _skills_with_levels(user, RoleSkill.objects.filter(role__in=[r.pk for r in roles]))
    for skill in rows.order_by("role_id", "pk"):
        found[skill.role_id].append(_match(skill, skill.current, skill.assessed_at))
    return {role.pk: charts.compare(role, found[role.pk]) for role in roles}


def role_comparison(user, role: Role) -> RoleComparison:
    """The role's required skills against the person's latest levels, sorted by gap."""
    return role_comparisons(user, [role])[role.pk]


@dataclass(frozen=True)
class SideBySide:
    roles: list[Role]
    comparisons: list[RoleComparison]
    rows: list[tuple[str, str, list[SkillMatch | None]]]  # key, name, a cell per role


def _side_by_side_rows(comparisons: list[RoleComparison]) -> list:
    names: dict[str, str] = {}
    worst: dict[str, tuple] = {}
    for comparison in comparisons:
        for skill in comparison.skills:
            names[skill.key] = skill.name
            worst[skill.key] = min(worst.get(skill.key, (2, 0)), sort_key(skill)[:2])
    keys = sorted(names, key=lambda key: (*worst[key], names[key].lower()))
    return [
        (key, names[key], [comparison.by_key.get(key) for comparison in comparisons])
        for key in keys
    ]


def roles_side_by_side(user, slugs: Iterable[str]) -> tuple[SideBySide | None, str]:
    """Two or three roles named by slug, side by side; or None and what is wrong."""
    given = [slug.strip() for slug in slugs if slug.strip()]
    slugs = list(dict.fromkeys(given))
    if not slugs:
        return None, ""
    if len(given) > 1 and not SIDE_BY_SIDE_MIN <= len(slugs) <= SIDE_BY_SIDE_MAX:
        return None, _("Pick two or three different roles to compare.")
    found = {role.slug: role for role in Role.objects.active().filter(slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        return None, _("We could not find this role: %(slugs)s.") % {"slugs": ", ".join(unknown)}
    if len(slugs) == 1:  # a start (the link from a role's page): it is picked, add others
        return None, ""
    roles = [found[slug] for slug in slugs]
    by_role = role_comparisons(user, roles)
    comparisons = [by_role[role.pk] for role in roles]
    return SideBySide(roles, comparisons, _side_by_side_rows(comparisons)), ""


def role_compare_page(user, role: Role) -> dict:
    comparison = role_comparison(user, role)
    return {"role": role, "comparison": comparison, "chart": charts.role_chart(comparison.skills)}


def current_role_of(user) -> CurrentRole | None:
    return CurrentRole.objects.select_related("role__track").filter(user=user).first()


def current_role_initial(user) -> dict[str, str]:
    """The current-role form's starting values: the library role's slug, or "other"."""
    current = current_role_of(user)
    if current is None:
        return {}
    if current.role is not None:
        return {"role": current.role.slug}
    return {"role": "other", "other_title": current.other_title}


@dataclass(frozen=True)
class TargetLine:
    target: TargetRole
    comparison: RoleComparison


def target_groups(user) -> list[tuple[str, str, list[TargetLine]]]:
    """The person's target roles with their comparison, as (status, label, lines) for each
    status that has any: two queries (one without targets)."""
    targets = list(
        TargetRole.objects.for_user(user)
        .offered()
        .select_related("role__track")
        .order_by("-updated_at", "pk")
    )
    by_role = role_comparisons(user, [target.role for target in targets]) if targets else {}
    lines = [TargetLine(target, by_role[target.role_id]) for target in targets]
    groups = [
        (status, label, [line for line in lines if line.target.status == status])
        for status, label in TargetStatus.choices
    ]
    return [group for group in groups if group[2]]


def my_roles(user) -> dict:
    """The "My roles" block: the current role, and targets by status with their match."""
    groups = target_groups(user)
    return {"current": current_role_of(user), "groups": groups, "has_targets": bool(groups)}


def pursued(user) -> TargetLine | None:
    """The person's pursued role with its comparison: two queries (none more without one)."""
    target = TargetRole.objects.for_user(user).pursuing().select_related("role").first()
    if target is None:
        return None
    return TargetLine(target, role_comparison(user, target.role))


# --- Many people at once: the weekly email ------------------------------------------------


def latest_levels(
    user_ids: Sequence[int], question_ids: Iterable[int]
) -> dict[tuple[int, int], tuple[int, datetime.datetime]]:
    """(person, question) -> the latest level and when: one query for everyone."""
    ranked = (
        _answers_with_level()
        .filter(take__user_id__in=user_ids, question_id__in=list(question_ids))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("take__user_id"), F("question_id")],
                order_by=_newest_first(),
            )
        )
        .filter(rank=1)
        .values_list("take__user_id", "question_id", "current_level", "take__completed_at")
    )
    return {(user_id, qid): (level, at) for user_id, qid, level, at in ranked}


def pursued_comparisons(
    user_ids: Sequence[int], *, mentioned_before: datetime.datetime | None = None
) -> dict[int, TargetLine]:
    """Each person's pursued role with its comparison, by person: three queries.

    With ``mentioned_before``, only roles whose gap the email has not named since then."""
    targets = TargetRole.objects.filter(user_id__in=user_ids, role__is_active=True).pursuing()
    if mentioned_before is not None:
        targets = targets.filter(
            Q(gap_mentioned_at__isnull=True) | Q(gap_mentioned_at__lt=mentioned_before)
        )
    targets = list(targets.select_related("role"))
    if not targets:
        return {}
    skills: dict[int, list[RoleSkill]] = {}
    for skill in (
        RoleSkill.objects.filter(role__in={t.role_id for t in targets})
        .select_related("question")
        .order_by("pk")
    ):
        skills.setdefault(skill.role_id, []).append(skill)
    levels = latest_levels(
        [t.user_id for t in targets], {s.question_id for rows in skills.values() for s in rows}
    )
    found = {}
    for target in targets:
        matches = [
            _match(skill, *levels.get((target.user_id, skill.question_id), (None, None)))
            for skill in skills.get(target.role_id, [])
        ]
        found[target.user_id] = TargetLine(target, charts.compare(target.role, matches))
    return found
