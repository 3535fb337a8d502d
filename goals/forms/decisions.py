"""Decision forms: the question, its options and criteria (formsets), the score grid with
the gut check, the choice, and a reopening. Each form that edits a decision carries the
version it was loaded from (``version``), so a stale save is refused (409)."""

from __future__ import annotations

import re

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import Role
from careerapp.concurrency import parse_version
from careerapp.widgets import DateInput
from goals.models import (
    MAX_CRITERIA,
    MAX_OPTIONS,
    MIN_OPTIONS,
    Decision,
    DecisionCriterion,
    DecisionOption,
)
from goals.services import Row

SCORE_CHOICES = [("", "–"), *((str(n), str(n)) for n in range(1, 6))]
SCORE_KEY = re.compile(r"^s-(\d+)-(\d+)$")
GUT_KEY = re.compile(r"^gut-(\d+)$")
REASON_LABEL = _("Why the change? (optional)")


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, **kwargs)


def rebased(data, version: int):
    """The sent data again, with the decision's current version: a second submit after a
    refusal deliberately keeps what the person typed."""
    data = data.copy()
    data["version"] = str(version)
    return data


class VersionedForm(forms.Form):
    version = VersionField()
    # The decision page carries several of these forms (scores, decide, reopen): each
    # names its fields' ids apart, so no id is there twice.
    id_prefix = "id"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)

    def sent_version(self) -> int | None:
        return parse_version(self.data.get("version"))


