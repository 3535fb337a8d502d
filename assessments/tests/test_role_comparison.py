"""A person measured against a role: levels from the latest take that answered each skill,
gaps sorted, the match figure (hand-computed), and a query count that ignores history."""

import datetime

import pytest
from django.utils import timezone

from assessments import charts, queries
from assessments.charts import SkillMatch
from assessments.models import Importance, QuestionType, TakeStatus
from assessments.tests.factories import (
    AnswerFactory,
    InstrumentFactory,
    PersonalSkillFactory,
    TakeFactory,
)
from assessments.tests.factories_roles import RoleFactory, RoleSkillFactory, SkillQuestionFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def days_ago(days: int) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def rate(take, question, current, desired=5):
    return AnswerFactory(take=take, question=question, current_level=current, desired_level=desired)


@pytest.fixture
def skills_instrument():
    return InstrumentFactory(slug="test-skills", name="Test skills")


@pytest.fixture
def role(skills_instrument):
    """Three skills: two core (levels 4 and 3), one helpful (level 2)."""
    role = RoleFactory(title="Engineering manager", slug="test-engineering-manager")
    for prompt, level, importance in (
        ("Coaching", 4, Importance.CORE),
        ("Planning", 3, Importance.CORE),
        ("Public speaking", 2, Importance.HELPFUL),
    ):
        question = SkillQuestionFactory(instrument=skills_instrument, prompt=prompt)
        RoleSkillFactory(role=role, question=question, level=level, importance=importance)
    return role


def question(role, prompt):
    return role.skills.get(question__prompt=prompt).question


def test_with_no_take_every_skill_is_not_assessed_yet_and_the_match_is_zero(owner, role):
    comparison = queries.role_comparison(owner, role)

    assert [s.name for s in comparison.skills] == ["Coaching", "Planning", "Public speaking"]
    assert all(s.current is None and s.gap is None for s in comparison.skills)
    assert len(comparison.unassessed) == 3
    assert comparison.match == 0
    assert comparison.biggest_gap is None


def test_partial_answers_count_zero_for_the_unanswered_skill(owner, role, skills_instrument):
    take = TakeFactory(user=owner, instrument=skills_instrument, completed_at=days_ago(3))
    rate(take, question(role, "Coaching"), 2)  # 2/4 met, core
    rate(take, question(role, "Public speaking"), 3)  # 2/2 met (above counts as met), helpful

    comparison = queries.role_comparison(owner, role)

    # (2 x 2/4 + 2 x 0 + 1 x 1) / (2 + 2 + 1) = 2/5 = 40 %
    assert comparison.match == 40
    assert [(s.name, s.current, s.gap) for s in comparison.skills] == [
        ("Coaching", 2, 2),
        ("Public speaking", 3, 0),
        ("Planning", None, None),
    ]
    assert [s.name for s in comparison.unassessed] == ["Planning"]
    assert comparison.biggest_gap.name == "Coaching"
    assert comparison.skills[0].assessed_at == take.completed_at


def test_the_latest_take_that_answered_a_skill_wins_per_question(owner, role, skills_instrument):
    older = TakeFactory(user=owner, instrument=skills_instrument, completed_at=days_ago(400))
    newer = TakeFactory(user=owner, instrument=skills_instrument, completed_at=days_ago(10))
    rate(older, question(role, "Coaching"), 1)
    rate(older, question(role, "Planning"), 1)
    rate(newer, question(role, "Coaching"), 3)
    # The newer take left Planning blank: the older answer still stands.
    AnswerFactory(take=newer, question=question(role, "Planning"))
    # A draft is not a result yet.
    draft = TakeFactory(
        user=owner, instrument=skills_instrument, status=TakeStatus.DRAFT, completed_at=None
    )
    rate(draft, question(role, "Coaching"), 5)

    skills = queries.role_comparison(owner, role).skills
    levels = {s.name: (s.current, s.assessed_at) for s in skills}

    assert levels["Coaching"] == (3, newer.completed_at)
    assert levels["Planning"] == (1, older.completed_at)


