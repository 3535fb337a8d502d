"""The one ownership helper every app's views use."""

import pytest
from django.http import Http404

from careerapp.ownership import owned_or_404
from goals.models import Goal
from goals.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


def test_the_owner_gets_their_object_from_a_model_or_a_queryset(owner):
    goal = GoalFactory(user=owner)
    assert owned_or_404(Goal, owner, pk=goal.pk) == goal
    assert owned_or_404(Goal.objects.filter(title=goal.title), owner, pk=goal.pk) == goal


def test_another_persons_object_is_a_404(owner, other_user):
    goal = GoalFactory(user=owner)
    with pytest.raises(Http404):
        owned_or_404(Goal, other_user, pk=goal.pk)


def test_a_narrowed_queryset_still_checks_the_owner(owner, other_user):
    goal = GoalFactory(user=owner)
    with pytest.raises(Http404):
        owned_or_404(Goal.objects.filter(pk=goal.pk), other_user, pk=goal.pk)
