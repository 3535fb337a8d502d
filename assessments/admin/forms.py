"""The admin's forms for assessment content: they refuse the changes that would make
people's answers meaningless (deleting an answered question or a chosen option, changing
an answered question's type or instrument)."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields

from assessments.models import Answer, Instrument, Question
from assessments.queries import Period
from careerapp.widgets import DateInput

QUESTION_IN_USE = _(
    "“%(prompt)s” has been answered, so it cannot be deleted. Untick “active” instead: "
    "it will not be asked again, and past answers keep their words."
)
OPTION_IN_USE = _(
    "“%(label)s” has been chosen in people's answers, so it cannot be deleted. Untick "
    "“active” instead: it will not be offered again, and past answers keep it."
)
PEOPLES_DATA = _("Part of people's own answers, which stay theirs.")
INSTRUMENT_IN_USE = _(
    "“%(name)s” has been taken, so it cannot be deleted. Untick “offered” instead: "
    "nobody new will start it, and people keep their results."
)


class DaysField(forms.IntegerField):
    """A DurationField edited as a whole number of days."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 3650)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value.days if isinstance(value, datetime.timedelta) else value

    def clean(self, value):
        days = super().clean(value)
        return None if days is None else datetime.timedelta(days=days)

    def has_changed(self, initial, data) -> bool:
        return super().has_changed(self.prepare_value(initial), data)


class InstrumentForm(forms.ModelForm):
    class Meta:
        model = Instrument
        fields = (
            "name",
            "slug",
            "kind",
            "purpose",
            "retake_interval",
            "allows_personal_items",
            "is_active",
            "order",
        )
        field_classes = {"retake_interval": DaysField}
        labels = {"retake_interval": _("Retake after (days)")}
        help_texts = {
            "retake_interval": _(
                "Days from a completed take until a retake is due: 90 for a quarterly check, "
                "365 for a yearly one."
            )
        }


class QuestionForm(forms.ModelForm):
    """Refuses changes that would make existing answers meaningless."""

    class Meta:
        model = Question
        widgets = {
            "prompt": forms.Textarea(attrs={"rows": 2, "cols": 80, "maxlength": 300}),
            "help_text": forms.Textarea(attrs={"rows": 3, "cols": 80}),
        }
        fields = (
            "instrument",
            "section",
            "prompt",
            "help_text",
            "type",
            "required",
            "low_label",
            "high_label",
            "max_choices",
            "order",
            "is_active",
        )

    def _is_answered(self) -> bool:
        return bool(self.instance.pk) and self.instance.answers.exists()

    def clean_type(self) -> str:
        new = self.cleaned_data["type"]
        if self.instance.pk and new != self.instance.type and self._is_answered():
            raise ValidationError(
                _(
                    "People have answered this as “%(type)s”, so its type cannot change. Add "
                    "a new question and untick “active” on this one."
                ),
                params={"type": self.instance.get_type_display()},
                code="answered",
            )
        return new

    def clean_instrument(self) -> Instrument:
        new = self.cleaned_data["instrument"]
        if self.instance.pk and new.pk != self.instance.instrument_id and self._is_answered():
            raise ValidationError(
                _("People have answered this question here, so it cannot move."),
                code="answered",
            )
        return new


class QuestionRowForm(QuestionForm):
    class Meta(QuestionForm.Meta):
        widgets = {
            "section_en": forms.TextInput(attrs={"size": 12}),
            "prompt_en": forms.Textarea(attrs={"rows": 2, "cols": 28, "maxlength": 300}),
            "order": forms.NumberInput(attrs={"class": "vIntegerField", "min": 0}),
            "max_choices": forms.NumberInput(attrs={"class": "vIntegerField", "min": 1}),
        }


class QuestionInlineFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        # Before the base clean: Django's own refusal would list the answers themselves.
        doomed = {
            form.instance.pk: form.instance
            for form in self.forms
            if form.instance.pk and self._should_delete_form(form)
        }
        answered = Answer.objects.filter(question_id__in=doomed).values_list(
            "question_id", flat=True
        )
        refused = [doomed[pk] for pk in sorted(set(answered))]
        if refused:
            raise ValidationError(
                [QUESTION_IN_USE % {"prompt": question.prompt} for question in refused],
                code="answered",
            )
        super().clean()


class OptionInlineFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        question = self.instance
        doomed = [
            form.instance
            for form in self.forms
            if form.instance.pk and self._should_delete_form(form)
        ]
        if doomed:
            answers = Answer.objects.filter(question_id=question.pk)
            chosen = {pk for ids in answers.values_list("option_ids", flat=True) for pk in ids}
            refused = [option for option in doomed if option.pk in chosen]
            if refused:
                raise ValidationError(
                    [OPTION_IN_USE % {"label": option.label} for option in refused],
                    code="chosen",
                )
        if question.has_options and self._active_count() < 2:
            raise ValidationError(
                _("A choice question needs at least two active options to choose between."),
                code="too_few",
            )

    def _active_count(self) -> int:
        count = 0
        for form in self.forms:
            if self._should_delete_form(form) or not (form.instance.pk or form.has_changed()):
                continue
            data = getattr(form, "cleaned_data", {})
            # The admin edits each language's label (label_en, label_fr, ...).
            labelled = any(data.get(name) for name in ("label", *get_translation_fields("label")))
            count += bool(labelled and data.get("is_active"))
        return count


class CulturePeriodForm(forms.Form):
    """The days a culture check's totals cover; the last twelve months unless chosen."""

    start = forms.DateField(label=_("From"), widget=DateInput)
    end = forms.DateField(label=_("To, included"), widget=DateInput)

    @classmethod
    def from_query(cls, query: QueryDict) -> CulturePeriodForm:
        default = Period.last_twelve_months(timezone.localdate())
        return cls(
            {
                "start": query.get("start") or default.start.isoformat(),
                "end": query.get("end") or default.end.isoformat(),
            }
        )

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise ValidationError(_("The period must end on or after the day it starts."))
        return data

    @property
    def period(self) -> Period | None:
        """The chosen period, or None while the dates are wrong."""
        if not self.is_valid():
            return None
        return Period(start=self.cleaned_data["start"], end=self.cleaned_data["end"])
