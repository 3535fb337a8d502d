"""The dashboard's check-in panel and checklist item, on fixed dates."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from careerapp import dashboard
from reviews import panels
from reviews.cadence import Cadence
from reviews.models import CheckInStatus, Schedule
from reviews.tests.factories import CheckInFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def on(day: datetime.date):
    # Noon in UTC is the same date in the owner's Berlin.
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC), tick=False
    )


def month(user, number: int, **fields):
    start = D(2027, number, 1)
    end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return CheckInFactory(user=user, period_start=start, period_end=end, **fields)


@pytest.fixture
def monthly(owner):
    return Schedule.objects.create(user=owner, cadence=Cadence.MONTHLY, anchor=D(2027, 1, 1))


def dashboard_text(client, user) -> str:
    # Signed in on the frozen day, so the session has not expired by then.
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def first_checkin_item(user) -> dashboard.ChecklistItem:
    return next(item for item in dashboard.checklist_for(user) if item.key == "first_checkin")


# --- Checklist -----------------------------------------------------------------------


def test_first_check_in_item_points_at_check_ins_and_waits_for_a_submitted_one(owner):
    month(owner, 1, status=CheckInStatus.DRAFT, submitted_at=None)

    item = first_checkin_item(owner)

    assert item.label == "Do your first check-in"
    assert item.url == reverse("reviews:index")
    assert item.order == 50
    assert not item.done  # a draft is a start, not a check-in


def test_first_check_in_item_is_done_after_submitting(owner):
    month(owner, 1)
    assert first_checkin_item(owner).done


def test_another_persons_check_ins_never_tick_my_item(owner, other_user):
    month(other_user, 1)
    assert not first_checkin_item(owner).done


# --- Panel states --------------------------------------------------------------------


def test_panel_says_when_the_check_in_is_due_and_offers_to_start(client, owner, monthly):
    for number in (1, 2, 3, 4):
        month(owner, number, satisfaction=2 if number < 4 else 4)

    with on(D(2027, 5, 10)):
        context = panels.checkins_panel(owner)
        text = dashboard_text(client, owner)

    assert context["status"] == panels.DUE
    assert "Your next check-in is due on Monday 31 May, in 21 days." in text
    assert f'action="{reverse("reviews:start")}"' in text
    assert "Check in now" in text
    assert "4 check-ins in a row. Keep it going." in text
    assert "Satisfaction at your last check-in (30 April): 4 out of 5." in text
    assert "slipped by" not in text


def test_panel_says_due_tomorrow_and_due_today_on_the_last_days(client, owner, monthly):
    month(owner, 4)
    with on(D(2027, 5, 30)):
        assert "Your next check-in is due tomorrow, Monday 31 May." in dashboard_text(client, owner)
    with on(D(2027, 5, 31)):
        assert panels.checkins_panel(owner)["status"] == panels.DUE_TODAY
        assert "Your check-in is due today." in dashboard_text(client, owner)


def test_panel_says_overdue_when_the_last_period_slipped_by_without_guilt(client, owner, monthly):
    month(owner, 1)
    month(owner, 3)

    with on(D(2027, 5, 10)):
        context = panels.checkins_panel(owner)
        text = dashboard_text(client, owner)

    assert context["status"] == panels.OVERDUE
    assert context["state"].missed == 2  # February and April
    assert "Overdue" in text
    assert "A check-in is due now. Any day until Monday 31 May counts." in text
    assert "2 check-ins slipped by. No problem: this one counts." in text
    assert "Check in now" in text


def test_one_slipped_check_in_is_counted_in_the_singular(client, owner, monthly):
    for number in (1, 2, 3):
        month(owner, number)
    with on(D(2027, 5, 10)):
        text = dashboard_text(client, owner)
    assert "Overdue" in text  # April slipped by
    assert "1 check-in slipped by. No problem: this one counts." in text


def test_panel_offers_to_continue_a_draft(client, owner, monthly):
    month(owner, 4)
    month(owner, 5, status=CheckInStatus.DRAFT, submitted_at=None)
    with on(D(2027, 5, 10)):
        text = dashboard_text(client, owner)
    assert "Continue your check-in" in text
    assert "Check in now" not in text


def test_panel_says_done_and_when_the_next_one_is_due(client, owner, monthly):
    current = month(owner, 5)

    with on(D(2027, 5, 10)):
        context = panels.checkins_panel(owner)
        text = dashboard_text(client, owner)

    assert context["status"] == panels.DONE
    assert "You have checked in for this period. Thank you." in text
    assert "The next check-in is due on Wednesday 30 June." in text
    assert current.get_absolute_url() in text
    assert "Check in now" not in text


def test_a_newcomer_sees_a_gentle_first_check_in(client, owner):
    owner.date_joined = datetime.datetime(2027, 5, 2, 9, tzinfo=datetime.UTC)
    owner.save()
    with on(D(2027, 5, 10)):
        text = dashboard_text(client, owner)
    assert "Your first one starts the story." in text
    assert "slipped by" not in text
    assert "Do your first check-in" in text  # the checklist item, not yet done


def test_another_persons_check_ins_never_count_in_my_panel(client, owner, other_user, monthly):
    Schedule.objects.create(user=other_user, cadence=Cadence.MONTHLY, anchor=D(2027, 1, 1))
    for number in (1, 2, 3, 4, 5):
        month(other_user, number, satisfaction=5)

    with on(D(2027, 5, 10)):
        context = panels.checkins_panel(owner)
        text = dashboard_text(client, owner)

    assert context["status"] == panels.OVERDUE
    assert context["state"].missed == 4
    assert context["last"] is None
    assert "4 check-ins slipped by." in text
    assert "out of 5" not in text


@pytest.mark.parametrize("months", [1, 12])
def test_panel_costs_the_same_queries_however_long_the_history(
    owner, months, django_assert_num_queries
):
    Schedule.objects.create(user=owner, cadence=Cadence.MONTHLY, anchor=D(2026, 1, 1))
    for index in range(months):
        start = D(2026 + index // 12, index % 12 + 1, 1)
        CheckInFactory(user=owner, period_start=start, period_end=start.replace(day=28))
    # 1 the schedule, 2 this period's check-in and the last submitted one, 3 submitted
    # check-ins counted for missed periods and the streak (an aggregate)
    with on(D(2027, 5, 10)), django_assert_num_queries(3):
        panels.checkins_panel(owner)


def test_check_ins_that_slipped_by_before_the_rhythm_returned_are_told_as_history(
    client, owner, monthly
):
    for number in (1, 3, 4):
        month(owner, number)
    with on(D(2027, 5, 10)):
        text = dashboard_text(client, owner)
    assert "1 earlier check-in slipped by, and you found your rhythm again." in text
    assert "No problem: this one counts." not in text
    assert "Overdue" not in text
