"""The agenda of a career conversation: what it is built from since the last one held."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments.models import QuestionType
from assessments.tests.factories import AnswerFactory, QuestionFactory, TakeFactory
from goals import services as goal_services
from goals.models import ChangeKind, GoalChange, Status
from goals.tests.factories import GoalFactory, TaskFactory
from reviews.content import prompt_text
from reviews.models import Conversation, Reflection, ReflectionPrompt
from reviews.queries.conversations import agenda_material
from reviews.services import conversation_prepare
from reviews.tests.factories import GoalReviewFactory, month_checkin
from reviews.tests.factories_conversations import (
    ActionItemFactory,
    CircleMemberFactory,
    ConversationFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
TODAY = datetime.date(2027, 5, 10)
HELD = datetime.date(2027, 3, 15)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(datetime.datetime(2027, 5, 10, 10, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def member(owner):
    return CircleMemberFactory(owner=owner, name="Ana")


@pytest.fixture
def held(owner, member):
    return ConversationFactory(owner=owner, member=member, held_on=HELD)


def _material(owner, member):
    return agenda_material(owner, member, today=TODAY, zone=UTC)


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=UTC)


def test_the_material_starts_at_the_last_held_conversation_with_that_member(owner, member, held):
    ConversationFactory(owner=owner, member=member, planned_for=datetime.date(2027, 4, 1))
    other_member = CircleMemberFactory(owner=owner)
    ConversationFactory(owner=owner, member=other_member, held_on=datetime.date(2027, 5, 1))
    assert _material(owner, member).since == HELD


def test_without_a_held_conversation_the_material_covers_ninety_days(owner, member):
    assert _material(owner, member).since == TODAY - datetime.timedelta(days=90)


def test_open_actions_of_earlier_conversations_carry_over_and_closed_ones_do_not(
    owner, member, held
):
    goal = GoalFactory(user=owner)
    open_one = ActionItemFactory(conversation=held, text="Ask about the platform team")
    ActionItemFactory(conversation=held, text="Done by hand", done=True)
    step_done = TaskFactory(goal=goal, done_at=timezone.now())
    ActionItemFactory(conversation=held, text="Done on the goal", goal=goal, step=step_done)
    step_open = TaskFactory(goal=goal)
    # Ticked here but its step is open: the step's state is the item's.
    on_goal = ActionItemFactory(
        conversation=held, text="Still open on the goal", goal=goal, step=step_open, done=True
    )
    elsewhere = ConversationFactory(owner=owner, member=CircleMemberFactory(owner=owner))
    ActionItemFactory(conversation=elsewhere, text="With someone else")
    assert _material(owner, member).open_actions == [open_one, on_goal]


def test_goals_at_risk_by_their_latest_review_or_a_passed_target(owner, member):
    risky = GoalFactory(user=owner, title="Risky")
    recovered = GoalFactory(user=owner, title="Recovered")
    GoalFactory(user=owner, title="Late", target_date=datetime.date(2027, 5, 1))
    GoalFactory(
        user=owner,
        title="Late but paused",
        target_date=datetime.date(2027, 5, 1),
        status=Status.PAUSED,
    )
    dropped = GoalFactory(user=owner, title="Dropped", status=Status.DROPPED)
    march = month_checkin(owner, datetime.date(2027, 3, 1))
    april = month_checkin(owner, datetime.date(2027, 4, 1))
    GoalReviewFactory(checkin=march, goal=risky, status="on_track")
    GoalReviewFactory(checkin=april, goal=risky, status="off_track")
    GoalReviewFactory(checkin=march, goal=recovered, status="at_risk")
    GoalReviewFactory(checkin=april, goal=recovered, status="on_track")
    GoalReviewFactory(checkin=april, goal=dropped, status="at_risk")
    draft = month_checkin(owner, datetime.date(2027, 5, 1), status="draft", submitted_at=None)
    GoalReviewFactory(checkin=draft, goal=recovered, status="at_risk")
    found = {goal.title: goal.review_status for goal in _material(owner, member).goals_at_risk}
    assert found == {"Risky": "off_track", "Late": None}


def test_course_corrections_since_then_with_their_reasons(owner, member, held):
    goal = GoalFactory(user=owner, title="Lead the migration")
    with time_machine.travel(_at(HELD - datetime.timedelta(days=1)), tick=False):
        goal_services.goal_update(goal=goal, data={"title": "Before"}, reason="too early")
    with time_machine.travel(_at(HELD), tick=False):
        goal_services.goal_set_status(goal=goal, status=Status.PAUSED, reason="Hiring froze")
    GoalChange.objects.create(goal=goal, kind=ChangeKind.CREATED, created_at=_at(TODAY))
    april = month_checkin(owner, datetime.date(2027, 4, 1))
    GoalReviewFactory(checkin=april, goal=goal, correction_reason="Scope halved")
    GoalReviewFactory(
        checkin=april,
        goal=GoalFactory(user=owner),
        correction_reason="Already in the goal's history",
        correction_applied=True,
    )
    material = _material(owner, member)
    assert [c.reason for c in material.changes] == ["Hiring froze"]
    assert [r.correction_reason for r in material.corrections] == ["Scope halved"]
    text = conversation_prepare(owner=owner, member=member, today=TODAY, zone=UTC).agenda
    assert "Course corrections" in text
    assert "Why: Hiring froze" in text
    assert "Scope halved" in text
    assert "too early" not in text


def test_answers_to_the_manager_prompt_are_found_by_its_shipped_wording(owner, member, held):
    prompt = ReflectionPrompt.objects.get(text=prompt_text("tell_manager"))
    other = ReflectionPrompt.objects.get(text=prompt_text("proud"))
    before = month_checkin(owner, datetime.date(2027, 2, 1))
    april = month_checkin(owner, datetime.date(2027, 4, 1))
    Reflection.objects.create(
        checkin=before, prompt=prompt, prompt_text=prompt.text, answer="Old news"
    )
    Reflection.objects.create(
        checkin=april, prompt=prompt, prompt_text=prompt.text, answer="The move was right but hard"
    )
    Reflection.objects.create(
        checkin=april, prompt=other, prompt_text=other.text, answer="Private pride"
    )
    # An admin rewords the prompt: answers written under the shipped words still count.
    prompt.text = "Anything for your manager?"
    prompt.save()
    may = month_checkin(owner, datetime.date(2027, 5, 1), submitted_at=_at(TODAY))
    Reflection.objects.create(
        checkin=may,
        prompt=prompt,
        prompt_text="Anything for your manager?",
        answer="Reworded but mine",
    )
    answers = [a.answer for a in _material(owner, member).answers]
    assert answers == ["The move was right but hard"]


def test_the_three_biggest_gaps_of_the_latest_skills_take(owner, member):
    take = TakeFactory(user=owner)
    for n, (current, desired) in enumerate([(1, 4), (2, 3), (1, 5), (3, 3), (2, 4)]):
        question = QuestionFactory(
            instrument=take.instrument, type=QuestionType.SKILL, prompt=f"Skill {n}"
        )
        AnswerFactory(
            take=take,
            question=question,
            type=QuestionType.SKILL,
            current_level=current,
            desired_level=desired,
        )
    gaps = [gap.name for gap in _material(owner, member).gaps]
    assert gaps == ["Skill 2", "Skill 0", "Skill 4"]


def test_prepare_writes_a_planned_conversation_with_a_readable_agenda(owner, member, held):
    ActionItemFactory(
        conversation=held, text="Book the AWS exam", due_date=datetime.date(2027, 6, 1)
    )
    GoalFactory(user=owner, title="Late goal", target_date=datetime.date(2027, 4, 1))
    conversation = conversation_prepare(owner=owner, member=member, today=TODAY, zone=UTC)
    assert conversation.member == member
    assert conversation.with_name == "Ana"
    assert conversation.held_on is None
    assert conversation.agenda_shared is False
    lines = conversation.agenda.splitlines()
    assert lines[0] == "Career conversation with Ana"
    assert lines[1] == "What happened since 15 March 2027."
    assert "From last time" in lines
    assert "- Book the AWS exam (due 1 June 2027)" in lines
    assert lines.index("From last time") < lines.index("Goals at risk or off track")
    assert "- Late goal: target date 1 April 2027 has passed" in lines


def test_an_agenda_with_nothing_new_says_so(owner, member):
    agenda = conversation_prepare(owner=owner, member=member, today=TODAY, zone=UTC).agenda
    assert "Nothing new on record since then" in agenda


def test_prepare_refuses_another_persons_member(owner, other_user):
    foreign = CircleMemberFactory(owner=other_user)
    with pytest.raises(ValidationError):
        conversation_prepare(owner=owner, member=foreign, today=TODAY, zone=UTC)
    assert not Conversation.objects.exists()


def test_the_material_takes_eight_queries_whatever_the_history(
    owner, member, held, django_assert_num_queries
):
    for n in range(5):
        goal = GoalFactory(user=owner, target_date=datetime.date(2027, 4, 1))
        ActionItemFactory(conversation=held, goal=goal, step=TaskFactory(goal=goal))
        goal_services.goal_set_status(goal=goal, status=Status.PAUSED, reason=f"r{n}")
    # Last held; open actions; goals at risk; goal changes; check-in corrections; answers
    # to the manager prompt; the latest skills take's answers (the dashboard's gaps); the
    # wins since the last one.
    with django_assert_num_queries(8):
        material = _material(owner, member)
    assert len(material.open_actions) == 5
