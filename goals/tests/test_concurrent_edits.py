"""Two tabs must not undo each other (issue 13, item 6): every edit form of a goal or a
step carries the version it was loaded from; a stale save is refused with what changed
meanwhile and keeps what the person typed; a save writes and logs only what changed."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from careerapp.tests.browser_form import sent_by_browser
from goals.forms import GoalForm
from goals.models import ChangeKind, Goal, GoalChange, Status
from goals.tests.factories import GoalFactory, TaskFactory

pytestmark = pytest.mark.django_db

FROZEN = datetime.datetime(2027, 1, 10, 12, 0, tzinfo=datetime.UTC)
MARCH_31 = datetime.date(2027, 3, 31)
MAY_31 = datetime.date(2027, 5, 31)


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(FROZEN, tick=False):
        yield


@pytest.fixture
def goal(owner):
    return GoalFactory(user=owner, title="Lead the platform migration", target_date=MARCH_31)


def _edit_page(client, goal, **changes) -> dict[str, str]:
    """Open the goal's edit form (a tab) and return what it would send with ``changes``."""
    response = client.get(reverse("goals:edit", args=[goal.pk]))
    assert response.status_code == 200
    return sent_by_browser(response.context["form"], **changes)


def _save(client, goal, data):
    return client.post(reverse("goals:edit", args=[goal.pk]), data)


def test_an_older_tab_changing_the_title_does_not_put_the_date_back(owner_client, goal):
    older = _edit_page(owner_client, goal, title="Lead the cloud migration")
    newer = _edit_page(owner_client, goal, target_date="2027-05-31", reason="Budget moved")
    assert _save(owner_client, goal, newer).status_code == 302

    response = _save(owner_client, goal, older)

    assert response.status_code == 409
    goal.refresh_from_db()
    assert goal.target_date == MAY_31
    assert goal.title == "Lead the platform migration"
    body = response.content.decode()
    assert (
        "Your goal is now “Lead the platform migration”" not in body
    )  # the title did not change meanwhile
    assert "Target date is now 31 May 2027 (changed in another tab or by another device)" in body
    form = response.context["form"]
    assert form["title"].value() == "Lead the cloud migration"  # what the person typed
    assert str(form["target_date"].value()) == "2027-05-31"  # the untouched field, as it is now
    assert form["version"].value() == str(goal.version)
    sentences = [change.sentence() for change in goal.changes.all()]
    assert "Rescheduled from 31 May 2027 to 31 March 2027." not in sentences
    assert sentences == ["Rescheduled from 31 March 2027 to 31 May 2027."]


def test_saving_the_refused_form_again_keeps_what_the_person_typed_and_nothing_else(
    owner_client, goal
):
    older = _edit_page(owner_client, goal, title="Lead the cloud migration")
    _save(owner_client, goal, _edit_page(owner_client, goal, target_date="2027-05-31"))
    refused = _save(owner_client, goal, older)

    again = _save(owner_client, goal, sent_by_browser(refused.context["form"]))

    assert again.status_code == 302
    goal.refresh_from_db()
    assert (goal.title, goal.target_date) == ("Lead the cloud migration", MAY_31)
    assert [change.kind for change in goal.changes.all()] == [
        ChangeKind.RESCHEDULED,
        ChangeKind.RENAMED,
    ]


def test_a_conflicting_edit_of_the_same_field_is_refused_then_deliberately_overwritten(
    owner_client, goal
):
    older = _edit_page(owner_client, goal, target_date="2027-04-30")
    _save(owner_client, goal, _edit_page(owner_client, goal, target_date="2027-05-31"))

    refused = _save(owner_client, goal, older)

    assert refused.status_code == 409
    assert str(refused.context["form"]["target_date"].value()) == "2027-04-30"
    goal.refresh_from_db()
    assert goal.target_date == MAY_31
    assert _save(owner_client, goal, sent_by_browser(refused.context["form"])).status_code == 302
    goal.refresh_from_db()
    assert goal.target_date == datetime.date(2027, 4, 30)


def test_a_save_writes_and_logs_only_the_fields_the_person_changed(owner_client, goal):
    # Another device moved the date without this tab knowing, and the row's version was
    # not raised (an old writer): the title edit still must not send the date back.
    data = _edit_page(owner_client, goal, title="Lead the cloud migration", version="")
    Goal.objects.filter(pk=goal.pk).update(target_date=MAY_31)

    assert _save(owner_client, goal, data).status_code == 302

    goal.refresh_from_db()
    assert (goal.title, goal.target_date) == ("Lead the cloud migration", MAY_31)
    assert [change.kind for change in goal.changes.all()] == [ChangeKind.RENAMED]


