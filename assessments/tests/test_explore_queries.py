"""The Explore pages cost the same queries for a library of 5 roles and of 100."""

import pytest
from django.urls import reverse

from assessments.models import CurrentRole, Role, RoleMove, RoleSkill
from assessments.tests.factories_roles import (
    LearningSuggestionFactory,
    RoleFactory,
    TrackFactory,
    skill_question,
)

pytestmark = pytest.mark.django_db

SIZES = pytest.mark.parametrize("size", [5, 100])
SKILLS = ("craft", "writing", "leading", "listening")


def _library(size: int) -> list[Role]:
    """``size`` roles in tracks of five, each asking for four skills and leading to the next
    two; two suggestions per skill."""
    tracks = [TrackFactory(slug=f"t{n}") for n in range((size + 4) // 5)]
    roles = [
        RoleFactory(track=tracks[n // 5], slug=f"r{n}", is_open=n % 2 == 0) for n in range(size)
    ]
    questions = [skill_question(key) for key in SKILLS]
    RoleSkill.objects.bulk_create(
        RoleSkill(role=role, question=question, level=1 + n % 5)
        for role in roles
        for n, question in enumerate(questions)
    )
    RoleMove.objects.bulk_create(
        RoleMove(from_role=role, to_role=roles[(n + step) % size], typical_months=6 * step)
        for n, role in enumerate(roles)
        for step in (1, 2)
    )
    for question in questions:
        LearningSuggestionFactory.create_batch(2, question=question)
    return roles


@SIZES
def test_the_explore_page_costs_the_same_for_5_and_100_roles(
    owner_client, size, django_assert_num_queries
):
    _library(size)
    # 1 session, 2 user, 3 the roles with their tracks, 4 the track filter's choices,
    # 5 my current role, 6 my target roles ("My roles"; none yet).
    with django_assert_num_queries(6):
        response = owner_client.get(reverse("assessments:explore"))
    assert len([r for g in response.context["groups"] for r in g.roles]) >= size


@SIZES
def test_a_filtered_explore_page_costs_the_same_for_5_and_100_roles(
    owner_client, size, django_assert_num_queries
):
    _library(size)
    # 1 session, 2 user, 3 the chosen track, 4 the roles, 5 the track filter's choices,
    # 6 my current role, 7 my target roles.
    with django_assert_num_queries(7):
        response = owner_client.get(
            reverse("assessments:explore"), {"q": "role", "track": "t0", "open": "on"}
        )
    assert response.status_code == 200


@SIZES
def test_a_track_page_costs_the_same_for_5_and_100_roles(
    owner_client, size, django_assert_num_queries
):
    _library(size)
    # 1 session, 2 user, 3 the track, 4 its roles, 5 the moves from them with their targets.
    with django_assert_num_queries(5):
        response = owner_client.get(reverse("assessments:track", args=["t0"]))
    assert len(response.context["roles"]) == 5


@SIZES
def test_a_role_page_costs_the_same_for_5_and_100_roles(
    owner_client, size, django_assert_num_queries
):
    roles = _library(size)
    # 1 session, 2 user, 3 the role and its track, 4 its skills, 5 their suggestions,
    # 6 the moves from it, 7 the moves into it, 8 how I compare (my levels for its skills),
    # 9 whether it is one of my roles.
    with django_assert_num_queries(9):
        response = owner_client.get(roles[0].get_absolute_url())
    assert len(response.context["skills"]) == len(SKILLS)


@SIZES
def test_the_paths_page_costs_the_same_for_5_and_100_roles(
    owner_client, owner, size, django_assert_num_queries
):
    roles = _library(size)
    CurrentRole.objects.create(user=owner, role=roles[0])
    # 1 session, 2 user, 3 the roles with their tracks, 4 the current role, 5 the moves.
    with django_assert_num_queries(5):
        response = owner_client.get(reverse("assessments:paths"))
    assert response.context["start"] == roles[0]
    assert sum(len(paths) for _moves, paths in response.context["leads_to"]) == min(size - 1, 6)
