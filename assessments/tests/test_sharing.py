"""What assessments offer the circle (assessments.sharing): only the owner's results and
target roles, shown read-only, at a fixed number of queries."""

import datetime

import pytest
import time_machine
from django.http import Http404
from django.template import Template

from assessments.models import Importance, QuestionType, TargetStatus
from assessments.sharing import result_items, result_page, role_items, role_page
from assessments.tests.factories import InstrumentFactory, OptionFactory, QuestionFactory
from assessments.tests.factories_results import completed_take, seed_history, skill_question
from assessments.tests.factories_roles import (
    RoleFactory,
    RoleSkillFactory,
    SkillQuestionFactory,
    TargetRoleFactory,
)
from careerapp import sharing
from careerapp.tests.sharing import assert_read_only, rendered

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC)
LAST_YEAR = datetime.datetime(2025, 6, 10, 10, 0, tzinfo=datetime.UTC)
LAST_MONTH = datetime.datetime(2026, 5, 20, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_results_and_roles_are_registered_in_order():
    results, roles = sharing.shareable("results"), sharing.shareable("roles")

    assert (str(results.label), results.order, results.items, results.page) == (
        "Results",
        20,
        result_items,
        result_page,
    )
    assert (str(roles.label), roles.order, roles.items, roles.page) == (
        "Target roles",
        30,
        role_items,
        role_page,
    )


# --- Results ------------------------------------------------------------------------------


@pytest.fixture
def skills():
    return InstrumentFactory(name="Skills", slug="test-skills", order=1)


@pytest.fixture
def values():
    return InstrumentFactory(name="Work values", slug="test-values", order=2)


@pytest.fixture
def questions(skills):
    writing = skill_question(skills, "Writing clearly", order=1)
    listening = skill_question(skills, "Listening", order=2)
    pay = QuestionFactory(instrument=skills, prompt="Pay matters", type=QuestionType.RATING)
    picks = QuestionFactory(instrument=skills, prompt="Top values", type=QuestionType.MULTIPLE)
    notes = QuestionFactory(instrument=skills, prompt="Anything else?", type=QuestionType.TEXT)
    return writing, listening, pay, picks, notes


@pytest.fixture
def history(owner, skills, questions):
    """Last year's take of the skills instrument and this year's, for the owner."""
    writing, listening, pay, picks, notes = questions
    autonomy = OptionFactory(question=picks, label="Autonomy")
    completed_take(
        owner,
        skills,
        at=LAST_YEAR,
        answers={
            writing: {"current_level": 1, "desired_level": 4},
            listening: {"current_level": 3, "desired_level": 3},
        },
    )
    return completed_take(
        owner,
        skills,
        at=LAST_MONTH,
        answers={
            writing: {"current_level": 2, "desired_level": 4},
            listening: {"current_level": 4, "desired_level": 4},
            pay: {"rating": 4},
            picks: {"option_ids": [autonomy.pk], "option_labels": ["Autonomy"]},
            notes: {"text": "I would like more mentoring."},
        },
    )


def test_result_items_are_the_instruments_the_owner_completed(owner, other_user, skills, values):
    completed_take(owner, skills, at=LAST_YEAR, answers={})
    completed_take(owner, skills, at=LAST_MONTH, answers={})
    InstrumentFactory(name="Never taken")
    completed_take(other_user, values, at=LAST_MONTH, answers={})

    (item,) = result_items(owner, None)

    assert (item.pk, item.title, item.detail) == (skills.pk, "Skills", "Taken on 20 May 2026")


def test_result_items_keep_only_the_instruments_named(owner, skills, values):
    completed_take(owner, skills, at=LAST_MONTH, answers={})
    completed_take(owner, values, at=LAST_YEAR, answers={})

    assert [item.pk for item in result_items(owner, None)] == [skills.pk, values.pk]
    assert [item.pk for item in result_items(owner, [values.pk])] == [values.pk]


@pytest.mark.parametrize("takes", [1, 20])
def test_result_items_cost_one_query(owner, takes, django_assert_num_queries):
    seed_history(owner, takes=takes, questions=5)
    # 1 the instruments with the latest completed take of each (subqueries)
    with django_assert_num_queries(1):
        assert len(result_items(owner, None)) == 1


def test_results_of_an_instrument_not_completed_are_a_404(owner, other_user, skills, values):
    completed_take(other_user, skills, at=LAST_MONTH, answers={})

    for pk in (skills.pk, values.pk, None):
        with pytest.raises(Http404):
            result_page(owner, pk)


def test_the_results_page_shows_the_latest_take_read_only(owner, skills, history):
    page = result_page(owner, skills.pk)
    html = rendered(page)

    assert (page.title, page.target) == ("Skills", history)
    for text in (
        "Taken on 20 May 2026.",
        "Writing clearly",
        "Listening",
        "Strongest skills",
        "Biggest gaps",
        "2 levels to grow",
        "Pay matters",
        "4 of 5",
        "Autonomy",
        "I would like more mentoring.",
        "Compared with the take on 10 June 2025.",
        "+1",  # writing and listening each went up a level
    ):
        assert text in html, text
    assert_read_only(html)


def test_the_first_take_is_shown_as_the_baseline(owner, skills, questions):
    completed_take(owner, skills, at=LAST_MONTH, answers={questions[0]: {"current_level": 2}})

    html = rendered(result_page(owner, skills.pk))

    assert "The first take of this assessment" in html
    assert_read_only(html)


@pytest.mark.parametrize("takes", [2, 20])
def test_the_results_page_costs_the_same_for_2_and_20_takes(
    owner, takes, django_assert_num_queries
):
    instrument, _rows = seed_history(owner, takes=takes)
    # 1 the latest completed take with its instrument, 2 the take before it, 3 the answers
    # of both with their questions, 4 the questions' options
    with django_assert_num_queries(4):
        html = rendered(result_page(owner, instrument.pk))
    assert_read_only(html)


# --- Target roles ---------------------------------------------------------------------------


@pytest.fixture
def role():
    role = RoleFactory(title="Staff engineer", slug="test-staff-engineer")
    instrument = InstrumentFactory(slug="test-role-skills")
    coaching = SkillQuestionFactory(instrument=instrument, prompt="Coaching")
    design = SkillQuestionFactory(instrument=instrument, prompt="System design")
    RoleSkillFactory(role=role, question=coaching, level=4)
    RoleSkillFactory(role=role, question=design, level=2, importance=Importance.HELPFUL)
    return role


def test_role_items_are_one_line_when_there_are_targets(owner, other_user, role):
    TargetRoleFactory(user=other_user, role=role)
    assert role_items(owner, None) == []

    TargetRoleFactory(user=owner, role=role)
    TargetRoleFactory(user=owner, role=RoleFactory(is_active=False))  # retired: not counted
    (item,) = role_items(owner, None)

    assert (item.pk, item.title, item.detail) == (None, "Target roles", "1 role")


def test_the_roles_page_shows_each_target_with_its_gaps_read_only(owner, other_user, role):
    coaching = role.skills.get(level=4).question
    completed_take(
        owner,
        coaching.instrument,
        at=LAST_MONTH,
        answers={coaching: {"current_level": 2, "desired_level": 4}},
    )
    TargetRoleFactory(user=owner, role=role, status=TargetStatus.PURSUING)
    TargetRoleFactory(
        user=owner, role=RoleFactory(title="Architect"), status=TargetStatus.EXPLORING
    )
    TargetRoleFactory(user=other_user, role=RoleFactory(title="Not hers"))

    page = role_page(owner, None)
    html = rendered(page)

    assert (page.title, page.target) == ("Target roles", None)
    for text in (
        "Pursuing",
        "Staff engineer",
        "Exploring",
        "Architect",
        "Coaching",
        "System design",
        "2 · Learning",
        "not assessed yet",
    ):
        assert text in html, text
    assert "Not hers" not in html
    assert_read_only(html)
    with pytest.raises(Http404):
        role_page(owner, role.pk)


@pytest.mark.parametrize("roles", [1, 15])
def test_the_roles_page_costs_the_same_for_1_and_15_roles(
    owner, role, roles, django_assert_num_queries
):
    TargetRoleFactory(user=owner, role=role)
    for _ in range(roles - 1):
        other = RoleFactory()
        RoleSkillFactory(role=other)
        TargetRoleFactory(user=owner, role=other)
    # 1 the targets with their roles and tracks, 2 the roles' skills with the owner's
    # latest level of each
    with django_assert_num_queries(2):
        rendered(role_page(owner, None))
    # 1 how many targets
    with django_assert_num_queries(1):
        role_items(owner, None)


# --- The aside on the owner's results page ---------------------------------------------------


def test_the_results_page_shows_what_an_app_puts_beside_the_take(
    owner_client, owner, skills, history, monkeypatch
):
    seen = []

    def provider(user, obj):
        seen.append((user, obj))
        return sharing.Aside(
            Template('<aside id="test-aside">{{ aside.context.note }}</aside>'),
            {"note": "Two comments"},
        )

    monkeypatch.setattr(sharing, "_aside_providers", [provider])

    response = owner_client.get(history.get_absolute_url())

    assert '<aside id="test-aside">Two comments</aside>' in response.content.decode()
    assert seen == [(owner, history)]
