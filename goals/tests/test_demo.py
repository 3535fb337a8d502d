import datetime

import pytest
import time_machine
from django.utils import timezone

from assessments import demo as assessments_demo
from assessments.models import Answer, InstrumentKind, Role, Take
from goals.demo import load
from goals.models import (
    ChangeKind,
    Decision,
    DecisionOption,
    DecisionScore,
    DecisionStatus,
    Goal,
    GoalChange,
    Status,
    Task,
)
from goals.queries import DEFAULT_CRITERIA, top_values

pytestmark = pytest.mark.django_db

FROZEN = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(FROZEN, tick=False):
        yield


@pytest.fixture
def demo_owner(frozen, owner):
    load(owner)
    return owner


def test_demo_has_a_goal_in_every_status(demo_owner):
    statuses = set(Goal.objects.for_user(demo_owner).values_list("status", flat=True))
    assert statuses == set(Status.values)


def test_demo_history_includes_a_reschedule_with_its_reason(demo_owner):
    change = GoalChange.objects.get(goal__user=demo_owner, kind=ChangeKind.RESCHEDULED)
    assert "exam centre" in change.reason
    assert change.old_value < change.new_value  # moved later, as the story says
    assert change.goal.target_date.isoformat() == change.new_value
    assert change.created_at < FROZEN - datetime.timedelta(days=30)


def test_dropping_and_pausing_are_recorded_with_reasons(demo_owner):
    changes = GoalChange.objects.filter(goal__user=demo_owner, kind=ChangeKind.STATUS)
    by_status = {change.new_value: change for change in changes}
    assert set(by_status) == {Status.PAUSED, Status.DROPPED, Status.ACHIEVED}
    assert all(change.reason for change in by_status.values())


def test_demo_has_an_overdue_task_and_one_due_this_week(demo_owner):
    today = timezone.localdate()
    tasks = Task.objects.for_user(demo_owner)
    assert tasks.overdue(today=today).exists()
    assert tasks.due_between(start=today, end=today + datetime.timedelta(days=7)).exists()


def test_demo_has_exactly_one_stalled_active_goal(demo_owner):
    stalled = Goal.objects.for_user(demo_owner).stalled(
        since=timezone.now() - datetime.timedelta(days=21)
    )
    assert [goal.horizon for goal in stalled] == ["long"]


def test_demo_has_a_goal_measured_by_hand(demo_owner):
    goal = Goal.objects.for_user(demo_owner).with_task_counts().get(tasks_total=0)
    assert goal.progress == goal.manual_progress == 50


def test_demo_history_spans_months_and_nothing_lies_in_the_future(demo_owner):
    goals = Goal.objects.for_user(demo_owner)
    achieved = goals.get(status=Status.ACHIEVED)
    assert min(goal.created_at for goal in goals) < FROZEN - datetime.timedelta(days=150)
    assert achieved.status_changed_at < FROZEN - datetime.timedelta(days=90)
    moments = [
        *(value for goal in goals for value in (goal.created_at, goal.updated_at)),
        *(goal.last_progress_at for goal in goals),
        *Task.objects.for_user(demo_owner).done().values_list("done_at", flat=True),
        *GoalChange.objects.filter(goal__user=demo_owner).values_list("created_at", flat=True),
    ]
    assert all(moment <= FROZEN for moment in moments)
    # Each goal was last touched at the latest event of its story, not at load time.
    assert all(goal.updated_at < FROZEN - datetime.timedelta(days=5) for goal in goals)


def test_demo_steps_were_ticked_after_the_goal_was_set(demo_owner):
    for task in Task.objects.for_user(demo_owner).done().select_related("goal"):
        assert task.goal.created_at <= task.done_at, task.title


