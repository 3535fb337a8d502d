"""Planned against actual, drawn: steps due each month against steps done on time.

The figures are read by ``reviews.queries.planned``, for the history's months and for a
quarter alike, so both pages show the same figures for the same days.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext as _

from reviews.charts.axes import Bar, Chart, Day, Frame, day_format, nice_top
from reviews.queries import MonthCount


def planned_chart(months: list[MonthCount], start: Day, end: Day) -> Chart:
    title = _("Steps due and steps done on time, by month")
    top, step = nice_top(max((m.due for m in months), default=0))
    chart = Chart("planned", title, "", 200, 5, 100, 10, 154)
    frame = Frame(chart, start, end, 0, top)
    frame.months()
    frame.values(list(range(0, top + 1, step)))
    for tick, count in zip(chart.x_ticks, months, strict=True):
        width = round((tick.label_pos - tick.pos) * 0.62, 2)
        for x, value, css, words in (
            (round(tick.label_pos - width, 2), count.due, "is-due", _("%(month)s: %(count)s due")),
            (tick.label_pos, count.on_time, "is-on-time", _("%(month)s: %(count)s on time")),
        ):
            if value:
                y = frame.y(value)
                label = words % {"month": day_format(count.month, gettext("F Y")), "count": value}
                chart.bars.append(Bar(x, y, width, round(chart.bottom - y, 1), label, css))
    chart.desc = _("Each month has two bars: steps that were due, and steps done by their date.")
    return chart
