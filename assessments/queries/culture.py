"""What the admins see of a career culture check: totals per question over many people.

The culture check asks about the organisation, so its answers summed over enough people
tell the admins how well careers are supported, without telling them about anyone.

What must stay true:
- Below ``MIN_PEOPLE`` distinct people in the period nothing is summed and nothing is
  shown, not even how many people it was.
- Each person counts once: only their latest take completed in the period is summed.
- A question's mean and spread are held back when fewer than ``MIN_PEOPLE`` answered it
  (an optional question), for the same reason.
- Written answers are never read here; only how many there are is counted.
- Never who answered: the rows carry counts, not people, and the sums are the database's,
  in the same three queries however many people took part.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.utils import timezone

from assessments.models import LEVELS, Answer, Instrument, Question, QuestionType, Take

# The fewest people whose answers may be summed: fewer, and one person's answers could be
# worked out from the totals.
MIN_PEOPLE = 5


@dataclass(frozen=True)
class Period:
    """Whole days, both ends included, in the current time zone."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def last_twelve_months(cls, today: datetime.date) -> Period:
        try:
            year_ago = today.replace(year=today.year - 1)
        except ValueError:  # 29 February
            year_ago = today.replace(year=today.year - 1, day=28)
        return cls(start=year_ago, end=today)

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The first moment of the start day, and the first moment after the end day."""
        after_end = self.end + datetime.timedelta(days=1)
        return (
            timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min)),
            timezone.make_aware(datetime.datetime.combine(after_end, datetime.time.min)),
        )


@dataclass(frozen=True)
class QuestionTotals:
    question: Question
    answered: int
    mean: float | None = None
    counts: tuple[int, ...] = ()  # how many answered 1, 2, ... 5; empty when held back

    @property
    def is_rating(self) -> bool:
        return self.question.type == QuestionType.RATING

    @property
    def distribution(self) -> list[tuple[int, int, int]]:
        """(rating, people, percent of those who answered) for each point of the scale."""
        return [
            (level, count, round(100 * count / self.answered))
            for level, count in zip(LEVELS, self.counts, strict=True)
        ]


@dataclass(frozen=True)
class CultureTotals:
    instrument: Instrument
    period: Period
    people: int | None  # None below MIN_PEOPLE: then not even the number is shown
    questions: list[QuestionTotals]

    @property
    def enough(self) -> bool:
        return self.people is not None


def culture_totals(instrument: Instrument, period: Period) -> CultureTotals:
    """Per question of ``instrument``: answers, mean and spread of the ratings, over each
    person's latest take completed in ``period`` (three queries, or one below the bar)."""
    takes = Take.objects.filter(instrument=instrument).completed_between(*period.bounds())
    people = takes.aggregate(people=Count("user", distinct=True))["people"]
    if people < MIN_PEOPLE:
        return CultureTotals(instrument=instrument, period=period, people=None, questions=[])
    sums = {
        row["question_id"]: row
        for row in Answer.objects.filter(take__in=takes.latest_per_person())
        .exclude(question=None)
        .values("question_id")
        .annotate(
            answered=Count("pk"),
            mean=Avg("rating"),
            **{f"rated_{level}": Count("pk", filter=Q(rating=level)) for level in LEVELS},
        )
        .order_by()
    }
    questions = [
        _question_totals(question, sums.get(question.pk))
        for question in instrument.questions.order_by("order", "pk")
        if question.is_active or question.pk in sums
    ]
    return CultureTotals(instrument=instrument, period=period, people=people, questions=questions)


def _question_totals(question: Question, row: dict | None) -> QuestionTotals:
    answered = row["answered"] if row else 0
    if question.type != QuestionType.RATING or answered < MIN_PEOPLE:
        return QuestionTotals(question=question, answered=answered)
    counts = tuple(row[f"rated_{level}"] for level in LEVELS)
    return QuestionTotals(question=question, answered=answered, mean=row["mean"], counts=counts)
