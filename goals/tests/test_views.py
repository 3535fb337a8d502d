import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from goals.models import ChangeKind, Goal, Status, Task
from goals.tests.factories import GoalFactory, TaskFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 10)
FROZEN = datetime.datetime(2027, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(FROZEN, tick=False):
        yield


def _goal_data(**overrides):
    return {
        "title": "Pass the AWS Solutions Architect exam",
        "why": "Cloud work is where my team is heading.",
        "category": "skill",
        "horizon": "short",
        "target_date": "2027-06-30",
        **overrides,
    }


def test_creating_a_goal_takes_the_person_to_it(owner_client, owner):
    response = owner_client.post(reverse("goals:create"), _goal_data())
    goal = Goal.objects.get()
    assert response.status_code == 302
    assert response.url == goal.get_absolute_url()
    assert goal.user == owner
    assert goal.target_date == datetime.date(2027, 6, 30)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"title": "   "}, "title", "This field is required."),
        ({"title": "x" * 201}, "title", "at most 200 characters"),
        ({"target_date": "2027-03-09"}, "target_date", "Pick a date from today on."),
        ({"target_date": "2027-02-30"}, "target_date", "Enter a valid date."),
        ({"category": "fame"}, "category", "Select a valid choice."),
        ({"horizon": "forever"}, "horizon", "Select a valid choice."),
    ],
)
def test_bad_goal_input_is_explained_beside_the_field(owner_client, overrides, field, message):
    response = owner_client.post(reverse("goals:create"), _goal_data(**overrides))
    assert response.status_code == 422
    assert message in " ".join(response.context["form"].errors[field])
    assert not Goal.objects.exists()
    # What was typed is still in the form.
    assert response.context["form"]["why"].value() == "Cloud work is where my team is heading."


