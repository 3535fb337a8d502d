"""A decision's weighted totals and ranking, and the sentences that explain them.

Pure calculations over the options, criteria and scores ``Decision.objects.for_page()``
loaded. A total is the sum of weight x score over the scored cells; an unscored cell
counts for nothing and is named, never silently read as a zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goals.models import DecisionCriterion, DecisionOption

SCORE_MAX = 5


@dataclass
class Cell:
    criterion: DecisionCriterion
    score: int | None

    @property
    def points(self) -> int:
        return 0 if self.score is None else self.criterion.weight * self.score


@dataclass
class OptionTotal:
    option: DecisionOption
    cells: list[Cell]
    total: int
    maximum: int
    rank: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.total / self.maximum) if self.maximum else 0

    @property
    def unscored(self) -> list[DecisionCriterion]:
        return [cell.criterion for cell in self.cells if cell.score is None]


@dataclass
class Ranking:
    totals: list[OptionTotal]  # in the options' own order, for the grid
    ranked: list[OptionTotal]  # best first
    maximum: int
    unscored_count: int
    sentence: str
    gut_line: str = ""
    notes: list[str] = field(default_factory=list)


def _points(cells: Sequence[Cell]) -> dict[int, int]:
    return {cell.criterion.pk: cell.points for cell in cells}


def _lead_sentence(first: OptionTotal, second: OptionTotal) -> str:
    lead = first.total - second.total
    if lead == 0:
        return _(
            "%(first)s and %(second)s are level at %(points)s points: the scores do not "
            "separate them, so your gut and your reasons have the last word."
        ) % {"first": first.option.title, "second": second.option.title, "points": first.total}
    mine, theirs = _points(first.cells), _points(second.cells)
    best = max(first.cells, key=lambda cell: mine[cell.criterion.pk] - theirs[cell.criterion.pk])
    return ngettext(
        "%(first)s leads %(second)s by %(lead)s point; most of the lead comes from "
        "%(criterion)s (weight %(weight)s).",
        "%(first)s leads %(second)s by %(lead)s points; most of the lead comes from "
        "%(criterion)s (weight %(weight)s).",
        lead,
    ) % {
        "first": first.option.title,
        "second": second.option.title,
        "lead": lead,
        "criterion": best.criterion.name,
        "weight": best.criterion.weight,
    }


def _gut_line(ranked: list[OptionTotal]) -> str:
    felt = [total for total in ranked if total.option.gut is not None]
    if len(felt) < 2 or not ranked[0].total:
        return ""
    warmest = max(total.option.gut for total in felt)
    leader = ranked[0].option
    if leader.gut == warmest:
        return ""
    favourite = next(total.option for total in felt if total.option.gut == warmest)
    return _(
        "Your gut disagrees: you feel best about %(favourite)s (%(gut)s of 5), while the "
        "scores put %(leader)s first. Worth asking what the criteria leave out."
    ) % {"favourite": favourite.title, "gut": warmest, "leader": leader.title}


def rank(
    options: Sequence[DecisionOption],
    criteria: Sequence[DecisionCriterion],
    scores: dict[tuple[int, int], int],
) -> Ranking:
    """The totals of ``options`` against ``criteria``; ``scores`` maps (option id,
    criterion id) to a score."""
    maximum = sum(criterion.weight * SCORE_MAX for criterion in criteria)
    totals = []
    for option in options:
        cells = [Cell(criterion, scores.get((option.pk, criterion.pk))) for criterion in criteria]
        totals.append(OptionTotal(option, cells, sum(cell.points for cell in cells), maximum))
    # Equal totals share a rank and keep the options' own order.
    ranked = sorted(totals, key=lambda total: -total.total)
    for index, total in enumerate(ranked):
        previous = ranked[index - 1] if index else None
        total.rank = previous.rank if previous and previous.total == total.total else index + 1
    unscored = sum(len(total.unscored) for total in totals)
    if not criteria or not options or unscored == len(options) * len(criteria):
        sentence = _("Score each option against each criterion to see a ranking.")
        return Ranking(totals, ranked, maximum, unscored, sentence)
    sentence = _lead_sentence(ranked[0], ranked[1]) if len(ranked) > 1 else ""
    notes = []
    if unscored:
        notes.append(
            ngettext(
                "%(count)s cell is not scored yet and counts for nothing until you score it.",
                "%(count)s cells are not scored yet and count for nothing until you score them.",
                unscored,
            )
            % {"count": unscored}
        )
    return Ranking(totals, ranked, maximum, unscored, sentence, _gut_line(ranked), notes)


def decision_ranking(decision) -> Ranking:
    """The ranking of a decision loaded with ``Decision.objects.for_page()``."""
    options = list(decision.options.all())
    scores = {
        (score.option_id, score.criterion_id): score.score
        for option in options
        for score in option.scores.all()
    }
    return rank(options, list(decision.criteria.all()), scores)
