"""A person measured against a role: each required skill's gap, the match figure and the
layout of the chart of current against required levels.

Pure computation: ``assessments.queries.roles`` reads the role's skills and the person's
latest levels (a fixed number of queries however many takes) and passes them in.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from django.urls import reverse
from django.utils.text import Truncator

from assessments.charts.skills import (
    BAR_AXIS_HEIGHT,
    BAR_HEIGHT,
    BAR_ROW_HEIGHT,
    LABEL_CHARS,
    LEVEL_COUNT,
    AxisLabel,
    axis_labels,
    level_name,
    level_x,
)
from assessments.models import Importance

# How much a skill counts in the match figure.
WEIGHTS = {Importance.CORE: 2, Importance.HELPFUL: 1}


@dataclass(frozen=True)
class SkillMatch:
    """One skill a role asks for, with the person's latest level (None: not assessed yet)."""

    question_id: int
    name: str
    importance: str
    required: int
    current: int | None = None
    assessed_at: datetime.datetime | None = None  # when the take that gave ``current`` ended

    @property
    def key(self) -> str:
        return f"q{self.question_id}"

    @property
    def is_assessed(self) -> bool:
        return self.current is not None

    @property
    def gap(self) -> int | None:
        """Levels still to grow, never negative; None where the skill is not assessed yet."""
        return None if self.current is None else max(0, self.required - self.current)

    @property
    def is_core(self) -> bool:
        return self.importance == Importance.CORE

    @property
    def weight(self) -> int:
        return WEIGHTS.get(self.importance, 1)

    @property
    def credit(self) -> Fraction:
        """The share of the required level met: min(current, required) / required."""
        return Fraction(min(self.current or 0, self.required), self.required)

    @property
    def current_name(self) -> str:
        return level_name(self.current)

    @property
    def required_name(self) -> str:
        return level_name(self.required)

    @property
    def url(self) -> str:
        return reverse("assessments:skill", args=[self.key])


def sort_key(skill: SkillMatch) -> tuple:
    """Largest gap first, core before helpful; skills not assessed yet come last."""
    return (not skill.is_assessed, -(skill.gap or 0), not skill.is_core, skill.name.lower())


def match_percent(skills: Sequence[SkillMatch]) -> int | None:
    """Sum of weight x credit over the sum of weights, as a whole percent (half rounds up);
    a skill not assessed yet counts 0. None for a role that asks for no skill."""
    total = sum(skill.weight for skill in skills)
    if not total:
        return None
    met = sum(skill.weight * skill.credit for skill in skills)
    return math.floor(met * 100 / total + Fraction(1, 2))


@dataclass(frozen=True)
class RoleComparison:
    """A role's required skills against the person's levels, sorted by gap."""

    role: object
    skills: list[SkillMatch]
    match: int | None

    @property
    def gaps(self) -> list[SkillMatch]:
        return [skill for skill in self.skills if skill.gap]

    @property
    def biggest_gap(self) -> SkillMatch | None:
        return self.gaps[0] if self.gaps else None

    @property
    def unassessed(self) -> list[SkillMatch]:
        return [skill for skill in self.skills if not skill.is_assessed]

    @property
    def met(self) -> list[SkillMatch]:
        return [skill for skill in self.skills if skill.gap == 0]

    @property
    def by_key(self) -> dict[str, SkillMatch]:
        return {skill.key: skill for skill in self.skills}


def compare(role, skills: Sequence[SkillMatch]) -> RoleComparison:
    ordered = sorted(skills, key=sort_key)
    return RoleComparison(role=role, skills=ordered, match=match_percent(ordered))


# --- Chart: current against required level per skill ------------------------------------


@dataclass(frozen=True)
class RoleBarRow:
    """A skill's row: the bar fills the person's level, the ring marks the required one."""

    skill: SkillMatch
    label: str
    label_y: int
    bar_y: int
    center_y: int
    current_x: float  # 0 where the skill is not assessed yet
    required_x: float

    @property
    def stretch_width(self) -> float:
        """From the end of the bar to the required level, when that is higher."""
        return max(round(self.required_x - self.current_x, 2), 0)


@dataclass(frozen=True)
class RoleChart:
    rows: list[RoleBarRow]
    axis: list[AxisLabel]
    edges: list[float]
    height: int
    bar_height: int = BAR_HEIGHT
    axis_y: int = BAR_AXIS_HEIGHT - 12


def role_chart(skills: Sequence[SkillMatch]) -> RoleChart:
    rows = []
    for index, skill in enumerate(skills):
        top = BAR_AXIS_HEIGHT + index * BAR_ROW_HEIGHT
        rows.append(
            RoleBarRow(
                skill=skill,
                label=Truncator(skill.name).chars(LABEL_CHARS),
                label_y=top + 16,
                bar_y=top + 24,
                center_y=top + 24 + BAR_HEIGHT // 2,
                current_x=level_x(skill.current or 0),
                required_x=level_x(skill.required - 0.5),
            )
        )
    height = BAR_AXIS_HEIGHT + len(rows) * BAR_ROW_HEIGHT + 4
    edges = [level_x(level) for level in range(1, LEVEL_COUNT)]
    return RoleChart(rows=rows, axis=axis_labels(), edges=edges, height=height)
