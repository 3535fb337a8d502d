"""The reflection prompts Career Compass ships, and the loader a data migration runs.

A prompt is plain data: ``key`` (our name for it, used by the demo and the tests),
``text`` (the question, in a coach's voice), ``help_text`` (one nudge under the answer
box), ``scope`` (``every`` check-in, or ``quarterly`` when the period closes a quarter)
and ``order``. ``replaces`` lists earlier wordings when a later release rewords a prompt.

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

EVERY = "every"
QUARTERLY = "quarterly"

PROMPT_FIELDS = ("text", "help_text", "scope")

REFLECTION_PROMPTS: list[dict] = [
    {
        "key": "went_well",
        "order": 10,
        "scope": EVERY,
        "text": "What went well since your last check-in?",
        "help_text": "Small things count. Name something you did, not only something that "
        "happened to you.",
    },
    {
        "key": "in_the_way",
        "order": 20,
        "scope": EVERY,
        "text": "What got in the way?",
        "help_text": "Be specific and kind to yourself: time, energy, other people's "
        "priorities, or something you kept putting off.",
    },
    {
        "key": "learned",
        "order": 30,
        "scope": EVERY,
        "text": "What did you learn, about the work or about yourself?",
        "help_text": "One sentence you would be glad to read again a year from now.",
    },
    {
        "key": "energy",
        "order": 40,
        "scope": EVERY,
        "text": "What gave you energy, and what drained it?",
        "help_text": "Notice the tasks, people and hours behind each. Over a few months this "
        "shows you what kind of work suits you.",
    },
    {
        "key": "proud",
        "order": 50,
        "scope": EVERY,
        "text": "What are you proud of, even if nobody noticed?",
        "help_text": "Write it down anyway. It is the raw material for your next review, "
        "your CV and the days you doubt yourself.",
    },
    {
        "key": "avoiding",
        "order": 60,
        "scope": EVERY,
        "text": "What are you avoiding?",
        "help_text": "There is often one conversation, decision or task you keep stepping "
        "around. Naming it is half the work.",
    },
    {
        "key": "who_could_help",
        "order": 70,
        "scope": EVERY,
        "text": "Who could help with what comes next?",
        "help_text": "A colleague, your manager, a mentor, a friend. Think of one person and "
        "the one question you would ask them.",
    },
    {
        "key": "change",
        "order": 80,
        "scope": EVERY,
        "text": "What will you do differently before your next check-in?",
        "help_text": "One change is plenty. Make it small enough that you will really do it.",
    },
    {
        "key": "direction",
        "order": 90,
        "scope": QUARTERLY,
        "text": "Looking back over the quarter, is your direction still right?",
        "help_text": "If you were choosing your goals today, would you choose the same ones? "
        "A no is useful: it is how a plan stays yours.",
    },
    {
        "key": "more_less",
        "order": 100,
        "scope": QUARTERLY,
        "text": "What do you want more of next quarter, and what less?",
        "help_text": "Think in kinds of work, people, skills and hours, not only results.",
    },
    {
        "key": "tell_manager",
        "order": 110,
        "scope": QUARTERLY,
        "text": "What would you want your manager or mentor to know about this quarter?",
        "help_text": "Write it the way you would say it. Then think about saying it at your "
        "next one-to-one.",
    },
    {
        "key": "next_quarter",
        "order": 120,
        "scope": QUARTERLY,
        "text": "What would you like to be able to say at the end of next quarter?",
        "help_text": "Picture your next quarterly check-in. Which sentence would make the "
        "effort feel worth it?",
    },
]


def load_reflection_prompts(ReflectionPrompt) -> int:
    """Create or update every shipped prompt; return the number of rows written."""
    written = 0
    for spec in REFLECTION_PROMPTS:
        values = {field: spec[field] for field in PROMPT_FIELDS}
        prompt = _shipped_row(ReflectionPrompt, spec)
        if prompt is None:
            ReflectionPrompt.objects.create(order=spec["order"], is_active=True, **values)
            written += 1
        else:
            written += _save_if_changed(prompt, values)
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


def _wordings(spec: dict) -> list[str]:
    return [spec["text"], *spec.get("replaces", ())]


def _shipped_row(ReflectionPrompt, spec: dict):
    rows = ReflectionPrompt.objects.filter(text__in=_wordings(spec)).order_by("pk")
    # The current wording wins when both it and an older one are present.
    return rows.filter(text=spec["text"]).first() or rows.first()


def _save_if_changed(instance, values: dict) -> int:
    changed = [field for field, value in values.items() if getattr(instance, field) != value]
    if not changed:
        return 0
    for field in changed:
        setattr(instance, field, values[field])
    instance.save(update_fields=changed)
    return 1
