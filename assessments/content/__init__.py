"""The self-assessment instruments Career Compass ships, and the loader a data migration runs.

An instrument is plain data: ``slug``, ``name``, ``kind``, ``order``, ``retake_days``,
``allows_personal_items``, ``purpose`` (shown before the person starts) and ``questions``,
each built with ``assessments.content.parts``: ``section`` (questions sharing one are a
page), ``prompt``, ``help_text``, ``type``, ``required``, ``low_label`` / ``high_label``
(rating questions), ``max_choices`` (the most options a multiple choice question takes, or
None) and ``options`` (the labels of a single or multiple choice question).

What must stay true:
- No model imports. The loader takes the model classes, so migrations can pass historical
  ones; importing ``assessments.models`` here would tie old migrations to today's models.
- Loading is idempotent: a second run writes nothing. A later content change ships as a new
  migration that calls ``load_instruments`` again.
- A question's identity is its position: the n-th question of an instrument has order
  n * ORDER_STEP, and the n-th option of a question order n. So shipped questions are only
  ever appended, never reordered, and an admin who wants a different order duplicates the
  instrument and edits the copy.
- Shipped slugs belong to this file: a reload restores their words. Whether an instrument,
  question or option is offered, and where an instrument sorts, belong to the admins and
  are set only once.
- A migration runs the loader with the historical models of its day, which may lack a field
  added later (``max_choices`` came in 0003): a field the model does not have yet is left
  out, and the migration that adds it loads again.
- The loader never deletes a question or an option: people's answers point at them. Content
  is retired by a migration that sets ``is_active`` to False.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from assessments.content.abilities import SKILLS, STRENGTHS
from assessments.content.culture import CULTURE
from assessments.content.motives import INTERESTS, VALUES
from assessments.content.situation import ENVIRONMENT, SATISFACTION, VISION
from careerapp.content import in_source_language, save_if_changed, translated

INSTRUMENTS: list[dict] = [
    SKILLS,
    STRENGTHS,
    VALUES,
    INTERESTS,
    ENVIRONMENT,
    SATISFACTION,
    VISION,
    CULTURE,
]

# The words and rules of a shipped question: a reload restores them (as it does "required").
QUESTION_FIELDS = (
    "section",
    "prompt",
    "help_text",
    "type",
    "required",
    "low_label",
    "high_label",
    "max_choices",
)

# French and Spanish of the content (careerapp.content.translated).
TRANSLATIONS = Path(__file__).parent / "translations"

# Room between shipped questions, so an admin can slot one in between on a duplicate.
ORDER_STEP = 10


@in_source_language
def load_instruments(Instrument, Question, Option) -> int:
    """Create or update every shipped instrument, question and option; return rows written."""
    written = 0
    for spec in INSTRUMENTS:
        values = {
            "name": spec["name"],
            "purpose": spec["purpose"],
            "kind": spec["kind"],
            "retake_interval": datetime.timedelta(days=spec["retake_days"]),
            "allows_personal_items": spec["allows_personal_items"],
        }
        values = translated(Instrument, values, TRANSLATIONS)
        instrument = Instrument.objects.filter(slug=spec["slug"]).first()
        if instrument is None:
            instrument = Instrument.objects.create(
                slug=spec["slug"], order=spec["order"], is_active=True, **values
            )
            written += 1
        else:
            written += save_if_changed(instrument, values)
        written += _load_questions(Question, Option, instrument, spec["questions"])
    return written


def unload_instruments(Instrument) -> int:
    """Delete the shipped instruments nobody has taken; their questions and options go too.

    An instrument someone has taken stays: their answers are theirs to keep.
    """
    deleted, _by_model = Instrument.objects.filter(
        slug__in=shipped_slugs(), takes__isnull=True
    ).delete()
    return deleted


def shipped_slugs() -> list[str]:
    return [spec["slug"] for spec in INSTRUMENTS]


def _load_questions(Question, Option, instrument, questions: list[dict]) -> int:
    existing: dict[int, object] = {}
    for question in Question.objects.filter(instrument=instrument).order_by("order", "pk"):
        existing.setdefault(question.order, question)
    options: dict[int, dict[int, object]] = {}
    for option in Option.objects.filter(question__instrument=instrument).order_by("order", "pk"):
        options.setdefault(option.question_id, {}).setdefault(option.order, option)

    present = {field.name for field in Question._meta.get_fields()}
    fields = [field for field in QUESTION_FIELDS if field in present]
    written = 0
    for position, spec in enumerate(questions, start=1):
        order = position * ORDER_STEP
        values = translated(Question, {field: spec[field] for field in fields}, TRANSLATIONS)
        question = existing.get(order)
        if question is None:
            question = Question.objects.create(
                instrument=instrument, order=order, is_active=True, **values
            )
            written += 1
        else:
            written += save_if_changed(question, values)
        written += _load_options(Option, question, spec["options"], options.get(question.pk, {}))
    return written


def _load_options(Option, question, labels: list[str], existing: dict[int, object]) -> int:
    written = 0
    for order, label in enumerate(labels, start=1):
        option = existing.get(order)
        values = translated(Option, {"label": label}, TRANSLATIONS)
        if option is None:
            Option.objects.create(question=question, order=order, is_active=True, **values)
            written += 1
        else:
            written += save_if_changed(option, values)
    return written
