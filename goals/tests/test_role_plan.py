"""The plan from a role's gaps: one long-term goal, a step per gap, never two goals."""

import pytest
from django.urls import reverse

from assessments.tests.factories import AnswerFactory, TakeFactory
from goals.models import Category, Goal, Horizon
from goals.queries import role_gaps
from goals.tests.decision_factories import LearningSuggestionFactory, RoleFactory, RoleSkillFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def role_with_gaps(owner):
    role = RoleFactory(title="Staff engineer", slug="staff-engineer")
    design = RoleSkillFactory(role=role, level=5, question__prompt="System design")
    mentoring = RoleSkillFactory(role=role, level=4, question__prompt="Mentoring")
    met = RoleSkillFactory(role=role, level=2, question__prompt="Testing")
    unknown = RoleSkillFactory(role=role, level=3, question__prompt="Budgeting")
    take = TakeFactory(user=owner, instrument=design.question.instrument)
    for skill, level in ((design, 2), (mentoring, 3), (met, 4)):
        AnswerFactory(take=take, question=skill.question, current_level=level, desired_level=5)
    LearningSuggestionFactory(
        question=design.question,
        title="Designing Data-Intensive Apps",
        url="https://example.com/learn",
    )
    assert unknown.question_id
    return role


def test_gaps_are_largest_first_with_the_unassessed_last_and_a_match(owner, role_with_gaps):
    gaps = role_gaps(owner, role_with_gaps)

    assert [(g.name, g.current, g.size) for g in gaps.gaps] == [
        ("System design", 2, 3),
        ("Mentoring", 3, 1),
        ("Budgeting", None, 3),
    ]
    # The compare page's figure: each core skill counts min(mine, asked) / asked, twice:
    # (2/5 + 3/4 + 1 + 0) / 4 = 0.5375.
    assert gaps.match == 54


def test_the_plan_is_a_long_term_goal_for_the_role_with_a_step_per_gap(
    owner_client, owner, role_with_gaps
):
    response = owner_client.post(reverse("goals:role_plan", args=["staff-engineer"]))

    goal = Goal.objects.get(user=owner)
    assert response["Location"] == goal.get_absolute_url()
    assert (goal.role, goal.category, goal.horizon) == (role_with_gaps, Category.ROLE, Horizon.LONG)
    assert "Staff engineer" in goal.why
    assert "54%" in goal.why
    steps = list(goal.tasks.order_by("position"))
    assert [s.title for s in steps] == [
        "System design: reach level 5",
        "Mentoring: reach level 4",
        "Budgeting: reach level 3",
    ]
    assert "Designing Data-Intensive Apps (https://example.com/learn)" in steps[0].notes
    assert "Not assessed yet" in steps[2].notes


def test_planning_again_opens_the_existing_goal(owner_client, owner, role_with_gaps):
    url = reverse("goals:role_plan", args=["staff-engineer"])
    owner_client.post(url)

    response = owner_client.post(url, follow=True)

    assert Goal.objects.filter(user=owner).count() == 1
    assert "You already have a goal for this role" in response.content.decode()


def test_an_unknown_role_is_a_404(owner_client):
    assert owner_client.post(reverse("goals:role_plan", args=["nope"])).status_code == 404
