"""The form for one page of an assessment, built from its questions, and the pages of a take:
which page is shown, which comes next, and what a page's template needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from assessments import services
from assessments.models import (
    SKILL_LEVELS,
    Answer,
    PersonalSkill,
    Question,
    QuestionType,
    Take,
)

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


class TakePages:
    """The pages of a take, one per section with the own skills page last, and the one
    shown: ``page`` as sent (a bad or missing number is the first page, too large the last).
    """

    def __init__(self, take: Take, page: str | None = None, *, last: bool = False) -> None:
        self.take = take
        self.sections = self._sections(take)
        raw = page or "1"
        number = int(raw) if raw.isdecimal() and len(raw) < 19 else 1
        self.number = len(self.sections) if last else min(max(number, 1), len(self.sections))

    @staticmethod
    def _sections(take: Take) -> list[str]:
        sections: list[str] = []
        for section in take.instrument.questions.active().values_list("section", flat=True):
            if section not in sections:
                sections.append(section)
        if take.instrument.allows_personal_items:
            sections.append(OWN_SKILLS_PAGE)
        return sections or [""]

    @property
    def section(self) -> str:
        return self.sections[self.number - 1]

    def form(self, data=None) -> TakePageForm:
        """The shown page's form, filled in with the take's answers so far."""
        take, questions, skills = self.take, [], []
        if self.section == OWN_SKILLS_PAGE:
            owned = PersonalSkill.objects.for_user(take.user_id)
            skills = list(owned.filter(instrument=take.instrument, is_active=True))
        else:
            # Matched as read (the active language, else the English), not in SQL: a
            # filter would compare the active language's column alone, and miss a
            # section not translated yet.
            active = take.instrument.questions.active().prefetch_related("options")
            questions = [question for question in active if question.section == self.section]
        answers = {answer.key: answer for answer in take.answers.all()}
        return TakePageForm(data, questions=questions, skills=skills, answers=answers)

    def url(self, number: int | None = None) -> str:
        page = self.number if number is None else number
        return f"{reverse('assessments:take', args=[self.take.pk])}?page={page}"

    def url_after(self, action: str) -> str:
        """Where a saved page goes: the next or the previous page, or back to this one."""
        if action == "next":
            return self.url(min(self.number + 1, len(self.sections)))
        if action == "previous":
            return self.url(max(self.number - 1, 1))
        return self.url()

    def missing_answers(self) -> list[dict]:
        """The required questions still unanswered, each with a link to its page and place."""
        missing = []
        for question in services.missing_required(self.take):
            if question.section in self.sections:
                page = self.sections.index(question.section) + 1
                url = f"{self.url(page)}#{question.key}"
                missing.append({"prompt": question.prompt, "page": page, "url": url})
        return missing

    def context(self, form: TakePageForm, **extra) -> dict:
        """What ``assessments/take_form.html`` shows for the page."""
        levels = [(f"{n} · {name}", meaning) for n, (name, meaning) in SKILL_LEVELS.items()]
        return {
            "take": self.take,
            "instrument": self.take.instrument,
            "form": form,
            "items": form.items(),
            "page": self.number,
            "pages": self.sections,
            "section": self.section,
            "is_own_skills_page": self.section == OWN_SKILLS_PAGE,
            "is_last": self.number == len(self.sections),
            "skill_form": extra.pop("skill_form", None) or PersonalSkillForm(),
            "skill_levels": levels,
            **extra,
        }
