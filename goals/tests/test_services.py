import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from goals import services
from goals.models import ChangeKind, Goal, GoalChange, Status, Task
from goals.tests.factories import (
    GoalFactory,
    GoalTemplateFactory,
    GoalTemplateTaskFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def test_creating_a_goal_logs_it_and_puts_it_last_in_priority(owner):
    first = services.goal_create(
        user=owner, title="A", category="skill", horizon="short", target_date=None
    )
    second = services.goal_create(
        user=owner,
        title="B",
        category="role",
        horizon="long",
        target_date=datetime.date(2030, 1, 1),
    )
    assert (first.priority, second.priority) == (0, 1)
    assert [c.kind for c in second.changes.all()] == [ChangeKind.CREATED]
    assert second.changes.get().new_value == "2030-01-01"


def test_rescheduling_logs_old_and_new_date_with_the_reason(owner):
    goal = GoalFactory(user=owner, target_date=datetime.date(2027, 3, 1))
    changes = services.goal_update(
        goal=goal, data={"target_date": datetime.date(2027, 6, 1)}, reason="Exam moved"
    )
    assert len(changes) == 1
    change = changes[0]
    assert (change.kind, change.old_value, change.new_value, change.reason) == (
        ChangeKind.RESCHEDULED,
        "2027-03-01",
        "2027-06-01",
        "Exam moved",
    )
    assert change.sentence() == "Rescheduled from 1 March 2027 to 1 June 2027."
    goal.refresh_from_db()
    assert goal.target_date == datetime.date(2027, 6, 1)


def test_unchanged_fields_write_no_history(owner):
    goal = GoalFactory(user=owner)
    assert services.goal_update(goal=goal, data={"title": goal.title, "category": "role"}) == []
    assert GoalChange.objects.count() == 0


def test_renaming_and_rescoping_are_logged(owner):
    goal = GoalFactory(user=owner, title="Old", horizon="short")
    changes = services.goal_update(
        goal=goal, data={"title": "New", "why": "Different now", "horizon": "long"}
    )
    assert {c.kind for c in changes} == {ChangeKind.RENAMED, ChangeKind.RESCOPED}
    sentences = {c.sentence() for c in changes}
    assert "Renamed from “Old” to “New”." in sentences
    assert "Rewrote why it matters." in sentences
    assert "Horizon changed from short-term (within about a year) to long-term." in sentences


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        (Status.ACTIVE, Status.PAUSED, True),
        (Status.ACTIVE, Status.ACHIEVED, True),
        (Status.PAUSED, Status.DROPPED, True),
        (Status.ACHIEVED, Status.ACTIVE, True),
        (Status.DROPPED, Status.ACTIVE, True),
        (Status.ACHIEVED, Status.PAUSED, False),
        (Status.DROPPED, Status.ACHIEVED, False),
        (Status.ACTIVE, Status.ACTIVE, False),
        (Status.ACTIVE, "finished", False),
    ],
)
def test_status_transitions(owner, start, target, allowed):
    goal = GoalFactory(user=owner, status=start)
    if allowed:
        services.goal_set_status(goal=goal, status=target, reason="because")
        goal.refresh_from_db()
        assert goal.status == target
        assert goal.changes.get().reason == "because"
    else:
        with pytest.raises(ValidationError):
            services.goal_set_status(goal=goal, status=target)
        goal.refresh_from_db()
        assert goal.status == start
        assert not goal.changes.exists()


def test_status_change_records_when_it_happened(owner):
    goal = GoalFactory(user=owner)
    with time_machine.travel(datetime.datetime(2027, 5, 4, 9, 0, tzinfo=datetime.UTC), tick=False):
        services.goal_set_status(goal=goal, status=Status.ACHIEVED)
    goal.refresh_from_db()
    assert goal.status_changed_at == datetime.datetime(2027, 5, 4, 9, 0, tzinfo=datetime.UTC)


