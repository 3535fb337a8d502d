"""Where "Log learning" appears: a results gap, a role's gaps, a library suggestion, a goal,
the skill page; each link starts the add form from there."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assessments import demo as assessments_demo
from assessments.models import Role, Take
from assessments.tests.factories_roles import LearningSuggestionFactory, skill_question
from goals import demo as goals_demo
from goals.models import Goal
from goals.tests.factories import GoalFactory, LearningItemFactory

pytestmark = pytest.mark.django_db

ADD = reverse("goals:learning_add")


@pytest.fixture
def demo_owner(owner):
    assessments_demo.load(owner)
    goals_demo.load(owner)
    return owner


def test_each_results_gap_offers_to_log_learning_for_its_skill(owner_client, demo_owner):
    take = Take.objects.filter(user=demo_owner, instrument__slug="skills").latest("completed_at")
    response = owner_client.get(take.get_absolute_url())
    gap = response.context["gaps"][0][0]
    assert f'href="{ADD}?question={gap.key[1:]}"' in response.text


def test_the_role_compare_page_offers_learning_per_gap_and_for_all(owner_client, demo_owner):
    role = Role.objects.get(slug="engineering-manager")
    response = owner_client.get(reverse("assessments:role_compare", args=[role.slug]))
    gap = next(s for s in response.context["comparison"].skills if s.gap)
    assert f"{ADD}?question={gap.question_id}" in response.text
    assert f"{ADD}?role=engineering-manager" in response.text


def test_a_library_suggestion_starts_learning_from_it(owner_client):
    suggestion = LearningSuggestionFactory(question=skill_question("listening"), title="Listen!")
    role = Role.objects.active().filter(skills__question=suggestion.question).first()
    response = owner_client.get(role.get_absolute_url())
    assert f"{ADD}?suggestion={suggestion.pk}" in response.text


def test_the_goal_page_lists_its_learning_and_offers_more(owner_client, owner):
    goal = GoalFactory(user=owner, role=Role.objects.get(slug="engineering-manager"))
    item = LearningItemFactory(user=owner, title="The Manager's Path")
    item.goals.add(goal)
    response = owner_client.get(goal.get_absolute_url())
    assert "The Manager&#x27;s Path" in response.text
    assert f"{ADD}?goal={goal.pk}&amp;role=engineering-manager" in response.text


def test_the_skill_page_lists_the_learning_for_it(owner_client, owner, other_user):
    skill = skill_question("coaching")
    mine = LearningItemFactory(user=owner, title="Coaching course")
    mine.skills.add(skill)
    theirs = LearningItemFactory(user=other_user, title="Their coaching course")
    theirs.skills.add(skill)
    response = owner_client.get(reverse("assessments:skill", args=[skill.key]))
    assert "Coaching course" in response.text
    assert "Their coaching course" not in response.text
    assert f"{ADD}?question={skill.pk}" in response.text


def test_the_demo_gap_goal_shows_its_course(owner_client, demo_owner):
    goal = Goal.objects.get(user=demo_owner, skill_question__isnull=False)
    response = owner_client.get(goal.get_absolute_url())
    assert list(response.context["learning"]) == list(goal.learning_items.all())
    assert response.context["learning"]
