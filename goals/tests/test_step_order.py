"""A goal's steps are in due-date order, undated last, unless the person reordered them
(issue 13, item 17)."""

import datetime
import importlib

import pytest
import time_machine
from django.apps import apps as django_apps
from django.urls import reverse

from careerapp.portability import export_user_data
from goals import services
from goals.models import Goal, Task
from goals.tests.factories import GoalFactory, TaskFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(datetime.datetime(2027, 1, 10, 12, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def goal(owner):
    goal = GoalFactory(user=owner)
    # Added in this order; their dates say otherwise.
    for title, due in [
        ("Undated idea", None),
        ("Book the exam", D(2027, 5, 1)),
        ("Read the guide", D(2027, 2, 1)),
        ("Another undated", None),
        ("Practice test", D(2027, 3, 1)),
        ("Second practice test", D(2027, 3, 1)),
    ]:
        services.task_create(goal=goal, title=title, due_date=due)
    return goal


DATE_ORDER = [
    "Read the guide",
    "Practice test",
    "Second practice test",  # same day: the one added first comes first
    "Book the exam",
    "Undated idea",
    "Another undated",
]


def _listed(client, goal) -> list[str]:
    response = client.get(reverse("goals:detail", args=[goal.pk]))
    assert response.status_code == 200
    return [task.title for task in response.context["tasks"]]


def test_steps_are_listed_by_due_date_with_undated_ones_last(owner_client, goal):
    assert _listed(owner_client, goal) == DATE_ORDER


def test_a_step_that_gets_an_earlier_date_moves_up_while_not_reordered(owner_client, goal):
    task = Task.objects.get(title="Book the exam")
    services.task_update(task=task, data={"due_date": D(2027, 1, 20)})
    assert _listed(owner_client, goal)[0] == "Book the exam"


def _move(client, goal, title: str, direction: str):
    task = Task.objects.get(goal=goal, title=title)
    url = reverse("goals:task_move", args=[goal.pk, task.pk])
    assert client.post(url, {"direction": direction}).status_code == 302


def test_once_reordered_the_persons_order_is_kept_and_new_steps_go_last(owner_client, goal):
    _move(owner_client, goal, "Book the exam", "up")  # swaps with its shown neighbour

    expected = [
        "Read the guide",
        "Practice test",
        "Book the exam",
        "Second practice test",
        "Undated idea",
        "Another undated",
    ]
    assert _listed(owner_client, goal) == expected
    assert Goal.objects.get(pk=goal.pk).steps_reordered

    # A later date change or a new, earlier step does not undo the person's order.
    services.task_update(
        task=Task.objects.get(title="Undated idea"), data={"due_date": D(2027, 1, 15)}
    )
    services.task_create(goal=goal, title="New and early", due_date=D(2027, 1, 12))
    assert _listed(owner_client, goal) == [*expected, "New and early"]


def test_a_move_past_the_end_does_not_count_as_reordering(owner_client, goal):
    _move(owner_client, goal, "Read the guide", "up")
    assert not Goal.objects.get(pk=goal.pk).steps_reordered
    assert _listed(owner_client, goal) == DATE_ORDER


def test_the_export_lists_steps_in_the_order_the_page_shows(owner, goal):
    goal_doc = export_user_data(owner)["goals"][0]
    assert [task["title"] for task in goal_doc["tasks"]] == DATE_ORDER
    assert goal_doc["steps_reordered"] is False


def test_goals_moved_by_hand_before_the_migration_keep_their_order(owner):
    moved = GoalFactory(user=owner)
    TaskFactory(goal=moved, position=1, due_date=D(2027, 2, 1))
    TaskFactory(goal=moved, position=0, due_date=D(2027, 3, 1))  # added later, moved above
    untouched = GoalFactory(user=owner)
    TaskFactory(goal=untouched, position=0)
    TaskFactory(goal=untouched, position=1)
    migration = importlib.import_module("goals.migrations.0005_version_and_step_order")

    migration.keep_moved_orders(django_apps, None)

    assert Goal.objects.get(pk=moved.pk).steps_reordered
    assert not Goal.objects.get(pk=untouched.pk).steps_reordered
