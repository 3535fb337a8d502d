"""Forms for the wins journal: a win (recorded or changed, carrying its version as goals'
forms do), the journal's filters and the brag document's range.

Every choice is the person's own: their goals, their circle, their skills and the active
skill questions. Another person's id is an invalid choice, refused with a message (422).
"""

from __future__ import annotations

import datetime
import re

from django import forms
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.forms.skills import BySection
from assessments.models import PersonalSkill, Question, QuestionType
from careerapp.concurrency import VersionedFormMixin
from careerapp.widgets import DateInput
from goals.models import Goal, Task
from reviews.models import CheckIn, CircleMember, Comment, Win

# The longest range a brag document covers: ten years and their leap days.
BRAG_MAX_DAYS = 3653
BRAG_AHEAD_DAYS = 366
BRAG_BACK_YEARS = 60  # a working life, and far from the calendar's first year
NUMBERS = re.compile(r"\d{1,18}")


def _ids(value) -> list[str]:
    """The ids in a sent list, or in the text ``careerapp.concurrency`` keeps of one
    (``"[3, 7]"``), so a set of skills is compared and rebased like any other field."""
    if value is None:
        return []
    if isinstance(value, str):
        return NUMBERS.findall(value)
    return [found for item in value for found in NUMBERS.findall(str(item))]


class SkillCheckboxes(forms.CheckboxSelectMultiple):
    def value_from_datadict(self, data, files, name):
        return _ids(super().value_from_datadict(data, files, name))


class SkillsField(forms.ModelMultipleChoiceField):
    """A set of skills whose value may come back as the version snapshot's text."""

    widget = SkillCheckboxes

    def to_python(self, value):
        return super().to_python(_ids(value))

    def has_changed(self, initial, data):
        return super().has_changed(initial, _ids(data) if isinstance(data, str) else data)


class SkillsBySection(SkillsField):
    """The skill questions under their section's heading."""

    iterator = BySection


class OwnedChoice(forms.ModelChoiceField):
    """A hidden link to the thing the win came from (a step, a check-in, a comment)."""

    widget = forms.HiddenInput

    def __init__(self, queryset, **kwargs):
        super().__init__(
            queryset,
            required=False,
            error_messages={"invalid_choice": _("That is not one of yours.")},
            **kwargs,
        )


