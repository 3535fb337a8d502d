"""Factories for the role library and a person's place in it (no shipped data needed)."""

import factory

from assessments.models import (
    Importance,
    QuestionType,
    Role,
    RoleLevel,
    RoleSkill,
    TargetRole,
    TargetStatus,
    Track,
)
from assessments.tests.factories import QuestionFactory
from careerapp.tests.factories import UserFactory


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    name = factory.Sequence(lambda n: f"Track {n}")
    slug = factory.Sequence(lambda n: f"track-{n}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role
        django_get_or_create = ("slug",)

    track = factory.SubFactory(TrackFactory)
    title = factory.Sequence(lambda n: f"Role {n}")
    slug = factory.Sequence(lambda n: f"role-{n}")
    level = RoleLevel.SENIOR
    summary = "Leads the work and grows the people around it."


class SkillQuestionFactory(QuestionFactory):
    type = QuestionType.SKILL
    prompt = factory.Sequence(lambda n: f"Skill {n}")


class RoleSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleSkill

    role = factory.SubFactory(RoleFactory)
    question = factory.SubFactory(SkillQuestionFactory)
    level = 3
    importance = Importance.CORE


class TargetRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetRole

    user = factory.SubFactory(UserFactory)
    role = factory.SubFactory(RoleFactory)
    status = TargetStatus.EXPLORING


def library_role() -> Role:
    """One role of the library with a skill to measure, made once per test."""
    role = Role.objects.filter(slug="fuzz-role").first()
    if role is None:
        role = RoleFactory(slug="fuzz-role", title="Platform lead")
        RoleSkillFactory(role=role)
    return role
