"""Factories for the role library (tracks, roles, required skills, moves, learning
suggestions) and a person's place in it (target roles), for every app's tests."""

import factory

from assessments.content import ORDER_STEP
from assessments.content.skills import SKILL_KEYS
from assessments.models import (
    Importance,
    LearningKind,
    LearningSuggestion,
    Question,
    QuestionType,
    Role,
    RoleLevel,
    RoleMove,
    RoleSkill,
    TargetRole,
    TargetStatus,
    Track,
)
from assessments.tests.factories import QuestionFactory
from careerapp.tests.factories import UserFactory


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
    """By slug: a shipped role of that slug is reused rather than duplicated."""

    class Meta:
        model = Role
        django_get_or_create = ("slug",)

    track = factory.SubFactory(TrackFactory)
    title = factory.Sequence(lambda n: f"Role {n}")
    slug = factory.Sequence(lambda n: f"role-{n}")
    level = RoleLevel.SENIOR
    summary = "Does useful work."
    responsibilities = "Do the work\nHelp others"
    experience = "A few years."


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


class RoleMoveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleMove

    from_role = factory.SubFactory(RoleFactory)
    to_role = factory.SubFactory(RoleFactory)
    typical_months = 18


def learning_kind(slug: str) -> LearningKind:
    """The shipped learning kind of ``slug`` (conftest loads them), made if missing."""
    kind, _created = LearningKind.objects.get_or_create(
        slug=slug, defaults={"name": slug.capitalize(), "expires": slug == "certification"}
    )
    return kind


class LearningKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningKind

    slug = factory.Sequence(lambda n: f"kind-{n}")
    name = factory.Sequence(lambda n: f"Kind {n}")
    order = factory.Sequence(int)


class LearningSuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningSuggestion

    question = factory.SubFactory(SkillQuestionFactory)
    title = factory.Sequence(lambda n: f"Suggestion {n}")
    kind = factory.LazyFunction(lambda: learning_kind("course"))
    order = factory.Sequence(int)


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