class WinForm(VersionedFormMixin, forms.ModelForm):
    versioned_fields = (
        "title",
        "impact",
        "happened_on",
        "goal",
        "skills",
        "personal_skills",
        "noticed_by",
        "member",
    )
    skills = SkillsBySection(
        queryset=Question.objects.none(),
        required=False,
        label=_("Skills it showed"),
        error_messages={"invalid_choice": _("Choose among the skills listed.")},
    )
    personal_skills = SkillsField(
        queryset=PersonalSkill.objects.none(),
        required=False,
        label=_("Your own skills it showed"),
        error_messages={"invalid_choice": _("Choose among your own skills listed.")},
    )
    task = OwnedChoice(Task.objects.none())
    checkin = OwnedChoice(CheckIn.objects.none())
    comment = OwnedChoice(Comment.objects.none())

    class Meta:
        model = Win
        fields = [
            "title",
            "impact",
            "happened_on",
            "goal",
            "skills",
            "personal_skills",
            "noticed_by",
            "member",
            "task",
            "checkin",
            "comment",
        ]
        labels = {
            "goal": _("The goal it served"),
            "noticed_by": _("Their name"),
            "member": _("…or someone in your circle"),
        }
        help_texts = {
            "title": _("One sentence: “Led the release of the new billing flow”."),
            "impact": _(
                "What changed because of it, with a number if you have one: time saved, "
                "people helped, money earned."
            ),
            "noticed_by": _("A name, or “the whole team”. Leave it empty if nobody said."),
        }
        widgets = {"impact": forms.Textarea(attrs={"rows": 3}), "happened_on": DateInput()}
        error_messages = {
            "title": {"required": _("Say what happened, in a few words.")},
            "goal": {"invalid_choice": _("Choose one of your goals, or none.")},
            "member": {"invalid_choice": _("Choose someone in your circle, or no one.")},
        }

    def __init__(self, *args, user, today: datetime.date, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)
        win = self.instance
        self.fields["goal"].queryset = Goal.objects.for_user(user).order_by("-created_at", "-pk")
        self.fields["goal"].empty_label = _("No goal")
        self.fields["member"].queryset = CircleMember.objects.for_user(user)
        self.fields["member"].empty_label = _("No one in my circle")
        # The skills offered, and those the win already names (by the win's own rows: a
        # join of the whole table of wins' skills would read everyone's).
        kept = {"skills": Q(pk__in=[]), "personal_skills": Q(pk__in=[])}
        if win.pk:
            kept = {name: Q(pk__in=getattr(win, name).values("pk")) for name in kept}
        self.fields["skills"].queryset = Question.objects.filter(
            Q(type=QuestionType.SKILL, is_active=True, instrument__is_active=True) | kept["skills"]
        )
        self.fields["personal_skills"].queryset = PersonalSkill.objects.filter(
            Q(user=user) & (Q(is_active=True) | kept["personal_skills"])
        )
        if win.pk:
            for name in ("task", "checkin", "comment"):
                del self.fields[name]
        else:
            self.fields["task"].queryset = Task.objects.for_user(user)
            self.fields["checkin"].queryset = CheckIn.objects.for_user(user)
            self.fields["comment"].queryset = Comment.objects.for_user(user)

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Say what happened, in a few words."), code="required")
        return title

    def clean_happened_on(self) -> datetime.date:
        day = self.cleaned_data["happened_on"]
        if day > self.today:
            raise forms.ValidationError(
                _("A win is something that already happened: pick today or an earlier day."),
                code="future",
            )
        return day

    def clean(self):
        cleaned = super().clean()
        for name in ("task", "checkin", "comment"):
            if name in self.errors:
                # A hidden field: its message goes to the top of the form.
                self.add_error(
                    None, _("The step, check-in or comment this win came from is not yours.")
                )
                break
        return cleaned

    def changes(self) -> dict:
        """Only what the person changed: an older tab must not put back the rest."""
        return {name: self.cleaned_data[name] for name in self.changed_fields()}


class WinFilterForm(forms.Form):
    """The journal's filters (GET). A value that is not one of the person's is ignored."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    goal = forms.ModelChoiceField(
        label=_("Goal"), queryset=Goal.objects.none(), required=False, empty_label=_("Any goal")
    )
    skill = forms.ChoiceField(label=_("Skill"), required=False)

    def __init__(self, *args, years: list[int], goals, skills: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Any year"))] + [(y, str(y)) for y in years]
        self.fields["goal"].queryset = goals
        self.fields["skill"].choices = [("", _("Any skill")), *skills]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def filter(self, wins):
        if not self.is_bound:
            return wins
        self.is_valid()
        data = self.cleaned_data
        if data.get("year"):
            wins = wins.filter(happened_on__year=data["year"])
        if data.get("goal"):
            wins = wins.filter(goal=data["goal"])
        skill = data.get("skill") or ""
        if skill[:1] == "q":
            wins = wins.filter(skills=int(skill[1:]))
        elif skill[:1] == "p":
            wins = wins.filter(personal_skills=int(skill[1:]))
        return wins


class BragRangeForm(forms.Form):
    """A range of days within a working life: from January sixty years back to a year after
    ``today`` (what is further ahead has not happened), at most ten years long. The bounds
    also keep the range's midnights inside the calendar in every time zone."""

    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.latest_end = today + datetime.timedelta(days=BRAG_AHEAD_DAYS)
        self.earliest_start = today.replace(year=today.year - BRAG_BACK_YEARS, month=1, day=1)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if end and end > self.latest_end:
            self.add_error(
                "end",
                _("Choose an end no later than %(day)s: a brag document tells what happened.")
                % {"day": formats.date_format(self.latest_end, gettext("j F Y"))},
            )
        if start and start < self.earliest_start:
            self.add_error(
                "start",
                _("Choose a start no earlier than %(day)s.")
                % {"day": formats.date_format(self.earliest_start, gettext("j F Y"))},
            )
        if start and end and not self.errors:
            if end < start:
                self.add_error("end", _("The end comes before the start: swap the dates."))
            elif (end - start).days > BRAG_MAX_DAYS:
                self.add_error(
                    "end", _("Choose at most ten years: a brag document tells a recent story.")
                )
        return cleaned
