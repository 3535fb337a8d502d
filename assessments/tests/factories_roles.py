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


def demo_library() -> list[Role]:
    """The roles the demo person takes up (``assessments.demo``), each asking for skills of
    the shipped skills instrument, for pages that need roles before the library ships."""
    from assessments import demo
    from assessments.models import Question

    skills = list(Question.objects.filter(instrument__slug="skills", type=QuestionType.SKILL))
    roles = []
    for number, slug in enumerate(
        (demo.DEMO_CURRENT_ROLE, demo.DEMO_PURSUED_ROLE, demo.DEMO_EXPLORING_ROLE)
    ):
        role = RoleFactory(slug=slug, title=slug.replace("-", " ").capitalize())
        for index, question in enumerate(skills[number : number + 6]):
            importance = Importance.CORE if index % 2 == 0 else Importance.HELPFUL
            RoleSkill.objects.get_or_create(
                role=role,
                question=question,
                defaults={"level": 3 + index % 3, "importance": importance},
            )
        roles.append(role)
    return roles
