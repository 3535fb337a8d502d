"""Results, compare, skill and dashboard pages cost the same for 1 take as for 50 takes.

Each history is a 40-question instrument (skills, ratings, choices, free text) with every
take fully answered, seeded in bulk.
"""

import pytest
from django.urls import reverse

from assessments import panels
from assessments.models import QuestionType
from assessments.tests.factories_results import seed_history

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[1, 50], ids=["1-take", "50-takes"])
def history(request, owner):
    return seed_history(owner, takes=request.param)


@pytest.fixture(params=[2, 50], ids=["2-takes", "50-takes"])
def comparable(request, owner):
    return seed_history(owner, takes=request.param)


def test_results_query_count(owner_client, history, django_assert_num_queries):
    _instrument, takes = history
    # 1 session, 2 user, 3 the take with its instrument, 4 the take before it,
    # 5 the answers of both takes with their questions, 6 the questions' options (the
    # chosen ones' words in the reader's language), 7 open goals serving the biggest
    # gaps, 8 the pursued role (none here; its skills are a query more when there is
    # one), 9 the circle's comments on the take (reviews' aside)
    with django_assert_num_queries(9):
        response = owner_client.get(reverse("assessments:results", args=[takes[-1].pk]))
    assert response.status_code == 200
    assert len(response.context["skills"]) == 16


def test_compare_query_count(owner_client, comparable, django_assert_num_queries):
    instrument, takes = comparable
    url = reverse("assessments:compare", args=[instrument.slug])
    # 1 session, 2 user, 3 the instrument, 4 the person's completed takes of it (for the
    # pickers), 5 the answers of the two takes compared, with their questions, 6 the
    # questions' options
    with django_assert_num_queries(6):
        response = owner_client.get(url, {"a": takes[0].pk})
    assert len(response.context["rows"]) == 40


def test_compare_with_a_single_take_query_count(owner, owner_client, django_assert_num_queries):
    instrument, _takes = seed_history(owner, takes=1)
    # 1 session, 2 user, 3 the instrument, 4 the person's completed takes of it; with one
    # take there is nothing to compare, so no answers are read
    with django_assert_num_queries(4):
        response = owner_client.get(reverse("assessments:compare", args=[instrument.slug]))
    assert "once so far" in response.content.decode()


def test_skill_page_query_count(owner_client, history, django_assert_num_queries):
    instrument, takes = history
    question = instrument.questions.filter(type=QuestionType.SKILL).first()
    # 1 session, 2 user, 3 the skill question, 4 its answers in every completed take with
    # their takes and instruments, 5 the goals serving it with their task counts, 6 the
    # learning logged for it with the kinds
    with django_assert_num_queries(6):
        response = owner_client.get(reverse("assessments:skill", args=[question.key]))
    assert len(response.context["history"]) == len(takes)


def test_our_dashboard_panel_and_checklist_query_count(owner, history, django_assert_num_queries):
    # 1 the last completion of each instrument (what is due for a retake), 2 the skill
    # answers of the latest rated take, each with the open goal serving it
    with django_assert_num_queries(2):
        panel = panels.assessments_panel(owner)
    assert len(panel["gaps"]) == 3
    # 1 "has a completed take"
    with django_assert_num_queries(1):
        panels.checklist(owner)
