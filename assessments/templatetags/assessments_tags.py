"""Template tags for the role pages' slots: each reads what its fragment needs for the
person signed in, so a page that includes the fragment passes nothing but the role.
They compute; the fragments under ``templates/assessments/includes/`` draw."""

from __future__ import annotations

from django import template

from assessments import queries
from assessments.charts import RoleComparison
from assessments.models import Role, TargetRole

register = template.Library()


def _user(context):
    return context["request"].user


@register.simple_tag(takes_context=True)
def role_comparison_of(context, role: Role) -> RoleComparison:
    """The role against the person (one query)."""
    return queries.role_comparison(_user(context), role)


@register.simple_tag(takes_context=True)
def role_target_of(context, role: Role) -> TargetRole | None:
    """The person's target for the role, if any (one query)."""
    return TargetRole.objects.for_user(_user(context)).filter(role=role).first()


@register.simple_tag(takes_context=True)
def my_roles(context) -> dict:
    """The "My roles" block: current role, targets by status with their match (3 queries)."""
    return queries.my_roles(_user(context))


@register.simple_tag(takes_context=True)
def pursued_role(context):
    """The role the person pursues with its comparison, or None (one or two queries)."""
    return queries.pursued(_user(context))
