"""Factories for decisions; the role library's come from ``assessments.tests.factories_roles``."""

import factory

from assessments.tests.factories_roles import (  # noqa: F401 - the decision tests' library
    LearningSuggestionFactory,
    RoleFactory,
    RoleSkillFactory,
    SkillQuestionFactory,
    TrackFactory,
)
from careerapp.tests.factories import UserFactory
from goals.models import Decision, DecisionCriterion, DecisionOption, DecisionScore


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
