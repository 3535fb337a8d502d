"""Decisions: the ranking and its sentences, the pages and their refusals, the history,
two tabs, the query counts."""

import datetime

import pytest
from django.urls import reverse

from assessments.models import InstrumentKind, QuestionType, TargetRole, TargetStatus
from assessments.tests.factories import (
    AnswerFactory,
    InstrumentFactory,
    QuestionFactory,
    TakeFactory,
)
from goals.charts.ranking import decision_ranking
from goals.models import Category, Decision, DecisionChange, DecisionScore, DecisionStatus, Goal
from goals.tests.decision_factories import (
    RoleFactory,
    ScoreFactory,
    decision_with,
)

pytestmark = pytest.mark.django_db


def _page(decision):
    return Decision.objects.for_page().get(pk=decision.pk)


def _score(options, criteria, grid):
    for (o, c), value in grid.items():
        ScoreFactory(option=options[o], criterion=criteria[c], score=value)


# --- The ranking ----------------------------------------------------------------------


def test_the_ranking_sentence_names_the_lead_and_where_it_comes_from(owner):
    decision, options, criteria = decision_with(owner)  # Growth weight 5, Pay weight 2
    # Stay: 5x2 + 2x5 = 20; Move: 5x5 + 2x3 = 31. Lead 11, of which Growth gives 15.
    _score(options, criteria, {(0, 0): 2, (0, 1): 5, (1, 0): 5, (1, 1): 3})

    ranking = decision_ranking(_page(decision))

    assert [(t.option.title, t.total, t.percent) for t in ranking.ranked] == [
        ("Move", 31, 89),  # 31 of 35
        ("Stay", 20, 57),
    ]
    assert ranking.sentence == (
        "Move leads Stay by 11 points; most of the lead comes from Growth (weight 5)."
    )
    assert ranking.notes == []


def test_unscored_cells_are_said_not_counted_as_zero_silently(owner):
    decision, options, criteria = decision_with(owner)
    _score(options, criteria, {(0, 0): 4, (1, 0): 3, (1, 1): 5})

    ranking = decision_ranking(_page(decision))

    stay = ranking.totals[0]
    assert stay.total == 20
    assert [c.name for c in stay.unscored] == ["Pay"]
    assert ranking.notes == ["1 cell is not scored yet and counts for nothing until you score it."]


def test_a_decision_without_scores_asks_for_them(owner):
    decision, _options, _criteria = decision_with(owner)
    assert decision_ranking(_page(decision)).sentence.startswith("Score each option")


def test_a_gut_that_disagrees_with_the_ranking_gets_a_line(owner):
    decision, options, criteria = decision_with(owner)
    _score(options, criteria, {(0, 0): 1, (0, 1): 1, (1, 0): 5, (1, 1): 5})
    options[0].gut, options[1].gut = 5, 2
    for option in options:
        option.save()

    line = decision_ranking(_page(decision)).gut_line

    assert "you feel best about Stay (5 of 5)" in line
    assert "put Move first" in line


def test_level_totals_are_said_to_be_level(owner):
    decision, options, criteria = decision_with(owner)
    _score(options, criteria, {(0, 0): 3, (0, 1): 3, (1, 0): 3, (1, 1): 3})
    assert "are level at 21 points" in decision_ranking(_page(decision)).sentence


# --- Starting a decision ----------------------------------------------------------------


def _management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _new_form(options=("Stay", "Move"), criteria=(("Growth", "4"),), question="Which move?"):
    data = {"question": question, "context": ""}
    data |= _management("options", max(len(options), 5))
    for i, title in enumerate(options):
        data |= {f"options-{i}-title": title, f"options-{i}-pros": "", f"options-{i}-role": ""}
    data |= _management("criteria", max(len(criteria), 8))
    for i, (name, weight) in enumerate(criteria):
        data |= {f"criteria-{i}-name": name, f"criteria-{i}-weight": weight}
    return data


def test_a_new_decision_is_saved_with_its_options_and_criteria(owner_client, owner):
    role = RoleFactory()
    data = _new_form(options=("Stay", "Move", "Study"))
    data["options-1-role"] = str(role.pk)

    response = owner_client.post(reverse("goals:decision_create"), data)

    decision = Decision.objects.get(user=owner)
    assert response.status_code == 302
    assert response["Location"] == decision.get_absolute_url()
    assert [(o.title, o.role) for o in decision.options.all()] == [
        ("Stay", None),
        ("Move", role),
        ("Study", None),
    ]
    assert [(c.name, c.weight) for c in decision.criteria.all()] == [("Growth", 4)]


