"""Factories for the wins journal."""

import datetime

import factory

from assessments.models import QuestionType
from assessments.tests.factories import (
    AnswerFactory,
    InstrumentFactory,
    QuestionFactory,
    TakeFactory,
)
from careerapp.tests.factories import UserFactory
from reviews.models import Win


class WinFactory(factory.django.DjangoModelFactory):
    """A win of 1 March 2027, linked to nothing."""

    class Meta:
        model = Win

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Shipped thing {n}")
    impact = "Saved the team a day a week."
    happened_on = datetime.date(2027, 3, 1)


def _noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def skills_takes(owner, rises: int = 1, *, before: datetime.date, after: datetime.date):
    """A skills instrument taken on ``before`` and on ``after``: ``rises`` skills rose from
    Learning to Capable, one stayed (a brag document's skills grown)."""
    instrument = InstrumentFactory(name="Engineering skills")
    earlier = TakeFactory(user=owner, instrument=instrument, completed_at=_noon(before))
    later = TakeFactory(user=owner, instrument=instrument, completed_at=_noon(after))
    for n in range(rises + 1):
        question = QuestionFactory(
            instrument=instrument, type=QuestionType.SKILL, prompt=f"Skill {n}"
        )
        rose = n < rises
        AnswerFactory(take=earlier, question=question, current_level=2, desired_level=4)
        AnswerFactory(take=later, question=question, current_level=3 if rose else 2)
    return instrument
