"""The demo's self-assessments: a believable history on whatever instruments are offered."""

import datetime
from itertools import pairwise
from statistics import mean

import pytest
import time_machine

from assessments import demo
from assessments.models import (
    CurrentRole,
    Instrument,
    InstrumentKind,
    PersonalSkill,
    QuestionType,
    Role,
    Take,
    TargetRole,
    TargetStatus,
)
from assessments.tests.factories import InstrumentFactory, QuestionFactory
from assessments.tests.factories_roles import RoleFactory
from careerapp.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FROZEN = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(FROZEN, tick=False):
        yield


@pytest.fixture
def offered():
    """The shipped instruments the demo uses, which the data migration loads."""
    kinds = [InstrumentKind.SKILLS, InstrumentKind.SATISFACTION, InstrumentKind.VALUES]
    found = {i.kind: i for i in Instrument.objects.active().filter(kind__in=kinds)}
    assert set(found) == set(kinds), "the shipped instruments are missing"
    return found


@pytest.fixture
def loaded(owner, offered):
    demo.load(owner)
    return owner


def takes_of(user, instrument):
    return list(
        Take.objects.for_user(user)
        .completed()
        .filter(instrument=instrument)
        .order_by("completed_at")
    )


def test_each_instrument_has_two_or_three_takes_about_a_year_apart(loaded, offered):
    for instrument in offered.values():
        takes = takes_of(loaded, instrument)
        assert 2 <= len(takes) <= 3, instrument.slug
        for earlier, later in pairwise(takes):
            assert 300 <= (later.completed_at - earlier.completed_at).days <= 420
            assert earlier.started_at < earlier.completed_at
    assert not Take.objects.for_user(loaded).drafts().exists()


def test_a_retake_is_due_now(loaded, offered):
    assert list(Instrument.objects.due_for(loaded)) == [offered[InstrumentKind.VALUES]]


def test_skills_grow_from_take_to_take(loaded, offered):
    averages = [
        mean(take.answers.filter(type=QuestionType.SKILL).values_list("current_level", flat=True))
        for take in takes_of(loaded, offered[InstrumentKind.SKILLS])
    ]
    assert averages == sorted(averages)
    assert averages[-1] > averages[0]


def test_own_skills_are_rated_and_one_joins_in_a_later_take(loaded, offered):
    own = PersonalSkill.objects.filter(user=loaded)
    assert own.count() == 3
    first, *_rest, last = takes_of(loaded, offered[InstrumentKind.SKILLS])
    assert first.answers.filter(personal_skill__isnull=False).count() == 2
    assert last.answers.filter(personal_skill__isnull=False).count() == 3


def test_satisfaction_dips_then_recovers(loaded, offered):
    averages = [
        mean(take.answers.filter(type=QuestionType.RATING).values_list("rating", flat=True))
        for take in takes_of(loaded, offered[InstrumentKind.SATISFACTION])
    ]
    assert averages[1] < averages[0]
    assert averages[2] > averages[1]


def test_every_required_question_is_answered(loaded, offered):
    for instrument in offered.values():
        for take in takes_of(loaded, instrument):
            answered = set(take.answers.values_list("question_id", flat=True))
            required = instrument.questions.active().filter(required=True)
            assert set(required.values_list("pk", flat=True)) <= answered


def test_demo_content_is_each_persons_own(owner, other_user, offered):
    demo.load(owner)
    demo.load(other_user)
    assert Take.objects.for_user(owner).count() == Take.objects.for_user(other_user).count()
    assert PersonalSkill.objects.filter(user=other_user).count() == 3


def test_demo_skips_kinds_that_are_not_offered(owner):
    Instrument.objects.update(is_active=False)
    skills = InstrumentFactory(kind=InstrumentKind.SKILLS, allows_personal_items=False)
    QuestionFactory(instrument=skills, type=QuestionType.SKILL)
    demo.load(owner)
    assert [take.instrument for take in Take.objects.for_user(owner)] == [skills] * 3
    assert not PersonalSkill.objects.filter(user=owner).exists()


def test_demo_with_no_instruments_adds_nothing(owner):
    Instrument.objects.update(is_active=False)
    demo.load(owner)
    assert not Take.objects.for_user(owner).exists()


def test_the_demo_person_has_a_current_role_and_a_pursued_and_an_exploring_target():

    for slug in (demo.DEMO_CURRENT_ROLE, demo.DEMO_PURSUED_ROLE, demo.DEMO_EXPLORING_ROLE):
        RoleFactory(slug=slug)
    user = UserFactory()

    demo.load(user)

    assert CurrentRole.objects.get(user=user).role.slug == demo.DEMO_CURRENT_ROLE
    statuses = dict(TargetRole.objects.filter(user=user).values_list("role__slug", "status"))
    assert statuses == {
        demo.DEMO_PURSUED_ROLE: TargetStatus.PURSUING,
        demo.DEMO_EXPLORING_ROLE: TargetStatus.EXPLORING,
    }


def test_the_demo_skips_roles_this_site_does_not_have():
    Role.objects.all().delete()  # a site whose admins removed the shipped library
    user = UserFactory()

    demo.load(user)

    assert not CurrentRole.objects.filter(user=user).exists()
    assert not TargetRole.objects.filter(user=user).exists()


def test_the_culture_check_is_taken_once_a_month_ago_and_is_not_due(loaded):
    culture = Instrument.objects.get(kind=InstrumentKind.CULTURE)
    (take,) = takes_of(loaded, culture)
    assert 28 <= (FROZEN - take.completed_at).days <= 31
    ratings = take.answers.filter(type=QuestionType.RATING)
    assert ratings.count() == culture.questions.filter(type=QuestionType.RATING).count()
    assert set(ratings.values_list("rating", flat=True)) == {2, 3, 4, 5}
    assert take.answers.filter(type=QuestionType.TEXT).exclude(text="").count() == 1
    assert culture not in Instrument.objects.due_for(loaded)
