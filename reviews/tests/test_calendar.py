"""The reviews app's part of the calendar feed: the next check-in and the next career
conversation with each member who has a rhythm, on the days the dashboard and the weekly
email compute, dated by when their rows (or the clock) last moved them, and in the feed
with a SEQUENCE that rises whichever way the day moves."""

import datetime

import pytest
import time_machine

from careerapp.calendar import event_uid
from careerapp.services import feed_create
from careerapp.tests.feeds import served
from goals.tests.factories import GoalFactory
from reviews.cadence import Cadence
from reviews.calendar import events
from reviews.models import ConversationCadence
from reviews.queries import checkin_state
from reviews.reminders import conversations_due
from reviews.services import (
    ActionItemData,
    action_items_save,
    conversation_delete,
    conversation_save,
    schedule_set,
)
from reviews.tests.factories import month_checkin
from reviews.tests.factories_conversations import CircleMemberFactory, ConversationFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
TODAY = datetime.date(2027, 5, 10)
NOW = datetime.datetime(2027, 5, 10, 10, tzinfo=UTC)
JOINED = datetime.datetime(2027, 1, 10, 9, tzinfo=UTC)
JUNE_FIRST = datetime.date(2027, 6, 1)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _at(hours: int):
    return time_machine.travel(NOW + datetime.timedelta(hours=hours), tick=False)


def _by_uid(user, today=TODAY) -> dict:
    return {event.uid: event for event in events(user, today)}


def test_the_next_check_in_is_the_dashboards(owner):
    event = _by_uid(owner)[event_uid("checkin-next", owner.pk)]
    assert event.day == checkin_state(owner, today=TODAY).due_date == datetime.date(2027, 5, 31)
    assert event.title == "Check-in due"
    assert event.path == "/reviews/"
    # The default rhythm, never saved: this month's since the month began (in Berlin).
    assert event.last_modified == datetime.datetime(2027, 4, 30, 22, tzinfo=UTC)


def test_a_check_in_done_moves_the_event_to_the_next_period_dated_by_it(owner):
    uid = event_uid("checkin-next", owner.pk)
    before = _by_uid(owner)[uid]
    with _at(1):
        month_checkin(owner, datetime.date(2027, 5, 1))
    after = _by_uid(owner)[uid]
    assert after.day == datetime.date(2027, 6, 30)
    assert after.last_modified == NOW + datetime.timedelta(hours=1) > before.last_modified


def test_a_check_in_moved_earlier_raises_its_sequence_in_the_feed(owner):
    feed_create(user=owner)
    uid = event_uid("checkin-next", owner.pk)
    with _at(-48):
        schedule_set(user=owner, cadence=Cadence.QUARTERLY, today=TODAY)
    before = served(owner, TODAY)[uid]
    with _at(1):
        schedule_set(user=owner, cadence=Cadence.WEEKLY, today=TODAY)  # a faster rhythm
    with _at(2):
        after = served(owner, TODAY)[uid]
    assert (before.day, after.day) == (datetime.date(2027, 6, 30), datetime.date(2027, 5, 16))
    assert after.sequence > before.sequence
    assert (before.last_modified, after.last_modified) == (
        NOW - datetime.timedelta(hours=48),
        NOW + datetime.timedelta(hours=1),
    )


@pytest.fixture
def ana(owner):
    return CircleMemberFactory(
        owner=owner, name="Ana", conversation_every=ConversationCadence.QUARTERLY, created_at=JOINED
    )


def test_a_conversation_falls_due_by_the_rhythm(owner, ana):
    event = _by_uid(owner)[event_uid("conversation-next", ana.pk)]
    assert event.title == "Career conversation with Ana"
    assert event.day == datetime.date(2027, 5, 10)  # 10 April was due; shown today
    assert "Due since 10 April 2027" in event.description
    # The weekly email says the same: it is due.
    assert conversations_due([owner.pk], {owner.pk: TODAY})[owner.pk]


def test_a_planned_conversation_is_on_its_day(owner, ana):
    ConversationFactory(owner=owner, member=ana, planned_for=datetime.date(2027, 5, 20))
    event = _by_uid(owner)[event_uid("conversation-next", ana.pk)]
    assert event.day == datetime.date(2027, 5, 20)
    assert conversations_due([owner.pk], {owner.pk: TODAY}) == {}


def test_a_held_conversation_moves_the_next_one_on_dated_by_it(owner, ana):
    uid = event_uid("conversation-next", ana.pk)
    before = _by_uid(owner)[uid]
    with _at(1):
        ConversationFactory(owner=owner, member=ana, held_on=datetime.date(2027, 5, 8))
    after = _by_uid(owner)[uid]
    assert after.day == datetime.date(2027, 8, 8)
    assert after.last_modified == NOW + datetime.timedelta(hours=1) > before.last_modified


def test_an_overdue_conversation_is_dated_from_the_start_of_today(owner):
    with _at(-48):
        ana = CircleMemberFactory(
            owner=owner, conversation_every=ConversationCadence.QUARTERLY, created_at=JOINED
        )
    # Due on 10 April, still not held: shown today, so a day later each day.
    event = _by_uid(owner)[event_uid("conversation-next", ana.pk)]
    assert event.day == TODAY
    assert event.last_modified == datetime.datetime(2027, 5, 9, 22, tzinfo=UTC)  # Berlin


