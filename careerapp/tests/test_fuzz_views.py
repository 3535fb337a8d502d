"""Forms never crash: generated input against every form and every POST view.

Hypothesis sends very long strings, control characters (NUL included), markup, numbers
that are huge, negative or not numbers at all, blanks and repeated values. Whatever comes
in, the answer is below 500, our markup never comes back unescaped, and rows the request
has no business changing stay exactly as they were.
"""

from __future__ import annotations

import datetime
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django import forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from assessments import services as assessment_services
from assessments.forms import TakePageForm
from assessments.models import Instrument, PersonalSkill, Question
from careerapp.demo import load_demo_content
from careerapp.models import User
from careerapp.portability import export_user_data
from careerapp.reminders import unsubscribe_token
from careerapp.tests.factories import UserFactory
from careerapp.tests.fuzzing import (
    EXTRA_VALID,
    assert_escaped,
    field_values,
    post_data,
    uploads,
)
from careerapp.tests.test_urls import all_routes
from goals.models import Goal, GoalTemplate, Task
from reviews import services as review_services
from reviews.forms import CheckInPage
from reviews.models import ReflectionPrompt

pytestmark = pytest.mark.django_db

OUR_APPS = ("careerapp", "goals", "assessments", "reviews")
FORM_EXAMPLES = 30
VIEW_EXAMPLES = 14
IMPORT_EXAMPLES = 50
FUZZ = settings(
    deadline=None,
    database=None,  # nothing written into the working tree
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# How many generated inputs ran, per kind; reported at the end of the module.
GENERATED = {"form": 0, "view": 0}

# --- The world the requests run in ------------------------------------------------------


@dataclass
class World:
    owner: User
    other: User
    goal: Goal
    task: Task
    template: GoalTemplate
    instrument: Instrument
    skill: PersonalSkill
    draft: object
    checkin: object
    today: datetime.date


@pytest.fixture
def world(owner, other_user, settings) -> World:
    # Stored hashes stay PBKDF2, which no longer verifies: every password check is a quick
    # "wrong" instead of a full PBKDF2 round. The fuzz only ever sends wrong passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    other = other_user
    load_demo_content(owner)
    load_demo_content(other)
    owner.refresh_from_db()
    skill = PersonalSkill.objects.filter(user=owner, is_active=True).first()
    task = Task.objects.filter(goal__user=owner).select_related("goal").first()
    with timezone.override(owner.zone):
        today = timezone.localdate()
        checkin = review_services.checkin_open(user=owner, today=today)
    return World(
        owner=owner,
        other=other,
        goal=task.goal,
        task=task,
        template=GoalTemplate.objects.first(),
        instrument=skill.instrument,
        skill=skill,
        draft=assessment_services.take_start(user=owner, instrument=skill.instrument),
        checkin=checkin,
        today=today,
    )


# --- (a) every form class -------------------------------------------------------------


def _project_forms() -> dict[str, type[forms.BaseForm]]:
    found = {}
    for app in OUR_APPS:
        module = importlib.import_module(f"{app}.forms")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == module.__name__
            ):
                found[f"{module.__name__}.{value.__name__}"] = value
    return found


FORM_CLASSES = _project_forms()


def _export(w: World) -> bytes:
    return json.dumps(export_user_data(w.owner), cls=DjangoJSONEncoder).encode()


def _fresh_owner(w: World) -> User:
    return User.objects.get(pk=w.owner.pk)


# The keyword arguments each form needs; a new form must be added here.
FORM_KWARGS: dict[str, Callable[[World], dict]] = {
    "careerapp.forms.SignupExtraForm": lambda w: {},
    "careerapp.forms.ProfileForm": lambda w: {"instance": _fresh_owner(w)},
    "careerapp.forms.ReminderPreferencesForm": lambda w: {"instance": _fresh_owner(w)},
    "careerapp.forms.PauseForm": lambda w: {},
    "careerapp.forms.AccountDeleteForm": lambda w: {"user": w.owner},
    "careerapp.forms.DataImportForm": lambda w: {},
    "goals.forms.GoalForm": lambda w: {"user": w.owner},
    "goals.forms.GoalStatusForm": lambda w: {},
    "goals.forms.GoalProgressForm": lambda w: {},
    "goals.forms.MoveForm": lambda w: {},
    "goals.forms.TaskForm": lambda w: {"instance": Task.objects.get(pk=w.task.pk)},
    "goals.forms.TaskBulkForm": lambda w: {},
    "goals.forms.TaskDoneForm": lambda w: {},
    "goals.forms.LenientFilterForm": lambda w: {},
    "goals.forms.GoalFilterForm": lambda w: {},
    "goals.forms.TimelineFilterForm": lambda w: {},
    "assessments.forms.TakePageForm": lambda w: {
        "questions": list(
            {question.type: question for question in Question.objects.all()}.values()
        ),
        "skills": [w.skill],
        "answers": {},
    },
    "assessments.forms.PersonalSkillForm": lambda w: {},
    "reviews.forms.ScheduleForm": lambda w: {},
    "reviews.forms.MoodForm": lambda w: {},
    "reviews.forms.GoalReviewForm": lambda w: {"goal": w.goal, "today": w.today},
    "reviews.forms.ReflectionForm": lambda w: {"prompt": ReflectionPrompt.objects.first()},
    "reviews.forms.NextStepForm": lambda w: {"goals": [w.goal]},
}


