"""The content the reviews ship, and the loader a data migration runs: the reflection
prompts are in ``reflection_prompts``; the feedback prompt sets, with their own loader, in
``feedback_prompts``.

What must stay true:
- No model imports. The loader takes the model class, so migrations can pass the
  historical one; importing ``reviews.models`` here would tie old migrations to today's.
- A shipped prompt is recognised by its wording: the row whose text is ``text`` or one of
  ``replaces``. Not by ``order``, which the admins change from the list page. A second
  run therefore writes nothing, and a reload restores the help text and scope of shipped
  prompts and updates earlier wordings.
- Where a prompt sorts and whether it is asked belong to the admins and are set only
  once. An admin who rewords a shipped prompt makes it their own: a later reload adds the
  shipped wording again, and reversing the migration leaves their version alone.
- Answers keep a copy of the prompt's text, so rewording or removing a prompt never
  changes what a person wrote in the past.
"""

from __future__ import annotations

from careerapp.content import in_source_language, save_if_changed, translated
from reviews.content.feedback_prompts import (
    TRANSLATIONS,
    load_feedback_prompts,
    unload_feedback_prompts,
)
from reviews.content.reflection_prompts import PROMPT_FIELDS, REFLECTION_PROMPTS

__all__ = [
    "PROMPT_FIELDS",
    "REFLECTION_PROMPTS",
    "load_feedback_prompts",
    "load_reflection_prompts",
    "prompt_text",
    "prompt_wordings",
    "shipped_texts",
    "unload_feedback_prompts",
    "unload_reflection_prompts",
]


@in_source_language
def load_reflection_prompts(ReflectionPrompt) -> int:
    """Create or update every shipped prompt; return the number of rows written."""
    written = 0
    for spec in REFLECTION_PROMPTS:
        values = translated(
            ReflectionPrompt, {field: spec[field] for field in PROMPT_FIELDS}, TRANSLATIONS
        )
        prompt = _shipped_row(ReflectionPrompt, spec)
        if prompt is None:
            ReflectionPrompt.objects.create(order=spec["order"], is_active=True, **values)
            written += 1
        else:
            written += save_if_changed(prompt, values)
    return written


def unload_reflection_prompts(ReflectionPrompt) -> int:
    """Delete the shipped prompts. Answers stay: they keep their own copy of the text."""
    deleted, _by_model = ReflectionPrompt.objects.filter(text__in=shipped_texts()).delete()
    return deleted


def shipped_texts() -> list[str]:
    """Every wording we have shipped, current and earlier."""
    return [text for spec in REFLECTION_PROMPTS for text in _wordings(spec)]


def prompt_text(key: str) -> str:
    """The current wording of the shipped prompt called ``key``."""
    for spec in REFLECTION_PROMPTS:
        if spec["key"] == key:
            return spec["text"]
    raise KeyError(key)


def prompt_wordings(key: str) -> list[str]:
    """Every wording the shipped prompt called ``key`` has had, current first: how its
    answers are found whatever the release they were written under."""
    for spec in REFLECTION_PROMPTS:
        if spec["key"] == key:
            return _wordings(spec)
    raise KeyError(key)


def _wordings(spec: dict) -> list[str]:
    return [spec["text"], *spec.get("replaces", ())]


def _shipped_row(ReflectionPrompt, spec: dict):
    rows = ReflectionPrompt.objects.filter(text__in=_wordings(spec)).order_by("pk")
    # The current wording wins when both it and an older one are present.
    return rows.filter(text=spec["text"]).first() or rows.first()
