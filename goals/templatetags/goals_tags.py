"""The repeated parts of the goal list and the timeline: goal cards, the chart's rows and
the list's items, written here rather than in template includes.

A departure from "templates draw", measured: benchmarks/README.md, "Departures from plain
Django", and again by ``make bench-departures``. Everything that appears once stays in the
templates.

What must stay true: every text that a person typed or that comes from a translation goes
through ``escape`` (the standard library's, which Django's wraps; the same output); numbers
and class names are ours. The markup is the same as the templates would write, so CSS,
tests and the accessibility checks see no difference.
"""

from __future__ import annotations

import datetime
from functools import lru_cache
from html import escape

from django import template
from django.template.backends.utils import csrf_input
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext as _

from careerapp.links import PkUrl
from goals.charts.shapes import DOT_RADIUS, LABEL_X, ListItem, MonthGroup, Row, Timeline
from goals.models import Goal, Status

register = template.Library()


@lru_cache(maxsize=4096)
def _date(day: datetime.date, fmt: str, language: str) -> str:
    """``day`` in ``fmt``, as the ``date`` filter writes it (``language`` is the active one)."""
    return date_format(day, fmt)


def _safe(parts) -> SafeString:
    """Join markup built here. The one place it is marked safe: every part was built from
    escaped text, our numbers and our class names (see the module's docstring)."""
    return mark_safe("\n".join(parts))  # noqa: S308  # nosec B308 B703


class _PkUrl(PkUrl):
    """``PkUrl`` escaped for an attribute (reverse() output needs none today; cheap insurance)."""

    def __call__(self, pk: int) -> str:
        return escape(super().__call__(pk))


# --- The goal list -----------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def goal_cards(context, goals, *, today: datetime.date, can_reorder: bool) -> SafeString:
    """One card per goal: title, status, category, horizon, target, progress, and the
    buttons that move it up or down (when the list is in priority order)."""
    detail, move = _PkUrl("goals:detail"), _PkUrl("goals:move")
    # The move buttons bring the person back to the list as they left it.
    query = context["request"].GET.copy()
    query.pop("page", None)
    back = escape(f"?{query.urlencode()}") if query else ""
    csrf = csrf_input(context["request"])  # what {% csrf_token %} writes
    words = {
        "long": escape(_("Long-term")),
        "short": escape(_("Short-term")),
        "target": _("Target %(date)s"),
        "progress": _("Progress of %(title)s"),
        "raise": _("Raise the priority of “%(title)s”"),
        "lower": _("Lower the priority of “%(title)s”"),
        "language": get_language(),
    }
    cards = []
    for goal in goals:
        buttons = ""
        if can_reorder and not goal.is_closed:
            buttons = (
                f'<form method="post" action="{move(goal.pk)}{back}" '
                f'class="d-flex flex-column gap-1">{csrf}'
                f"{_move_button(goal, 'up', words['raise'])}"
                f"{_move_button(goal, 'down', words['lower'])}</form>"
            )
        cards.append(_card(goal, detail(goal.pk), buttons, today, words))
    return _safe(cards)


def _move_button(goal: Goal, direction: str, label: str) -> str:
    arrow = "↑" if direction == "up" else "↓"
    return (
        f'<button type="submit" name="direction" value="{direction}" '
        f'class="btn btn-sm btn-outline-secondary" '
        f'aria-label="{escape(label % {"title": goal.title})}">{arrow}</button>'
    )


