from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import PersonalSkill, Question, QuestionType
from careerapp.concurrency import VersionedFormMixin
from careerapp.widgets import DateInput
from goals import services
from goals.models import Category, Goal, Horizon, Status, Task


def _local_today() -> datetime.date:
    return timezone.localdate()


class GoalForm(VersionedFormMixin, forms.ModelForm):
    versioned_fields = ("title", "why", "category", "horizon", "target_date")
    reason = forms.CharField(
        label=_("Why the change? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the goal's history, so later you can see how your plans moved."),
    )

    class Meta:
        model = Goal
        fields = ["title", "why", "category", "horizon", "target_date"]
        labels = {"title": _("Your goal"), "why": _("Why it matters to you")}
        help_texts = {
            "title": _(
                "Make it specific and measurable. “Pass the AWS Solutions Architect "
                "exam by June” works better than “get better at cloud”."
            ),
            "why": _("A sentence or two. On a hard week, this is what you will read."),
            "target_date": _("When you want it done. You can move it later."),
        }
        widgets = {
            "why": forms.Textarea(attrs={"rows": 3}),
            "target_date": DateInput(),
        }

    skill = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["title"].widget.attrs["placeholder"] = _("e.g. Lead the Q3 platform migration")
        if self.instance.pk is None:
            del self.fields["reason"]
        else:
            del self.fields["skill"]

    def clean_skill(self):
        """The self-assessment skill this goal serves: q<question id> or p<own skill id>."""
        key = self.cleaned_data.get("skill", "").strip()
        if not key:
            return None
        kind, number = key[:1], key[1:]
        found = None
        if number.isdecimal() and len(number) < 19 and kind == "q":
            found = Question.objects.filter(pk=int(number), type=QuestionType.SKILL).first()
        elif number.isdecimal() and len(number) < 19 and kind == "p" and self.user is not None:
            found = PersonalSkill.objects.filter(pk=int(number), user=self.user).first()
        if found is None:
            # The field is hidden, so the message goes to the top of the form.
            self.add_error(
                None,
                _(
                    "The skill this goal was meant to serve could not be found. "
                    "Try again from its results page."
                ),
            )
        return found

    def clean_target_date(self) -> datetime.date | None:
        target = self.cleaned_data["target_date"]
        creating = self.instance.pk is None
        # Changed by the person on this form, not merely different from the goal now: a
        # date moved meanwhile in another tab is not theirs to defend.
        changed = not creating and "target_date" in self.changed_fields()
        if target and target < _local_today() and (creating or changed):
            raise forms.ValidationError(
                _("Pick a date from today on. A goal is about what comes next."),
                code="past_date",
            )
        return target

    def changes(self) -> dict:
        """Only what the person changed: a title edit from an older page must not put back
        the date that page showed (issue 13)."""
        return {field: self.cleaned_data[field] for field in self.changed_fields()}


class GoalStatusForm(VersionedFormMixin, forms.Form):
    """The status change on the goal page, built with the goal's status as ``initial``
    and its ``version`` (``goals.views.goals._status_form``)."""

    versioned_fields = ("status",)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    reason = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class GoalProgressForm(VersionedFormMixin, forms.Form):
    versioned_fields = ("progress",)
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"step": 5}),
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


class TaskForm(VersionedFormMixin, forms.ModelForm):
    versioned_fields = ("title", "due_date", "is_milestone", "notes")

    class Meta:
        model = Task
        fields = ["title", "due_date", "is_milestone", "notes"]
        labels = {"title": _("Step")}
        widgets = {"due_date": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}


class TaskBulkForm(forms.Form):
    lines = forms.CharField(
        label=_("Several steps, one per line"),
        widget=forms.Textarea(
            attrs={"rows": 4, "placeholder": _("Book the exam 2027-02-15\nDo two practice tests")}
        ),
        help_text=_("End a line with a date like 2027-02-15 to give it a due date."),
        max_length=20000,
    )

    def clean_lines(self):
        lines = services.parse_task_lines(self.cleaned_data["lines"])
        if not lines:
            raise forms.ValidationError(_("Write at least one step."), code="required")
        return lines


class TaskDoneForm(forms.Form):
    done = forms.BooleanField(required=False)


class LenientFilterForm(forms.Form):
    """A GET filter form where a bad value in one field only drops that field.

    Invalid fields fall back to their default instead of a 500 or ignoring the others.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def value(self, name: str) -> str:
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get(name) or ""


SORTS = {
    "priority": ("priority", "created_at", "pk"),
    "target": ("target_date", "priority", "pk"),
    "recent": ("-updated_at", "pk"),
    "title": ("title", "pk"),
}


class GoalFilterForm(LenientFilterForm):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Active and paused")), *Status.choices, ("all", _("All"))],
    )
    horizon = forms.ChoiceField(
        label=_("Horizon"), required=False, choices=[("", _("Any horizon")), *Horizon.choices]
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("Any category")), *Category.choices]
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("priority", _("Priority")),
            ("target", _("Target date")),
            ("recent", _("Recently changed")),
            ("title", _("Title")),
        ],
    )

    def sort_value(self) -> str:
        return self.value("sort") or "priority"

    def filter(self, goals):
        status = self.value("status")
        if status == "":
            goals = goals.open()
        elif status != "all":
            goals = goals.filter(status=status)
        if self.value("horizon"):
            goals = goals.filter(horizon=self.value("horizon"))
        if self.value("category"):
            goals = goals.filter(category=self.value("category"))
        return goals.order_by(*SORTS[self.sort_value()])


ZOOM_CHOICES = [
    ("quarter", _("Quarter")),
    ("year", _("Year")),
    ("2y", _("2 years")),
    ("5y", _("5 years")),
]


class TimelineFilterForm(LenientFilterForm):
    zoom = forms.ChoiceField(label=_("Span"), required=False, choices=ZOOM_CHOICES)
    horizon = forms.ChoiceField(
        label=_("Horizon"), required=False, choices=[("", _("Any horizon")), *Horizon.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All but dropped")), *Status.choices, ("all", _("All"))],
    )

    def zoom_value(self) -> str:
        return self.value("zoom") or "year"

    def filter(self, goals):
        status = self.value("status")
        if status == "":
            goals = goals.exclude(status=Status.DROPPED)
        elif status != "all":
            goals = goals.filter(status=status)
        if self.value("horizon"):
            goals = goals.filter(horizon=self.value("horizon"))
        return goals
