"""The anonymous totals of a culture check: who counts, for which period, and what is
held back (``assessments.queries.culture``)."""

import datetime

import pytest
import time_machine

from assessments.models import InstrumentKind, QuestionType, Take, TakeStatus
from assessments.queries import MIN_PEOPLE, Period, culture_totals
from assessments.tests.culture_data import (
    IN_PERIOD,
    LEARN,
    NOW,
    TALK,
    culture_check,
    five_answer,
    person,
    take,
)
from assessments.tests.factories import InstrumentFactory, QuestionFactory

pytestmark = pytest.mark.django_db

PERIOD = Period(start=datetime.date(2026, 3, 15), end=datetime.date(2027, 3, 15))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def check():
    return culture_check()


def by_prompt(totals) -> dict:
    return {line.question.prompt: line for line in totals.questions}


def test_the_threshold_is_five_people():
    assert MIN_PEOPLE == 5


def test_four_people_give_no_numbers_at_all(check):
    for n in range(4):
        take(person(n), check, IN_PERIOD, (5, 5, 5))

    totals = culture_totals(check, PERIOD)

    assert not totals.enough
    assert totals.people is None
    assert totals.questions == []


def test_five_people_give_the_mean_and_spread_of_each_rating(check):
    five_answer(check)

    totals = culture_totals(check, PERIOD)

    assert totals.enough
    assert totals.people == 5
    lines = by_prompt(totals)
    talk = lines["How often do career conversations happen?"]
    learn = lines["How much time is there to learn?"]
    assert (talk.answered, talk.counts) == (5, (1, 2, 0, 1, 1))
    assert talk.mean == pytest.approx(sum(TALK) / 5) == pytest.approx(2.8)
    assert (learn.answered, learn.counts) == (5, (0, 0, 2, 1, 2))
    assert learn.mean == pytest.approx(sum(LEARN) / 5) == pytest.approx(4.0)
    assert [percent for _level, _count, percent in talk.distribution] == [20, 40, 0, 20, 20]


def test_a_question_fewer_than_five_answered_shows_only_its_count(check):
    five_answer(check)  # three of them answer the optional mentor question

    mentor = by_prompt(culture_totals(check, PERIOD))["How easy is it to find a mentor?"]

    assert mentor.answered == 3
    assert (mentor.mean, mentor.counts) == (None, ())


def test_written_answers_are_counted_never_carried(check):
    five_answer(check)

    written = by_prompt(culture_totals(check, PERIOD))["What one change would help?"]

    assert written.question.type == QuestionType.TEXT
    assert (written.answered, written.mean, written.counts) == (5, None, ())
    assert not hasattr(written, "text")


def test_a_person_who_took_it_twice_counts_once_toward_the_threshold(check):
    repeater = person(0)
    take(repeater, check, IN_PERIOD, (5, 5))
    take(repeater, check, IN_PERIOD + datetime.timedelta(days=30), (5, 5))
    for n in range(1, 4):
        take(person(n), check, IN_PERIOD, (5, 5))

    assert Take.objects.filter(instrument=check).count() == 5
    assert not culture_totals(check, PERIOD).enough


def test_only_each_persons_latest_take_in_the_period_is_summed(check):
    people = five_answer(check)
    # The first person changes their mind a month later: 5 instead of 1 on talking.
    take(people[0], check, IN_PERIOD + datetime.timedelta(days=30), (5, 3))

    talk = by_prompt(culture_totals(check, PERIOD))["How often do career conversations happen?"]

    assert talk.answered == 5
    assert talk.counts == (0, 2, 0, 1, 2)
    assert talk.mean == pytest.approx((5 + 2 + 2 + 4 + 5) / 5)


def test_a_later_take_outside_the_period_does_not_replace_one_inside(check):
    people = five_answer(check)
    take(people[0], check, datetime.datetime(2027, 3, 16, 0, 0, tzinfo=datetime.UTC), (5, 5))

    talk = by_prompt(culture_totals(check, PERIOD))["How often do career conversations happen?"]

    assert talk.counts == (1, 2, 0, 1, 1)


def test_takes_outside_the_period_and_drafts_are_left_out(check):
    for n in range(4):
        take(person(n), check, IN_PERIOD, (5, 5))
    before = datetime.datetime(2026, 3, 14, 23, 59, tzinfo=datetime.UTC)
    after = datetime.datetime(2027, 3, 16, 0, 0, tzinfo=datetime.UTC)
    take(person(10), check, before, (1, 1))
    take(person(11), check, after, (1, 1))
    Take.objects.create(user=person(12), instrument=check, status=TakeStatus.DRAFT)

    assert not culture_totals(check, PERIOD).enough

    # Both ends of the period are whole days, included.
    take(person(13), check, datetime.datetime(2026, 3, 15, 0, 0, tzinfo=datetime.UTC), (1, 1))
    take(person(14), check, datetime.datetime(2027, 3, 15, 23, 59, tzinfo=datetime.UTC), (1, 1))
    totals = culture_totals(check, PERIOD)
    assert totals.people == 6
    talk = by_prompt(totals)["How often do career conversations happen?"]
    assert talk.counts == (2, 0, 0, 0, 4)


def test_another_instruments_takes_do_not_count(check):
    for n in range(4):
        take(person(n), check, IN_PERIOD, (5, 5))
    other = InstrumentFactory(kind=InstrumentKind.CULTURE)
    QuestionFactory(instrument=other)
    for n in range(4, 9):
        take(person(n), other, IN_PERIOD, (1,))

    assert not culture_totals(check, PERIOD).enough
    assert culture_totals(other, PERIOD).people == 5


def test_the_default_period_is_the_last_twelve_months():
    assert Period.last_twelve_months(datetime.date(2027, 3, 15)) == PERIOD
    leap = Period.last_twelve_months(datetime.date(2028, 2, 29))
    assert (leap.start, leap.end) == (datetime.date(2027, 2, 28), datetime.date(2028, 2, 29))
