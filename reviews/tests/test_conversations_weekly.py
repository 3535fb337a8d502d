"""The weekly email's career conversations: one is due when the member's rhythm has passed
since the last held (or since they joined the circle) and nothing is planned ahead."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from careerapp import reminders
from careerapp.tests.factories import UserFactory
from reviews.models import ConversationCadence
from reviews.queries.conversations import add_months
from reviews.reminders import conversations_due
from reviews.tests.factories_conversations import CircleMemberFactory, ConversationFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
JOINED = datetime.datetime(2027, 1, 10, 9, tzinfo=UTC)


def _lines(user, on: datetime.datetime) -> list[str]:
    with time_machine.travel(on, tick=False):
        (content,) = reminders.collect([user], now=timezone.now())
    return [
        item.text
        for section in content.sections
        if section.key == "conversations"
        for item in section.items
    ]


@pytest.fixture
def ana(owner):
    return CircleMemberFactory(
        owner=owner,
        name="Ana",
        conversation_every=ConversationCadence.QUARTERLY,
        created_at=JOINED,
    )


def test_due_three_months_after_joining_when_none_was_held(owner, ana):
    assert _lines(owner, datetime.datetime(2027, 4, 9, 12, tzinfo=UTC)) == []
    assert _lines(owner, datetime.datetime(2027, 4, 10, 12, tzinfo=UTC)) == [
        "A career conversation with Ana is due (quarterly)"
    ]


def test_counted_from_the_last_held_conversation(owner, ana):
    ConversationFactory(owner=owner, member=ana, held_on=datetime.date(2027, 3, 1))
    assert _lines(owner, datetime.datetime(2027, 5, 31, 12, tzinfo=UTC)) == []
    assert len(_lines(owner, datetime.datetime(2027, 6, 1, 12, tzinfo=UTC))) == 1


def test_a_conversation_planned_from_today_on_keeps_it_quiet(owner, ana):
    ConversationFactory(owner=owner, member=ana, planned_for=datetime.date(2027, 6, 1))
    assert _lines(owner, datetime.datetime(2027, 5, 20, 12, tzinfo=UTC)) == []
    assert _lines(owner, datetime.datetime(2027, 6, 1, 12, tzinfo=UTC)) == []
    # Once its date has gone by without being held, it is due again.
    assert len(_lines(owner, datetime.datetime(2027, 6, 2, 12, tzinfo=UTC))) == 1


def test_no_rhythm_a_removed_member_and_other_people_say_nothing(owner, ana):
    CircleMemberFactory(owner=owner, created_at=JOINED)  # no set rhythm
    CircleMemberFactory(
        owner=owner,
        conversation_every=ConversationCadence.MONTHLY,
        created_at=JOINED,
        revoked_at=JOINED,
    )
    someone = UserFactory()
    CircleMemberFactory(
        owner=someone, conversation_every=ConversationCadence.MONTHLY, created_at=JOINED
    )
    assert _lines(owner, datetime.datetime(2027, 3, 1, 12, tzinfo=UTC)) == []
    assert len(_lines(someone, datetime.datetime(2027, 3, 1, 12, tzinfo=UTC))) == 1


def test_the_section_links_to_the_conversations_page(owner, ana):
    with time_machine.travel(datetime.datetime(2027, 5, 1, tzinfo=UTC), tick=False):
        (content,) = reminders.collect([owner], now=timezone.now())
    (section,) = [s for s in content.sections if s.key == "conversations"]
    assert section.title == "Career conversations"
    assert section.items[0].url.endswith("/reviews/conversations/")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2027, 1, 31), 1, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 11, 15), 3, datetime.date(2028, 2, 15)),
        (datetime.date(2027, 8, 31), 6, datetime.date(2028, 2, 29)),
    ],
)
def test_months_are_added_to_the_same_day_or_the_months_last(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize("size", [1, 6])
def test_one_query_for_a_whole_chunk(size, django_assert_num_queries):
    people = [UserFactory() for _ in range(size)]
    for user in people:
        for n in range(3):
            member = CircleMemberFactory(
                owner=user, conversation_every=ConversationCadence.MONTHLY, created_at=JOINED
            )
            ConversationFactory(owner=user, member=member, held_on=datetime.date(2027, 1, n + 1))
            ConversationFactory(owner=user, member=member, planned_for=datetime.date(2027, 2, 1))
    today = {user.pk: datetime.date(2027, 5, 1) for user in people}
    # The members with a rhythm, each with its last held and latest planned conversation.
    with django_assert_num_queries(1):
        due = conversations_due([user.pk for user in people], today)
    assert sum(len(items) for items in due.values()) == 3 * size
