"""``{% trend_chart chart %}``: a ``reviews.charts.axes.Chart`` drawn as inline SVG by
``reviews/includes/_chart.html``; ``{% trend_rows rows %}``: the rows of the table of
numbers beside it, drawn by ``reviews/includes/_chart_rows.html``.

The tags only hand the template what it draws: the coordinates and labels are computed in
``reviews.charts``. Numbers print with a dot in every language (SVG needs it), x as a
percentage of the width and y in pixels.
"""

from __future__ import annotations

from django import template

from reviews.charts.axes import Chart

register = template.Library()


@register.inclusion_tag("reviews/includes/_chart.html")
def trend_chart(chart: Chart) -> dict:
    return {"chart": chart}


@register.inclusion_tag("reviews/includes/_chart_rows.html")
def trend_rows(rows) -> dict:
    """Table rows: the first value heads its row, a missing value (None or "") shows as a
    dash."""
    return {
        "rows": [
            (first, [None if value is None or value == "" else value for value in values])
            for first, *values in rows
        ]
    }
