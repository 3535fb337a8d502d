"""The reflection prompts we ship: loaded by a migration, safe to load again."""

import pytest

from reviews.content import (
    REFLECTION_PROMPTS,
    load_reflection_prompts,
    prompt_text,
    shipped_texts,
    unload_reflection_prompts,
)
from reviews.content.reflection_prompts import QUARTERLY
from reviews.models import PromptScope, Reflection, ReflectionPrompt
from reviews.tests.factories import CheckInFactory, ReflectionPromptFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipped():
    # Transactional tests elsewhere flush what the migration loaded; load it afresh.
    load_reflection_prompts(ReflectionPrompt)


def _snapshot() -> list[dict]:
    return list(ReflectionPrompt.objects.order_by("pk").values())


def test_migrations_leave_at_least_ten_prompts_asked_some_only_quarterly():
    asked = ReflectionPrompt.objects.active()
    assert asked.count() >= 10
    assert set(shipped_texts()) <= set(asked.values_list("text", flat=True))
    assert asked.filter(scope=PromptScope.QUARTERLY).count() >= 3
    assert asked.filter(scope=PromptScope.EVERY).count() >= 6


def test_shipped_prompts_have_unique_keys_wordings_and_orders_that_fit_the_columns():
    keys = [spec["key"] for spec in REFLECTION_PROMPTS]
    orders = [spec["order"] for spec in REFLECTION_PROMPTS]
    assert len(set(keys)) == len(keys)
    assert len(set(shipped_texts())) == len(shipped_texts())
    assert orders == sorted(set(orders))
    text_max = ReflectionPrompt._meta.get_field("text").max_length
    help_max = ReflectionPrompt._meta.get_field("help_text").max_length
    for spec in REFLECTION_PROMPTS:
        assert spec["scope"] in PromptScope.values, spec["key"]
        assert len(spec["text"]) <= text_max, spec["key"]
        assert spec["text"].endswith("?"), spec["key"]
        assert 0 < len(spec["help_text"]) <= help_max, spec["key"]


def test_quarterly_prompts_join_only_check_ins_that_close_a_quarter(shipped):
    every = set(ReflectionPrompt.objects.for_period(quarter_end=False))
    quarter = set(ReflectionPrompt.objects.for_period(quarter_end=True))
    quarterly_texts = {spec["text"] for spec in REFLECTION_PROMPTS if spec["scope"] == QUARTERLY}
    assert every < quarter
    assert {prompt.text for prompt in quarter - every} == quarterly_texts


def test_loading_twice_writes_nothing_the_second_time(shipped):
    before = _snapshot()
    assert load_reflection_prompts(ReflectionPrompt) == 0
    assert _snapshot() == before


def test_reload_restores_help_text_and_scope_but_keeps_the_admins_order_and_switch(shipped):
    prompt = ReflectionPrompt.objects.get(text=prompt_text("avoiding"))
    ReflectionPrompt.objects.filter(pk=prompt.pk).update(
        help_text="Edited", scope=PromptScope.QUARTERLY, order=999, is_active=False
    )

    assert load_reflection_prompts(ReflectionPrompt) == 1

    prompt.refresh_from_db()
    assert prompt.help_text != "Edited"
    assert prompt.scope == PromptScope.EVERY
    assert (prompt.order, prompt.is_active) == (999, False)
    assert ReflectionPrompt.objects.filter(text=prompt.text).count() == 1


def test_a_reworded_release_updates_the_old_row_instead_of_adding_one(shipped, monkeypatch):
    spec = REFLECTION_PROMPTS[0]
    old = ReflectionPrompt.objects.get(text=spec["text"])
    reworded = {**spec, "text": "What went well this time?", "replaces": (spec["text"],)}
    monkeypatch.setattr("reviews.content.REFLECTION_PROMPTS", [reworded, *REFLECTION_PROMPTS[1:]])
    count = ReflectionPrompt.objects.count()

    load_reflection_prompts(ReflectionPrompt)

    old.refresh_from_db()
    assert old.text == "What went well this time?"
    assert ReflectionPrompt.objects.count() == count


def test_loading_leaves_prompts_the_admins_wrote_alone(shipped):
    own = ReflectionPromptFactory(text="What did a customer teach you?", order=15)
    load_reflection_prompts(ReflectionPrompt)
    own.refresh_from_db()
    assert own.text == "What did a customer teach you?"
    assert own.order == 15


def test_unloading_removes_shipped_prompts_and_keeps_answers_and_admin_prompts(shipped, owner):
    own = ReflectionPromptFactory(text="What did a customer teach you?")
    prompt = ReflectionPrompt.objects.get(text=prompt_text("proud"))
    answer = Reflection.objects.create(
        checkin=CheckInFactory(user=owner),
        prompt=prompt,
        prompt_text=prompt.text,
        answer="Shipping the migration on time.",
    )

    unload_reflection_prompts(ReflectionPrompt)

    assert list(ReflectionPrompt.objects.all()) == [own]
    answer.refresh_from_db()
    assert answer.prompt is None
    assert answer.prompt_text == prompt_text("proud")
    assert answer.answer == "Shipping the migration on time."