def test_a_new_decision_starts_from_the_persons_top_work_values(owner_client, owner):
    values = InstrumentFactory(kind=InstrumentKind.VALUES)
    take = TakeFactory(user=owner, instrument=values)
    for prompt, rating in (("Autonomy", 3), ("Balance", 5), ("Pay", 1), ("Impact", 4)):
        AnswerFactory(
            take=take, question=QuestionFactory(instrument=values, prompt=prompt), rating=rating
        )
    pick = QuestionFactory(instrument=values, type=QuestionType.MULTIPLE)
    AnswerFactory(take=take, question=pick, option_labels=["Pay"])

    response = owner_client.get(reverse("goals:decision_create"))

    names = [form.initial.get("name") for form in response.context["criteria"].forms[:4]]
    assert names == ["Pay", "Balance", "Impact", "Autonomy"]


def test_without_work_values_a_new_decision_starts_from_a_default_set(owner_client):
    response = owner_client.get(reverse("goals:decision_create"))
    names = [form.initial.get("name") for form in response.context["criteria"].forms[:4]]
    assert names == ["Growth", "Pay", "Balance", "Meaning"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"question": ""}, "form", "Ask the question you are deciding"),
        ({"criteria-0-weight": "0"}, "criteria", "A weight is 1 (matters a little) to 5"),
        ({"criteria-0-weight": "6"}, "criteria", "A weight is 1 (matters a little) to 5"),
        ({"options-1-title": ""}, "options", "Give this option a short name."),
    ],
)
def test_bad_input_is_refused_beside_the_field_and_kept(
    owner_client, owner, change, field, message
):
    data = _new_form() | change

    response = owner_client.post(reverse("goals:decision_create"), data)

    assert response.status_code == 422
    assert message in response.content.decode()
    assert response.context["options"].forms[0]["title"].value() == "Stay"
    assert not Decision.objects.filter(user=owner).exists()


def test_a_sixth_option_is_refused(owner_client, owner):
    data = _new_form(options=("A", "B", "C", "D", "E", "F"))

    response = owner_client.post(reverse("goals:decision_create"), data)

    assert response.status_code == 422
    assert "A decision takes at most 5 options." in response.content.decode()
    assert not Decision.objects.exists()


def test_one_option_is_not_a_decision(owner_client):
    response = owner_client.post(reverse("goals:decision_create"), _new_form(options=("A", "")))
    assert response.status_code == 422
    assert not Decision.objects.exists()


# --- Scores, gut check, the choice, the history ----------------------------------------------


def _grid(decision, options, criteria, values, guts=()):
    data = {"version": str(decision.version), "reason": ""}
    for (o, c), value in values.items():
        data[f"s-{options[o].pk}-{criteria[c].pk}"] = str(value)
    for o, gut in guts:
        data[f"gut-{options[o].pk}"] = str(gut)
    return data


def test_scores_and_gut_checks_are_saved_and_written_in_the_history(owner_client, owner):
    decision, options, criteria = decision_with(owner)
    url = reverse("goals:decision_scores", args=[decision.pk])

    response = owner_client.post(url, _grid(decision, options, criteria, {(0, 0): 4}, [(1, 5)]))

    assert response.status_code == 302
    assert DecisionScore.objects.get().score == 4
    options[1].refresh_from_db()
    assert options[1].gut == 5
    summary = DecisionChange.objects.get(decision=decision).summary
    assert "“Stay” on “Growth”: unscored → 4." in summary
    assert "Gut check for “Move”: unscored → 5." in summary


def test_a_score_for_another_decisions_option_is_refused_and_nothing_changes(
    owner_client, owner, other_user
):
    decision, options, criteria = decision_with(owner)
    _theirs, their_options, their_criteria = decision_with(other_user)
    data = _grid(decision, options, criteria, {(0, 0): 4})
    data[f"s-{their_options[0].pk}-{criteria[0].pk}"] = "5"
    data[f"gut-{their_options[1].pk}"] = "1"

    response = owner_client.post(reverse("goals:decision_scores", args=[decision.pk]), data)

    assert response.status_code == 422
    assert "not part of this decision" in response.content.decode()
    assert not DecisionScore.objects.exists()
    assert not DecisionChange.objects.exists()


def test_a_score_out_of_range_is_refused(owner_client, owner):
    decision, options, criteria = decision_with(owner)
    data = _grid(decision, options, criteria, {(0, 0): 6})
    response = owner_client.post(reverse("goals:decision_scores", args=[decision.pk]), data)
    assert response.status_code == 422
    assert not DecisionScore.objects.exists()


def test_deciding_can_start_a_goal_and_pursue_the_role(owner_client, owner):
    role = RoleFactory(title="Engineering manager")
    decision, options, _criteria = decision_with(owner)
    options[1].role = role
    options[1].save()
    data = {
        "version": "0",
        "chosen": str(options[1].pk),
        "reason": "I want to grow people.",
        "decided_on": "2026-03-01",
        "start_goal": "on",
        "target_role": "on",
    }

    response = owner_client.post(reverse("goals:decision_decide", args=[decision.pk]), data)

    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DECIDED
    assert decision.chosen == options[1]
    assert decision.decided_on == datetime.date(2026, 3, 1)
    goal = Goal.objects.get(user=owner)
    assert decision.goal == goal
    assert goal.role == role
    assert goal.category == Category.ROLE
    assert TargetRole.objects.get(user=owner).status == TargetStatus.PURSUING
    summary = DecisionChange.objects.get().summary
    assert summary.startswith("Chose “Move”.")
    assert "Now pursuing the role" in summary