def test_personal_skills_and_other_peoples_answers_are_ignored(
    owner, other_user, role, skills_instrument
):
    take = TakeFactory(user=owner, instrument=skills_instrument)
    own = PersonalSkillFactory(user=owner, instrument=skills_instrument, name="Coaching")
    AnswerFactory(
        take=take,
        question=None,
        personal_skill=own,
        key=f"p{own.pk}",
        prompt="Coaching",
        type=QuestionType.SKILL,
        current_level=5,
        desired_level=5,
    )
    rate(TakeFactory(user=other_user, instrument=skills_instrument), question(role, "Coaching"), 5)

    assert queries.role_comparison(owner, role).match == 0


def test_skills_sort_by_gap_then_core_before_helpful(owner, skills_instrument):
    role = RoleFactory()
    take = TakeFactory(user=owner, instrument=skills_instrument)
    for prompt, level, importance, current in (
        ("A helpful one, gap 1", 3, Importance.HELPFUL, 2),
        ("A core one, gap 1", 3, Importance.CORE, 2),
        ("Met", 2, Importance.CORE, 4),
        ("Gap 3", 4, Importance.HELPFUL, 1),
    ):
        q = SkillQuestionFactory(instrument=skills_instrument, prompt=prompt)
        RoleSkillFactory(role=role, question=q, level=level, importance=importance)
        rate(take, q, current)

    comparison = queries.role_comparison(owner, role)

    assert [s.name for s in comparison.skills] == [
        "Gap 3",
        "A core one, gap 1",
        "A helpful one, gap 1",
        "Met",
    ]
    assert [s.name for s in comparison.met] == ["Met"]


@pytest.mark.parametrize(
    ("skills", "expected"),
    [
        ([], None),
        ([("core", 4, 4)], 100),
        ([("core", 4, 5)], 100),
        ([("core", 3, 1)], 33),
        # (2 x 1/3 + 1 x 1/2) / 3 = 7/18 = 38.9 %
        ([("core", 3, 1), ("helpful", 2, 1)], 39),
        # (1 x 1/2 + 1 x 0) / 2 = 25 %
        ([("helpful", 2, 1), ("helpful", 2, None)], 25),
        # (1 x 1/4) / 4 = 6.25 % rounds down; (1 x 2/4) / 4 = exactly 12.5 % rounds up
        ([("helpful", 4, 1), ("helpful", 4, None), ("helpful", 4, None), ("helpful", 4, None)], 6),
        ([("helpful", 4, 2), ("helpful", 4, None), ("helpful", 4, None), ("helpful", 4, None)], 13),
    ],
)
def test_match_weighs_core_twice_and_caps_each_skill_at_its_required_level(skills, expected):
    matches = [
        SkillMatch(question_id=n, name=str(n), importance=imp, required=req, current=cur)
        for n, (imp, req, cur) in enumerate(skills)
    ]
    assert charts.match_percent(matches) == expected


def test_the_chart_draws_the_current_bar_and_the_required_ring(owner, role, skills_instrument):
    take = TakeFactory(user=owner, instrument=skills_instrument)
    rate(take, question(role, "Coaching"), 2)
    chart = charts.role_chart(queries.role_comparison(owner, role).skills)

    coaching, planning, _public = chart.rows
    assert (coaching.current_x, coaching.required_x, coaching.stretch_width) == (40.0, 70.0, 30.0)
    assert planning.skill.name == "Planning"
    assert planning.current_x == 0  # not assessed yet: no bar, only the ring
    assert chart.height == 30 + 3 * 46 + 4


@pytest.mark.parametrize("takes", [1, 50])
def test_the_comparison_reads_one_query_however_many_takes(
    takes, owner, role, skills_instrument, django_assert_num_queries
):
    for number in range(takes):
        take = TakeFactory(user=owner, instrument=skills_instrument, completed_at=days_ago(number))
        for skill in role.skills.all():
            rate(take, skill.question, 1 + number % 5)

    # 1. the role's skills, each with the latest level and its take's date (subqueries)
    with django_assert_num_queries(1):
        comparison = queries.role_comparison(owner, role)

    assert all(skill.current == 1 for skill in comparison.skills)  # the newest take: number 0
