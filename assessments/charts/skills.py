"""The numbers behind the results: skill levels, strengths and gaps, changes between two
takes with their deltas, and the layouts of the skills chart and a skill's history chart.

Pure computation over answer snapshots: ``assessments.queries`` reads the answers (a fixed
number of queries however long the history) and passes them in; nothing here touches the
database.
Chart coordinates are percentages of the chart's width and pixels down, so the SVG
stretches to any screen while its text keeps a readable size.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from assessments.models import SKILL_LEVELS, Answer, QuestionType

STRENGTHS_SHOWN = 5
GAPS_SHOWN = 5
GOAL_TITLE_MAX = 200  # Goal.title's max_length


def level_name(level: int | None) -> str:
    return str(SKILL_LEVELS[level][0]) if level in SKILL_LEVELS else ""


def signed(delta: int | None) -> str:
    """+1, −2 or 0, with a real minus sign."""
    if delta is None:
        return ""
    if delta > 0:
        return f"+{delta}"
    return f"\u2212{-delta}" if delta < 0 else "0"


def local_date(moment: datetime.datetime | None) -> datetime.date | None:
    """The day in the active (the person's) time zone."""
    return timezone.localdate(moment) if moment is not None else None


# --- Skills ------------------------------------------------------------------------


def learning_url(key: str) -> str:
    """The learning log's add form, started from the skill of ``key`` (q<id> or p<id>)."""
    field = "question" if key.startswith("q") else "skill"
    return f"{reverse('goals:learning_add')}?{urlencode({field: key[1:]})}"


@dataclass(frozen=True)
class SkillLevel:
    """One skill's current and desired level, as answered on ``assessed_on``."""

    key: str
    name: str
    current: int
    desired: int
    assessed_on: datetime.date

    @property
    def gap(self) -> int:
        return self.desired - self.current

    @property
    def current_name(self) -> str:
        return level_name(self.current)

    @property
    def desired_name(self) -> str:
        return level_name(self.desired)

    @property
    def url(self) -> str:
        return reverse("assessments:skill", args=[self.key])

    @property
    def goal_url(self) -> str:
        """The new-goal form, filled in from ``goal_fields``."""
        return f"{reverse('goals:create')}?{urlencode(goal_fields(self))}"

    @property
    def learning_url(self) -> str:
        """The learning log's add form, started from this skill."""
        return learning_url(self.key)


def skill_levels(answers: Iterable[Answer], *, assessed_on: datetime.date) -> list[SkillLevel]:
    """Skill answers that have both levels, in the order given."""
    return [
        SkillLevel(a.key, a.wording, a.current_level, a.desired_level, assessed_on)
        for a in answers
        if a.type == QuestionType.SKILL
        and a.current_level is not None
        and a.desired_level is not None
    ]


def strengths(skills: Sequence[SkillLevel], limit: int = STRENGTHS_SHOWN) -> list[SkillLevel]:
    """Highest current level first; ties keep the questionnaire's order."""
    return sorted(skills, key=lambda skill: -skill.current)[:limit]


def gaps(skills: Sequence[SkillLevel], limit: int | None = GAPS_SHOWN) -> list[SkillLevel]:
    """Skills below the level wanted, largest gap first, then the lower current level."""
    below = [skill for skill in skills if skill.gap > 0]
    return sorted(below, key=lambda skill: (-skill.gap, skill.current))[:limit]


def goal_fields(skill: SkillLevel) -> dict[str, str]:
    """A new goal for closing this skill's gap, in the person's voice; they edit it."""
    words = {
        "skill": skill.name,
        "current": skill.current_name,
        "desired": skill.desired_name,
        "date": date_format(skill.assessed_on, gettext("j F Y")),
    }
    title = _("Grow %(skill)s from %(current)s to %(desired)s") % words
    why = (
        _(
            "In my self-assessment on %(date)s I put myself at %(current)s in %(skill)s, "
            "and I want to be %(desired)s."
        )
        % words
    )
    return {
        "title": Truncator(title).chars(GOAL_TITLE_MAX),
        "why": why,
        "category": "skill",
        "horizon": "short",
        "skill": skill.key,
    }


# --- Changes between two takes -----------------------------------------------------

NEW, REMOVED, CHANGED, SAME = "new", "removed", "changed", "same"


@dataclass(frozen=True)
class Change:
    """One answer key in an earlier and a later take; either side may be missing."""

    key: str
    prompt: str
    type: str
    before: Answer | None
    after: Answer | None

    @property
    def status(self) -> str:
        if self.before is None:
            return NEW
        if self.after is None:
            return REMOVED
        return CHANGED if _value(self.before) != _value(self.after) else SAME

    def delta(self, field: str) -> int | None:
        """``field`` later minus earlier; None unless both takes have a value."""
        old = getattr(self.before, field, None)
        new = getattr(self.after, field, None)
        return None if old is None or new is None else new - old

    @property
    def deltas(self) -> dict[str, str]:
        """Signed, for the page: "+1", "−2", "0", or "" where one side is missing."""
        fields = {"current": "current_level", "desired": "desired_level", "rating": "rating"}
        return {name: signed(self.delta(field)) for name, field in fields.items()}

    @property
    def levels(self) -> dict[str, str]:
        """Level names on either side, e.g. ``levels.before_current`` is "Learning"."""
        sides = {"before": self.before, "after": self.after}
        return {
            f"{side}_{field}": level_name(getattr(answer, f"{field}_level", None))
            for side, answer in sides.items()
            for field in ("current", "desired")
        }

    @property
    def added(self) -> list[str]:
        old = set(self.before.option_ids) if self.before else set()
        return _labels(self.after, exclude=old)

    @property
    def removed(self) -> list[str]:
        new = set(self.after.option_ids) if self.after else set()
        return _labels(self.before, exclude=new)

    @property
    def text_changed(self) -> bool:
        return self.status == CHANGED and self.type == QuestionType.TEXT


def _value(answer: Answer) -> tuple:
    return (
        answer.rating,
        answer.current_level,
        answer.desired_level,
        answer.text.strip(),
        sorted(answer.option_ids),
    )


def _labels(answer: Answer | None, *, exclude: set[int]) -> list[str]:
    if answer is None:
        return []
    pairs = zip(answer.option_ids, answer.labels, strict=False)
    return [label for option_id, label in pairs if option_id not in exclude]


def changes(before: Sequence[Answer], after: Sequence[Answer]) -> list[Change]:
    """Every key of either take: the later take's order, then keys it no longer has."""
    earlier = {answer.key: answer for answer in before}
    later_keys = {answer.key for answer in after}
    rows = [Change(a.key, a.wording, a.type, earlier.get(a.key), a) for a in after]
    rows += [Change(a.key, a.wording, a.type, a, None) for a in before if a.key not in later_keys]
    return rows


def changed_only(rows: Iterable[Change]) -> list[Change]:
    return [row for row in rows if row.status != SAME]


# --- Chart: current and desired level per skill --------------------------------------

LEVEL_COUNT = len(SKILL_LEVELS)
BAR_AXIS_HEIGHT = 30
BAR_ROW_HEIGHT = 46
BAR_HEIGHT = 12
LABEL_CHARS = 46  # fits a 375 px phone at the chart's font size; the full name is in <title>


def level_x(level: float) -> float:
    """Where ``level`` ends on the bar chart, in percent: each level has a fifth of it."""
    return round(level * 100 / LEVEL_COUNT, 2)


@dataclass(frozen=True)
class AxisLabel:
    level: int
    name: str
    position: float  # x in percent on the bar chart, y in pixels on the history chart


@dataclass(frozen=True)
class BarRow:
    """A skill's row: the bar fills its current level's fifth, the ring marks the wanted one."""

    skill: SkillLevel
    label: str
    label_y: int
    bar_y: int
    center_y: int
    current_x: float
    desired_x: float

    @property
    def stretch_width(self) -> float:
        """From the end of the bar to the level wanted, when that is higher."""
        return max(round(self.desired_x - self.current_x, 2), 0)


@dataclass(frozen=True)
class LevelChart:
    rows: list[BarRow]
    axis: list[AxisLabel]
    edges: list[float]  # where one level's fifth meets the next
    height: int
    bar_height: int = BAR_HEIGHT
    axis_y: int = BAR_AXIS_HEIGHT - 12


def axis_labels() -> list[AxisLabel]:
    return [AxisLabel(level, level_name(level), level_x(level - 0.5)) for level in SKILL_LEVELS]


def level_chart(skills: Sequence[SkillLevel]) -> LevelChart:
    rows = []
    for index, skill in enumerate(skills):
        top = BAR_AXIS_HEIGHT + index * BAR_ROW_HEIGHT
        rows.append(
            BarRow(
                skill=skill,
                label=Truncator(skill.name).chars(LABEL_CHARS),
                label_y=top + 16,
                bar_y=top + 24,
                center_y=top + 24 + BAR_HEIGHT // 2,
                current_x=level_x(skill.current),
                desired_x=level_x(skill.desired - 0.5),
            )
        )
    height = BAR_AXIS_HEIGHT + len(rows) * BAR_ROW_HEIGHT + 4
    edges = [level_x(level) for level in range(1, LEVEL_COUNT)]
    return LevelChart(rows=rows, axis=axis_labels(), edges=edges, height=height)


# --- Chart: one skill's levels over time ---------------------------------------------

HISTORY_TOP = 14
HISTORY_STEP = 34  # pixels between two levels
HISTORY_GRID_LEFT = 20.0  # percent; level names sit left of it
HISTORY_LEFT = 25.0
HISTORY_RIGHT = 91.0  # room for half a date label right of the last point
MIN_LABEL_GAP = 16.0  # percent between two date labels on the axis


@dataclass(frozen=True)
class HistoryPoint:
    answer: Answer
    day: datetime.date
    x: float
    label: str  # the date under the axis; empty where it would crowd its neighbour

    @property
    def current_y(self) -> int | None:
        return _level_y(self.answer.current_level)

    @property
    def desired_y(self) -> int | None:
        return _level_y(self.answer.desired_level)

    @property
    def current_name(self) -> str:
        return level_name(self.answer.current_level)

    @property
    def desired_name(self) -> str:
        return level_name(self.answer.desired_level)


@dataclass(frozen=True)
class HistoryChart:
    points: list[HistoryPoint]
    current_line: list[tuple[float, int, float, int]]  # x1, y1, x2, y2
    desired_line: list[tuple[float, int, float, int]]
    grid: list[AxisLabel]  # ``position`` is the line's y
    height: int
    label_y: int
    grid_left: float = HISTORY_GRID_LEFT


def _level_y(level: int | None) -> int | None:
    if level is None:
        return None
    return HISTORY_TOP + (LEVEL_COUNT - level) * HISTORY_STEP


def _segments(points: list[HistoryPoint], attr: str) -> list[tuple[float, int, float, int]]:
    placed = [(p.x, getattr(p, attr)) for p in points if getattr(p, attr) is not None]
    return [(x1, y1, x2, y2) for (x1, y1), (x2, y2) in pairwise(placed)]


def _x_positions(days: list[datetime.date]) -> list[float]:
    if len(days) == 1:
        return [round((HISTORY_LEFT + HISTORY_RIGHT) / 2, 2)]
    first, span = days[0], max((days[-1] - days[0]).days, 1)
    width = HISTORY_RIGHT - HISTORY_LEFT
    return [round(HISTORY_LEFT + (day - first).days / span * width, 2) for day in days]


def _thinned_labels(days: list[datetime.date], xs: list[float]) -> list[str]:
    """Date labels that do not overlap: keep the last, drop any too close to a kept one."""
    labels = [""] * len(days)
    last_x = None
    for index in range(len(days) - 1, -1, -1):
        if last_x is None or last_x - xs[index] >= MIN_LABEL_GAP:
            labels[index] = date_format(days[index], gettext("M Y"))
            last_x = xs[index]
    return labels


def history_chart(answers: Sequence[Answer]) -> HistoryChart:
    """``answers`` of one skill key, oldest take first, each with its take loaded."""
    days = [local_date(answer.take.completed_at) for answer in answers]
    xs = _x_positions(days) if days else []
    labels = _thinned_labels(days, xs)
    points = [HistoryPoint(*row) for row in zip(answers, days, xs, labels, strict=True)]
    grid = [AxisLabel(level, level_name(level), _level_y(level)) for level in SKILL_LEVELS]
    bottom = _level_y(1)
    return HistoryChart(
        points=points,
        current_line=_segments(points, "current_y"),
        desired_line=_segments(points, "desired_y"),
        grid=grid,
        height=bottom + 36,
        label_y=bottom + 26,
    )
