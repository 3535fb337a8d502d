"""Decisions in the export: options (roles by slug), criteria, scores, the gut check, the
choice with its reason and date, the goal started from it and the history, and back."""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from careerapp.portability import export_user_data, import_user_data
from careerapp.tests.factories import UserFactory
from careerapp.tests.portability_world import upload
from goals.models import (
    Decision,
    DecisionChange,
    DecisionCriterion,
    DecisionOption,
    DecisionScore,
    DecisionStatus,
    Goal,
)
from goals.services.decisions import decision_decide, decision_score
from goals.tests.decision_factories import RoleFactory, decision_with

pytestmark = pytest.mark.django_db


def lived_decision(user, role) -> Decision:
    """A decided question with every kind of row: a role, scores, gut checks, a goal,
    history (through the services, as a person makes it)."""
    decision, options, criteria = decision_with(
        user, options=("Stay", "Lead the platform team", "Go freelance")
    )
    DecisionOption.objects.filter(pk=options[1].pk).update(
        role=role, pros="People", cons="Meetings", notes="Ask Sam"
    )
    options[1].refresh_from_db()
    decision_score(
        decision=decision,
        version=None,
        scores={
            (options[0], criteria[0]): 2,
            (options[1], criteria[0]): 5,
            (options[1], criteria[1]): 4,
            (options[2], criteria[1]): 3,
        },
        guts={options[0]: 2, options[1]: 5},
        reason="Thought about it over the weekend",
    )
    decision_decide(
        decision=decision,
        version=None,
        option=options[1],
        reason="It grows me most",
        decided_on=datetime.date(2027, 3, 1),
        start_goal=True,
    )
    Goal.objects.filter(pk=decision.goal_id).update(role=role)
    return decision


def test_a_decision_survives_export_and_import(owner):
    role = RoleFactory(slug="engineering-manager")
    lived_decision(owner, role)
    decision_with(owner, options=("A", "B"))  # an open one, nothing scored
    first = json.loads(json.dumps(export_user_data(owner)))

    newcomer = UserFactory()
    summary = import_user_data(user=newcomer, data=first)
    second = json.loads(json.dumps(export_user_data(newcomer)))

    assert summary.decisions == 2
    assert summary.unlinked == 0
    assert second["decisions"] == first["decisions"]
    assert second["goals"] == first["goals"]
    decided = Decision.objects.for_user(newcomer).get(status=DecisionStatus.DECIDED)
    assert decided.chosen.title == "Lead the platform team"
    assert decided.chosen.decision == decided
    assert decided.chosen.role == role
    assert decided.chosen.gut == 5
    assert decided.reason == "It grows me most"
    assert decided.decided_on == datetime.date(2027, 3, 1)
    assert decided.goal.user == newcomer
    assert decided.goal.role == role
    assert [o.title for o in decided.options.all()] == [
        "Stay",
        "Lead the platform team",
        "Go freelance",
    ]
    assert [(c.name, c.weight) for c in decided.criteria.all()] == [("Growth", 5), ("Pay", 2)]
    scores = DecisionScore.objects.filter(option__decision=decided)
    assert sorted((s.option.title, s.criterion.name, s.score) for s in scores) == [
        ("Go freelance", "Pay", 3),
        ("Lead the platform team", "Growth", 5),
        ("Lead the platform team", "Pay", 4),
        ("Stay", "Growth", 2),
    ]
    summaries = [c.summary for c in decided.changes.all()]
    assert len(summaries) == 2
    assert any("Chose “Lead the platform team”" in s for s in summaries)
    assert "Thought about it over the weekend" in [c.reason for c in decided.changes.all()]
    # Nothing of the first person's was moved or doubled.
    assert Decision.objects.for_user(owner).count() == 2
    assert DecisionOption.objects.filter(decision__user=owner).count() == 5


def test_a_file_from_before_decisions_imports_with_none(owner):
    document = json.loads(json.dumps(export_user_data(owner)))
    document.pop("decisions")
    newcomer = UserFactory()

    summary = import_user_data(user=newcomer, data=document)

    assert summary.decisions == 0
    assert not Decision.objects.for_user(newcomer).exists()