def test_a_past_target_date_is_allowed_when_editing_other_fields(owner_client, owner):
    goal = GoalFactory(user=owner, target_date=datetime.date(2027, 1, 1))
    response = owner_client.post(
        reverse("goals:edit", args=[goal.pk]), _goal_data(target_date="2027-01-01", title="Renamed")
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Renamed"


def test_rescheduling_through_the_form_keeps_the_reason_in_the_history(owner_client, owner):
    goal = GoalFactory(
        user=owner,
        **{k: v for k, v in _goal_data().items() if k != "target_date"},
        target_date=datetime.date(2027, 6, 30),
    )
    owner_client.post(
        reverse("goals:edit", args=[goal.pk]),
        _goal_data(target_date="2027-09-30", reason="The exam centre moved the date"),
    )
    change = goal.changes.get(kind=ChangeKind.RESCHEDULED)
    assert change.reason == "The exam centre moved the date"
    page = owner_client.get(goal.get_absolute_url()).content.decode()
    assert "Rescheduled from 30 June 2027 to 30 September 2027." in page
    assert "The exam centre moved the date" in page


def test_an_invalid_edit_loses_nothing(owner_client, owner):
    goal = GoalFactory(user=owner, title="Keep me")
    response = owner_client.post(
        reverse("goals:edit", args=[goal.pk]), _goal_data(title="", reason="typed reason")
    )
    assert response.status_code == 422
    assert response.context["form"]["reason"].value() == "typed reason"
    goal.refresh_from_db()
    assert goal.title == "Keep me"


def test_an_impossible_status_change_is_refused_with_a_message(owner_client, owner):
    goal = GoalFactory(user=owner, status=Status.ACHIEVED)
    response = owner_client.post(reverse("goals:status", args=[goal.pk]), {"status": "paused"})
    assert response.status_code == 422
    assert "cannot become paused" in response.content.decode()
    goal.refresh_from_db()
    assert goal.status == Status.ACHIEVED


def test_marking_a_goal_achieved_moves_it_to_the_archive(owner_client, owner):
    goal = GoalFactory(user=owner, title="Gave the talk")
    owner_client.post(
        reverse("goals:status", args=[goal.pk]), {"status": "achieved", "reason": "Went well"}
    )
    assert "Gave the talk" not in owner_client.get(reverse("goals:list")).content.decode()
    assert "Gave the talk" in owner_client.get(reverse("goals:archive")).content.decode()


def test_manual_progress_out_of_range_is_refused(owner_client, owner):
    goal = GoalFactory(user=owner)
    response = owner_client.post(reverse("goals:progress", args=[goal.pk]), {"progress": "150"})
    assert response.status_code == 422
    assert response.context["progress_form"].errors["progress"]
    goal.refresh_from_db()
    assert goal.manual_progress is None


def test_ticking_a_task_without_javascript_redirects_back(owner_client, owner):
    task = TaskFactory(goal=GoalFactory(user=owner))
    url = reverse("goals:task_toggle", args=[task.goal_id, task.pk])
    response = owner_client.post(url, {"done": "on"})
    assert response.status_code == 302
    assert response.url.endswith(f"#task-{task.pk}")
    task.refresh_from_db()
    assert task.is_done
    owner_client.post(url, {"done": ""})
    task.refresh_from_db()
    assert not task.is_done


def test_ticking_a_task_with_htmx_returns_what_changed_and_the_new_progress(owner_client, owner):
    goal = GoalFactory(user=owner)
    task = TaskFactory(goal=goal, title="Book the exam")
    TaskFactory(goal=goal)
    response = owner_client.post(
        reverse("goals:task_toggle", args=[goal.pk, task.pk]),
        {"done": "on"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="task-{task.pk}-check"' in body
    assert 'aria-pressed="true"' in body
    assert f'id="task-{task.pk}-state" data-hx-swap-oob="true"' in body
    assert "text-decoration-line-through" in body
    assert f'id="goal-{goal.pk}-progress" data-hx-swap-oob="true"' in body
    # The rest of the row (move and edit) does not change, so it is not sent again.
    assert f"/tasks/{task.pk}/move/" not in body
    assert 'value="50"' in body
    assert "<html" not in body
    # The fragment is a small part of the page.
    page = owner_client.get(goal.get_absolute_url())
    assert len(body) < len(page.content) / 5


def test_adding_a_task_after_the_goal_target_warns_but_saves(owner_client, owner):
    goal = GoalFactory(user=owner, target_date=datetime.date(2027, 6, 30))
    response = owner_client.post(
        reverse("goals:task_add", args=[goal.pk]),
        {"title": "Late step", "due_date": "2027-08-01"},
        follow=True,
    )
    assert goal.tasks.get().title == "Late step"
    assert "fall after the goal&#x27;s target date (30 June 2027)" in response.content.decode()


def test_bulk_add_reports_a_bad_line_and_adds_nothing(owner_client, owner):
    goal = GoalFactory(user=owner)
    response = owner_client.post(
        reverse("goals:task_bulk_add", args=[goal.pk]), {"lines": "Good\nBad 2027-13-01"}
    )
    assert response.status_code == 422
    assert "Line 2: 2027-13-01 is not a real date." in response.content.decode()
    assert not goal.tasks.exists()


def test_bulk_add_creates_one_task_per_line(owner_client, owner):
    goal = GoalFactory(user=owner)
    owner_client.post(
        reverse("goals:task_bulk_add", args=[goal.pk]),
        {"lines": "Read the guide\nBook the exam 2027-05-01\n\n"},
    )
    assert list(goal.tasks.values_list("title", "due_date")) == [
        ("Read the guide", None),
        ("Book the exam", datetime.date(2027, 5, 1)),
    ]


def test_a_task_id_from_another_goal_is_a_404(owner_client, owner):
    goal, other_goal = GoalFactory(user=owner), GoalFactory(user=owner)
    task = TaskFactory(goal=other_goal)
    response = owner_client.post(
        reverse("goals:task_toggle", args=[goal.pk, task.pk]), {"done": "on"}
    )
    assert response.status_code == 404
    task.refresh_from_db()
    assert not task.is_done


def test_filters_and_sorting_on_the_goal_list(owner_client, owner):
    GoalFactory(user=owner, title="Short skill", horizon="short", category="skill")
    GoalFactory(user=owner, title="Long role", horizon="long", category="role")
    GoalFactory(user=owner, title="Paused one", status=Status.PAUSED)
    GoalFactory(user=owner, title="Dropped one", status=Status.DROPPED)

    def titles(**params):
        response = owner_client.get(reverse("goals:list"), params)
        return [goal.title for goal in response.context["goals"]]

    assert set(titles()) == {"Short skill", "Long role", "Paused one"}
    assert titles(horizon="long") == ["Long role"]
    assert titles(category="role") == ["Long role"]
    assert titles(status="dropped") == ["Dropped one"]
    assert len(titles(status="all")) == 4
    assert titles(sort="title") == ["Long role", "Paused one", "Short skill"]
    # Nonsense in the query string is ignored, not a 500.
    assert set(titles(status="bogus", sort="nope")) == {"Short skill", "Long role", "Paused one"}
    # ... and a bad value in one field leaves the others working.
    assert titles(status="bogus", horizon="long") == ["Long role"]


def test_priority_can_be_changed_from_the_list(owner_client, owner):
    first = GoalFactory(user=owner, priority=0)
    second = GoalFactory(user=owner, priority=1)
    owner_client.post(reverse("goals:move", args=[second.pk]), {"direction": "up"})
    assert list(Goal.objects.for_user(owner).by_priority()) == [second, first]


def test_deleting_a_goal_asks_first_then_removes_its_tasks(owner_client, owner):
    goal = GoalFactory(user=owner)
    TaskFactory(goal=goal)
    assert owner_client.get(reverse("goals:delete", args=[goal.pk])).status_code == 200
    assert Goal.objects.filter(pk=goal.pk).exists()
    owner_client.post(reverse("goals:delete", args=[goal.pk]))
    assert not Goal.objects.filter(pk=goal.pk).exists()
    assert not Task.objects.exists()


OWNED_URLS = [
    ("goals:detail", "get", {}),
    ("goals:edit", "get", {}),
    ("goals:edit", "post", _goal_data()),
    ("goals:status", "post", {"status": "dropped"}),
    ("goals:progress", "post", {"progress": "50"}),
    ("goals:move", "post", {"direction": "up"}),
    ("goals:delete", "get", {}),
    ("goals:delete", "post", {}),
    ("goals:task_add", "post", {"title": "Sneaky"}),
    ("goals:task_bulk_add", "post", {"lines": "Sneaky"}),
]
TASK_URLS = [
    ("goals:task_toggle", "post", {"done": "on"}),
    ("goals:task_edit", "get", {}),
    ("goals:task_edit", "post", {"title": "Sneaky"}),
    ("goals:task_delete", "post", {}),
    ("goals:task_move", "post", {"direction": "down"}),
]


def _snapshot():
    return (
        list(Goal.objects.order_by("pk").values()),
        list(Task.objects.order_by("pk").values()),
    )


@pytest.mark.parametrize(("name", "method", "data"), OWNED_URLS)
def test_another_persons_goal_is_a_404_and_stays_unchanged(other_client, owner, name, method, data):
    goal = GoalFactory(user=owner)
    TaskFactory(goal=goal)
    before = _snapshot()
    response = getattr(other_client, method)(reverse(name, args=[goal.pk]), data)
    assert response.status_code == 404
    assert _snapshot() == before


@pytest.mark.parametrize(("name", "method", "data"), TASK_URLS)
def test_another_persons_task_is_a_404_and_stays_unchanged(other_client, owner, name, method, data):
    task = TaskFactory(goal=GoalFactory(user=owner))
    before = _snapshot()
    response = getattr(other_client, method)(reverse(name, args=[task.goal_id, task.pk]), data)
    assert response.status_code == 404
    assert _snapshot() == before


def test_lists_never_show_another_persons_goals(other_client, owner):
    GoalFactory(user=owner, title="Owner's private plan", status=Status.ACHIEVED)
    GoalFactory(user=owner, title="Owner's active plan")
    for name in ("goals:list", "goals:archive", "home"):
        body = other_client.get(reverse(name), {"status": "all"}).content.decode()
        assert "Owner's" not in body


def test_dashboard_shows_active_goals_and_tasks_needing_attention(owner_client, owner):
    goal = GoalFactory(user=owner, title="Lead the migration")
    TaskFactory(goal=goal, title="Overdue step", due_date=TODAY - datetime.timedelta(days=2))
    TaskFactory(goal=goal, title="This week step", due_date=TODAY + datetime.timedelta(days=3))
    TaskFactory(goal=goal, title="Later step", due_date=TODAY + datetime.timedelta(days=30))
    TaskFactory(
        goal=GoalFactory(user=owner, status=Status.PAUSED),
        title="Paused goal step",
        due_date=TODAY - datetime.timedelta(days=1),
    )
    body = owner_client.get(reverse("home")).content.decode()
    assert "Lead the migration" in body
    assert "Overdue step" in body
    assert "This week step" in body
    assert "Later step" not in body
    assert "Paused goal step" not in body


def test_first_goal_ticks_the_onboarding_item(owner_client, owner):
    def done():
        items = owner_client.get(reverse("home")).context["checklist"]
        return {item.key: item.done for item in items}["first_goal"]

    assert done() is False
    GoalFactory(user=owner)
    assert done() is True


def test_reminder_queries(owner):
    goal = GoalFactory(user=owner)
    paused = GoalFactory(user=owner, status=Status.PAUSED)
    overdue = TaskFactory(goal=goal, due_date=TODAY - datetime.timedelta(days=1))
    soon = TaskFactory(goal=goal, due_date=TODAY + datetime.timedelta(days=6))
    TaskFactory(goal=goal, due_date=TODAY - datetime.timedelta(days=1), done_at=timezone.now())
    TaskFactory(goal=paused, due_date=TODAY - datetime.timedelta(days=1))
    tasks = Task.objects.for_user(owner)
    assert list(tasks.overdue(today=TODAY)) == [overdue]
    assert list(tasks.due_between(start=TODAY, end=TODAY + datetime.timedelta(days=7))) == [soon]
    stale = GoalFactory(user=owner, last_progress_at=timezone.now() - datetime.timedelta(weeks=4))
    since = timezone.now() - datetime.timedelta(weeks=3)
    assert list(Goal.objects.for_user(owner).stalled(since=since)) == [stale]


def test_a_goal_from_a_skill_gap_keeps_its_link_to_the_skill(owner_client, owner):
    from assessments.tests.factories import PersonalSkillFactory, QuestionFactory

    skill = QuestionFactory(type="skill", prompt="Public speaking")
    form = owner_client.get(
        reverse("goals:create"), {"title": "Grow public speaking", "skill": skill.key}
    )
    assert f'name="skill" value="{skill.key}"' in form.content.decode()
    owner_client.post(reverse("goals:create"), _goal_data(skill=skill.key))
    assert Goal.objects.get().skill_question == skill

    own = PersonalSkillFactory(user=owner, name="Kubernetes")
    owner_client.post(reverse("goals:create"), _goal_data(title="Run a cluster", skill=own.key))
    assert Goal.objects.get(title="Run a cluster").personal_skill == own


@pytest.mark.parametrize("key", ["q999999", "x12", "p"])
def test_an_unknown_skill_link_is_refused(owner_client, key):
    response = owner_client.post(reverse("goals:create"), _goal_data(skill=key))
    assert response.status_code == 422
    assert "could not be found" in response.content.decode()
    assert not Goal.objects.exists()


def test_another_persons_own_skill_cannot_be_linked(owner_client, other_user):
    from assessments.tests.factories import PersonalSkillFactory

    theirs = PersonalSkillFactory(user=other_user)
    response = owner_client.post(reverse("goals:create"), _goal_data(skill=theirs.key))
    assert response.status_code == 422
    assert not Goal.objects.exists()
