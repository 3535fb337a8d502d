"""The template tags that write markup in Python (``goals_tags``, ``reviews_tags``), drawn
by template includes instead: the other side of ``benchmarks/departures.py``. Each tag
renders ``benchmarks/templates/departures/<tag>.html``, whose markup is the tag's own
(``benchmarks/tests/test_departures.py`` compares the pages both ways)."""

from __future__ import annotations

from django import template

from reviews.templatetags.reviews_tags import markdown_lines

register = template.Library()
register.filter("markdown_lines", markdown_lines)


@register.inclusion_tag("departures/goal_cards.html", takes_context=True)
def goal_cards(context, goals, *, today, can_reorder):
    query = context["request"].GET.copy()
    query.pop("page", None)  # the move buttons bring the person back to the list as it was
    return {
        "goals": goals,
        "today": today,
        "can_reorder": can_reorder,
        "back": f"?{query.urlencode()}" if query else "",
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("departures/timeline_stripes.html")
def timeline_stripes(timeline):
    return {"timeline": timeline}


@register.inclusion_tag("departures/timeline_rows.html")
def timeline_rows(timeline):
    return {"timeline": timeline}


@register.inclusion_tag("departures/timeline_items.html")
def timeline_items(timeline):
    return {"timeline": timeline}


@register.inclusion_tag("departures/trend_chart.html")
def trend_chart(chart):
    return {"chart": chart}


@register.inclusion_tag("departures/trend_rows.html")
def trend_rows(rows):
    return {"rows": rows}