def _card(goal: Goal, url: str, buttons: str, today: datetime.date, words: dict) -> str:
    muted = " is-muted" if goal.is_closed else ""
    horizon = words["long"] if goal.horizon == "long" else words["short"]
    target = ""
    if goal.target_date:
        late = goal.status == Status.ACTIVE and goal.target_date < today
        date = _date(goal.target_date, gettext("j M Y"), words["language"])
        attrs = ' class="text-overdue fw-semibold"' if late else ""
        target = f"<span{attrs}>{escape(words['target'] % {'date': date})}</span>"
    progress = goal.progress
    steps = ""
    if goal.tasks_total:
        steps = " · " + escape(
            ngettext("%(done)s of %(total)s step", "%(done)s of %(total)s steps", goal.tasks_total)
            % {"done": goal.tasks_done, "total": goal.tasks_total}
        )
    return (
        f'<li class="card goal-card{muted}" id="goal-{goal.pk}"><div class="card-body">'
        '<div class="d-flex gap-2 align-items-start"><div class="flex-grow-1 min-w-0">'
        f'<h2 class="h5 mb-1"><a href="{url}">{escape(goal.title)}</a></h2>'
        '<div class="small text-body-secondary d-flex flex-wrap gap-2 mb-2">'
        f'<span class="badge status-badge status-{goal.status}">{escape(goal.status_label)}</span>'
        f"<span>{escape(goal.category_label)}</span><span>{horizon}</span>{target}</div>"
        f'<div class="d-flex align-items-center gap-2 progress-line" id="goal-{goal.pk}-progress">'
        f'<progress class="goal-progress flex-grow-1{muted}" max="100" value="{progress}" '
        f'aria-label="{escape(words["progress"] % {"title": goal.title})}">{progress}%</progress>'
        f'<span class="small text-body-secondary text-nowrap">{progress}%{steps}</span></div>'
        f"</div>{buttons}</div></div></li>"
    )


# --- The timeline's words ------------------------------------------------------------------


class _Words:
    """The page's fixed words, translated once per page instead of once per use."""

    @classmethod
    def of(cls, chart: Timeline) -> _Words:
        """One set per page, shared by the chart's rows and the list."""
        words = chart.__dict__.get("_words")
        if words is None or words.language != get_language():
            words = chart.__dict__["_words"] = cls()
        return words

    def __init__(self):
        self.language = get_language()
        self.milestone = _("Milestone")
        self.step = _("Step")
        self.done = _("done")
        self.overdue = _("overdue")
        self.closed = _("closed with the goal")
        self.target_date = _("Target date")
        self.no_target = _("No target date")
        self.overdue_gap = _("Overdue: the target date has passed")
        self.goes_on_before = _("Continues before this span")
        self.goes_on_after = _("Continues after this span")
        self.overdue_since = _("Overdue since %(date)s")
        self.target = _("Target %(date)s")
        self.target_on = _("Target date: %(date)s")
        self.step_for = _('for <a href="%(url)s">%(title)s</a>')
        self.goals: dict[int, _GoalText] = {}
        self.goal_url = _PkUrl("goals:detail")
        # The list's labels, escaped once.
        self.kinds = {
            "target": escape(self.target_date),
            "milestone": escape(self.milestone),
            "step": escape(self.step),
        }
        # Translated outside the f-strings: xgettext does not read inside them.
        badges = {
            "overdue": ("overdue", _("Overdue")),
            "done": ("done", _("Done")),
            "achieved": ("done", _("Achieved")),
            "closed": ("closed", _("Closed with the goal")),
        }
        self.badges = {
            key: f' <span class="badge timeline-badge-{css}">{escape(text)}</span>'
            for key, (css, text) in badges.items()
        }

    def date(self, day: datetime.date, fmt: str) -> str:
        return _date(day, fmt, self.language)

    def goal(self, goal: Goal) -> _GoalText:
        """The goal's escaped title, link and status badge, made once per page."""
        text = self.goals.get(goal.pk)
        if text is None:
            text = self.goals[goal.pk] = _GoalText(goal, self.goal_url(goal.pk))
        return text


class _GoalText:
    __slots__ = ("badge", "title", "url")

    def __init__(self, goal: Goal, url: str):
        self.title = escape(goal.title)
        self.url = url
        self.badge = (
            f'<span class="badge status-badge status-{goal.status}">'
            f"{escape(goal.status_label)}</span>"
        )