def test_every_form_has_a_fuzz_recipe():
    missing = sorted(set(FORM_CLASSES) - set(FORM_KWARGS))
    stale = sorted(set(FORM_KWARGS) - set(FORM_CLASSES))
    assert not missing, f"add these forms to FORM_KWARGS so they are fuzzed: {missing}"
    assert not stale, f"FORM_KWARGS names forms that no longer exist: {stale}"


def test_forms_never_crash_on_generated_input(world):
    for name, form_class in sorted(FORM_CLASSES.items()):
        if name not in FORM_KWARGS:
            pytest.fail(f"{name} has no entry in FORM_KWARGS: add the keyword arguments it needs")
        before = GENERATED["form"]
        _fuzz_form(world, name, form_class)
        assert GENERATED["form"] > before, f"no generated input reached {name}"


def _fuzz_form(world: World, name: str, form_class: type[forms.BaseForm]) -> None:
    fields = field_values(form_class(**FORM_KWARGS[name](world)), files=(_export(world),))

    @settings(FUZZ, max_examples=FORM_EXAMPLES)
    @given(data=post_data(fields))
    def validate(data):
        note(f"form: {name}")
        GENERATED["form"] += 1
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


# --- (b) every POST view ----------------------------------------------------------------

# A real object of the owner for every URL parameter, by (app, parameter).
URL_VALUES: dict[tuple[str, str], Callable[[World], object]] = {
    ("careerapp", "token"): lambda w: unsubscribe_token(w.owner),
    ("goals", "pk"): lambda w: w.goal.pk,
    ("goals", "task_pk"): lambda w: w.task.pk,
    ("goals", "slug"): lambda w: w.template.slug,
    ("assessments", "pk"): lambda w: w.draft.pk,
    ("assessments", "key"): lambda w: w.skill.key,
    ("assessments", "slug"): lambda w: w.instrument.slug,
    ("reviews", "pk"): lambda w: w.checkin.pk,
    ("reviews", "year"): lambda w: w.today.year,
    ("reviews", "quarter"): lambda w: (w.today.month - 1) // 3 + 1,
}


def _take_fields(w: World) -> dict[str, list[str]]:
    questions = list(
        w.instrument.questions.active().filter(
            section=w.instrument.questions.active().values_list("section", flat=True).first()
        )
    )
    form = TakePageForm(questions=questions, skills=[w.skill], answers={})
    return field_values(form, "page", "action")


def _checkin_fields(w: World) -> dict[str, list[str]]:
    goals = list(Goal.objects.for_user(w.owner).active())
    prompts = list(ReflectionPrompt.objects.for_period(quarter_end=w.checkin.closes_quarter))
    page = CheckInPage(checkin=w.checkin, goals=goals, prompts=prompts, today=w.today)
    values = {"action": EXTRA_VALID["action"]}
    for form in page.forms():
        values.update(field_values(form))
    return values


def _form_fields(name: str, **kwargs) -> Callable[[World], dict[str, list[str]]]:
    return lambda w: field_values(
        FORM_CLASSES[name](**{key: value(w) for key, value in kwargs.items()})
    )


def _none(w: World) -> dict[str, list[str]]:
    return {}


