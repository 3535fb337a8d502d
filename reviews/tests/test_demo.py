"""The demo check-ins: months of a monthly rhythm that tell a believable story."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from goals import demo as goals_demo
from goals.models import ChangeKind, Goal, GoalChange
from reviews import demo, queries
from reviews.cadence import Cadence
from reviews.content import load_reflection_prompts
from reviews.models import CheckIn, GoalReview, GoalStatusChoice, Reflection, ReflectionPrompt

pytestmark = pytest.mark.django_db

# A Wednesday late in the month: the current period has started and is not done.
FROZEN = datetime.datetime(2026, 6, 17, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(FROZEN, tick=False):
        yield


@pytest.fixture
def prompts():
    load_reflection_prompts(ReflectionPrompt)


def _load(user) -> None:
    # As careerapp.demo does: in the person's time zone, after the goals demo.
    with timezone.override(user.zone):
        goals_demo.load(user)
        demo.load(user)


@pytest.fixture
def demo_owner(frozen, prompts, owner):
    _load(owner)
    return owner


def test_demo_checks_in_monthly_over_most_of_a_year(demo_owner):
    checkins = list(CheckIn.objects.for_user(demo_owner).submitted().order_by("period_start"))
    assert len(checkins) >= 6
    assert {checkin.cadence for checkin in checkins} == {Cadence.MONTHLY}
    assert (checkins[-1].period_start - checkins[0].period_start).days > 200
    for checkin in checkins:
        assert checkin.period_start <= timezone.localtime(checkin.submitted_at).date()
        assert timezone.localtime(checkin.submitted_at).date() <= checkin.period_end
        assert checkin.submitted_at <= FROZEN
        assert checkin.updated_at == checkin.submitted_at


def test_demo_mood_dips_and_recovers(demo_owner):
    scores = list(
        CheckIn.objects.for_user(demo_owner)
        .order_by("period_start")
        .values_list("satisfaction", flat=True)
    )
    lowest = scores.index(min(scores))
    assert 0 < lowest < len(scores) - 1
    assert scores[0] > min(scores) < scores[-1]
    assert all(1 <= score <= 5 for score in scores)


def test_demo_reviews_goals_with_varied_progress_and_status(demo_owner):
    reviews = GoalReview.objects.filter(checkin__user=demo_owner)
    assert reviews.count() >= 10
    assert reviews.values("progress").distinct().count() >= 5
    statuses = set(reviews.values_list("status", flat=True))
    assert {GoalStatusChoice.ON_TRACK, GoalStatusChoice.AT_RISK} <= statuses
    assert reviews.exclude(note="").exists()
    # A goal is only reviewed once it existed.
    for review in reviews.select_related("goal", "checkin"):
        assert review.goal.created_at <= review.checkin.submitted_at, review.goal_title


def test_demo_answers_reflections_including_quarterly_ones(demo_owner):
    reflections = Reflection.objects.filter(checkin__user=demo_owner).select_related("prompt")
    assert reflections.count() >= 15
    assert all(reflection.answer for reflection in reflections)
    assert all(reflection.prompt_text == reflection.prompt.text for reflection in reflections)
    assert reflections.filter(prompt__scope="quarterly").exists()
    for reflection in reflections.filter(prompt__scope="quarterly"):
        assert reflection.checkin.closes_quarter


def test_demo_course_corrections_move_goal_dates_with_a_reason_in_the_history(demo_owner):
    corrections = GoalReview.objects.filter(checkin__user=demo_owner, correction_applied=True)
    assert corrections.count() == 2
    for review in corrections.select_related("goal", "checkin"):
        change = GoalChange.objects.get(
            goal=review.goal, kind=ChangeKind.RESCHEDULED, reason=review.correction_reason
        )
        assert review.correction_reason
        assert change.created_at == review.checkin.submitted_at
        assert change.new_value == review.new_target_date.isoformat()
        assert change.old_value < change.new_value
    # The goals' own demo keeps its reschedule; ours come on top.
    assert (
        GoalChange.objects.filter(goal__user=demo_owner, kind=ChangeKind.RESCHEDULED).count() == 3
    )


def test_demo_corrections_keep_each_goals_history_in_order(demo_owner):
    for goal in Goal.objects.for_user(demo_owner):
        dates = [
            change
            for change in goal.changes.order_by("created_at", "pk")
            if change.kind in {ChangeKind.CREATED, ChangeKind.RESCHEDULED}
        ]
        # Each reschedule starts from the date the one before it set.
        for before, after in zip(dates, dates[1:], strict=False):
            assert after.old_value == before.new_value, goal.title
        if dates:
            assert goal.target_date.isoformat() == dates[-1].new_value
        assert goal.updated_at < FROZEN - datetime.timedelta(days=5)


def test_demo_leaves_this_months_check_in_due_with_two_slipped_by_and_a_streak(demo_owner):
    with timezone.override(demo_owner.zone):
        state = queries.checkin_state(demo_owner, today=timezone.localdate())
    assert state.is_due
    assert state.current is None
    assert state.missed == 2
    assert state.streak == 3
    assert state.last_submitted.satisfaction == 4


def test_demo_for_two_people_keeps_each_their_own(frozen, prompts, owner, other_user):
    _load(owner)
    _load(other_user)

    mine = CheckIn.objects.for_user(owner)
    theirs = CheckIn.objects.for_user(other_user)
    assert mine.count() == theirs.count() == CheckIn.objects.count() / 2
    assert GoalReview.objects.filter(checkin__user=owner, goal__user=other_user).count() == 0
    assert GoalReview.objects.filter(checkin__user=other_user, goal__user=owner).count() == 0
    for user in (owner, other_user):
        assert GoalReview.objects.filter(checkin__user=user, correction_applied=True).count() == 2
        assert user.checkin_schedule.cadence == Cadence.MONTHLY