# --- The chart ---------------------------------------------------------------------------


@register.simple_tag
def timeline_stripes(chart: Timeline) -> SafeString:
    """A light band behind every other row, drawn before the grid."""
    return _safe(
        f'<rect class="tl-stripe" x="0" y="{row.top}" width="{chart.width}" height="{row.height}"/>'
        for row in chart.rows[::2]
    )


@register.simple_tag
def timeline_rows(chart: Timeline) -> SafeString:
    """One group per goal: its label, bar, target, edge arrows and step markers."""
    words = _Words.of(chart)
    return _safe(_row(row, chart, words) for row in chart.rows)


def _row(row: Row, chart: Timeline, words: _Words) -> str:
    goal = row.goal
    classes = "tl-row"
    if row.is_muted:
        classes += " is-muted"
    if row.is_overdue:
        classes += " is-overdue"
    if goal.status == Status.PAUSED:
        classes += " is-paused"
    title = words.goal(goal).title
    # No links in a row: an img may not hold focusable content (axe nested-interactive).
    # The list below the chart links every goal.
    parts = [
        f'<g class="{classes}">',
        '<g clip-path="url(#tl-label-clip)"><g class="tl-goal-label">',
        f'<title>{title}</title><text class="tl-goal-title" x="{LABEL_X}" y="{row.title_y}">'
        f"{escape(row.label)}</text></g>",
        f'<text class="tl-goal-meta{" is-overdue" if row.is_overdue else ""}" x="{LABEL_X}" '
        f'y="{row.meta_y}">{_meta(goal, row, words)}</text></g>',
    ]
    if row.bar:
        bar = row.bar
        untargeted = "" if goal.target_date else " is-untargeted"
        rx = 2 if bar.continues_before or bar.continues_after else 7
        parts.append(
            f'<rect class="tl-bar{untargeted}" x="{bar.x}" y="{row.bar_y}" width="{bar.width}" '
            f'height="{chart.bar_height}" rx="{rx}"/>'
        )
    if row.overdue_from_x is not None:
        parts.append(
            f'<line class="tl-overdue-gap" x1="{row.overdue_from_x}" x2="{chart.today_x}" '
            f'y1="{row.center_y}" y2="{row.center_y}"><title>{escape(words.overdue_gap)}</title>'
            "</line>"
        )
    if row.target_x is not None:
        on = escape(words.target_on % {"date": words.date(goal.target_date, gettext("j F Y"))})
        parts.append(
            f'<line class="tl-target" x1="{row.target_x}" x2="{row.target_x}" '
            f'y1="{row.target_top}" y2="{row.target_bottom}"><title>{on}</title></line>'
        )
    if row.before_arrow:
        if row.earlier_overdue:
            count = row.earlier_overdue
            note = ngettext(
                "%(counter)s overdue step before this span",
                "%(counter)s overdue steps before this span",
                count,
            ) % {"counter": count}
        else:
            note = words.goes_on_before
        alert = " is-alert" if row.alert_before else ""
        parts.append(
            f'<polygon class="tl-edge{alert}" points="{row.before_arrow}">'
            f"<title>{escape(note)}</title></polygon>"
        )
    if row.after_arrow:
        parts.append(
            f'<polygon class="tl-edge" points="{row.after_arrow}">'
            f"<title>{escape(words.goes_on_after)}</title></polygon>"
        )
    for marker in row.markers:
        task = marker.task
        state = ""
        note = ""
        if marker.is_done:
            state, note = " is-done", f" · {words.done}"
        elif marker.is_overdue:
            state, note = " is-overdue", f" · {words.overdue}"
        elif marker.is_closed:
            state, note = " is-closed", f" · {words.closed}"
        kind = words.milestone if task.is_milestone else words.step
        due = words.date(task.due_date, gettext("j M Y"))
        tip = f"{kind}: {task.title} · {due}{note}"
        if marker.points:
            shape = f'<polygon points="{marker.points}"/>'
        else:
            shape = f'<circle cx="{marker.x}" cy="{row.center_y}" r="{DOT_RADIUS}"/>'
        parts.append(f'<g class="tl-marker{state}"><title>{escape(tip)}</title>{shape}</g>')
    parts.append("</g>")
    return "".join(parts)


