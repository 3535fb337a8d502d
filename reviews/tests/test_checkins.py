"""Check-ins: state, saving, submitting once, course corrections, ownership."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from goals.models import ChangeKind, Status, Task
from goals.tests.factories import GoalFactory, TaskFactory
from reviews import queries, services
from reviews.cadence import Cadence
from reviews.models import CheckIn, CheckInStatus, GoalReview, Schedule
from reviews.tests.factories import CheckInFactory, GoalReviewFactory, ReflectionPromptFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def at(day: datetime.date, hour: int = 12):
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC), tick=False
    )


@pytest.fixture
def monthly(owner):
    return Schedule.objects.create(user=owner, cadence=Cadence.MONTHLY, anchor=D(2027, 1, 1))


def test_state_counts_missed_periods_and_the_streak(owner, monthly):
    for month in (1, 3, 4):
        CheckInFactory(user=owner, period_start=D(2027, month, 1), period_end=D(2027, month, 28))
    state = queries.checkin_state(owner, today=D(2027, 5, 10))
    assert state.period.start == D(2027, 5, 1)
    assert state.is_due
    assert state.due_date == D(2027, 5, 31)
    assert state.missed == 1  # February
    assert state.streak == 2  # March and April
    assert state.last_submitted.period_start == D(2027, 4, 1)


def test_after_checking_in_the_next_one_is_due_at_the_end_of_the_next_period(owner, monthly):
    CheckInFactory(user=owner, period_start=D(2027, 5, 1), period_end=D(2027, 5, 31))
    state = queries.checkin_state(owner, today=D(2027, 5, 10))
    assert not state.is_due
    assert state.due_date == D(2027, 6, 30)


def test_the_default_rhythm_is_monthly_from_joining_and_partial_first_month_is_not_missed(owner):
    owner.date_joined = datetime.datetime(2027, 1, 20, tzinfo=datetime.UTC)
    owner.save()
    state = queries.checkin_state(owner, today=D(2027, 3, 5))
    assert state.cadence == Cadence.MONTHLY
    assert state.missed == 1  # only February; January started before joining


def test_changing_the_rhythm_counts_afresh(owner, monthly):
    services.schedule_set(user=owner, cadence=Cadence.WEEKLY, today=D(2027, 6, 2))
    state = queries.checkin_state(owner, today=D(2027, 6, 3))
    assert state.missed == 0
    assert state.period.start == D(2027, 5, 31)


def test_opening_twice_gives_the_same_check_in(owner, monthly):
    first = services.checkin_open(user=owner, today=D(2027, 2, 3))
    second = services.checkin_open(user=owner, today=D(2027, 2, 20))
    assert first.pk == second.pk
    assert (first.period_start, first.period_end) == (D(2027, 2, 1), D(2027, 2, 28))


def _data(goal, **review):
    return services.CheckInData(
        satisfaction=4,
        energy=3,
        goals=[services.GoalReviewData(goal=goal, progress=40, status="on_track", **review)],
    )


def test_submitting_twice_applies_corrections_and_next_steps_once(owner, monthly):
    goal = GoalFactory(user=owner, target_date=D(2027, 3, 1))
    checkin = services.checkin_open(user=owner, today=D(2027, 2, 3))
    data = _data(goal, new_target_date=D(2027, 5, 1), correction_reason="Team reshuffle")
    data.next_steps = [services.NextStepData(goal=goal, title="Ask Sam for a review")]
    for _ in range(2):
        services.checkin_save(checkin=checkin, data=data, submit=True, today=D(2027, 2, 3))
    goal.refresh_from_db()
    assert goal.target_date == D(2027, 5, 1)
    change = goal.changes.get(kind=ChangeKind.RESCHEDULED)
    assert change.reason == "Team reshuffle"
    assert Task.objects.filter(goal=goal, title="Ask Sam for a review").count() == 1
    assert CheckIn.objects.get().status == CheckInStatus.SUBMITTED
    assert GoalReview.objects.count() == 1


def test_a_closed_period_cannot_change(owner, monthly):
    goal = GoalFactory(user=owner)
    checkin = services.checkin_open(user=owner, today=D(2027, 2, 3))
    with pytest.raises(Exception, match="period has ended"):
        services.checkin_save(checkin=checkin, data=_data(goal), submit=True, today=D(2027, 3, 1))


def test_progress_for_a_goal_without_steps_becomes_its_progress(owner, monthly):
    goal = GoalFactory(user=owner)
    checkin = services.checkin_open(user=owner, today=D(2027, 2, 3))
    services.checkin_save(checkin=checkin, data=_data(goal), submit=True, today=D(2027, 2, 3))
    goal.refresh_from_db()
    assert goal.manual_progress == 40


# --- Through the pages ------------------------------------------------------------------


@pytest.fixture
def frozen():
    with at(D(2027, 2, 10)):
        yield


@pytest.fixture
def page_client(client, owner, monthly, frozen):
    client.force_login(owner)
    return client


def open_page(client):
    response = client.post(reverse("reviews:start"))
    checkin = CheckIn.objects.order_by("-period_start").first()
    assert response.url == checkin.get_absolute_url()
    return checkin


def test_the_page_prefills_progress_from_tasks_and_lists_active_goals_only(page_client, owner):
    goal = GoalFactory(user=owner, title="Lead the migration")
    TaskFactory(goal=goal, done_at=timezone.now())
    TaskFactory(goal=goal)
    GoalFactory(user=owner, title="Paused thing", status=Status.PAUSED)
    ReflectionPromptFactory(text="What went well?")
    checkin = open_page(page_client)
    body = page_client.get(checkin.get_absolute_url()).content.decode()
    assert "Lead the migration" in body
    assert "Paused thing" not in body
    assert f'name="goal-{goal.pk}-progress" value="50"' in body
    assert "What went well?" in body


def test_a_progress_that_is_not_a_multiple_of_five_is_valid_in_the_browser(page_client, owner):
    # The browser refuses to send (and htmx to autosave) a number input whose value is off
    # its step; progress from steps is any whole percent, e.g. 1 of 3 steps = 33.
    goal = GoalFactory(user=owner)
    TaskFactory(goal=goal, done_at=timezone.now())
    TaskFactory.create_batch(2, goal=goal)
    checkin = open_page(page_client)
    body = page_client.get(checkin.get_absolute_url()).content.decode()
    field = re.search(rf'<input[^>]*name="goal-{goal.pk}-progress"[^>]*>', body).group(0)
    assert 'value="33"' in field
    step = re.search(r'step="(\d+)"', field)
    assert step is None or 33 % int(step.group(1)) == 0


def _post(client, checkin, goal, **extra):
    data = {
        "satisfaction": "4",
        "energy": "3",
        f"goal-{goal.pk}-progress": "60",
        f"goal-{goal.pk}-status": "at_risk",
        f"goal-{goal.pk}-note": "Slower than hoped",
        "action": "submit",
        **extra,
    }
    return client.post(checkin.get_absolute_url(), data)


def test_submitting_through_the_page(page_client, owner):
    goal = GoalFactory(user=owner, target_date=D(2027, 4, 1))
    checkin = open_page(page_client)
    response = _post(
        page_client,
        checkin,
        goal,
        **{
            f"goal-{goal.pk}-new_target_date": "2027-06-01",
            f"goal-{goal.pk}-correction_reason": "New project first",
            "step-0-title": "Book a chat with my manager",
            "step-0-goal": str(goal.pk),
        },
    )
    assert response.status_code == 302
    checkin.refresh_from_db()
    assert checkin.status == CheckInStatus.SUBMITTED
    assert checkin.satisfaction == 4
    goal.refresh_from_db()
    assert goal.target_date == D(2027, 6, 1)
    assert goal.tasks.get().title == "Book a chat with my manager"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("progress", "150", "less than or equal to 100"),
        ("progress", "-5", "greater than or equal to 0"),
        ("status", "sideways", "Select a valid choice"),
        ("new_target_date", "2027-01-01", "Pick a date from today on"),
    ],
)
def test_bad_values_are_explained_and_nothing_is_lost(page_client, owner, field, value, message):
    goal = GoalFactory(user=owner)
    checkin = open_page(page_client)
    response = _post(page_client, checkin, goal, **{f"goal-{goal.pk}-{field}": value})
    assert response.status_code == 422
    assert message in response.content.decode()
    assert "Slower than hoped" in response.content.decode()
    checkin.refresh_from_db()
    assert checkin.status == CheckInStatus.DRAFT


def test_submitting_needs_mood_and_every_goal_status(page_client, owner):
    goal = GoalFactory(user=owner)
    checkin = open_page(page_client)
    response = _post(page_client, checkin, goal, satisfaction="", **{f"goal-{goal.pk}-status": ""})
    assert response.status_code == 422
    body = response.content.decode()
    assert "Pick a number from 1 to 5 to submit." in body
    assert "Say how this goal is going to submit." in body
    # A draft save with the same gaps is fine.
    draft = _post(
        page_client, checkin, goal, satisfaction="", action="save", **{f"goal-{goal.pk}-status": ""}
    )
    assert draft.status_code == 302


def test_another_persons_or_an_inactive_goal_in_the_form_is_refused(page_client, owner, other_user):
    goal = GoalFactory(user=owner)
    theirs = GoalFactory(user=other_user)
    paused = GoalFactory(user=owner, status=Status.PAUSED)
    checkin = open_page(page_client)
    for stranger in (theirs, paused):
        response = _post(page_client, checkin, goal, **{f"goal-{stranger.pk}-progress": "90"})
        assert response.status_code == 422
        assert "not among your active goals" in response.content.decode()
    assert not GoalReview.objects.exists()


def test_a_next_step_for_someone_elses_goal_is_refused(page_client, owner, other_user):
    goal = GoalFactory(user=owner)
    theirs = GoalFactory(user=other_user)
    checkin = open_page(page_client)
    response = _post(
        page_client, checkin, goal, **{"step-0-title": "Sneaky", "step-0-goal": str(theirs.pk)}
    )
    assert response.status_code == 422
    assert not Task.objects.exists()


def test_a_past_check_in_is_read_only(page_client, owner):
    old = CheckInFactory(user=owner, period_start=D(2027, 1, 1), period_end=D(2027, 1, 31))
    GoalReviewFactory(checkin=old, goal=GoalFactory(user=owner), note="Old <b>note</b>")
    page = page_client.get(old.get_absolute_url())
    assert page.status_code == 200
    assert "Old &lt;b&gt;note&lt;/b&gt;" in page.content.decode()
    response = page_client.post(
        old.get_absolute_url(), {"satisfaction": "1", "energy": "1", "action": "submit"}
    )
    assert response.status_code == 422
    assert "period has ended, so it can no longer change" in response.content.decode()
    old.refresh_from_db()
    assert old.satisfaction == 3


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_persons_check_in_is_a_404(client, owner, other_user, method):
    checkin = CheckInFactory(user=owner, satisfaction=2)
    client.force_login(other_user)
    response = getattr(client, method)(
        reverse("reviews:checkin", args=[checkin.pk]), {"satisfaction": "5"}
    )
    assert response.status_code == 404
    checkin.refresh_from_db()
    assert checkin.satisfaction == 2


def test_the_rhythm_can_be_chosen_and_a_bad_one_is_refused(page_client, owner):
    response = page_client.post(reverse("reviews:schedule"), {"cadence": "hourly"})
    assert response.status_code == 422
    page_client.post(reverse("reviews:schedule"), {"cadence": "fortnightly"})
    assert Schedule.objects.get(user=owner).cadence == Cadence.FORTNIGHTLY


def test_htmx_autosave_returns_a_small_status(page_client, owner):
    goal = GoalFactory(user=owner)
    checkin = open_page(page_client)
    response = page_client.post(
        checkin.get_absolute_url(),
        {f"goal-{goal.pk}-progress": "30", "action": "save"},
        HTTP_HX_REQUEST="true",
    )
    assert response.content.decode().startswith("Draft saved at")
    assert GoalReview.objects.get().progress == 30


def _seed(owner, checkins: int, goals: int):
    made = [GoalFactory(user=owner) for _ in range(goals)]
    rows = CheckIn.objects.bulk_create(
        CheckIn(
            user=owner,
            period_start=D(2018, 1, 1) + datetime.timedelta(days=7 * n),
            period_end=D(2018, 1, 7) + datetime.timedelta(days=7 * n),
            cadence="weekly",
            status="submitted",
            satisfaction=3,
            energy=3,
        )
        for n in range(checkins)
    )
    GoalReview.objects.bulk_create(
        GoalReview(checkin=c, goal=g, goal_title=g.title, progress=50, status="on_track")
        for c in rows
        for g in made
    )


@pytest.mark.parametrize(("checkins", "goals"), [(1, 1), (100, 20)])
def test_the_check_in_page_costs_the_same_queries(
    page_client, owner, checkins, goals, django_assert_num_queries
):
    _seed(owner, checkins, goals)
    ReflectionPromptFactory()
    checkin = open_page(page_client)
    # 1 session, 2 user, 3 the check-in, 4 its goal reviews, 5 reflections, 6 next steps,
    # 7 active goals with task counts, 8 reflection prompts, 9 the circle's comments on it,
    # 10 the wins since the previous check-in (it opens with them)
    with django_assert_num_queries(10):
        response = page_client.get(checkin.get_absolute_url())
    assert response.status_code == 200


def test_the_period_follows_the_persons_own_calendar(client, owner, monthly):
    owner.time_zone = "Pacific/Auckland"  # UTC+13 in January
    owner.save()
    # 31 January 12:00 UTC is already 1 February in Auckland.
    with at(D(2027, 1, 31)):
        client.force_login(owner)
        client.post(reverse("reviews:start"))
    checkin = CheckIn.objects.get()
    assert (checkin.period_start, checkin.period_end) == (D(2027, 2, 1), D(2027, 2, 28))


@pytest.mark.parametrize(("checkins", "goals"), [(1, 1), (100, 20)])
def test_the_overview_costs_the_same_queries(
    page_client, owner, checkins, goals, django_assert_num_queries
):
    _seed(owner, checkins, goals)
    # 1 session, 2 user, 3 the latest check-ins; the check-in state: 4 schedule, 5 this
    # period's check-in and the latest submitted, 6 the rhythm's start dates
    with django_assert_num_queries(6):
        response = page_client.get(reverse("reviews:index"))
    assert response.status_code == 200