def test_demo_for_two_people_keeps_each_their_own(frozen, owner, other_user):
    load(owner)
    load(other_user)

    mine = Goal.objects.for_user(owner)
    theirs = Goal.objects.for_user(other_user)
    assert mine.count() == theirs.count() == Goal.objects.count() / 2
    assert not set(mine.values_list("pk", flat=True)) & set(theirs.values_list("pk", flat=True))
    assert Task.objects.for_user(owner).count() == Task.objects.for_user(other_user).count()
    assert list(mine.values_list("priority", flat=True)) == list(
        theirs.values_list("priority", flat=True)
    )


def test_without_a_skills_take_no_goal_is_linked_to_a_skill(demo_owner):
    assert not Goal.objects.for_user(demo_owner).filter(skill_question__isnull=False).exists()


def test_after_the_assessments_demo_a_goal_closes_the_biggest_skill_gap(frozen, owner):
    assessments_demo.load(owner)
    load(owner)
    goal = Goal.objects.get(user=owner, skill_question__isnull=False)
    latest = (
        Take.objects.for_user(owner)
        .completed()
        .filter(instrument__kind=InstrumentKind.SKILLS)
        .order_by("completed_at")
        .last()
    )
    answer = Answer.objects.get(take=latest, question=goal.skill_question)
    biggest = max(a.gap or 0 for a in latest.answers.all())
    assert answer.gap == biggest
    assert goal.title.startswith(f"Grow {goal.skill_question.prompt} from ")
    assert goal.created_at > latest.completed_at


def test_demo_has_one_open_decision_mostly_scored_with_two_gut_checks(demo_owner):
    decision = Decision.objects.for_user(demo_owner).get()
    assert decision.question == "Which move next year?"
    assert decision.status == DecisionStatus.OPEN
    options = list(decision.options.all())
    assert len(options) == 3
    assert [option.gut is not None for option in options] == [True, False, True]
    criteria = list(decision.criteria.all())
    assert [c.name for c in criteria] == top_values(demo_owner)
    scored = DecisionScore.objects.filter(option__decision=decision).count()
    assert len(options) * len(criteria) > scored >= len(options) * len(criteria) - 2
    assert decision.changes.get().created_at < FROZEN
    # The shipped library's roles: leading names a manager's role, deepening a staff one.
    assert [option.role.slug if option.role else None for option in options] == [
        "engineering-manager",
        "staff-software-engineer",
        None,
    ]


def test_demo_decision_takes_its_criteria_from_the_values_take(frozen, owner):
    assessments_demo.load(owner)
    load(owner)
    decision = Decision.objects.for_user(owner).get()
    names = [c.name for c in decision.criteria.all()]
    assert names == top_values(owner)
    assert names != [str(name) for name in DEFAULT_CRITERIA]


def test_demo_decision_names_no_role_the_site_does_not_have(frozen, owner):
    Role.objects.filter(slug="engineering-manager").update(is_active=False)
    load(owner)
    option = DecisionOption.objects.get(decision__user=owner, title="Lead the platform team")
    assert option.role is None


# --- The learning log -------------------------------------------------------------------


def test_the_demo_learning_log_tells_a_believable_story(frozen, owner):
    from decimal import Decimal

    from goals.models import LearningItem

    assessments_demo.load(owner)
    load(owner)
    items = LearningItem.objects.for_user(owner).select_related("kind")
    today = datetime.date(2026, 6, 15)
    done = items.filter(status="done", hours__gt=0)
    assert {2025, 2026} <= {i.finished_on.year for i in done}
    assert {"book", "course", "workshop"} <= {i.kind.slug for i in done}
    assert items.filter(cost__gt=0).exists()
    expiring = list(LearningItem.objects.for_user(owner).expiring(today))
    assert [i.kind.slug for i in expiring] == ["certification"]
    gap_goal = Goal.objects.get(user=owner, skill_question__isnull=False)
    under_way = items.get(status="in_progress")
    assert under_way.kind.slug == "course"
    assert list(under_way.skills.all()) == [gap_goal.skill_question]
    assert list(under_way.goals.all()) == [gap_goal]
    assert under_way.hours == Decimal(6)
    planned = items.get(status="planned")
    assert planned.skills.exists()
    assert "the role's largest gap" in planned.notes