def test_a_lapsed_plan_dates_the_rhythms_day_from_the_day_after_it(owner):
    with _at(-24 * 10):
        ana = CircleMemberFactory(
            owner=owner,
            conversation_every=ConversationCadence.QUARTERLY,
            created_at=datetime.datetime(2027, 4, 1, 9, tzinfo=UTC),
        )
        ConversationFactory(owner=owner, member=ana, planned_for=datetime.date(2027, 5, 5))
    # Planned for 5 May and not held: from 6 May on, the rhythm's day again.
    event = _by_uid(owner)[event_uid("conversation-next", ana.pk)]
    assert event.day == datetime.date(2027, 7, 1)
    assert event.last_modified == datetime.datetime(2027, 5, 5, 22, tzinfo=UTC)  # Berlin


def test_a_conversation_planned_earlier_raises_its_sequence_in_the_feed(owner):
    feed_create(user=owner)
    with _at(-48):
        ana = CircleMemberFactory(
            owner=owner, name="Ana", conversation_every=ConversationCadence.QUARTERLY
        )
        talk = ConversationFactory(owner=owner, member=ana, planned_for=datetime.date(2027, 6, 1))
    uid = event_uid("conversation-next", ana.pk)
    before = served(owner, TODAY)[uid]
    with _at(1):
        conversation_save(conversation=talk, data={"planned_for": datetime.date(2027, 5, 20)})
    with _at(2):
        after = served(owner, TODAY)[uid]
    assert (before.day, after.day) == (datetime.date(2027, 6, 1), datetime.date(2027, 5, 20))
    assert after.sequence > before.sequence
    assert (before.last_modified, after.last_modified) == (
        NOW - datetime.timedelta(hours=48),
        NOW + datetime.timedelta(hours=1),
    )


@pytest.mark.parametrize(
    ("deleted", "days"),
    [
        # The latest held one: the next falls due from the one held before it, earlier.
        ({"held_on": datetime.date(2027, 5, 1)}, (datetime.date(2027, 8, 1), JUNE_FIRST)),
        # The plan: the rhythm's day again, later.
        ({"planned_for": datetime.date(2027, 5, 20)}, (datetime.date(2027, 5, 20), JUNE_FIRST)),
    ],
)
def test_a_deleted_conversation_moves_the_next_one_with_a_higher_sequence(owner, deleted, days):
    """No remaining row records a delete: the member is touched, so the day that moved
    (back to what an older conversation says) is dated by the delete."""
    feed_create(user=owner)
    with _at(-48):
        ana = CircleMemberFactory(owner=owner, conversation_every=ConversationCadence.QUARTERLY)
        ConversationFactory(owner=owner, member=ana, held_on=datetime.date(2027, 3, 1))
    with _at(-24):
        talk = ConversationFactory(owner=owner, member=ana, **deleted)
    uid = event_uid("conversation-next", ana.pk)
    before = served(owner, TODAY)[uid]
    with _at(1):
        conversation_delete(conversation=talk)
    with _at(2):
        after = served(owner, TODAY)[uid]
    assert (before.day, after.day) == days
    assert after.sequence > before.sequence
    assert after.last_modified == NOW + datetime.timedelta(hours=1)


def test_an_action_item_moved_to_another_goal_moves_its_step_with_a_higher_sequence(owner):
    """Its step moves with it (``task_update``), dated by the move: the goal it moves to
    may be older and quieter than the step."""
    feed_create(user=owner)
    with _at(-300):
        quiet = GoalFactory(user=owner, title="Quiet goal")
    with _at(-100):
        busy = GoalFactory(user=owner, title="Busy goal")
        talk = ConversationFactory(owner=owner)
        due = datetime.date(2027, 5, 20)
        (item,) = action_items_save(
            conversation=talk, items=[ActionItemData(text="Ask Ana", goal=busy, due_date=due)]
        )
    uid = event_uid("step", item.step_id)
    before = served(owner, TODAY)[uid]
    with _at(1):
        moved = ActionItemData(
            text="Ask Ana", goal=quiet, due_date=due, item=item, changed=frozenset({"goal"})
        )
        action_items_save(conversation=talk, items=[moved])
    with _at(2):
        after = served(owner, TODAY)[uid]
    assert after.day == due
    assert after.sequence > before.sequence
    assert after.last_modified == NOW + datetime.timedelta(hours=1)


def test_no_rhythm_revoked_or_someone_elses_member_has_no_event(owner, other_user, ana):
    CircleMemberFactory(owner=owner, name="No rhythm")
    CircleMemberFactory(
        owner=owner,
        name="Gone",
        conversation_every=ConversationCadence.MONTHLY,
        revoked_at=JOINED,
    )
    CircleMemberFactory(owner=other_user, conversation_every=ConversationCadence.MONTHLY)
    titles = sorted(event.title for event in events(owner, TODAY))
    assert titles == ["Career conversation with Ana", "Check-in due"]


@pytest.mark.parametrize("members", [1, 8])
def test_six_queries_whatever_the_size_of_the_circle(owner, members, django_assert_num_queries):
    for _ in range(members):
        member = CircleMemberFactory(owner=owner, conversation_every=ConversationCadence.MONTHLY)
        ConversationFactory(owner=owner, member=member, held_on=datetime.date(2027, 4, 1))
    # 1 the schedule, 2 this period's and the latest submitted check-in, 3 the rhythm,
    # 4 when the schedule last changed, 5 when each member or a conversation with them
    # last changed, 6 the members with a rhythm and their last held and planned ones.
    with django_assert_num_queries(6):
        found = events(owner, TODAY)
    assert len(found) == members + 1
