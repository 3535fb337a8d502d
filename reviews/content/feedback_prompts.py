"""The feedback prompt sets Career Compass ships.

A set is plain data: ``slug`` (how the loader recognises it), ``name`` (what the person
asking picks), ``intro`` (shown to the person giving feedback, above the questions),
``order`` and ``prompts``. A prompt has ``text`` (the question, addressed to the giver),
``help_text`` (one nudge under the answer), ``kind`` (``text``: a written answer;
``strengths``: picks over the strengths instrument's statements), ``max_picks`` (for a
strengths question) and ``order``; ``replaces`` lists earlier wordings when a later
release rewords a prompt. No model imports (see ``reviews.content``).

The loader follows the reflection prompts' rules: a set is recognised by its slug and a
prompt, within its set, by its wording; a reload rewrites only what changed and never
touches an admin's ``order`` or ``is_active``. A set that people have used (its requests
keep it, ``on_delete=PROTECT``) is never deleted by unloading.
"""

from __future__ import annotations

from pathlib import Path

from careerapp.content import in_source_language, save_if_changed, translated

TEXT = "text"
STRENGTHS = "strengths"

SET_FIELDS = ("name", "intro")

# French and Spanish of the reviews' content (careerapp.content.translated).
TRANSLATIONS = Path(__file__).parent / "translations"

FEEDBACK_PROMPT_SETS: list[dict] = [
    {
        "slug": "keep-grow-see",
        "name": "Keep, grow, see",
        "order": 10,
        "intro": "Three short questions about how I work. A few honest sentences are worth "
        "more than a polished paragraph, and it is fine to skip a question.",
        "prompts": [
            {
                "order": 10,
                "kind": TEXT,
                "text": "What should I keep doing?",
                "help_text": "Something you have seen me do that works, and why it matters "
                "to you or the team.",
            },
            {
                "order": 20,
                "kind": TEXT,
                "text": "Where could I grow?",
                "help_text": "One thing that would make the biggest difference, with an "
                "example if one comes to mind.",
            },
            {
                "order": 30,
                "kind": STRENGTHS,
                "max_picks": 3,
                "text": "Which of these strengths do you see in me?",
                "help_text": "Pick up to three that you have seen in practice, not the ones "
                "you would wish on me.",
            },
        ],
    },
    {
        "slug": "after-a-project",
        "name": "After a project",
        "order": 20,
        "intro": "We worked on something together recently. Looking back on it while it "
        "is still fresh helps me learn from it.",
        "prompts": [
            {
                "order": 10,
                "kind": TEXT,
                "text": "What did I contribute that made a difference?",
                "help_text": "Be specific: a decision, a conversation, a piece of work.",
            },
            {
                "order": 20,
                "kind": TEXT,
                "text": "What could I have done differently?",
                "help_text": "Think of a moment where another approach would have helped "
                "you or the project.",
            },
            {
                "order": 30,
                "kind": TEXT,
                "text": "What was it like to work with me?",
                "help_text": "How I communicated, shared information and handled pressure.",
            },
            {
                "order": 40,
                "kind": TEXT,
                "text": "What would you ask me to do on our next project together?",
                "help_text": "",
            },
        ],
    },
    {
        "slug": "strengths-i-show",
        "name": "Strengths I show",
        "order": 30,
        "intro": "I am comparing how I see my strengths with how others see them. Your view "
        "is one I value.",
        "prompts": [
            {
                "order": 10,
                "kind": STRENGTHS,
                "max_picks": 5,
                "text": "Which of these do you see in me most clearly?",
                "help_text": "Pick up to five, thinking of the last few months.",
            },
            {
                "order": 20,
                "kind": TEXT,
                "text": "Where have you seen me at my best?",
                "help_text": "A moment, a task or a kind of work.",
            },
            {
                "order": 30,
                "kind": TEXT,
                "text": "Which strength do I underuse?",
                "help_text": "Something I do well and could lean on more often.",
            },
        ],
    },
]


@in_source_language
def load_feedback_prompts(FeedbackPromptSet, FeedbackPrompt) -> int:
    """Create or update every shipped set and prompt; return the number of rows written."""
    written = 0
    for spec in FEEDBACK_PROMPT_SETS:
        values = translated(
            FeedbackPromptSet, {field: spec[field] for field in SET_FIELDS}, TRANSLATIONS
        )
        prompt_set = FeedbackPromptSet.objects.filter(slug=spec["slug"]).first()
        if prompt_set is None:
            prompt_set = FeedbackPromptSet.objects.create(
                slug=spec["slug"], order=spec["order"], is_active=True, **values
            )
            written += 1
        else:
            written += save_if_changed(prompt_set, values)
        for prompt_spec in spec["prompts"]:
            written += _load_prompt(FeedbackPrompt, prompt_set, prompt_spec)
    return written


def unload_feedback_prompts(FeedbackPromptSet) -> int:
    """Delete the shipped sets nobody has asked with; the others stay with their prompts."""
    deleted, _by_model = (
        FeedbackPromptSet.objects.filter(slug__in=[spec["slug"] for spec in FEEDBACK_PROMPT_SETS])
        .filter(requests__isnull=True)
        .delete()
    )
    return deleted


def _load_prompt(FeedbackPrompt, prompt_set, spec: dict) -> int:
    values = translated(
        FeedbackPrompt,
        {
            "text": spec["text"],
            "help_text": spec.get("help_text", ""),
            "kind": spec["kind"],
            "max_picks": spec.get("max_picks", 5),
        },
        TRANSLATIONS,
    )
    wordings = [spec["text"], *spec.get("replaces", ())]
    rows = FeedbackPrompt.objects.filter(prompt_set=prompt_set, text__in=wordings).order_by("pk")
    prompt = rows.filter(text=spec["text"]).first() or rows.first()
    if prompt is None:
        FeedbackPrompt.objects.create(
            prompt_set=prompt_set, order=spec["order"], is_active=True, **values
        )
        return 1
    return save_if_changed(prompt, values)
