"""Pages cost the same number of queries for 1 goal as for 60 goals with 600 tasks.

60 goals span several pages of every list, so the counts also hold past the first page.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from goals.models import ChangeKind, Goal, GoalChange, Status, Task

pytestmark = pytest.mark.django_db

STATUSES = [Status.ACHIEVED, Status.ACTIVE, Status.DROPPED, Status.PAUSED]


def seed(user, goals: int, tasks_per_goal: int) -> Goal:
    today = timezone.localdate()
    created = Goal.objects.bulk_create(
        Goal(
            user=user,
            title=f"Goal {n}",
            priority=n,
            status=STATUSES[n % 4],
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


@pytest.fixture(params=[(1, 1), (60, 10)], ids=["1-goal", "60-goals-600-tasks"])
def sized(request, owner):
    goals, tasks = request.param
    return seed(owner, goals, tasks)


@pytest.mark.parametrize("page", ["1", "2"])
def test_goal_list_query_count(owner_client, sized, page, django_assert_num_queries):
    # 1 session, 2 user, 3 how many goals the filter keeps (for the pages), 4 one page of
    # them with their step counts (two subqueries per goal, in the same query)
    with django_assert_num_queries(4):
        response = owner_client.get(reverse("goals:list"), {"status": "all", "page": page})
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["1", "2"])
def test_goal_archive_query_count(owner_client, sized, page, django_assert_num_queries):
    # 1 session, 2 user, 3 how many closed goals, 4 one page of them with step counts
    with django_assert_num_queries(4):
        response = owner_client.get(reverse("goals:archive"), {"page": page})
    assert response.status_code == 200


def test_goal_page_query_count(owner_client, sized, django_assert_num_queries):
    # 1 session, 2 user, 3 the goal with task counts (and its role), 4 its tasks, 5 its
    # history, 6 its learning with their kinds, 7 the circle's comments on it (reviews'
    # aside), 8 the wins that served it (reviews' aside)
    with django_assert_num_queries(8):
        response = owner_client.get(reverse("goals:detail", args=[sized.pk]))
    assert response.status_code == 200
