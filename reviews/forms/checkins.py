"""Forms for a check-in: one page, several small forms that validate together."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from careerapp import concurrency
from careerapp.widgets import DateInput
from goals.models import Goal
from reviews.cadence import Cadence
from reviews.models import CheckIn, GoalStatusChoice, ReflectionPrompt
from reviews.services import CheckInData, GoalReviewData, NextStepData

SCALE = [(n, str(n)) for n in range(1, 6)]
GOAL_PREFIX = re.compile(r"^goal-(\d+)-")
MAX_NEXT_STEPS = 3


class ScheduleForm(forms.Form):
    cadence = forms.ChoiceField(
        label=_("How often do you want to check in?"),
        choices=Cadence.choices,
        widget=forms.RadioSelect,
    )


class MoodForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with your work right now?"),
        help_text=_("1 is not at all, 5 is very."),
        choices=SCALE,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    energy = forms.TypedChoiceField(
        label=_("How is your energy?"),
        help_text=_("1 is running on empty, 5 is full of it."),
        choices=SCALE,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class GoalReviewForm(forms.Form):
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        required=False,
        widget=forms.NumberInput(),  # any whole percent: steps of 5 blocked 56%
    )
    status = forms.ChoiceField(
        label=_("How is it going?"),
        choices=[("", _("Choose…")), *GoalStatusChoice.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("A short note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    new_target_date = forms.DateField(
        label=_("Move the target date to"), required=False, widget=DateInput()
    )
    correction_reason = forms.CharField(
        label=_("Why the change?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, goal: Goal, today: datetime.date, **kwargs):
        self.goal = goal
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_new_target_date(self):
        new = self.cleaned_data["new_target_date"]
        if new and new < self.today:
            raise forms.ValidationError(
                _("Pick a date from today on; the new target is where you are heading."),
                code="past_date",
            )
        return new


class ReflectionForm(forms.Form):
    answer = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, prompt: ReflectionPrompt, answered_as: str = "", **kwargs):
        self.prompt = prompt
        super().__init__(*args, **kwargs)
        # An answer stays under the words it answered, even if an admin rewords the prompt.
        self.fields["answer"].label = answered_as or prompt.text
        self.fields["answer"].help_text = prompt.help_text


def _answered_as(reflection) -> str:
    return reflection.prompt_text if reflection is not None and reflection.answer else ""


class NextStepForm(forms.Form):
    title = forms.CharField(label=_("Next step"), max_length=200, required=False)
    goal = forms.TypedChoiceField(label=_("For the goal"), coerce=int, required=False)
    due_date = forms.DateField(label=_("By"), required=False, widget=DateInput())

    def __init__(self, *args, goals: list[Goal], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [("", _("Choose a goal…"))] + [(g.pk, g.title) for g in goals]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("title") and not cleaned.get("goal"):
            self.add_error("goal", _("Choose the goal this step belongs to."))
        return cleaned


class CheckInPage:
    """All the forms of one check-in page, bound and validated together."""

    def __init__(
        self,
        data=None,
        *,
        checkin: CheckIn,
        goals: list[Goal],
        prompts: list[ReflectionPrompt],
        today: datetime.date,
        submit: bool = False,
    ):
        self.data = data
        self.goals = goals
        self.submit = submit
        self.version = checkin.version
        self.non_field_errors: list[str] = []
        reviews = {review.goal_id: review for review in checkin.goal_reviews.all()}
        reflections = {item.prompt_id: item for item in checkin.reflections.all()}
        self.mood = MoodForm(
            data, initial={"satisfaction": checkin.satisfaction, "energy": checkin.energy}
        )
        self.goal_forms = [
            GoalReviewForm(
                data,
                prefix=f"goal-{goal.pk}",
                goal=goal,
                today=today,
                initial=_review_initial(goal, reviews.get(goal.pk)),
            )
            for goal in goals
        ]
        self.reflection_forms = [
            ReflectionForm(
                data,
                prefix=f"reflection-{prompt.pk}",
                prompt=prompt,
                answered_as=_answered_as(reflections.get(prompt.pk)),
                initial={
                    "answer": reflections[prompt.pk].answer if prompt.pk in reflections else ""
                },
            )
            for prompt in prompts
        ]
        saved_steps = [step for step in checkin.next_steps.all() if step.task_id is None]
        self.done_steps = [step for step in checkin.next_steps.all() if step.task_id is not None]
        self.step_forms = [
            NextStepForm(
                data,
                prefix=f"step-{n}",
                goals=goals,
                initial=(
                    {
                        "title": saved_steps[n].title,
                        "goal": saved_steps[n].goal_id,
                        "due_date": saved_steps[n].due_date,
                    }
                    if n < len(saved_steps)
                    else None
                ),
            )
            for n in range(MAX_NEXT_STEPS)
        ]

    @classmethod
    def for_checkin(
        cls, checkin: CheckIn, data=None, *, today: datetime.date, submit: bool = False
    ) -> CheckInPage:
        """The page of ``checkin`` (loaded ``with_answers``): the person's active goals by
        priority and the prompts its period asks, two queries."""
        goals = Goal.objects.for_user(checkin.user_id).active().with_task_counts().by_priority()
        prompts = ReflectionPrompt.objects.for_period(quarter_end=checkin.closes_quarter)
        return cls(
            data,
            checkin=checkin,
            goals=list(goals),
            prompts=list(prompts),
            today=today,
            submit=submit,
        )

    def needs_saving(self, checkin: CheckIn) -> bool:
        """A draft save that changes nothing (and is not stale) writes nothing."""
        version = self.base_version()
        return self.submit or bool(self.changed_fields()) or version not in (None, checkin.version)

    def forms(self):
        return [self.mood, *self.goal_forms, *self.reflection_forms, *self.step_forms]

    # --- Concurrent edits (careerapp.concurrency): the page carries the check-in's
    # version and what all its fields showed; every save raises the version.

    def row_fields(self) -> list[forms.BoundField]:
        return [bf for form in self.forms() for bf in form]

    def snapshot(self) -> str:
        return concurrency.snapshot(self.row_fields())

    def _sent(self, name: str) -> str | None:
        return None if self.data is None else self.data.get(name)

    def version_value(self) -> int | None:
        """The version the page's hidden field carries: as sent, or the check-in's."""
        return self.version if self.data is None else self._sent(concurrency.VERSION_FIELD)

    def loaded_value(self) -> str:
        return self.snapshot() if self.data is None else self._sent(concurrency.LOADED_FIELD) or ""

    def _loaded(self) -> dict[str, str] | None:
        return concurrency.parse_snapshot(self._sent(concurrency.LOADED_FIELD))

    def base_version(self) -> int | None:
        return concurrency.base_version(
            sent=concurrency.parse_version(self._sent(concurrency.VERSION_FIELD)),
            current=self.version,
            bound_fields=self.row_fields(),
            loaded=self._loaded(),
        )

    def changed_fields(self) -> list[forms.BoundField]:
        return concurrency.changed_by_person(self.row_fields(), self._loaded())

    def rebased_data(self):
        """The sent data with this check-in's current version and values as "loaded"."""
        typed = {bf.html_name for bf in self.changed_fields()}
        return concurrency.rebase_data(
            self.data,
            prefix_version=concurrency.VERSION_FIELD,
            prefix_loaded=concurrency.LOADED_FIELD,
            version=self.version,
            loaded=self.snapshot(),  # the fields' initial values: the check-in now
            untouched=[bf for bf in self.row_fields() if bf.html_name not in typed],
        )

    def conflict_messages(self) -> list[str]:
        """What changed meanwhile, one sentence a field, each named with its goal or step."""
        names = {}
        for form in self.goal_forms:
            for bf in form:
                names[bf.html_name] = f"{form.goal.title}: {bf.label}"
        for number, form in enumerate(self.step_forms, start=1):
            for bf in form:
                names[bf.html_name] = _("Next step %(number)s: %(field)s") % {
                    "number": number,
                    "field": bf.label,
                }
        changed = concurrency.changed_meanwhile(self.row_fields(), self._loaded())
        return concurrency.conflict_messages(
            changed, labels=lambda bf: names.get(bf.html_name, bf.label)
        )

    def is_valid(self) -> bool:
        valid = all([form.is_valid() for form in self.forms()])
        known = {goal.pk for goal in self.goals}
        foreign = {
            int(match.group(1)) for key in (self.data or {}) if (match := GOAL_PREFIX.match(key))
        } - known
        if foreign:
            self.non_field_errors.append(
                str(
                    _(
                        "This check-in was sent with goals that are not among your active "
                        "goals. Reload the page and try again."
                    )
                )
            )
            valid = False
        if valid and self.submit:
            valid = self._complete_enough()
        return valid

    def _complete_enough(self) -> bool:
        ok = True
        for name in ("satisfaction", "energy"):
            if self.mood.cleaned_data.get(name) is None:
                self.mood.add_error(name, _("Pick a number from 1 to 5 to submit."))
                ok = False
        for form in self.goal_forms:
            if not form.cleaned_data.get("status"):
                form.add_error("status", _("Say how this goal is going to submit."))
                ok = False
        return ok

    def checkin_data(self) -> CheckInData:
        goals = {goal.pk: goal for goal in self.goals}
        return CheckInData(
            satisfaction=self.mood.cleaned_data.get("satisfaction"),
            energy=self.mood.cleaned_data.get("energy"),
            goals=[
                GoalReviewData(
                    goal=form.goal,
                    progress=form.cleaned_data["progress"],
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"].strip(),
                    new_target_date=form.cleaned_data["new_target_date"],
                    correction_reason=form.cleaned_data["correction_reason"].strip(),
                )
                for form in self.goal_forms
            ],
            reflections={
                form.prompt.pk: form.cleaned_data["answer"] for form in self.reflection_forms
            },
            next_steps=[
                NextStepData(
                    goal=goals[form.cleaned_data["goal"]],
                    title=form.cleaned_data["title"].strip(),
                    due_date=form.cleaned_data["due_date"],
                )
                for form in self.step_forms
                if form.cleaned_data.get("title")
            ],
        )


def _review_initial(goal: Goal, review) -> dict:
    if review is not None:
        return {
            "progress": review.progress,
            "status": review.status,
            "note": review.note,
            "new_target_date": review.new_target_date,
            "correction_reason": review.correction_reason,
        }
    # A new review starts from what the goal's tasks say.
    return {"progress": goal.progress}
