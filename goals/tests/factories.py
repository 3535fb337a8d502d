import datetime

import factory
from django.utils import timezone

from assessments.tests.factories_roles import learning_kind
from careerapp.tests.factories import UserFactory
from goals.models import (
    Category,
    Goal,
    GoalTemplate,
    GoalTemplateTask,
    Horizon,
    LearningItem,
    LearningStatus,
    Task,
)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Goal number {n}")
    why = "Because it matters to me."
    category = Category.SKILL
    horizon = Horizon.SHORT
    target_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))
    priority = factory.Sequence(int)


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    goal = factory.SubFactory(GoalFactory)
    title = factory.Sequence(lambda n: f"Step {n}")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    position = factory.Sequence(int)


class GoalTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalTemplate

    title = factory.Sequence(lambda n: f"Template {n}")
    slug = factory.Sequence(lambda n: f"template-{n}")
    summary = "A starting point."
    why = "It helps."
    category = Category.LEARNING
    horizon = Horizon.SHORT
    duration_days = 120


class GoalTemplateTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalTemplateTask

    template = factory.SubFactory(GoalTemplateFactory)
    title = factory.Sequence(lambda n: f"Template step {n}")
    offset_days = 14
    order = factory.Sequence(int)


class LearningItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningItem

    user = factory.SubFactory(UserFactory)
    kind = factory.LazyFunction(lambda: learning_kind("course"))
    title = factory.Sequence(lambda n: f"Course number {n}")
    provider = "Coursera"
    status = LearningStatus.PLANNED
