"""Values the goals templates print; the templates under ``templates/goals/includes/`` draw."""

from __future__ import annotations

from django import template

from careerapp.dashboard import PkUrl

register = template.Library()


@register.simple_tag(takes_context=True)
def list_query(context) -> str:
    """The list's filters and order as a query string, without the page: the move buttons
    bring the person back to the list as they left it."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    return f"?{query.urlencode()}" if query else ""


@register.simple_tag(takes_context=True)
def goal_url(context, goal) -> str:
    """The goal's page. The timeline's list links a goal from every one of its dates, so
    the route is reversed once per template render, not once per link."""
    url = context.render_context.get("goals_detail_url")
    if url is None:
        url = context.render_context["goals_detail_url"] = PkUrl("goals:detail")
    return url(goal.pk)