def test_deciding_needs_a_reason(owner_client, owner):
    decision, options, _criteria = decision_with(owner)
    data = {"version": "0", "chosen": str(options[0].pk), "reason": "", "decided_on": "2026-03-01"}
    response = owner_client.post(reverse("goals:decision_decide", args=[decision.pk]), data)
    assert response.status_code == 422
    assert "Write down why" in response.content.decode()
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.OPEN


def test_pursuing_the_role_of_an_option_without_one_is_refused(owner_client, owner):
    decision, options, _criteria = decision_with(owner)
    data = {
        "version": "0",
        "chosen": str(options[0].pk),
        "reason": "Fine.",
        "decided_on": "2026-03-01",
        "target_role": "on",
    }
    response = owner_client.post(reverse("goals:decision_decide", args=[decision.pk]), data)
    assert response.status_code == 422
    assert "has no role in the library" in response.content.decode()


def test_reopening_and_changing_the_choice_keeps_the_history(owner_client, owner):
    decision, options, _criteria = decision_with(owner)
    decide = reverse("goals:decision_decide", args=[decision.pk])
    base = {"reason": "Because.", "decided_on": "2026-03-01"}
    owner_client.post(decide, base | {"version": "0", "chosen": str(options[0].pk)})
    owner_client.post(
        reverse("goals:decision_reopen", args=[decision.pk]),
        {"version": "1", "reason": "New offer"},
    )
    owner_client.post(decide, base | {"version": "2", "chosen": str(options[1].pk)})

    summaries = list(DecisionChange.objects.order_by("pk").values_list("summary", "reason"))
    assert summaries == [
        ("Chose “Stay”.", "Because."),
        ("Reopened; the choice was “Stay”.", "New offer"),
        ("Chose “Move”.", "Because."),
    ]
    page = owner_client.get(decision.get_absolute_url()).content.decode()
    assert "Reopened; the choice was “Stay”." in page
    assert "New offer" in page


def _edit_form(decision, **changes):
    options, criteria = list(decision.options.all()), list(decision.criteria.all())
    data = {
        "question": decision.question,
        "context": "",
        "version": str(decision.version),
        "reason": "",
    }
    data |= _management("options", 5, len(options))
    for i, option in enumerate(options):
        data |= {f"options-{i}-id": str(option.pk), f"options-{i}-title": option.title}
    data |= _management("criteria", 8, len(criteria))
    for i, criterion in enumerate(criteria):
        data |= {
            f"criteria-{i}-id": str(criterion.pk),
            f"criteria-{i}-name": criterion.name,
            f"criteria-{i}-weight": str(criterion.weight),
        }
    return data | changes


def test_editing_options_and_weights_writes_a_readable_change(owner_client, owner):
    decision, _options, _criteria = decision_with(owner)
    data = _edit_form(
        decision,
        **{
            "options-2-title": "Study",
            "criteria-1-weight": "4",
            "options-0-DELETE": "on",
            "reason": "Offer",
        },
    )
    data["options-0-title"] = "Stay"

    response = owner_client.post(reverse("goals:decision_edit", args=[decision.pk]), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert [o.title for o in decision.options.all()] == ["Move", "Study"]
    change = DecisionChange.objects.get()
    assert change.summary == (
        "Option removed: “Stay”. Option added: “Study”. Weight of “Pay”: 2 → 4."
    )
    assert change.reason == "Offer"


def test_a_stale_edit_is_refused_with_409_and_changes_nothing(owner_client, owner):
    decision, _options, _criteria = decision_with(owner)
    first = _edit_form(decision, question="Which move in 2027?")
    second = _edit_form(decision, question="Stay or go?")
    url = reverse("goals:decision_edit", args=[decision.pk])
    assert owner_client.post(url, first).status_code == 302

    response = owner_client.post(url, second)

    assert response.status_code == 409
    assert "changed in another tab" in response.content.decode()
    decision.refresh_from_db()
    assert decision.question == "Which move in 2027?"
    # What the person typed is kept, with the new version: saving again overwrites.
    assert response.context["form"]["question"].value() == "Stay or go?"
    assert owner_client.post(url, response.context["form"].data).status_code == 302


def test_stale_scores_are_refused_with_409(owner_client, owner):
    decision, options, criteria = decision_with(owner)
    url = reverse("goals:decision_scores", args=[decision.pk])
    owner_client.post(url, _grid(decision, options, criteria, {(0, 0): 4}))
    response = owner_client.post(url, _grid(decision, options, criteria, {(0, 0): 1}))
    assert response.status_code == 409
    assert DecisionScore.objects.get().score == 4