class DecisionForm(forms.ModelForm):
    version = VersionField()
    reason = forms.CharField(
        label=REASON_LABEL, required=False, max_length=2000, widget=forms.Textarea({"rows": 2})
    )

    class Meta:
        model = Decision
        fields = ["question", "context"]
        labels = {"question": _("The question you are deciding")}
        help_texts = {"question": _("For example “Which move next year?”")}
        widgets = {"context": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "question": {
                "required": _("Ask the question you are deciding, e.g. “Which move next year?”"),
                "max_length": _("Keep the question to 200 characters; the context takes more."),
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["reason"]
        else:
            self.initial["version"] = self.instance.version

    def sent_version(self) -> int | None:
        return parse_version(self.data.get("version"))


def role_choices() -> list[tuple[str, str]]:
    """The library's active roles for the options' select, read once per page."""
    roles = Role.objects.active().select_related("track").order_by("track__order", "order")
    return [("", _("No role in the library"))] + [
        (str(role.pk), f"{role.title} ({role.track.name})") for role in roles
    ]


class OptionForm(forms.ModelForm):
    role = forms.ModelChoiceField(queryset=Role.objects.active(), required=False, label=_("Role"))

    class Meta:
        model = DecisionOption
        fields = ["title", "pros", "cons", "notes", "role"]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in ("pros", "cons", "notes")}
        error_messages = {"title": {"required": _("Give this option a short name.")}}

    def __init__(self, *args, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        if roles is not None:
            self.fields["role"].choices = roles

    def has_changed(self) -> bool:
        # A row counts once anything is typed in it; a blank row is left out.
        return any(self.data.get(self.add_prefix(name), "").strip() for name in self.Meta.fields)


class CriterionForm(forms.ModelForm):
    weight = forms.IntegerField(
        label=_("Weight (1-5)"),
        initial=3,
        min_value=1,
        max_value=5,
        error_messages={
            "min_value": _("A weight is 1 (matters a little) to 5 (matters most)."),
            "max_value": _("A weight is 1 (matters a little) to 5 (matters most)."),
            "required": _("Give the criterion a weight from 1 to 5."),
        },
    )

    class Meta:
        model = DecisionCriterion
        fields = ["name", "weight"]
        error_messages = {"name": {"required": _("Name the criterion, or leave its row empty.")}}

    def has_changed(self) -> bool:
        # A row counts when it has a name, prefilled or typed; a row without one is left
        # out whatever its weight says.
        return bool(self.data.get(self.add_prefix("name"), "").strip())


class BaseRowFormSet(BaseModelFormSet):
    def rows(self) -> list:
        """What was sent, for the services: (instance or None, values, delete)."""
        found = []
        for form in self.forms:
            instance = form.instance if form.instance.pk else None
            delete = self.can_delete and self._should_delete_form(form)
            if instance is None and (delete or not form.has_changed()):
                continue
            values = {name: form.cleaned_data.get(name) for name in form.Meta.fields}
            before = {name: form.initial.get(name) for name in form.Meta.fields}
            found.append(Row(instance, values, delete, before))
        return found


class OptionFormSet(BaseRowFormSet):
    default_error_messages = {
        "too_many_forms": _("A decision takes at most %(num)d options. Remove one to add another."),
        "too_few_forms": _("A decision needs at least %(num)d options to choose between."),
    }


class CriterionFormSet(BaseRowFormSet):
    default_error_messages = {
        "too_many_forms": _("At most %(num)d criteria: the ones that really decide it."),
        "too_few_forms": _("Give at least one criterion to score the options against."),
    }


def option_formset(data=None, *, decision: Decision | None = None):
    existing = decision.options.all() if decision else DecisionOption.objects.none()
    count = len(existing)
    factory = modelformset_factory(
        DecisionOption,
        form=OptionForm,
        formset=OptionFormSet,
        extra=max(MAX_OPTIONS - count, 0),
        max_num=MAX_OPTIONS,
        validate_max=True,
        min_num=MIN_OPTIONS,
        validate_min=True,
        can_delete=decision is not None,
        absolute_max=MAX_OPTIONS + 5,
    )
    return factory(data, queryset=existing, prefix="options", form_kwargs={"roles": role_choices()})


def criterion_formset(data=None, *, decision: Decision | None = None, names=()):
    existing = decision.criteria.all() if decision else DecisionCriterion.objects.none()
    count = len(existing) if decision else 0
    factory = modelformset_factory(
        DecisionCriterion,
        form=CriterionForm,
        formset=CriterionFormSet,
        extra=max(MAX_CRITERIA - count, 0),
        max_num=MAX_CRITERIA,
        validate_max=True,
        min_num=1,
        validate_min=True,
        can_delete=decision is not None,
        absolute_max=MAX_CRITERIA + 5,
    )
    initial = [{"name": name, "weight": 3} for name in names]
    return factory(data, queryset=existing, prefix="criteria", initial=initial)


class ScoreForm(VersionedForm):
    """The grid: a score per option and criterion (``s-<option>-<criterion>``) and a gut
    check per option (``gut-<option>``); empty means not scored yet."""

    id_prefix = "id_scores"

    reason = forms.CharField(
        label=REASON_LABEL,
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    def __init__(self, *args, decision: Decision, **kwargs):
        super().__init__(*args, **kwargs)
        self.decision = decision
        self.initial["version"] = decision.version
        self.options = list(decision.options.all())
        self.criteria = list(decision.criteria.all())
        given = {
            (score.option_id, score.criterion_id): score.score
            for option in self.options
            for score in option.scores.all()
        }
        self.rows = []
        for option in self.options:
            cells = []
            for criterion in self.criteria:
                name = f"s-{option.pk}-{criterion.pk}"
                self.fields[name] = forms.TypedChoiceField(
                    label=_("%(option)s on %(criterion)s")
                    % {"option": option, "criterion": criterion},
                    choices=SCORE_CHOICES,
                    widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                    coerce=int,
                    empty_value=None,
                    required=False,
                    initial=given.get((option.pk, criterion.pk)),
                )
                cells.append(self[name])
            gut = f"gut-{option.pk}"
            self.fields[gut] = forms.TypedChoiceField(
                label=_("How do you feel about %(option)s?") % {"option": option},
                choices=SCORE_CHOICES,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                coerce=int,
                empty_value=None,
                required=False,
                initial=option.gut,
            )
            self.rows.append((option, cells, self[gut]))

    def clean(self):
        cleaned = super().clean()
        strangers = [
            key
            for key in self.data
            if (SCORE_KEY.match(key) or GUT_KEY.match(key)) and key not in self.fields
        ]
        if strangers:
            raise forms.ValidationError(
                _(
                    "Some scores name an option or a criterion that is not part of this "
                    "decision, so nothing was saved. Reload the page and score again."
                ),
                code="foreign",
            )
        return cleaned

    def scores(self) -> dict:
        by_pk = {option.pk: option for option in self.options}
        criteria = {criterion.pk: criterion for criterion in self.criteria}
        found = {}
        for name, value in self.cleaned_data.items():
            match = SCORE_KEY.match(name)
            if match:
                option, criterion = (int(part) for part in match.groups())
                found[(by_pk[option], criteria[criterion])] = value
        return found

    def guts(self) -> dict:
        return {option: self.cleaned_data[f"gut-{option.pk}"] for option in self.options}


class DecideForm(VersionedForm):
    id_prefix = "id_decide"
    chosen = forms.ModelChoiceField(
        queryset=DecisionOption.objects.none(),
        label=_("Your choice"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Pick the option you choose.")},
    )
    reason = forms.CharField(
        label=_("Why this one?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write down why: future you will want to know.")},
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())
    start_goal = forms.BooleanField(label=_("Start a goal for it"), required=False)
    target_role = forms.BooleanField(
        label=_("Pursue the option's role"),
        required=False,
        help_text=_("Only for an option linked to a role in the library."),
    )

    def __init__(self, *args, decision: Decision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen"].queryset = decision.options.all()
        self.initial.setdefault("version", decision.version)
        self.initial.setdefault("decided_on", decision.decided_on or timezone.localdate())
        self.initial.setdefault("chosen", decision.chosen_id)
        self.initial.setdefault("reason", decision.reason)

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("chosen")
        if cleaned.get("target_role") and chosen is not None and chosen.role_id is None:
            self.add_error(
                "target_role",
                _("%(option)s has no role in the library to pursue.") % {"option": chosen},
            )
        return cleaned


class ReopenForm(VersionedForm):
    id_prefix = "id_reopen"
    reason = forms.CharField(label=_("What changed? (optional)"), required=False, max_length=2000)