def test_a_save_that_changes_nothing_writes_nothing(owner_client, goal):
    before = Goal.objects.values("version", "updated_at").get(pk=goal.pk)

    assert _save(owner_client, goal, _edit_page(owner_client, goal)).status_code == 302

    assert Goal.objects.values("version", "updated_at").get(pk=goal.pk) == before
    assert not GoalChange.objects.exists()


def test_a_change_to_what_the_form_does_not_show_does_not_refuse_it(owner_client, goal):
    data = _edit_page(owner_client, goal, title="Lead the cloud migration")
    response = owner_client.post(reverse("goals:status", args=[goal.pk]), {"status": "paused"})
    assert response.status_code == 302

    assert _save(owner_client, goal, data).status_code == 302

    goal.refresh_from_db()
    assert (goal.title, goal.status) == ("Lead the cloud migration", Status.PAUSED)


def _detail(client, goal):
    response = client.get(reverse("goals:detail", args=[goal.pk]))
    assert response.status_code == 200
    return response.context


def test_a_stale_status_change_is_refused_with_the_current_status(owner_client, goal):
    older = sent_by_browser(_detail(owner_client, goal)["status_form"], status="achieved")
    newer = sent_by_browser(_detail(owner_client, goal)["status_form"], status="paused")
    assert owner_client.post(reverse("goals:status", args=[goal.pk]), newer).status_code == 302

    response = owner_client.post(reverse("goals:status", args=[goal.pk]), older)

    assert response.status_code == 409
    body = response.content.decode()
    assert "Status is now Paused (changed in another tab or by another device)" in body
    assert 'value="achieved" id="status-achieved" checked' in body  # the person's choice
    goal.refresh_from_db()
    assert goal.status == Status.PAUSED
    assert [c.new_value for c in goal.changes.filter(kind=ChangeKind.STATUS)] == ["paused"]


def test_a_stale_progress_is_refused_and_a_fresh_one_saved(owner_client, goal):
    older = sent_by_browser(_detail(owner_client, goal)["progress_form"], progress="20")
    newer = sent_by_browser(_detail(owner_client, goal)["progress_form"], progress="40")
    url = reverse("goals:progress", args=[goal.pk])
    assert owner_client.post(url, newer).status_code == 302

    response = owner_client.post(url, older)

    assert response.status_code == 409
    assert "Progress (%) is now “40”" in response.content.decode()
    goal.refresh_from_db()
    assert goal.manual_progress == 40
    assert owner_client.post(url, sent_by_browser(response.context["progress_form"])).status_code
    goal.refresh_from_db()
    assert goal.manual_progress == 20


def _step_page(client, task, **changes):
    response = client.get(reverse("goals:task_edit", args=[task.goal_id, task.pk]))
    assert response.status_code == 200
    return sent_by_browser(response.context["form"], **changes)


def test_an_older_step_form_is_refused_and_writes_nothing(owner_client, goal):
    task = TaskFactory(goal=goal, title="Book the exam", due_date=MARCH_31, notes="")
    url = reverse("goals:task_edit", args=[goal.pk, task.pk])
    older = _step_page(owner_client, task, notes="Ask for the voucher")
    assert (
        owner_client.post(url, _step_page(owner_client, task, due_date="2027-05-31")).status_code
        == 302
    )

    response = owner_client.post(url, older)

    assert response.status_code == 409
    body = response.content.decode()
    assert "Due date is now 31 May 2027 (changed in another tab or by another device)" in body
    task.refresh_from_db()
    assert (task.due_date, task.notes) == (MAY_31, "")
    form = response.context["form"]
    assert form["notes"].value() == "Ask for the voucher"
    assert owner_client.post(url, sent_by_browser(form)).status_code == 302
    task.refresh_from_db()
    assert (task.due_date, task.notes) == (MAY_31, "Ask for the voucher")


def test_a_step_save_writes_only_the_fields_changed(owner_client, goal):
    task = TaskFactory(goal=goal, title="Book the exam", due_date=MARCH_31)
    url = reverse("goals:task_edit", args=[goal.pk, task.pk])
    data = _step_page(owner_client, task, title="Book the exam and a room", version="")
    type(task).objects.filter(pk=task.pk).update(due_date=MAY_31, is_milestone=True)

    assert owner_client.post(url, data).status_code == 302

    task.refresh_from_db()
    assert (task.title, task.due_date, task.is_milestone) == (
        "Book the exam and a room",
        MAY_31,
        True,
    )


def test_another_persons_goal_edit_is_still_a_404_and_nothing_changes(other_client, goal):
    data = sent_by_browser(GoalForm(instance=goal), title="Taken over")
    assert _save(other_client, goal, data).status_code == 404
    goal.refresh_from_db()
    assert goal.title == "Lead the platform migration"
