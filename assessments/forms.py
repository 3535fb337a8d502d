"""The form for one page of an assessment, built from its questions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from assessments.models import SKILL_LEVELS, Answer, PersonalSkill, Question, QuestionType

KEY_PATTERN = re.compile(r"^[qp]\d+(_current|_desired)?$")
OWN_SKILLS_PAGE = "__own__"


def _level_choices() -> list[tuple[int, str]]:
    return [(level, f"{level} · {name}") for level, (name, _meaning) in SKILL_LEVELS.items()]


def _rating_choices(question: Question) -> list[tuple[int, str]]:
    labels = {1: question.low_label, 5: question.high_label}
    return [(n, f"{n} · {labels[n]}" if labels.get(n) else str(n)) for n in range(1, 6)]


@dataclass
class Item:
    """One question (or personal skill) on the page, with its bound fields."""

    key: str
    prompt: str
    help_text: str
    type: str
    required: bool
    fields: list[forms.BoundField]
    skill: PersonalSkill | None = None
    max_choices: int | None = None


class TakePageForm(forms.Form):
    """Answers for the questions on one page. Blank answers are allowed in a draft (saving,
    going back, autosave); ``require_answers`` asks for the required ones before the person
    moves on, and completing the take checks every page again."""

    def __init__(
        self,
        *args,
        questions: list[Question],
        skills: list[PersonalSkill],
        answers: dict[str, Answer],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.skills = skills
        self._layout: list[tuple[str, Question | PersonalSkill, list[str]]] = []
        for question in questions:
            self._add_question(question, answers.get(question.key))
        for skill in skills:
            self._add_skill_fields(skill.key, skill, answers.get(skill.key))

    # --- building -----------------------------------------------------------------
    def _add_question(self, question: Question, answer: Answer | None) -> None:
        key = question.key
        if question.type == QuestionType.SKILL:
            self._add_skill_fields(key, question, answer)
            return
        if question.type == QuestionType.RATING:
            field = forms.TypedChoiceField(
                choices=_rating_choices(question),
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                empty_value=None,
            )
            initial = answer.rating if answer else None
        elif question.type == QuestionType.SINGLE:
            field = forms.TypedChoiceField(
                choices=self._options(question, answer),
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                empty_value=None,
            )
            initial = answer.option_ids[0] if answer and answer.option_ids else None
        elif question.type == QuestionType.MULTIPLE:
            field = forms.TypedMultipleChoiceField(
                choices=self._options(question, answer),
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            if question.max_choices:
                field.validators.append(
                    MaxLengthValidator(
                        question.max_choices,
                        message=ngettext_lazy(
                            "Choose at most %(limit_value)d.",
                            "Choose at most %(limit_value)d.",
                            "limit_value",
                        ),
                    )
                )
            initial = answer.option_ids if answer else []
        else:
            field = forms.CharField(
                required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
            )
            initial = answer.text if answer else ""
        field.label = question.prompt
        field.initial = initial
        self.fields[key] = field
        self._layout.append((key, question, [key]))

    def _add_skill_fields(self, key: str, target, answer: Answer | None) -> None:
        for part, label in (("current", _("Where I am now")), ("desired", _("Where I want to be"))):
            name = f"{key}_{part}"
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=_level_choices(),
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                empty_value=None,
                initial=getattr(answer, f"{part}_level", None) if answer else None,
            )
        self._layout.append((key, target, [f"{key}_current", f"{key}_desired"]))

    @staticmethod
    def _options(question: Question, answer: Answer | None) -> list[tuple[int, str]]:
        chosen = set(answer.option_ids) if answer else set()
        # A retired option stays selectable only for someone who had chosen it.
        return [
            (option.pk, option.label)
            for option in question.options.all()
            if option.is_active or option.pk in chosen
        ]

    # --- reading ------------------------------------------------------------------
    def items(self) -> list[Item]:
        result = []
        for key, target, names in self._layout:
            is_question = isinstance(target, Question)
            result.append(
                Item(
                    key=key,
                    prompt=target.prompt if is_question else target.name,
                    help_text=target.help_text if is_question else "",
                    type=target.type if is_question else QuestionType.SKILL,
                    required=target.required if is_question else False,
                    fields=[self[name] for name in names],
                    skill=None if is_question else target,
                    max_choices=target.max_choices if is_question else None,
                )
            )
        return result

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        # Answers to questions this page does not ask (another instrument's, a forged id)
        # are refused outright rather than silently dropped.
        foreign = [
            name for name in self.data if KEY_PATTERN.match(name) and name not in self.fields
        ]
        if foreign:
            raise forms.ValidationError(
                _(
                    "This page was sent with answers to questions it does not ask. "
                    "Reload the page and try again."
                ),
                code="foreign_question",
            )
        for _key, _target, names in self._layout:
            if len(names) == 2:
                current, desired = (cleaned.get(name) for name in names)
                if (current is None) != (desired is None) and not self.has_error(names[0]):
                    self.add_error(
                        names[1] if desired is None else names[0],
                        _("Give both levels, where you are and where you want to be."),
                    )
        return cleaned

    def require_answers(self) -> bool:
        """Put "needs an answer" beside each required question left blank on this page;
        whether every required one is answered. Call after ``answers()`` was saved, so
        what was given on the page is kept either way."""
        data = getattr(self, "cleaned_data", {})
        complete = True
        for _key, target, names in self._layout:
            if not isinstance(target, Question) or not target.required:
                continue
            if any(self.has_error(name) for name in names):
                complete = False
                continue
            values = [data.get(name) for name in names]
            if all(_is_blank(value) for value in values):
                self.add_error(names[0], _("This question needs an answer."))
                complete = False
        return complete

    def answers(self) -> dict[str, dict[str, Any] | None]:
        """The valid answers on this page, by key. Invalid fields are left out."""
        data = getattr(self, "cleaned_data", {})
        result: dict[str, dict[str, Any] | None] = {}
        for key, target, names in self._layout:
            if any(name not in data or self.has_error(name) for name in names):
                continue
            kind = target.type if isinstance(target, Question) else QuestionType.SKILL
            if kind == QuestionType.SKILL:
                result[key] = {"current_level": data[names[0]], "desired_level": data[names[1]]}
            elif kind == QuestionType.RATING:
                result[key] = {"rating": data[key]}
            elif kind == QuestionType.SINGLE:
                result[key] = {"option_ids": [data[key]] if data[key] is not None else []}
            elif kind == QuestionType.MULTIPLE:
                result[key] = {"option_ids": list(data[key])}
            else:
                result[key] = {"text": data[key].strip()}
        return result


def _is_blank(value) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


class PersonalSkillForm(forms.Form):
    name = forms.CharField(
        label=_("Add a skill of your own"),
        max_length=120,
        help_text=_("Something you use or want to grow that the list above does not cover."),
        widget=forms.TextInput(attrs={"placeholder": _("e.g. Kubernetes, facilitation, Spanish")}),
    )
