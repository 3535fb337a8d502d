"""What the fuzz tests share: the world the generated requests run in, and the rows that must
not move. The tests are test_fuzz_forms.py (every form class), test_fuzz_views.py (every POST
view, and the data import).
"""

from __future__ import annotations

import datetime
import importlib
import json
import pkgutil
from collections import Counter
from dataclasses import dataclass

from django import forms
from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from hypothesis import HealthCheck, settings

from assessments import services as assessment_services
from assessments.models import Instrument, PersonalSkill
from careerapp.demo import load_demo_content
from careerapp.models import User
from careerapp.portability import export_user_data
from goals.models import Goal, GoalTemplate, Task
from reviews import services as review_services

OUR_APPS = ("careerapp", "goals", "assessments", "reviews")
FUZZ = settings(
    deadline=None,
    database=None,  # nothing written into the working tree
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# How many generated inputs ran, per kind; each fuzz module reports its own at its end.
GENERATED: Counter[str] = Counter()


def report_generated(request, *kinds: str) -> None:
    counts = {kind: GENERATED.pop(kind, 0) for kind in kinds}
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if sum(counts.values()) and reporter is not None:
        detail = ", ".join(f"{count} to {kind}" for kind, count in counts.items())
        reporter.write_line(f"fuzz: {sum(counts.values())} generated inputs ({detail})")


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


def build_world(owner: User, other_user: User, settings) -> World:
    """The owner and another person with the demo content, a draft take and an open check-in."""
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


def project_forms() -> dict[str, type[forms.BaseForm]]:
    """Every form class of our apps, keyed ``<app>.forms.<Class>`` whether ``forms`` is a
    module or a package (its submodules' forms count too)."""
    found = {}
    for app in OUR_APPS:
        module = importlib.import_module(f"{app}.forms")
        modules = [module]
        if hasattr(module, "__path__"):
            modules += [
                importlib.import_module(f"{module.__name__}.{info.name}")
                for info in pkgutil.iter_modules(module.__path__)
            ]
        for part in modules:
            for value in vars(part).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, forms.BaseForm)
                    and value.__module__ == part.__name__
                ):
                    found[f"{module.__name__}.{value.__name__}"] = value
    return found


FORM_CLASSES = project_forms()


def export_of(w: World) -> bytes:
    return json.dumps(export_user_data(w.owner), cls=DjangoJSONEncoder).encode()


def fresh_owner(w: World) -> User:
    return User.objects.get(pk=w.owner.pk)


# Each model holding a person's rows, with the path from it to its person.
OWNED_BY = {
    "careerapp.User": "pk",
    "careerapp.ReminderDelivery": "user",
    "careerapp.CalendarFeed": "user",
    "goals.Goal": "user",
    "goals.Task": "goal__user",
    "goals.GoalChange": "goal__user",
    "goals.Decision": "user",
    "goals.DecisionOption": "decision__user",
    "goals.DecisionCriterion": "decision__user",
    "goals.DecisionScore": "option__decision__user",
    "goals.DecisionChange": "decision__user",
    "goals.LearningItem": "user",
    "assessments.CurrentRole": "user",
    "assessments.TargetRole": "user",
    "assessments.PersonalSkill": "user",
    "assessments.Take": "user",
    "assessments.Answer": "take__user",
    "reviews.Schedule": "user",
    "reviews.CheckIn": "user",
    "reviews.GoalReview": "checkin__user",
    "reviews.Reflection": "checkin__user",
    "reviews.NextStep": "checkin__user",
    "reviews.CircleMember": "owner",
    "reviews.Comment": "owner",
    "reviews.FeedbackRequest": "owner",
    "reviews.FeedbackAnswer": "request__owner",
    "reviews.Conversation": "owner",
    "reviews.ActionItem": "conversation__owner",
    "reviews.Win": "user",
}
SHIPPED = {
    "goals.GoalTemplate",
    "goals.GoalTemplateTask",
    "assessments.Instrument",
    "assessments.Question",
    "assessments.Option",
    "assessments.Track",
    "assessments.Role",
    "assessments.RoleSkill",
    "assessments.RoleMove",
    "assessments.LearningSuggestion",
    "assessments.LearningKind",
    "reviews.ReflectionPrompt",
    "reviews.FeedbackPromptSet",
    "reviews.FeedbackPrompt",
}


def our_models():
    return {
        model._meta.label: model
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
    }


def snapshot(w: World, may_change: set[str]) -> dict:
    models = our_models()
    rows = {}
    for label, path in OWNED_BY.items():
        manager = models[label].objects
        rows[label, "other"] = list(manager.filter(**{path: w.other.pk}).order_by("pk").values())
        if models[label]._meta.app_label not in may_change:
            rows[label, "owner"] = list(
                manager.filter(**{path: w.owner.pk}).order_by("pk").values()
            )
    for label in SHIPPED:
        shipped = models[label].objects.order_by("pk")
        if hasattr(shipped, "rewrite"):  # translated content: every language's column as is
            shipped = shipped.rewrite(False)
        rows[label, "shipped"] = list(shipped.values())
    rows["owner", "account"] = list(
        User.objects.filter(pk=w.owner.pk).values(
            "email", "password", "is_staff", "is_superuser", "is_active"
        )
    )
    return rows
