"""A small culture check and the people who answer it, for the anonymous totals' tests."""

from __future__ import annotations

import datetime

from django.urls import reverse

from assessments.models import Instrument, InstrumentKind, Question, QuestionType, Take
from assessments.tests.factories import InstrumentFactory, QuestionFactory
from assessments.tests.factories_results import completed_take
from careerapp.models import User

UTC = datetime.UTC
# Frozen "now"; the default period is 15 March 2026 to 15 March 2027.
NOW = datetime.datetime(2027, 3, 15, 12, 0, tzinfo=UTC)
IN_PERIOD = datetime.datetime(2026, 11, 2, 9, 30, tzinfo=UTC)

# Five people's ratings of the two required questions, and the three of them who answer
# the optional one. Talk: mean 14/5 = 2.8, spread 1, 2, 0, 1, 1. Learn: mean 20/5 = 4.0,
# spread 0, 0, 2, 1, 2.
TALK = (1, 2, 2, 4, 5)
LEARN = (3, 3, 4, 5, 5)
MENTOR = (5, 4, 4)


def culture_check() -> Instrument:
    """Three rating questions (one optional) and a written one, in two sections."""
    instrument = InstrumentFactory(
        name="Culture pulse", slug="culture-pulse", kind=InstrumentKind.CULTURE
    )
    QuestionFactory(
        instrument=instrument,
        section="Talking",
        prompt="How often do career conversations happen?",
        low_label="Never",
        high_label="Often",
        order=10,
    )
    QuestionFactory(
        instrument=instrument,
        section="Learning",
        prompt="How much time is there to learn?",
        low_label="None",
        high_label="Plenty",
        order=20,
    )
    QuestionFactory(
        instrument=instrument,
        section="Learning",
        prompt="How easy is it to find a mentor?",
        low_label="Hard",
        high_label="Easy",
        required=False,
        order=30,
    )
    QuestionFactory(
        instrument=instrument,
        section="Learning",
        prompt="What one change would help?",
        type=QuestionType.TEXT,
        required=False,
        order=40,
    )
    return instrument


def questions(instrument: Instrument) -> list[Question]:
    return list(instrument.questions.order_by("order"))


def person(n: int) -> User:
    # Straight from the model: the factory's password hashing would make 50 people slow.
    return User.objects.create(email=f"answerer{n}@example.com", display_name=f"Answerer Nr{n}")


def take(user, instrument: Instrument, at: datetime.datetime, ratings: tuple, text="") -> Take:
    """A completed take rating the rating questions in order; None skips one."""
    asked = questions(instrument)
    answers = {
        question: {"rating": rating}
        for question, rating in zip(asked, ratings, strict=False)
        if rating is not None and question.type == QuestionType.RATING
    }
    if text:
        answers[asked[-1]] = {"text": text}
    return completed_take(user, instrument, at=at, answers=answers)


def five_answer(instrument: Instrument, *, at: datetime.datetime = IN_PERIOD) -> list:
    """The five people of TALK, LEARN and MENTOR, each with a secret written answer."""
    people = []
    for n, (talk, learn) in enumerate(zip(TALK, LEARN, strict=True)):
        user = person(n)
        mentor = MENTOR[n] if n < len(MENTOR) else None
        take(user, instrument, at, (talk, learn, mentor), text=f"Secret words of {n}")
        people.append(user)
    return people


def many_answer(instrument: Instrument, count: int) -> list:
    people = []
    for n in range(count):
        user = person(n)
        take(user, instrument, IN_PERIOD, (1 + n % 5, 1 + (n + 2) % 5, None))
        people.append(user)
    return people


def page_url(instrument: Instrument) -> str:
    return reverse("admin:assessments_instrument_culture", args=[instrument.pk])


def csv_url(instrument: Instrument) -> str:
    return reverse("admin:assessments_instrument_culture_csv", args=[instrument.pk])
