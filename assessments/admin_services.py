"""Writes the admin makes to assessment content (not to anyone's answers)."""

from __future__ import annotations

from django.db import transaction

from assessments.models import Instrument, Option, Question
from careerapp.copies import copy_name, free_slug

NAME_MAX_LENGTH = Instrument._meta.get_field("name").max_length


@transaction.atomic
def instrument_duplicate(*, instrument: Instrument) -> Instrument:
    """A copy with every question and option and a new unique slug, not offered until an
    admin edits it and ticks "offered". Answers stay with the original."""
    copy = Instrument.objects.create(
        name=copy_name(instrument.name, NAME_MAX_LENGTH),
        slug=free_slug(Instrument, instrument.slug),
        purpose=instrument.purpose,
        kind=instrument.kind,
        retake_interval=instrument.retake_interval,
        allows_personal_items=instrument.allows_personal_items,
        is_active=False,
        order=instrument.order,
    )
    originals = list(instrument.questions.order_by("order", "pk").prefetch_related("options"))
    questions = Question.objects.bulk_create(
        Question(
            instrument=copy,
            section=question.section,
            prompt=question.prompt,
            help_text=question.help_text,
            type=question.type,
            required=question.required,
            low_label=question.low_label,
            high_label=question.high_label,
            order=question.order,
            is_active=question.is_active,
        )
        for question in originals
    )
    Option.objects.bulk_create(
        Option(question=new, label=option.label, order=option.order, is_active=option.is_active)
        for original, new in zip(originals, questions, strict=True)
        for option in original.options.all()
    )
    return copy