# The fields each POST view reads; a new POST view must be added here.
VIEW_FIELDS: dict[str, Callable[[World], dict[str, list[str]]]] = {
    "account_profile_update": _form_fields("careerapp.forms.ProfileForm", instance=_fresh_owner),
    "account_reminders_update": _form_fields(
        "careerapp.forms.ReminderPreferencesForm", instance=_fresh_owner
    ),
    "account_delete": _form_fields("careerapp.forms.AccountDeleteForm", user=_fresh_owner),
    "reminders_pause": _form_fields("careerapp.forms.PauseForm"),
    "reminders_preview": _none,
    "account_data_import": lambda w: field_values(
        FORM_CLASSES["careerapp.forms.DataImportForm"](), files=(_export(w),)
    ),
    "reminders_unsubscribe": _none,
    "goals:create": _form_fields("goals.forms.GoalForm", user=_fresh_owner),
    "goals:edit": _form_fields("goals.forms.GoalForm", instance=lambda w: w.goal),
    "goals:status": _form_fields("goals.forms.GoalStatusForm"),
    "goals:progress": _form_fields("goals.forms.GoalProgressForm"),
    "goals:move": _form_fields("goals.forms.MoveForm"),
    "goals:delete": _none,
    "goals:task_add": _form_fields("goals.forms.TaskForm"),
    "goals:task_bulk_add": _form_fields("goals.forms.TaskBulkForm"),
    "goals:task_toggle": _form_fields("goals.forms.TaskDoneForm"),
    "goals:task_edit": _form_fields("goals.forms.TaskForm"),
    "goals:task_delete": _none,
    "goals:task_move": _form_fields("goals.forms.MoveForm"),
    "goals:template_start": _none,
    "assessments:take": _take_fields,
    "assessments:take_discard": _none,
    "assessments:start": _none,
    "assessments:personal_skill_add": _form_fields("assessments.forms.PersonalSkillForm"),
    "assessments:personal_skill_remove": _none,
    "reviews:schedule": _form_fields("reviews.forms.ScheduleForm"),
    "reviews:start": _none,
    "reviews:checkin": _checkin_fields,
}

# Which apps' rows of the owner a view of each app may change. Everything else - the
# other person's rows, shipped content, the owner's rows elsewhere - must stay as it was.
MAY_CHANGE = {
    "account_data_import": set(OUR_APPS),  # an import adds to everything of the person
    "careerapp": {"careerapp"},
    "goals": {"goals", "reviews"},  # a deleted goal leaves check-in next steps goal-less
    "assessments": {"assessments"},
    "reviews": {"reviews", "goals"},  # a check-in moves targets and turns steps into tasks
}

# Each model holding a person's rows, with the path from it to its person.
OWNED_BY = {
    "careerapp.User": "pk",
    "careerapp.ReminderDelivery": "user",
    "goals.Goal": "user",
    "goals.Task": "goal__user",
    "goals.GoalChange": "goal__user",
    "assessments.PersonalSkill": "user",
    "assessments.Take": "user",
    "assessments.Answer": "take__user",
    "reviews.Schedule": "user",
    "reviews.CheckIn": "user",
    "reviews.GoalReview": "checkin__user",
    "reviews.Reflection": "checkin__user",
    "reviews.NextStep": "checkin__user",
}
SHIPPED = {
    "goals.GoalTemplate",
    "goals.GoalTemplateTask",
    "assessments.Instrument",
    "assessments.Question",
    "assessments.Option",
    "reviews.ReflectionPrompt",
}


def _our_models():
    return {
        model._meta.label: model
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
    }


def test_every_model_is_either_owned_or_shipped_content():
    unknown = sorted(set(_our_models()) - set(OWNED_BY) - SHIPPED)
    assert not unknown, f"say in OWNED_BY or SHIPPED whose rows these are: {unknown}"


def _snapshot(w: World, may_change: set[str]) -> dict:
    models = _our_models()
    rows = {}
    for label, path in OWNED_BY.items():
        manager = models[label].objects
        rows[label, "other"] = list(manager.filter(**{path: w.other.pk}).order_by("pk").values())
        if models[label]._meta.app_label not in may_change:
            rows[label, "owner"] = list(
                manager.filter(**{path: w.owner.pk}).order_by("pk").values()
            )
    for label in SHIPPED:
        rows[label, "shipped"] = list(models[label].objects.order_by("pk").values())
    rows["owner", "account"] = list(
        User.objects.filter(pk=w.owner.pk).values(
            "email", "password", "is_staff", "is_superuser", "is_active"
        )
    )
    return rows


