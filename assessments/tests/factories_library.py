"""Factories for the role library: tracks, roles, required skills, moves, suggestions."""

import factory

from assessments.content import ORDER_STEP
from assessments.content.skills import SKILL_KEYS
from assessments.models import (
    LearningKind,
    LearningSuggestion,
    Question,
    Role,
    RoleLevel,
    RoleMove,
    RoleSkill,
    Track,
)


def skill_question(key: str) -> Question:
    """The shipped skill question a ``SKILL_KEYS`` key names."""
    return Question.objects.get(instrument__slug="skills", order=SKILL_KEYS[key] * ORDER_STEP)


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    name = factory.Sequence(lambda n: f"Track {n}")
    slug = factory.Sequence(lambda n: f"track-{n}")
    summary = "A family of roles."
    order = factory.Sequence(int)


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    track = factory.SubFactory(TrackFactory)
    title = factory.Sequence(lambda n: f"Role {n}")
    slug = factory.Sequence(lambda n: f"role-{n}")
    level = RoleLevel.MID
    summary = "Does useful work."
    responsibilities = "Do the work\nHelp others"
    experience = "A few years."


class RoleSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleSkill

    role = factory.SubFactory(RoleFactory)
    question = factory.LazyFunction(lambda: skill_question("craft"))
    level = 3


class RoleMoveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleMove

    from_role = factory.SubFactory(RoleFactory)
    to_role = factory.SubFactory(RoleFactory)
    typical_months = 18


class LearningSuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningSuggestion

    question = factory.LazyFunction(lambda: skill_question("craft"))
    title = factory.Sequence(lambda n: f"Suggestion {n}")
    kind = LearningKind.COURSE
    order = factory.Sequence(int)
