"""Forms never crash: generated input against every form class.

Hypothesis sends very long strings, control characters (NUL included), markup, numbers
that are huge, negative or not numbers at all, blanks and repeated values. Whatever comes
in, the form answers with errors or a valid instance, and our markup never comes back
unescaped. The POST views get the same in test_fuzz_views.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from hypothesis import given, note, settings

from assessments import services as assessment_services
from assessments.models import Instrument, Question, Role
from assessments.tests.factories_roles import library_role
from careerapp.tests.fuzz_world import (
    FORM_CLASSES,
    FUZZ,
    GENERATED,
    World,
    export_of,
    fresh_owner,
)
from careerapp.tests.fuzzing import assert_escaped, field_values, post_data
from goals.models import Decision, Goal, LearningItem, Task
from reviews.models import CircleMember, FeedbackPrompt, ReflectionPrompt
from reviews.queries.feedback import strengths_list
from reviews.tests.factories_feedback import GENERAL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_generated_inputs")]
FUZZ_KIND = "forms"  # what the generated inputs go to, in the report at the end

FORM_EXAMPLES = 30


# The keyword arguments each form needs; a new form must be added here.
FORM_KWARGS: dict[str, Callable[[World], dict]] = {
    "careerapp.forms.SignupExtraForm": lambda w: {},
    "careerapp.forms.ProfileForm": lambda w: {"instance": fresh_owner(w)},
    "careerapp.forms.ReminderPreferencesForm": lambda w: {"instance": fresh_owner(w)},
    "careerapp.forms.PauseForm": lambda w: {},
    "careerapp.forms.AccountDeleteForm": lambda w: {"user": w.owner},
    "careerapp.forms.CalendarRenewForm": lambda w: {},
    "careerapp.forms.DataImportForm": lambda w: {},
    "goals.forms.GoalForm": lambda w: {"user": w.owner},
    "goals.forms.GoalStatusForm": lambda w: {},
    "goals.forms.VersionedForm": lambda w: {},
    "goals.forms.DecisionForm": lambda w: {"instance": demo_decision(w)},
    "goals.forms.OptionForm": lambda w: {},
    "goals.forms.CriterionForm": lambda w: {},
    "goals.forms.ScoreForm": lambda w: {"decision": demo_decision(w)},
    "goals.forms.DecideForm": lambda w: {"decision": demo_decision(w)},
    "goals.forms.ReopenForm": lambda w: {},
    "goals.forms.GoalProgressForm": lambda w: {},
    "goals.forms.MoveForm": lambda w: {},
    "goals.forms.TaskForm": lambda w: {"instance": Task.objects.get(pk=w.task.pk)},
    "goals.forms.TaskBulkForm": lambda w: {},
    "goals.forms.TaskDoneForm": lambda w: {},
    "goals.forms.LenientFilterForm": lambda w: {},
    "goals.forms.GoalFilterForm": lambda w: {},
    "goals.forms.TimelineFilterForm": lambda w: {},
    "goals.forms.LearningItemForm": lambda w: {"user": w.owner, "instance": demo_learning(w)},
    "goals.forms.LearningFilterForm": lambda w: {},
    "goals.forms.LearningStatusForm": lambda w: {},
    "assessments.forms.TakePageForm": lambda w: {
        "questions": list(
            {question.type: question for question in Question.objects.all()}.values()
        ),
        "skills": [w.skill],
        "answers": {},
    },
    "assessments.forms.PersonalSkillForm": lambda w: {},
    "assessments.forms.ExploreForm": lambda w: {},
    "assessments.forms.PathsForm": lambda w: {
        "roles": list(Role.objects.active().select_related("track"))
    },
    "assessments.forms.CurrentRoleForm": lambda w: {"roles": [library_role()]},
    "assessments.forms.TargetForm": lambda w: {},
    "reviews.forms.ScheduleForm": lambda w: {},
    "reviews.forms.MoodForm": lambda w: {},
    "reviews.forms.GoalReviewForm": lambda w: {"goal": w.goal, "today": w.today},
    "reviews.forms.ReflectionForm": lambda w: {"prompt": ReflectionPrompt.objects.first()},
    "reviews.forms.NextStepForm": lambda w: {"goals": [w.goal]},
    "reviews.forms.InviteForm": lambda w: {"owner": w.owner},
    "reviews.forms.SharingForm": lambda w: {
        "member": CircleMember.objects.for_user(w.owner).first()
    },
    "reviews.forms.CommentForm": lambda w: {},
    "reviews.forms.FeedbackRequestForm": lambda w: {"owner": w.owner},
    "reviews.forms.FeedbackAnswerForm": lambda w: {
        "prompts": list(FeedbackPrompt.objects.filter(prompt_set__slug=GENERAL)),
        "strengths": strengths_list(),
    },
    "reviews.forms.PrepareForm": lambda w: {"members": []},
    "reviews.forms.ConversationForm": lambda w: {"today": w.today},
    "reviews.forms.ActionItemForm": lambda w: {"goals": [w.goal]},
    "reviews.forms.WinForm": lambda w: {"user": w.owner, "today": w.today},
    "reviews.forms.WinFilterForm": lambda w: {
        "years": [w.today.year],
        "goals": Goal.objects.for_user(w.owner),
        "skills": [(f"p{w.skill.pk}", w.skill.name)],
    },
    "reviews.forms.BragRangeForm": lambda w: {"today": w.today},
}


def demo_learning(w: World) -> LearningItem:
    """The owner's demo course under way for the biggest gap (a skill and a goal linked)."""
    return LearningItem.objects.for_user(w.owner).get(status="in_progress")


