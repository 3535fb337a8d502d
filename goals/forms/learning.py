"""The learning log's forms: an item (add and edit), the list's filters, the quick status
buttons. An item links only the person's own goals and skills and the active skill
questions: anyone else's id is an invalid choice."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.forms.skills import SkillChoices
from assessments.models import (
    LearningKind,
    LearningSuggestion,
    PersonalSkill,
    Question,
    QuestionType,
)
from careerapp.concurrency import VersionedFormMixin
from careerapp.widgets import DateInput
from goals.forms.goals import LenientFilterForm
from goals.models import Goal, LearningItem, LearningStatus

M2M_FIELDS = ("skills", "personal_skills", "goals")
# The item's own columns, in the form's order (the links come before the notes).
COLUMNS = (
    "title",
    "kind",
    "provider",
    "url",
    "status",
    "started_on",
    "finished_on",
    "hours",
    "cost",
    "currency",
    "expires_on",
    "notes",
)


class LearningItemForm(VersionedFormMixin, forms.ModelForm):
    # The skills, goals and suggestion are links, not columns: they are written when they
    # differ from the item's, last write wins (goals.services.learning_update).
    versioned_fields = COLUMNS

    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = LearningItem
        fields = [*COLUMNS[:-1], *M2M_FIELDS, "notes", "suggestion"]
        labels = {"title": _("What you are learning")}
        help_texts = {
            "title": _("The course, the book, the certification: as you would name it."),
            "hours": _("Roughly is fine. Half hours count: 1.5."),
            "expires_on": _("For a certification that has to be renewed."),
            "skills": _("The skills from your self-assessments that this builds."),
            "finished_on": _("Left empty when you mark it done, it becomes today."),
        }
        field_classes = {"skills": SkillChoices}
        error_messages = {
            "kind": {
                # An unknown id, or a kind no longer offered (an old tab, a crafted post).
                "invalid_choice": _(
                    "That kind of learning is not one we offer. Pick one from the list, "
                    "such as a course or a book."
                )
            }
        }
        widgets = {
            "started_on": DateInput(),
            "finished_on": DateInput(),
            "expires_on": DateInput(),
            "hours": forms.NumberInput(attrs={"step": "0.5", "min": "0"}),
            "cost": forms.NumberInput(attrs={"step": "0.01", "min": "0"}),
            "currency": forms.TextInput(attrs={"size": 3, "autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "skills": forms.CheckboxSelectMultiple,
            "personal_skills": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
            "suggestion": forms.HiddenInput,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        item = self.instance
        kinds = Q(is_active=True) | Q(pk=item.kind_id) if item.pk else Q(is_active=True)
        self.fields["kind"].queryset = LearningKind.objects.filter(kinds)
        self.fields["kind"].empty_label = None
        mine = Q(pk__in=item.skills.all()) if item.pk else Q(pk__in=[])
        self.fields["skills"].queryset = Question.objects.filter(
            Q(type=QuestionType.SKILL, is_active=True) | mine
        ).order_by("instrument__order", "order", "pk")
        self.fields["personal_skills"].queryset = PersonalSkill.objects.for_user(user).order_by(
            "name", "pk"
        )
        self.fields["goals"].queryset = Goal.objects.for_user(user).order_by(
            "status", "priority", "created_at", "pk"
        )
        self.fields["goals"].label_from_instance = lambda goal: goal.title
        if item.pk is not None:
            del self.fields["suggestion"]
        else:
            self.fields["suggestion"].queryset = LearningSuggestion.objects.active()
            self.fields["suggestion"].required = False
        for name in M2M_FIELDS:
            # Nothing to offer (no goals yet): no empty group on the page, but an id sent
            # anyway is still checked against the (empty) choices.
            if not self.fields[name].queryset.exists():
                self.fields[name].widget = forms.MultipleHiddenInput()

    def clean_currency(self) -> str:
        currency = self.cleaned_data["currency"].strip().upper()
        if currency and not (len(currency) == 3 and currency.isalpha() and currency.isascii()):
            raise forms.ValidationError(
                _("Use the three-letter code of the currency, such as EUR or USD."),
                code="currency",
            )
        return currency

    def clean_hours(self):
        return _not_negative(self.cleaned_data["hours"], _("Hours cannot be negative."))

    def clean_cost(self):
        return _not_negative(self.cleaned_data["cost"], _("The cost cannot be negative."))

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        started, finished = cleaned.get("started_on"), cleaned.get("finished_on")
        expires = cleaned.get("expires_on")
        if started and finished and finished < started:
            self.add_error(
                "finished_on", _("The end cannot be before the start (%(date)s).") % _day(started)
            )
        # Marked done without an end, it will end today (the services write it): an expiry
        # before that would be a certification that ran out before it was earned.
        ends = LearningItem.end_when_done(cleaned.get("status", ""), started, finished)
        if expires and kind is not None and not kind.expires:
            self.add_error(
                "expires_on",
                _(
                    "A %(kind)s does not expire. Leave the expiry date empty, or pick a kind "
                    "that expires, such as a certification."
                )
                % {"kind": kind.name.lower()},
            )
        elif expires and (started and expires < started or finished and expires < finished):
            self.add_error(
                "expires_on",
                _("The expiry date cannot be before the start or the end (%(date)s).")
                % _day(max(day for day in (started, finished) if day)),
            )
        elif expires and ends and expires < ends:
            self.add_error(
                "expires_on",
                _(
                    "Marked done without an end date, it ends today (%(date)s), and the "
                    "expiry date cannot be before that. Fill in the day you finished it."
                )
                % _day(ends),
            )
        return cleaned

    def changes(self) -> dict:
        """Only the columns the person changed on this form (an older page must not put
        back what it showed)."""
        return {name: self.cleaned_data[name] for name in self.changed_fields()}

    def links(self) -> dict:
        """The linked skills and goals as sent."""
        return {name: list(self.cleaned_data[name]) for name in M2M_FIELDS}


def _not_negative(value, message):
    if value is not None and value < 0:
        raise forms.ValidationError(message, code="negative")
    return value


def _day(day: datetime.date) -> dict:
    """A day in a message, in words of the reader's language ("1 March 2027")."""
    return {"date": date_format(day, gettext("j F Y"))}


class LearningFilterForm(LenientFilterForm):
    kind = forms.ModelChoiceField(
        label=_("Kind"), required=False, queryset=LearningKind.objects.all(), to_field_name="slug"
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *LearningStatus.choices]
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2999)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].empty_label = _("Any kind")
        self.fields["year"].widget.attrs["class"] = "form-control"

    def filter(self, items):
        self.is_valid()
        data = self.cleaned_data if self.is_bound else {}
        if data.get("kind"):
            items = items.filter(kind=data["kind"])
        if data.get("status"):
            items = items.filter(status=data["status"])
        if data.get("year"):
            year = data["year"]
            start, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
            items = items.filter(
                Q(started_on__lt=end) & (Q(finished_on__gte=start) | Q(finished_on=None))
                | Q(started_on=None, finished_on__gte=start, finished_on__lt=end)
            )
        return items


class LearningStatusForm(forms.Form):
    """The quick buttons on the list and the item's page: start, finish, drop."""

    status = forms.ChoiceField(choices=LearningStatus.choices)