def _meta(goal: Goal, row: Row, words: _Words) -> str:
    """The line under the goal's title: overdue since, or status and target."""
    if row.is_overdue:
        return escape(
            words.overdue_since % {"date": words.date(goal.target_date, gettext("j M Y"))}
        )
    status = "" if goal.status == Status.ACTIVE else f"{goal.status_label} · "
    if goal.target_date:
        target = words.target % {"date": words.date(goal.target_date, gettext("j M Y"))}
    else:
        target = words.no_target
    return escape(status + target)


# --- The list ----------------------------------------------------------------------------

_ICONS = {
    "target": '<rect class="tl-icon-target" x="8.5" y="2" width="3" height="16" rx="1"/>',
    "milestone": '<polygon points="10,3 17,10 10,17 3,10"/>',
    "step": '<circle cx="10" cy="10" r="5.5"/>',
}


@register.simple_tag
def timeline_items(chart: Timeline) -> SafeString:
    """The list under the chart: a heading and a list per month."""
    words = _Words.of(chart)
    return _safe(_month(group, words) for group in chart.months)


def _month(group: MonthGroup, words: _Words) -> str:
    key = f"month-{group.month:%Y-%m}"
    heading = escape(words.date(group.month, gettext("F Y")))
    items = "".join(_item(item, words) for item in group.items)
    return (
        f'<h3 class="timeline-month h6" id="{key}">{heading}</h3>'
        f'<ul class="list-group timeline-items mb-4" aria-labelledby="{key}">{items}</ul>'
    )


def _item(item: ListItem, words: _Words) -> str:
    goal = item.goal
    text = words.goal(goal)
    state = (" is-muted" if item.is_muted else "") + (" is-overdue" if item.is_overdue else "")
    icon_state = (" is-done" if item.is_done else "") + (" is-overdue" if item.is_overdue else "")
    shape = "target" if item.is_target else "milestone" if item.is_milestone else "step"
    badge = ""
    if item.is_overdue:
        badge = words.badges["overdue"]
    elif item.is_done:
        badge = words.badges["achieved" if item.is_target else "done"]
    elif item.is_muted and not item.is_target:
        badge = words.badges["closed"]  # left open when its goal was achieved or dropped
    if item.is_target:
        body = f'<p class="mb-0"><a class="fw-semibold" href="{text.url}">{text.title}</a></p>'
        if goal.status in (Status.PAUSED, Status.DROPPED):
            body += f'<p class="mb-0 small">{text.badge}</p>'
    else:
        done = " timeline-item-done" if item.is_done else ""
        link = words.step_for % {"url": text.url, "title": text.title}
        status = f" {text.badge}" if goal.status != Status.ACTIVE else ""
        body = (
            f'<p class="mb-0 fw-semibold{done}">{escape(item.task.title)}</p>'
            f'<p class="mb-0 small text-body-secondary">{link}{status}</p>'
        )
    return (
        f'<li class="list-group-item timeline-item{state}">'
        f'<time class="timeline-item-date" datetime="{item.date.isoformat()}">'
        f'<span class="timeline-item-day">{item.date.day}</span>'
        f'<span class="timeline-item-weekday">{escape(words.date(item.date, "D"))}</span></time>'
        f'<svg class="timeline-item-icon{icon_state}" viewBox="0 0 20 20" width="20" height="20" '
        f'aria-hidden="true" focusable="false">{_ICONS[shape]}</svg>'
        '<div class="timeline-item-body"><p class="timeline-item-kind mb-0">'
        f"{words.kinds[shape]}{badge}</p>{body}</div></li>"
    )