def _routes(w: World):
    """(name, app, url) for every route of our apps, with the owner's real objects."""
    for _route, namespace, pattern in all_routes():
        app = pattern.callback.__module__.split(".")[0]
        if app not in OUR_APPS or namespace.startswith("admin"):
            continue
        name = f"{namespace}{pattern.name}"
        kwargs = {}
        for parameter in pattern.pattern.regex.groupindex:
            if (app, parameter) not in URL_VALUES:
                pytest.fail(f"{name}: add a real value for <{parameter}> to URL_VALUES")
            kwargs[parameter] = URL_VALUES[app, parameter](w)
        yield name, name if name in MAY_CHANGE else app, reverse(name, kwargs=kwargs)


def _accepts_post(client, url: str) -> bool:
    with transaction.atomic():
        status = client.post(url).status_code
        transaction.set_rollback(True)
    assert status < 500, f"an empty POST to {url} answered {status}"
    return status != 405


def test_post_views_never_crash_on_generated_input(owner_client, world):
    post_routes = [route for route in _routes(world) if _accepts_post(owner_client, route[2])]
    names = {name for name, _app, _url in post_routes}
    missing = sorted(names - set(VIEW_FIELDS))
    assert not missing, f"add these POST views to VIEW_FIELDS so they are fuzzed: {missing}"
    assert not sorted(set(VIEW_FIELDS) - names), "VIEW_FIELDS names views that take no POST"

    for name, app, url in post_routes:
        before = GENERATED["view"]
        _fuzz_view(owner_client, world, name, app, url)
        assert GENERATED["view"] > before, f"no generated input reached {name}"


def _body(data: dict) -> tuple:
    """The POST body as a browser sends it: urlencoded, or multipart with a file."""
    if not any(isinstance(value, SimpleUploadedFile) for value in data.values()):
        return urlencode(data, doseq=True), "application/x-www-form-urlencoded"
    # A browser escapes quotes and line breaks in field names; the test client does not.
    return ({key: value for key, value in data.items() if not set(key) & set('"\r\n')},)


def _fuzz_view(client, w: World, name: str, app: str, url: str) -> None:
    # Each example is rolled back, so every one starts from the same rows.
    before = _snapshot(w, MAY_CHANGE[app])

    @settings(FUZZ, max_examples=VIEW_EXAMPLES)
    @given(data=post_data(VIEW_FIELDS[name](w)), htmx=st.booleans())
    def post(data, htmx):
        note(f"view: {name} at {url}")
        GENERATED["view"] += 1
        with transaction.atomic():
            response = client.post(
                url,
                *_body(data),
                headers={"HX-Request": "true"} if htmx else {},
                follow=True,
            )
            assert response.status_code < 500, (name, response.status_code)
            if response.get("Content-Type", "").startswith("text/html"):
                assert_escaped(response.content.decode(), name)
            after = _snapshot(w, MAY_CHANGE[app])
            changed = sorted(str(key) for key in before if before[key] != after[key])
            assert not changed, f"POST to {name} changed rows it must not touch: {changed}"
            transaction.set_rollback(True)

    post()


def test_data_import_never_crashes_on_generated_documents(client, world):
    # Import only fills an empty account, so a newcomer receives the owner's export,
    # intact or spoiled; the owner's and the other person's rows must not move.
    client.force_login(UserFactory(email="newcomer@example.com"))
    url = reverse("account_data_import")
    export = _export(world)
    before = _snapshot(world, may_change=set())

    @settings(FUZZ, max_examples=IMPORT_EXAMPLES)
    @given(content=st.one_of(st.just(export), uploads([export])))
    def post(content):
        GENERATED["view"] += 1
        upload = SimpleUploadedFile("export.json", content, "application/json")
        with transaction.atomic():
            response = client.post(url, {"file": upload}, follow=True)
            assert response.status_code < 500, response.status_code
            assert_escaped(response.content.decode(), "account_data_import")
            changed = sorted(
                str(key) for key, rows in _snapshot(world, set()).items() if before[key] != rows
            )
            assert not changed, f"an import changed rows of other people: {changed}"
            transaction.set_rollback(True)

    post()


@pytest.fixture(scope="module", autouse=True)
def _report_generated_inputs(request):
    yield
    total = GENERATED["form"] + GENERATED["view"]
    if total:
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        line = (
            f"fuzz: {total} generated inputs "
            f"({GENERATED['form']} to forms, {GENERATED['view']} to POST views)"
        )
        if reporter is not None:
            reporter.write_line(line)
