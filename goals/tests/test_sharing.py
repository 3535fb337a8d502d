"""What goals offer the circle (goals.sharing): only the owner's goals and decisions,
shown read-only, at a fixed number of queries."""

import datetime

import pytest
from django.http import Http404
from django.template import Template
from django.utils import timezone
from django.utils.formats import date_format

from careerapp import sharing
from careerapp.tests.sharing import assert_read_only, rendered
from goals.models import ChangeKind, DecisionStatus, GoalChange, Status, Task
from goals.sharing import decision_items, decision_page, goal_items, goal_page
from goals.tests.decision_factories import DecisionFactory, ScoreFactory, decision_with
from goals.tests.factories import GoalFactory, TaskFactory

pytestmark = pytest.mark.django_db


def test_goals_and_decisions_are_registered_in_order():
    goals, decisions = sharing.shareable("goals"), sharing.shareable("decisions")

    assert (str(goals.label), goals.order, goals.items, goals.page) == (
        "Goals",
        10,
        goal_items,
        goal_page,
    )
    assert (str(decisions.label), decisions.order) == ("Decisions", 40)
    assert (decisions.items, decisions.page) == (decision_items, decision_page)


# --- Goals: the items -------------------------------------------------------------------


def test_goal_items_without_pks_are_the_owners_goals_not_archived(owner, other_user):
    active = GoalFactory(user=owner, title="Lead a team", priority=1)
    paused = GoalFactory(user=owner, title="Write a talk", status=Status.PAUSED, priority=2)
    GoalFactory(user=owner, title="Done and dusted", status=Status.ACHIEVED)
    GoalFactory(user=owner, title="Let go", status=Status.DROPPED)
    GoalFactory(user=other_user, title="Not hers")

    items = goal_items(owner, None)

    assert [(item.pk, item.title) for item in items] == [
        (active.pk, "Lead a team"),
        (paused.pk, "Write a talk"),
    ]


def test_goal_items_with_pks_keep_only_the_owners_of_them(owner, other_user):
    chosen = GoalFactory(user=owner, title="Chosen")
    achieved = GoalFactory(user=owner, title="Chosen and achieved", status=Status.ACHIEVED)
    GoalFactory(user=owner, title="Not chosen")
    foreign = GoalFactory(user=other_user, title="Another's")

    items = goal_items(owner, [chosen.pk, achieved.pk, foreign.pk])

    assert {item.pk for item in items} == {chosen.pk, achieved.pk}


def test_a_goal_item_tells_status_progress_and_target_date(owner):
    goal = GoalFactory(user=owner, target_date=datetime.date(2031, 3, 4))
    TaskFactory(goal=goal, done_at=timezone.now())
    TaskFactory(goal=goal)

    (item,) = goal_items(owner, None)

    assert item.detail == "Active · 50% done · target 4 March 2031"


@pytest.mark.parametrize("count", [1, 40])
def test_goal_items_cost_one_query_for_1_and_40_goals(owner, count, django_assert_num_queries):
    for _ in range(count):
        TaskFactory.create_batch(3, goal=GoalFactory(user=owner))
    # 1 the goals with their step counts (subqueries in the same query)
    with django_assert_num_queries(1):
        assert len(goal_items(owner, None)) == count


# --- Goals: the page ----------------------------------------------------------------------


def test_another_persons_goal_is_a_404(owner, other_user):
    foreign = GoalFactory(user=other_user)

    with pytest.raises(Http404):
        goal_page(owner, foreign.pk)
    with pytest.raises(Http404):
        goal_page(owner, None)


def test_the_goal_page_shows_the_goal_read_only(owner):
    today = timezone.localdate()
    goal = GoalFactory(
        user=owner,
        title="Become a staff engineer",
        why="I want to shape how we build.",
        target_date=datetime.date(2031, 6, 1),
    )
    TaskFactory(
        goal=goal, title="Ask for a stretch project", due_date=today, done_at=timezone.now()
    )
    TaskFactory(goal=goal, title="Write the design doc", due_date=datetime.date(2031, 2, 3))
    TaskFactory(goal=goal, title="Ship the pilot", is_milestone=True, done_at=timezone.now())
    GoalChange.objects.create(
        goal=goal,
        kind=ChangeKind.RESCHEDULED,
        old_value="2030-12-01",
        new_value="2031-06-01",
        reason="The reorg moved everything.",
    )

    page = goal_page(owner, goal.pk)
    html = rendered(page)

    assert (page.title, page.target) == ("Become a staff engineer", goal)
    for text in (
        "I want to shape how we build.",
        "Active",
        "Skill",
        "Short-term (within about a year)",
        "Target 1 June 2031",
        "67%",
        "Ask for a stretch project",
        f"Done {date_format(today, 'j M Y')}",
        "Write the design doc",
        "Due 3 Feb 2031",
        "Rescheduled from 1 December 2030 to 1 June 2031.",
        "The reorg moved everything.",
        "Ship the pilot",
    ):
        assert text in html, text
    assert "Record a win" not in html  # the owner's own link, not the circle's
    assert_read_only(html)


