"""Factories for decisions and for the few library roles their tests need (the shipped
role library is not on this branch)."""

import factory

from assessments.models import (
    LearningKind,
    LearningSuggestion,
    QuestionType,
    Role,
    RoleLevel,
    RoleSkill,
    Track,
)
from assessments.tests.factories import InstrumentFactory, QuestionFactory
from careerapp.tests.factories import UserFactory
from goals.models import Decision, DecisionCriterion, DecisionOption, DecisionScore


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    name = factory.Sequence(lambda n: f"Track {n}")
    slug = factory.Sequence(lambda n: f"track-{n}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    track = factory.SubFactory(TrackFactory)
    title = factory.Sequence(lambda n: f"Role {n}")
    slug = factory.Sequence(lambda n: f"role-{n}")
    level = RoleLevel.SENIOR
    summary = "A role."


class SkillQuestionFactory(QuestionFactory):
    type = QuestionType.SKILL
    instrument = factory.SubFactory(InstrumentFactory)


class RoleSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleSkill

    role = factory.SubFactory(RoleFactory)
    question = factory.SubFactory(SkillQuestionFactory)
    level = 4


class LearningSuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningSuggestion

    question = factory.SubFactory(SkillQuestionFactory)
    title = factory.Sequence(lambda n: f"Course {n}")
    kind = LearningKind.COURSE
    url = "https://example.com/learn"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    user = factory.SubFactory(UserFactory)
    question = factory.Sequence(lambda n: f"Which move, number {n}?")


class OptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionOption

    decision = factory.SubFactory(DecisionFactory)
    title = factory.Sequence(lambda n: f"Option {n}")
    position = factory.Sequence(int)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionCriterion

    decision = factory.SubFactory(DecisionFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 3
    position = factory.Sequence(int)


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionScore

    option = factory.SubFactory(OptionFactory)
    criterion = factory.SubFactory(CriterionFactory)
    score = 3


def decision_with(user, options=("Stay", "Move"), criteria=(("Growth", 5), ("Pay", 2))):
    """A decision of ``user`` with named options and (name, weight) criteria."""
    decision = DecisionFactory(user=user)
    made = [OptionFactory(decision=decision, title=title) for title in options]
    crits = [CriterionFactory(decision=decision, name=n, weight=w) for n, w in criteria]
    return decision, made, crits