def demo_decision(w: World) -> Decision:
    """The owner's demo decision (three options, its criteria, most cells scored)."""
    return Decision.objects.for_user(w.owner).get()


def test_every_form_has_a_fuzz_recipe():
    missing = sorted(set(FORM_CLASSES) - set(FORM_KWARGS))
    stale = sorted(set(FORM_KWARGS) - set(FORM_CLASSES))
    assert not missing, f"add these forms to FORM_KWARGS so they are fuzzed: {missing}"
    assert not stale, f"FORM_KWARGS names forms that no longer exist: {stale}"


def test_forms_never_crash_on_generated_input(world):
    for name, form_class in sorted(FORM_CLASSES.items()):
        if name not in FORM_KWARGS:
            pytest.fail(f"{name} has no entry in FORM_KWARGS: add the keyword arguments it needs")
        before = GENERATED["forms"]
        _fuzz_form(world, name, form_class)
        assert GENERATED["forms"] > before, f"no generated input reached {name}"


def _fuzz_form(world: World, name: str, form_class: type[forms.BaseForm]) -> None:
    fields = field_values(form_class(**FORM_KWARGS[name](world)), files=(export_of(world),))

    @settings(FUZZ, max_examples=FORM_EXAMPLES)
    @given(data=post_data(fields))
    def validate(data):
        note(f"form: {name}")
        GENERATED["forms"] += 1
        query, files = QueryDict(mutable=True), MultiValueDict()
        for key, value in data.items():
            if isinstance(value, SimpleUploadedFile):
                files[key] = value
            else:
                query.setlist(key, value if isinstance(value, list) else [value])
        with transaction.atomic():
            form = form_class(query, files, **FORM_KWARGS[name](world))
            if form.is_valid() and isinstance(form, forms.ModelForm):
                # Views save through services (fuzzed below); this builds the instance.
                form.save(commit=False)
            assert_escaped(str(form), name)
            transaction.set_rollback(True)

    validate()


def test_a_nul_character_is_a_validation_error_not_a_crash(owner):
    form = FORM_CLASSES["goals.forms.GoalForm"](
        {"title": "Ship\x00it", "horizon": "short", "category": "skill"}, user=owner
    )
    assert not form.is_valid()
    assert "title" in form.errors


@pytest.mark.parametrize("skill", ["q²", "p²", "q" + "7" * 5000])
def test_a_skill_key_that_is_no_number_is_refused_not_a_crash(owner, skill):
    form = FORM_CLASSES["goals.forms.GoalForm"](
        {"title": "Ship it", "horizon": "short", "category": "skill", "skill": skill},
        user=owner,
    )
    assert not form.is_valid()
    assert "could not be found" in str(form.non_field_errors())


@pytest.mark.parametrize("number", ["²", "7" * 5000])
def test_a_page_number_that_is_no_number_shows_the_first_page(owner_client, owner, number):
    draft = assessment_services.take_start(user=owner, instrument=Instrument.objects.first())
    url = reverse("assessments:take", args=[draft.pk])
    assert owner_client.get(url, {"page": number}).status_code == 200
    assert owner_client.post(url, {"page": number, "action": "save"}).status_code == 302


@pytest.mark.parametrize("take", ["²", "7" * 5000])
def test_a_compared_take_that_is_no_number_is_not_found(owner_client, take):
    url = reverse("assessments:compare", args=[Instrument.objects.first().slug])
    assert owner_client.get(url, {"a": take}).status_code == 404