@pytest.mark.parametrize("steps", [1, 100])
def test_the_goal_page_costs_the_same_for_1_and_100_steps(owner, steps, django_assert_num_queries):
    goal = GoalFactory(user=owner)
    Task.objects.bulk_create(Task(goal=goal, title=f"Step {n}", position=n) for n in range(steps))
    GoalChange.objects.bulk_create(
        GoalChange(goal=goal, kind=ChangeKind.RENAMED, old_value="a", new_value="b")
        for _ in range(steps)
    )
    # 1 the goal with its step counts, 2 its steps in order, 3 its history
    with django_assert_num_queries(3):
        page = goal_page(owner, goal.pk)
        rendered(page)


# --- Decisions ------------------------------------------------------------------------------


def test_decision_items_are_the_owners_decisions_open_first(owner, other_user):
    decided = DecisionFactory(user=owner, question="Stay or go?", status=DecisionStatus.DECIDED)
    open_ = DecisionFactory(user=owner, question="Which course?")
    DecisionFactory(user=other_user, question="Not hers")

    items = decision_items(owner, None)

    assert [(i.pk, i.title, i.detail) for i in items] == [
        (open_.pk, "Which course?", "Thinking it through"),
        (decided.pk, "Stay or go?", "Decided"),
    ]
    assert [i.pk for i in decision_items(owner, [decided.pk])] == [decided.pk]


@pytest.mark.parametrize("count", [1, 30])
def test_decision_items_cost_one_query(owner, count, django_assert_num_queries):
    for _ in range(count):
        decision_with(owner)
    # 1 the decisions
    with django_assert_num_queries(1):
        assert len(decision_items(owner, None)) == count


def test_another_persons_decision_is_a_404(owner, other_user):
    foreign, _options, _criteria = decision_with(other_user)

    with pytest.raises(Http404):
        decision_page(owner, foreign.pk)


def test_the_decision_page_shows_options_scores_gut_and_choice_read_only(owner):
    goal = GoalFactory(user=owner, title="Start in the platform team")
    decision, (stay, move), (growth, pay) = decision_with(owner)
    decision.context = "The reorg opens a door."
    stay.pros, stay.gut = "People I know", 4
    move.cons, move.gut = "New codebase", 2
    stay.save()
    move.save()
    for option, criterion, score in ((stay, growth, 2), (stay, pay, 4), (move, growth, 5)):
        ScoreFactory(option=option, criterion=criterion, score=score)
    decision.status, decision.chosen, decision.goal = DecisionStatus.DECIDED, move, goal
    decision.reason, decision.decided_on = "Growth matters most now.", datetime.date(2030, 5, 6)
    decision.save()
    decision.changes.create(summary="Decided: Move.", reason="After a long talk.")

    page = decision_page(owner, decision.pk)
    html = rendered(page)

    assert (page.title, page.target) == (decision.question, decision)
    for text in (
        "The reorg opens a door.",
        "Decided on 6 May 2030: Move",
        "Growth matters most now.",
        "The goal it started: Start in the platform team",
        "People I know",
        "New codebase",
        "Growth",
        "weight 5",
        "Pay",
        "weight 2",
        "4 of 5",  # the gut feeling about staying
        "25 of 35",  # move: 5 x 5
        "18 of 35",  # stay: 5 x 2 + 2 x 4
        "Your gut disagrees",
        "After a long talk.",
    ):
        assert text in html, text
    assert_read_only(html)


@pytest.mark.parametrize("count", [2, 5])
def test_the_decision_page_costs_the_same_for_2_and_5_options(
    owner, count, django_assert_num_queries
):
    decision, options, criteria = decision_with(owner, options=[f"O{n}" for n in range(count)])
    for option in options:
        for criterion in criteria:
            ScoreFactory(option=option, criterion=criterion)
    # 1 the decision with its chosen option and goal, 2 options with roles, 3 criteria,
    # 4 scores, 5 history
    with django_assert_num_queries(5):
        rendered(decision_page(owner, decision.pk))


# --- The aside on the owner's goal page -----------------------------------------------------


def test_the_goal_page_shows_what_an_app_puts_beside_the_goal(owner_client, owner, monkeypatch):
    goal = GoalFactory(user=owner)
    seen = []

    def provider(user, obj):
        seen.append((user, obj))
        template = Template('<aside id="test-aside">{{ aside.context.note }}</aside>')
        return sharing.Aside(template, {"note": "Three comments"})

    monkeypatch.setattr(sharing, "_aside_providers", [provider])

    response = owner_client.get(goal.get_absolute_url())

    assert '<aside id="test-aside">Three comments</aside>' in response.content.decode()
    assert seen == [(owner, goal)]


def test_a_provider_with_nothing_to_say_adds_nothing(owner_client, owner, monkeypatch):
    goal = GoalFactory(user=owner)
    monkeypatch.setattr(sharing, "_aside_providers", [lambda user, obj: None])

    response = owner_client.get(goal.get_absolute_url())

    assert response.status_code == 200
    assert response.context["asides"] == []
