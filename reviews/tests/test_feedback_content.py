"""The feedback prompt sets Career Compass ships, and their idempotent loader."""

from __future__ import annotations

import pytest

from assessments.models import Instrument
from reviews.content import load_feedback_prompts, unload_feedback_prompts
from reviews.content.feedback_prompts import FEEDBACK_PROMPT_SETS, STRENGTHS
from reviews.models import FeedbackPrompt, FeedbackPromptKind, FeedbackPromptSet
from reviews.queries.feedback import STRENGTHS_SLUG, strengths_list
from reviews.tests.factories_feedback import FeedbackRequestFactory, shipped_set

pytestmark = pytest.mark.django_db


def test_the_migration_ships_every_set_with_its_questions():
    for spec in FEEDBACK_PROMPT_SETS:
        prompt_set = FeedbackPromptSet.objects.get(slug=spec["slug"])
        assert prompt_set.is_active
        assert [p.text for p in prompt_set.prompts.all()] == [p["text"] for p in spec["prompts"]]
        assert 3 <= len(spec["prompts"]) <= 5
    assert 2 <= len(FEEDBACK_PROMPT_SETS) <= 3


def test_a_shipped_set_asks_for_picks_over_the_shipped_strengths_list():
    assert FeedbackPrompt.objects.filter(kind=FeedbackPromptKind.STRENGTHS).count() >= 1
    assert any(p["kind"] == STRENGTHS for s in FEEDBACK_PROMPT_SETS for p in s["prompts"])
    instrument = Instrument.objects.get(slug=STRENGTHS_SLUG)
    listed = strengths_list()
    assert len(listed) == 10
    assert {question.instrument_id for question in listed} == {instrument.pk}


def test_loading_again_writes_nothing():
    assert load_feedback_prompts(FeedbackPromptSet, FeedbackPrompt) == 0


def test_a_reload_restores_shipped_wording_but_keeps_the_admins_order_and_switches():
    prompt_set = shipped_set()
    FeedbackPromptSet.objects.filter(pk=prompt_set.pk).update(
        name="Renamed", order=99, is_active=False
    )
    prompt = prompt_set.prompts.first()
    FeedbackPrompt.objects.filter(pk=prompt.pk).update(help_text="", order=7, is_active=False)

    assert load_feedback_prompts(FeedbackPromptSet, FeedbackPrompt) == 2

    prompt_set.refresh_from_db()
    prompt.refresh_from_db()
    assert (prompt_set.name, prompt_set.order, prompt_set.is_active) == (
        "Keep, grow, see",
        99,
        False,
    )
    assert prompt.help_text != ""
    assert (prompt.order, prompt.is_active) == (7, False)


def test_unloading_keeps_the_sets_people_asked_with():
    FeedbackRequestFactory(prompt_set=shipped_set())
    unload_feedback_prompts(FeedbackPromptSet)
    assert list(FeedbackPromptSet.objects.values_list("slug", flat=True)) == ["keep-grow-see"]
    assert shipped_set().prompts.count() == 3
