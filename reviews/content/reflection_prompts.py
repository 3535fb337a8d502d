"""The reflection prompts Career Compass ships.

A prompt is plain data: ``key`` (our name for it, used by the demo and the tests),
``text`` (the question, in a coach's voice), ``help_text`` (one nudge under the answer
box), ``scope`` (``every`` check-in, or ``quarterly`` when the period closes a quarter)
and ``order``. ``replaces`` lists earlier wordings when a later release rewords a prompt.
No model imports (see ``reviews.content``).
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
