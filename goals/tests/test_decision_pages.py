"""The decisions list and the decision page: what they show and what they cost."""

import pytest
from django.urls import reverse

from goals.models import DecisionStatus
from goals.tests.decision_factories import DecisionFactory, ScoreFactory, decision_with

pytestmark = pytest.mark.django_db


def _score(options, criteria, grid):
    for (o, c), value in grid.items():
        ScoreFactory(option=options[o], criterion=criteria[c], score=value)


# --- The list and the page: query counts -----------------------------------------------


def test_the_list_shows_open_decisions_first(owner_client, owner):
    decided = DecisionFactory(user=owner, status=DecisionStatus.DECIDED, question="Old one")
    open_ = DecisionFactory(user=owner, question="New one")
    DecisionFactory(question="Not mine")
    decided.save()  # touched last, still after the open one

    response = owner_client.get(reverse("goals:decisions"))

    assert list(response.context["decisions"]) == [open_, decided]
    assert "Not mine" not in response.content.decode()


def _list_queries(owner_client, django_assert_num_queries):
    # session, user, the count for the pager, the page of decisions with option counts
    with django_assert_num_queries(4):
        assert owner_client.get(reverse("goals:decisions")).status_code == 200


@pytest.mark.parametrize("count", [1, 50])
def test_the_list_costs_the_same_for_1_and_50_decisions(
    count, owner_client, owner, django_assert_num_queries
):
    for _ in range(count):
        decision_with(owner)
    _list_queries(owner_client, django_assert_num_queries)


@pytest.mark.parametrize("count", [2, 5])
def test_the_page_costs_the_same_for_2_and_5_options(
    count, owner_client, owner, django_assert_num_queries
):
    titles = [f"Option {n}" for n in range(count)]
    decision, options, criteria = decision_with(owner, options=titles)
    _score(options, criteria, {(o, c): 3 for o in range(count) for c in range(2)})
    # session, user, the decision with its chosen option and goal, options with roles,
    # criteria, scores, changes, the decide form's options
    with django_assert_num_queries(8):
        response = owner_client.get(decision.get_absolute_url())
    assert response.status_code == 200


def test_the_goals_list_links_to_decisions(owner_client):
    response = owner_client.get(reverse("goals:list"))
    assert reverse("goals:decisions") in response.content.decode()
