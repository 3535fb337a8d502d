"""``{% trend_chart chart %}``: a ``reviews.charts.axes.Chart`` as inline SVG; ``{% trend_rows
rows %}``: the rows of the table of numbers beside it.

Written here rather than in a template include: a departure from "templates draw",
measured (benchmarks/README.md, "Departures from plain Django"; ``make bench-departures``
measures it again): a year of check-ins is a few hundred SVG elements, and the template
engine resolves each attribute as a node.
The coordinates and labels are computed in ``reviews.charts``; this only writes them out.

What must stay true: every text that comes from a person or a translation goes through
``escape``; everything else is our own numbers and class names. Numbers print with a dot in
every language (SVG needs it), x as a percentage of the width and y in pixels.
"""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from reviews.charts.axes import Chart

register = template.Library()


def _safe(parts: list[str]) -> SafeString:
    """The one place this module marks markup safe: every text in ``parts`` went through
    ``escape``; the rest are numbers and our own class names."""
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703


@register.simple_tag
def trend_chart(chart: Chart) -> SafeString:
    c = chart
    parts = [
        f'<svg class="trend-svg" xmlns="http://www.w3.org/2000/svg" width="100%"'
        f' height="{c.height}" role="img" aria-labelledby="{c.id}-title"'
        f' aria-describedby="{c.id}-desc" focusable="false">',
        f'<title id="{c.id}-title">{escape(c.title)}</title>',
        f'<desc id="{c.id}-desc">{escape(c.desc)}</desc>',
    ]
    if c.band:
        x, width = c.band
        parts.append(
            f'<rect class="trend-band" x="{x}%" y="0" width="{width}%" height="{c.bottom}"/>'
        )
    parts.extend(
        f'<line class="trend-grid" x1="{c.left}%" x2="{c.right}%" y1="{tick.pos}"'
        f' y2="{tick.pos}"/><text class="trend-value" x="0" y="{tick.label_pos}">'
        f"{escape(tick.label)}</text>"
        for tick in c.y_ticks
    )
    for tick in c.x_ticks:
        year = " is-year" if tick.sublabel else ""
        parts.append(
            f'<line class="trend-grid{year}" x1="{tick.pos}%" x2="{tick.pos}%" y1="{c.top}"'
            f' y2="{c.bottom}"/><text class="trend-month" x="{tick.label_pos}%" y="{c.bottom}"'
            f' dy="17" text-anchor="middle">{escape(tick.label)}</text><text class="trend-month'
            f' is-short" x="{tick.label_pos}%" y="{c.bottom}" dy="17" text-anchor="middle"'
            f' aria-hidden="true">{escape(tick.short)}</text>'
        )
        if tick.sublabel:
            parts.append(
                f'<text class="trend-year" x="{tick.label_pos}%" y="{c.bottom}" dy="32"'
                f' text-anchor="middle">{escape(tick.sublabel)}</text>'
            )
    parts.append(
        f'<line class="trend-axis" x1="{c.left}%" x2="{c.right}%" y1="{c.bottom}" y2="{c.bottom}"/>'
    )
    for series in c.series:
        parts.append(f'<g class="trend-series trend-{series.key}">')
        parts.extend(
            f'<line class="trend-line" x1="{a.x}%" y1="{a.y}" x2="{b.x}%" y2="{b.y}"/>'
            for a, b in series.segments
        )
        for point in series.points:
            css, title = escape(point.css), f"<title>{escape(point.label)}</title>"
            if series.shape == "square":
                parts.append(
                    f'<rect class="trend-point {css}" x="{point.x}%" y="{point.y}" width="9"'
                    f' height="9" transform="translate(-4.5 -4.5)">{title}</rect>'
                )
            else:
                parts.append(
                    f'<circle class="trend-point {css}" cx="{point.x}%" cy="{point.y}" r="5">'
                    f"{title}</circle>"
                )
        parts.append("</g>")
    parts.extend(
        f'<rect class="trend-bar {escape(bar.css)}" x="{bar.x}%" y="{bar.y}" width="{bar.width}%"'
        f' height="{bar.height}" rx="2"><title>{escape(bar.label)}</title></rect>'
        for bar in c.bars
    )
    parts.append("</svg>")
    return _safe(parts)


@register.simple_tag
def trend_rows(rows) -> SafeString:
    """Table rows: the first value heads its row, a missing value (None or "") shows as a
    dash."""
    parts = []
    for first, *values in rows:
        cells = "".join(f"<td>{'–' if v is None or v == '' else escape(v)}</td>" for v in values)
        parts.append(f'<tr><th scope="row" class="fw-normal">{escape(first)}</th>{cells}</tr>')
    return _safe(parts)


@register.filter
def markdown_lines(text, indent: int = 2) -> str:
    """A person's text continued under a Markdown list item: its later lines indented, so a
    paragraph of impact stays part of its win (the brag document's download)."""
    lines = [line.rstrip() for line in str(text).strip().splitlines()]
    return ("\n" + " " * int(indent)).join(lines)
