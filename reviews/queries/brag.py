"""The brag document: for a range of days, what the person achieved and grew, ready for a
review or a CV. The page and its Markdown download read the same ``Brag``, built here in
a fixed number of queries whatever the size of the record (nine; eight when no skills
instrument has a take before the range and one in it).

Skills grown: for each skills instrument, the person's latest completed take before the
range against the latest completed in it, compared as the results page compares two takes
(``assessments.charts.changes``); the skills whose current level rose are listed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from assessments.charts import Change, changes, level_name
from assessments.models import InstrumentKind, QuestionType, Take
from assessments.queries.takes import answers_by_take
from careerapp.content import language_columns
from goals.models import Goal, LearningItem, Status, Task, local_midnight
from reviews.cadence import quarter_bounds, quarter_of, quarter_step
from reviews.models import Win
from reviews.queries.wins import with_details

# The list of each section stops here, so a ten-year document still prints.
SECTION_LIMIT = 200


@dataclass(frozen=True)
class SkillGrowth:
    instrument: str
    name: str
    before: int
    after: int

    @property
    def before_name(self) -> str:
        return level_name(self.before)

    @property
    def after_name(self) -> str:
        return level_name(self.after)


@dataclass(frozen=True)
class Brag:
    start: datetime.date
    end: datetime.date
    goals_achieved: list[Goal]  # achieved in the range
    milestones: list[Task]  # milestone steps ticked off in the range, with their goal
    wins: list[Win]  # with goal, member and skills
    learning: list[LearningItem]  # finished in the range, with their kind
    learning_hours: Decimal  # of all the learning finished in the range
    skills_grown: list[SkillGrowth]

    @property
    def is_empty(self) -> bool:
        return not (
            self.goals_achieved
            or self.milestones
            or self.wins
            or self.learning
            or self.skills_grown
        )


def brag(user, *, start: datetime.date, end: datetime.date, zone: datetime.tzinfo) -> Brag:
    first, after = local_midnight(start, zone), local_midnight(end + datetime.timedelta(1), zone)
    goals = (
        Goal.objects.for_user(user)
        .filter(status=Status.ACHIEVED, status_changed_at__gte=first, status_changed_at__lt=after)
        .order_by("status_changed_at", "pk")
    )
    milestones = (
        Task.objects.for_user(user)
        .filter(is_milestone=True, done_at__gte=first, done_at__lt=after)
        .select_related("goal")
        .order_by("done_at", "pk")
    )
    wins = with_details(
        Win.objects.for_user(user).between(start, end).order_by("happened_on", "pk")
    )
    learning = (
        LearningItem.objects.for_user(user)
        .done_between(start, end + datetime.timedelta(days=1))
        .select_related("kind")
        .order_by("finished_on", "pk")
    )
    hours = learning.aggregate(total=Sum("hours"))["total"] or Decimal(0)
    return Brag(
        start=start,
        end=end,
        goals_achieved=list(goals[:SECTION_LIMIT]),
        milestones=list(milestones[:SECTION_LIMIT]),
        wins=list(wins[:SECTION_LIMIT]),
        learning=list(learning[:SECTION_LIMIT]),
        learning_hours=hours,
        skills_grown=skills_grown(user, first=first, after=after),
    )


def skills_grown(user, *, first: datetime.datetime, after: datetime.datetime) -> list[SkillGrowth]:
    """Two queries: the skills takes up to the range's end, the answers of the chosen ones."""
    takes = (
        Take.objects.for_user(user)
        .completed()
        .filter(instrument__kind=InstrumentKind.SKILLS, completed_at__lt=after)
        .select_related("instrument")
        .only("pk", "completed_at", *language_columns("instrument__name"), "instrument__kind")
        .order_by("instrument_id", "completed_at", "pk")
    )
    pairs: dict[int, list[Take | None]] = {}
    for take in takes:
        pair = pairs.setdefault(take.instrument_id, [None, None])
        pair[0 if take.completed_at < first else 1] = take  # the latest of each side
    pairs = {key: pair for key, pair in pairs.items() if None not in pair}
    if not pairs:
        return []
    takes = [take for pair in pairs.values() for take in pair]
    answers = answers_by_take(takes, options=False)  # skills only: no options
    grown = []
    for before, later in pairs.values():
        rows = changes(answers.get(before.pk, []), answers.get(later.pk, []))
        grown += [_growth(before.instrument.name, row) for row in rows if _rose(row)]
    return grown


def _rose(row: Change) -> bool:
    return row.type == QuestionType.SKILL and (row.delta("current_level") or 0) > 0


def _growth(instrument: str, row: Change) -> SkillGrowth:
    return SkillGrowth(
        instrument=instrument,
        name=row.prompt,
        before=row.before.current_level,
        after=row.after.current_level,
    )


# --- The range's presets --------------------------------------------------------------


def last_twelve_months(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return year_ago + datetime.timedelta(days=1), today


def presets(today: datetime.date) -> list[tuple[str, datetime.date, datetime.date]]:
    """(label key, start, end) for the links above the form."""
    year, quarter = quarter_of(today)
    this = quarter_bounds(year, quarter)
    earlier = quarter_step(year, quarter, -1)
    ranges = [("this_quarter", this.start, this.end)]
    if earlier is not None:
        last = quarter_bounds(*earlier)
        ranges.append(("last_quarter", last.start, last.end))
    ranges.append(("this_year", datetime.date(today.year, 1, 1), today))
    ranges.append(("last_12_months", *last_twelve_months(today)))
    return ranges