def test_progress_follows_tasks_or_is_set_by_hand(owner):
    goal = GoalFactory(user=owner)
    services.goal_set_progress(goal=goal, progress=40)
    assert Goal.objects.with_task_counts().get(pk=goal.pk).progress == 40
    done = TaskFactory(goal=goal)
    TaskFactory(goal=goal)
    TaskFactory(goal=goal)
    TaskFactory(goal=goal)
    services.task_set_done(task=done, done=True)
    assert Goal.objects.with_task_counts().get(pk=goal.pk).progress == 25
    with pytest.raises(ValidationError):
        services.goal_set_progress(goal=goal, progress=101)


def test_ticking_a_task_counts_as_progress_and_unticking_clears_it(owner):
    goal = GoalFactory(user=owner, last_progress_at=timezone.now() - datetime.timedelta(days=40))
    task = TaskFactory(goal=goal)
    services.task_set_done(task=task, done=True)
    task.refresh_from_db()
    goal.refresh_from_db()
    assert task.is_done
    assert goal.last_progress_at > timezone.now() - datetime.timedelta(minutes=1)
    services.task_set_done(task=task, done=False)
    task.refresh_from_db()
    assert task.done_at is None


def test_ticking_twice_keeps_the_first_done_time(owner):
    task = TaskFactory(goal=GoalFactory(user=owner))
    services.task_set_done(task=task, done=True)
    first = Task.objects.get(pk=task.pk).done_at
    services.task_set_done(task=Task.objects.get(pk=task.pk), done=True)
    assert Task.objects.get(pk=task.pk).done_at == first


def test_bulk_lines_parse_titles_and_trailing_dates():
    lines = services.parse_task_lines(
        "Book the exam 2027-02-15\n\n- Two practice tests\n* Ask Sam for notes, 2027-01-10\n"
    )
    assert [(line.title, line.due_date) for line in lines] == [
        ("Book the exam", datetime.date(2027, 2, 15)),
        ("Two practice tests", None),
        ("Ask Sam for notes", datetime.date(2027, 1, 10)),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Exam 2027-02-30", "not a real date"),
        ("2027-02-01", "has a date but no step"),
        ("x" * 201, "longer than 200"),
    ],
)
def test_bad_bulk_lines_are_refused_with_the_line_number(text, message):
    with pytest.raises(ValidationError, match=message):
        services.parse_task_lines("Fine line\n" + text)


def test_bulk_creation_appends_in_order(owner):
    goal = GoalFactory(user=owner)
    TaskFactory(goal=goal, position=5)
    services.tasks_create_bulk(goal=goal, lines=services.parse_task_lines("one\ntwo"))
    assert list(goal.tasks.order_by("position").values_list("title", "position"))[-2:] == [
        ("one", 6),
        ("two", 7),
    ]


def test_moving_goals_and_tasks_swaps_neighbours(owner):
    a, b, c = (GoalFactory(user=owner, priority=p) for p in (0, 0, 7))  # uneven numbers
    services.goal_move(goal=c, direction="up")
    order = list(Goal.objects.for_user(owner).by_priority().values_list("pk", flat=True))
    assert order == [a.pk, c.pk, b.pk]
    services.goal_move(goal=a, direction="up")  # already first: nothing happens
    assert list(Goal.objects.for_user(owner).by_priority().values_list("pk", flat=True))[0] == a.pk

    goal = GoalFactory(user=owner)
    t1, t2 = TaskFactory(goal=goal, position=0), TaskFactory(goal=goal, position=1)
    services.task_move(task=t1, direction="down")
    assert list(goal.tasks.order_by("position").values_list("pk", flat=True)) == [t2.pk, t1.pk]


def test_template_start_dates_tasks_from_the_start_day(owner):
    template = GoalTemplateFactory(duration_days=100)
    GoalTemplateTaskFactory(template=template, offset_days=10, title="First")
    GoalTemplateTaskFactory(template=template, offset_days=60, title="Second", is_milestone=True)
    start = datetime.date(2027, 1, 1)
    goal = services.goal_create_from_template(user=owner, template=template, start=start)
    assert goal.target_date == datetime.date(2027, 4, 11)
    assert goal.template == template
    assert list(goal.tasks.values_list("title", "due_date", "is_milestone")) == [
        ("First", datetime.date(2027, 1, 11), False),
        ("Second", datetime.date(2027, 3, 2), True),
    ]
