"""Writes for self-assessments: starting, saving drafts, completing, personal skills, and
the admin's writes to assessment content (never to anyone's answers)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms import Form
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.models import (
    Answer,
    Instrument,
    Option,
    PersonalSkill,
    Question,
    QuestionType,
    Take,
    TakeStatus,
)
from careerapp.copies import copy_name, free_slug

ANSWER_FIELDS = ("rating", "current_level", "desired_level", "text", "option_ids", "option_labels")


def _previous_completed(*, user, instrument: Instrument) -> Take | None:
    return (
        Take.objects.for_user(user)
        .completed()
        .filter(instrument=instrument)
        .order_by("-completed_at", "-pk")
        .first()
    )


@transaction.atomic
def take_start(*, user, instrument: Instrument) -> Take:
    """The person's take in progress for ``instrument``, or a new one.

    A new take starts pre-filled with the answers of the last completed one (for questions
    still asked), so a retake takes minutes. Two tabs starting at once share one draft.
    """
    existing = Take.objects.for_user(user).drafts().filter(instrument=instrument).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            take = Take.objects.create(user=user, instrument=instrument)
    except IntegrityError:  # a second tab won the race; use its draft
        return Take.objects.for_user(user).drafts().get(instrument=instrument)
    previous = _previous_completed(user=user, instrument=instrument)
    if previous is not None:
        live_questions = set(instrument.questions.active().values_list("pk", flat=True))
        live_skills = set(
            PersonalSkill.objects.filter(
                user=user, instrument=instrument, is_active=True
            ).values_list("pk", flat=True)
        )
        Answer.objects.bulk_create(
            Answer(take=take, **{field: getattr(answer, field) for field in _COPIED})
            for answer in previous.answers.all()
            if answer.question_id in live_questions or answer.personal_skill_id in live_skills
        )
    return take


_COPIED = ("question_id", "personal_skill_id", "key", "prompt", "type", *ANSWER_FIELDS)


def _ensure_draft(take: Take) -> None:
    if take.status != TakeStatus.DRAFT:
        raise ValidationError(
            _(
                "This assessment was completed on %(date)s and can no longer change. "
                "Start a retake to answer again."
            )
            % {"date": timezone.localtime(take.completed_at).strftime("%d %b %Y")},
            code="completed",
        )


@transaction.atomic
def take_save_answers(*, take: Take, answers: dict[str, dict[str, Any]]) -> None:
    """Save answers into a draft. ``answers`` maps a key (q12 / p3) to answer fields.

    A value of None for a key clears that answer. Only keys the form validated arrive
    here, so a partially valid page still keeps everything that was right.
    """
    take = Take.objects.select_for_update().get(pk=take.pk)
    _ensure_draft(take)
    existing = {answer.key: answer for answer in take.answers.all()}
    targets = _targets(take, answers.keys())
    for key, values in answers.items():
        target = targets[key]
        answer = existing.get(key)
        if values is None or _is_empty(values):
            if answer is not None:
                answer.delete()
            continue
        _check_max_choices(target, values)
        if answer is None:
            answer = Answer(take=take, key=key)
        answer.question = target if isinstance(target, Question) else None
        answer.personal_skill = target if isinstance(target, PersonalSkill) else None
        answer.prompt = target.prompt if isinstance(target, Question) else target.name
        answer.type = target.type if isinstance(target, Question) else QuestionType.SKILL
        for field in ANSWER_FIELDS:
            setattr(answer, field, values.get(field, [] if field.startswith("option") else None))
        if answer.text is None:
            answer.text = ""
        answer.save()
    Take.objects.filter(pk=take.pk).update(updated_at=timezone.now())


def _check_max_choices(target: Question | PersonalSkill, values: dict[str, Any]) -> None:
    # The page form refuses too many choices beside the question; this holds for any caller.
    limit = getattr(target, "max_choices", None)
    if limit and len(values.get("option_ids") or []) > limit:
        raise ValidationError(
            ngettext("Choose at most %(limit_value)d.", "Choose at most %(limit_value)d.", limit)
            % {"limit_value": limit},
            code="too_many_choices",
        )


def _is_empty(values: dict[str, Any]) -> bool:
    return all(value in (None, "", []) for value in values.values())


def _targets(take: Take, keys) -> dict[str, Question | PersonalSkill]:
    question_ids = {int(key[1:]) for key in keys if key.startswith("q")}
    skill_ids = {int(key[1:]) for key in keys if key.startswith("p")}
    questions = {
        q.key: q for q in Question.objects.filter(pk__in=question_ids, instrument=take.instrument)
    }
    skills = {
        s.key: s
        for s in PersonalSkill.objects.filter(
            pk__in=skill_ids, instrument=take.instrument, user=take.user
        )
    }
    targets = {**questions, **skills}
    unknown = set(keys) - set(targets)
    if unknown:
        raise ValidationError(
            _("Some answers are for questions that are not part of this assessment."),
            code="foreign_question",
        )
    return targets


def missing_required(take: Take) -> list[Question]:
    answered = {answer.question_id for answer in take.answers.all() if not answer.is_blank}
    return [
        question
        for question in take.instrument.questions.active()
        if question.required and question.pk not in answered
    ]


def take_page_submit(*, take: Take, form: Form, action: str) -> bool:
    """Save what is valid on a take's page (a ``TakePageForm`` with data), then, as
    ``action`` asks, check the page's required answers ("next") or also complete the take
    ("complete"); "save", "previous" and "autosave" only save. Whether the page may move on;
    what stopped it is added to ``form``."""
    valid = form.is_valid()
    # Whatever is valid on the page is kept, even when something else is not; a page
    # forged with foreign questions (a non-field error) saves nothing.
    answers = {} if form.non_field_errors() else form.answers()
    try:
        take_save_answers(take=take, answers=answers)
    except ValidationError as error:
        form.add_error(None, error)
        valid = False
    # Moving on asks for this page's required answers; saving or going back does not.
    if action in {"next", "complete"} and not form.require_answers():
        valid = False
    if valid and action == "complete":
        try:
            take_complete(take=take)
        except ValidationError as error:
            if error.code != "incomplete":
                form.add_error(None, error)
            valid = False
    return valid


@transaction.atomic
def take_complete(*, take: Take) -> Take:
    """Turn the draft into a dated snapshot. Every required question must be answered."""
    take = Take.objects.select_for_update().get(pk=take.pk)
    _ensure_draft(take)
    missing = missing_required(take)
    if missing:
        raise ValidationError(
            _("A few questions still need an answer: %(prompts)s")
            % {"prompts": "; ".join(question.prompt for question in missing[:5])},
            code="incomplete",
        )
    # Keep the words as they are today, so later edits in the admin leave this take alone.
    answers = list(take.answers.select_related("question", "personal_skill"))
    labels = dict(
        Option.objects.filter(question__instrument=take.instrument).values_list("pk", "label")
    )
    for answer in answers:
        if answer.question is not None:
            answer.prompt = answer.question.prompt
        elif answer.personal_skill is not None:
            answer.prompt = answer.personal_skill.name
        answer.option_labels = [labels.get(pk, "") for pk in answer.option_ids]
    Answer.objects.bulk_update(answers, ["prompt", "option_labels"])
    take.status = TakeStatus.COMPLETED
    take.completed_at = timezone.now()
    take.save(update_fields=["status", "completed_at", "updated_at"])
    return take


@transaction.atomic
def take_discard(*, take: Take) -> None:
    _ensure_draft(take)
    take.delete()


def personal_skill_add(*, user, instrument: Instrument, name: str) -> PersonalSkill:
    name = name.strip()
    if not instrument.allows_personal_items:
        raise ValidationError(
            _("This assessment does not take skills of your own."), code="not_allowed"
        )
    existing = PersonalSkill.objects.filter(
        user=user, instrument=instrument, name__iexact=name
    ).first()
    if existing is not None:
        if existing.is_active:
            raise ValidationError(
                _("You already rate “%(name)s”.") % {"name": name}, code="duplicate"
            )
        existing.is_active = True
        existing.save(update_fields=["is_active"])
        return existing
    return PersonalSkill.objects.create(user=user, instrument=instrument, name=name)


def personal_skill_remove(*, skill: PersonalSkill) -> None:
    """Stop asking about a skill; answers in past takes keep its name."""
    skill.is_active = False
    skill.save(update_fields=["is_active"])


# --- The admin's writes to content -------------------------------------------------

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
            max_choices=question.max_choices,
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


@transaction.atomic
def instruments_duplicate(*, instruments: Iterable[Instrument]) -> list[Instrument]:
    """A copy of each of ``instruments``, in the order they were made; all or none."""
    return [instrument_duplicate(instrument=instrument) for instrument in instruments]
