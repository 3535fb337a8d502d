"""Builders for results tests: completed takes with answers, and a long history in bulk."""

from __future__ import annotations

import datetime

from django.utils import timezone

from assessments.models import Answer, Instrument, Option, Question, QuestionType, Take
from assessments.tests.factories import InstrumentFactory, QuestionFactory

# A 40-question instrument: every type, skills first, as the shipped ones mix them.
MIXED_TYPES = (
    [QuestionType.SKILL] * 16
    + [QuestionType.RATING] * 12
    + [QuestionType.SINGLE] * 4
    + [QuestionType.MULTIPLE] * 4
    + [QuestionType.TEXT] * 4
)


def skill_question(instrument: Instrument, prompt: str, **fields) -> Question:
    return QuestionFactory(instrument=instrument, prompt=prompt, type=QuestionType.SKILL, **fields)


def answer_values(question: Question, step: int, options: list[Option]) -> dict:
    """Believable answers that move a little from one take to the next."""
    n = question.order + step
    if question.type == QuestionType.SKILL:
        current = 1 + min(n % 4, 3)
        return {"current_level": current, "desired_level": min(current + 1 + n % 2, 5)}
    if question.type == QuestionType.RATING:
        return {"rating": 1 + n % 5}
    if question.type in {QuestionType.SINGLE, QuestionType.MULTIPLE}:
        picked = (
            options[n % len(options) :][:1]
            if question.type == QuestionType.SINGLE
            else (options[: 1 + n % len(options)])
        )
        return {"option_ids": [o.pk for o in picked], "option_labels": [o.label for o in picked]}
    return {"text": f"Answer {n} to {question.prompt}"}


def completed_take(user, instrument: Instrument, *, at: datetime.datetime, answers: dict) -> Take:
    """A completed take; ``answers`` maps a Question (or a PersonalSkill) to answer fields."""
    take = Take.objects.create(
        user=user, instrument=instrument, status="completed", started_at=at, completed_at=at
    )
    for target, values in answers.items():
        is_question = isinstance(target, Question)
        Answer.objects.create(
            take=take,
            question=target if is_question else None,
            personal_skill=None if is_question else target,
            key=target.key,
            prompt=target.prompt if is_question else target.name,
            type=target.type if is_question else QuestionType.SKILL,
            **values,
        )
    return take


def seed_history(user, *, takes: int, questions: int = 40) -> tuple[Instrument, list[Take]]:
    """``takes`` completed takes a month apart of a ``questions``-question instrument, in bulk."""
    instrument = InstrumentFactory(name="Everything", allows_personal_items=True)
    created = Question.objects.bulk_create(
        Question(
            instrument=instrument,
            prompt=f"Question {n}",
            type=MIXED_TYPES[n % len(MIXED_TYPES)],
            order=n,
        )
        for n in range(questions)
    )
    options = {
        question.pk: Option.objects.bulk_create(
            Option(question=question, label=f"Option {n}", order=n) for n in range(4)
        )
        for question in created
        if question.has_options
    }
    start = timezone.now() - datetime.timedelta(days=30 * takes)
    rows = Take.objects.bulk_create(
        Take(
            user=user,
            instrument=instrument,
            status="completed",
            started_at=start + datetime.timedelta(days=30 * n),
            completed_at=start + datetime.timedelta(days=30 * n, hours=1),
        )
        for n in range(takes)
    )
    Answer.objects.bulk_create(
        Answer(
            take=take,
            question=question,
            key=question.key,
            prompt=question.prompt,
            type=question.type,
            **answer_values(question, step, options.get(question.pk, [])),
        )
        for step, take in enumerate(rows)
        for question in created
    )
    return instrument, rows
