"""The reviews app's part of the calendar feed: the next check-in and the next career
conversation with each member who has a rhythm, on the days the dashboard and the weekly
email compute, with a SEQUENCE that rises as the day moves forward."""

import datetime

import pytest

from careerapp.calendar import event_uid
from reviews.calendar import events
from reviews.models import ConversationCadence
from reviews.queries import checkin_state
from reviews.reminders import conversations_due
from reviews.tests.factories import month_checkin
from reviews.tests.factories_conversations import CircleMemberFactory, ConversationFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 5, 10)
JOINED = datetime.datetime(2027, 1, 10, 9, tzinfo=datetime.UTC)


def _by_uid(user, today=TODAY) -> dict:
    return {event.uid: event for event in events(user, today)}


def test_the_next_check_in_is_the_dashboards(owner):
    event = _by_uid(owner)[event_uid("checkin-next", owner.pk)]
    assert event.day == checkin_state(owner, today=TODAY).due_date == datetime.date(2027, 5, 31)
    assert event.title == "Check-in due"
    assert event.path == "/reviews/"


def test_a_check_in_done_moves_the_event_to_the_next_period_with_a_higher_sequence(owner):
    uid = event_uid("checkin-next", owner.pk)
    before = _by_uid(owner)[uid]
    month_checkin(owner, datetime.date(2027, 5, 1))
    after = _by_uid(owner)[uid]
    assert after.day == datetime.date(2027, 6, 30)
    assert after.sequence > before.sequence


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


def test_a_held_conversation_moves_the_next_one_on_with_a_higher_sequence(owner, ana):
    uid = event_uid("conversation-next", ana.pk)
    before = _by_uid(owner)[uid]
    ConversationFactory(owner=owner, member=ana, held_on=datetime.date(2027, 5, 8))
    after = _by_uid(owner)[uid]
    assert after.day == datetime.date(2027, 8, 8)
    assert after.sequence > before.sequence


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
def test_four_queries_whatever_the_size_of_the_circle(owner, members, django_assert_num_queries):
    for _ in range(members):
        member = CircleMemberFactory(owner=owner, conversation_every=ConversationCadence.MONTHLY)
        ConversationFactory(owner=owner, member=member, held_on=datetime.date(2027, 4, 1))
    # 1 the schedule, 2 this period's and the latest submitted check-in, 3 the rhythm,
    # 4 the members with a rhythm and their last held and planned conversations.
    with django_assert_num_queries(4):
        found = events(owner, TODAY)
    assert len(found) == members + 1
