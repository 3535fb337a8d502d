"""Pages cost the same number of queries for 1 goal as for 200 goals with 2,000 tasks."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from goals.models import ChangeKind, Goal, GoalChange, Status, Task

pytestmark = pytest.mark.django_db


def seed(user, goals: int, tasks_per_goal: int) -> Goal:
    today = timezone.localdate()
    created = Goal.objects.bulk_create(
        Goal(
            user=user,
            title=f"Goal {n}",
            priority=n,
            status=[Status.ACTIVE, Status.PAUSED, Status.ACHIEVED, Status.DROPPED][n % 4],
            target_date=today + datetime.timedelta(days=n % 300 - 30),
        )
        for n in range(goals)
    )
    Task.objects.bulk_create(
        Task(
            goal=goal,
            title=f"Task {n}",
            position=n,
            due_date=today + datetime.timedelta(days=n % 40 - 10),
            done_at=timezone.now() if n % 3 == 0 else None,
        )
        for goal in created
        for n in range(tasks_per_goal)
    )
    GoalChange.objects.bulk_create(
        GoalChange(goal=goal, kind=ChangeKind.CREATED) for goal in created
    )
    return created[0]


@pytest.fixture(params=[(1, 1), (200, 10)], ids=["1-goal", "200-goals-2000-tasks"])
def sized(request, owner):
    goals, tasks = request.param
    return seed(owner, goals, tasks)


def test_goal_list_query_count(owner_client, sized, django_assert_num_queries):
    # 1 session, 2 user, 3 goals with task counts (one aggregate query)
    with django_assert_num_queries(3):
        response = owner_client.get(reverse("goals:list"), {"status": "all"})
    assert response.status_code == 200


def test_goal_archive_query_count(owner_client, sized, django_assert_num_queries):
    # 1 session, 2 user, 3 closed goals with task counts
    with django_assert_num_queries(3):
        owner_client.get(reverse("goals:archive"))


def test_goal_page_query_count(owner_client, sized, django_assert_num_queries):
    # 1 session, 2 user, 3 the goal with task counts, 4 its tasks, 5 its history
    with django_assert_num_queries(5):
        response = owner_client.get(reverse("goals:detail", args=[sized.pk]))
    assert response.status_code == 200