def test_the_export_costs_the_same_queries_for_one_and_fifty_decisions(
    owner, other_user, django_assert_num_queries
):
    role = RoleFactory()
    lived_decision(owner, role)
    for _ in range(25):
        lived_decision(other_user, role)
        decision_with(other_user)
    # 10 for the other parts (goals, their steps and changes; personal skills; takes;
    # current role; target roles; check-ins; schedule; weekly emails: no answers or
    # check-in rows to ask for), then 11 decisions, 12 their options with role, 13 the
    # options' scores, 14 criteria, 15 changes; 16 learning (none, so nothing of it to
    # prefetch); the circle's 17 members, 18 comments, 19 feedback requests,
    # 20 conversations, 21 wins (none, so nothing of theirs to prefetch).
    for user in (owner, other_user):
        with django_assert_num_queries(21):
            export_user_data(user)


# --- Refusals --------------------------------------------------------------------------


def _first(document: dict[str, Any]) -> dict[str, Any]:
    return next(d for d in document["decisions"] if d["status"] == DecisionStatus.DECIDED)


def _unknown_option_role(document):
    option = next(o for o in _first(document)["options"] if o["role"])
    option["role"] = "chief-dream-officer"


def _unknown_goal_role(document):
    goal = next(g for g in document["goals"] if g["role"])
    goal["role"] = "chief-dream-officer"


def _weight_six(document):
    _first(document)["criteria"][0]["weight"] = 6


def _sixth_option(document):
    options = _first(document)["options"]
    for ref in range(10, 13):
        options.append({**options[0], "ref": ref, "role": None})


def _score_for_nothing(document):
    _first(document)["scores"][0]["option_ref"] = 99


def _score_twice(document):
    scores = _first(document)["scores"]
    scores.append(dict(scores[0]))


def _empty_question(document):
    _first(document)["question"] = ""


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_unknown_option_role, "options[1].role names the role “chief-dream-officer”"),
        (_unknown_goal_role, "goals[0].role names the role “chief-dream-officer”"),
        (_weight_six, "criteria[0].weight Ensure this value is less than or equal to 5"),
        (_sixth_option, "options should hold at most 5 entries"),
        (_score_for_nothing, "scores[0].option_ref points at nothing in this file"),
        (_score_twice, "criterion_ref is already taken by an earlier entry"),
        (_empty_question, "question This field cannot be blank"),
    ],
    ids=[
        "option-role",
        "goal-role",
        "weight",
        "sixth-option",
        "foreign-score",
        "score-twice",
        "no-question",
    ],
)
def test_a_spoilt_decision_refuses_the_file_and_changes_nothing(owner, spoil, message):
    lived_decision(owner, RoleFactory(slug="engineering-manager"))
    document = json.loads(json.dumps(export_user_data(owner)))
    spoilt = copy.deepcopy(document)
    spoil(spoilt)
    newcomer = UserFactory()

    with pytest.raises(ValidationError) as refused:
        import_user_data(user=newcomer, data=spoilt)

    assert message in refused.value.messages[0]
    assert not Goal.objects.filter(user=newcomer).exists()
    assert not Decision.objects.for_user(newcomer).exists()
    assert not DecisionChange.objects.filter(decision__user=newcomer).exists()
    assert not DecisionCriterion.objects.filter(decision__user=newcomer).exists()


def test_the_import_page_says_which_role_is_missing_with_422(owner, other_user, client):
    lived_decision(other_user, RoleFactory(slug="engineering-manager"))
    document = json.loads(json.dumps(export_user_data(other_user)))
    _unknown_option_role(document)
    client.force_login(owner)

    response = client.post(
        reverse("account_data_import"), {"file": upload(json.dumps(document).encode())}
    )

    assert response.status_code == 422
    error = response.context["import_form"].errors["file"][0]
    assert "decisions[0].options[1].role" in error
    assert "chief-dream-officer" in response.content.decode()
    assert not Decision.objects.for_user(owner).exists()
