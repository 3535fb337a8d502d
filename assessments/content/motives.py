"""Shipped instruments about what moves a person: work values and interests.

Plain data, loaded by ``assessments.content.load_instruments``; see that module for the
shape and the rules.
"""

from __future__ import annotations

from assessments.content.parts import multiple, rating, section, text

_MATTERS = {"low": "Hardly matters to me", "high": "Essential to me"}

# (name, what it means): rated one by one, then offered again for the top three.
_VALUES = [
    (
        "Security and stability",
        "A steady income, a predictable future, and not lying awake over the next reorganisation.",
    ),
    ("Good pay", "Being paid well for what you bring, and able to afford the life you want."),
    ("Autonomy", "Deciding for yourself how, when and where you do your work."),
    (
        "Mastery and challenge",
        "Hard problems that stretch you, and a craft you keep getting better at.",
    ),
    ("Meaning", "Work that helps people, or a cause you care about, in a way you can see."),
    ("Recognition", "Your work being noticed, credited and appreciated by people you respect."),
    ("Belonging", "Colleagues you like and trust, and the feeling of being part of a team."),
    ("Balance", "Time and energy left over for the people and things outside work."),
    ("Variety", "Different tasks, people and problems, rather than the same day on repeat."),
    ("Influence", "A say in decisions and direction, and seeing your view make a difference."),
    ("Creativity", "Room to invent: new things, new ideas, new ways of working."),
    (
        "Integrity",
        "An employer whose purpose and conduct you can stand behind without wincing.",
    ),
]

VALUES = {
    "slug": "values",
    "name": "Work values",
    "kind": "values",
    "order": 30,
    "retake_days": 365,
    "allows_personal_items": False,
    "purpose": "Values are what you need from work to feel it is worth your time. They "
    "explain why a job that looks good on paper can feel wrong, and they are the surest "
    "guide when you weigh one option against another. Rate how much each one matters to "
    "you now - not how much it ought to - and then choose the few that matter most.",
    "questions": [
        *section(
            "How much each matters",
            *(rating(name, help_text=meaning, **_MATTERS) for name, meaning in _VALUES),
        ),
        *section(
            "What comes first",
            multiple(
                "Pick the three that matter most to you right now.",
                [name for name, _meaning in _VALUES],
                "If everything matters, nothing can guide a decision. Choose three, even if "
                "leaving the others out stings a little.",
                required=True,
                max_choices=3,
            ),
            text(
                "Think of a time work felt deeply right. Which of these values was being met?",
                "A project, a team or a single day. What made it feel that way?",
            ),
            text(
                "Is there a value your current work asks you to set aside? What does that "
                "cost you?",
                "Naming it is the first step to deciding whether the trade is still worth it.",
            ),
        ),
    ],
}

_ENJOY = {"low": "Drains me", "high": "Energises me"}

INTERESTS = {
    "slug": "interests",
    "name": "Interests and enjoyable work",
    "kind": "interests",
    "order": 40,
    "retake_days": 365,
    "allows_personal_items": False,
    "purpose": "What you enjoy doing is a better guide to your next step than what you happen "
    "to be good at: enjoyment keeps you practising, and practice makes you good. Rate how "
    "each kind of work leaves you feeling when you have done it for a while, whether or not "
    "your current job includes it.",
    "questions": [
        *section(
            "Kinds of work",
            rating(
                "Building and making things",
                help_text="Producing something concrete you can point at: software, a "
                "product, a design, a finished report, a repaired machine.",
                **_ENJOY,
            ),
            rating(
                "Analysing and solving puzzles",
                help_text="Digging into a problem until it makes sense: data, root causes, "
                "how a system really behaves.",
                **_ENJOY,
            ),
            rating(
                "Helping and teaching people",
                help_text="Supporting someone, explaining, and watching the moment it clicks "
                "for them.",
                **_ENJOY,
            ),
            rating(
                "Persuading and negotiating",
                help_text="Winning people over to an idea, a product or a plan, and finding "
                "the deal that works for both sides.",
                **_ENJOY,
            ),
            rating(
                "Organising and improving how things run",
                help_text="Bringing order: plans, schedules, checklists, and smoother ways of "
                "doing the same work.",
                **_ENJOY,
            ),
            rating(
                "Creating and expressing",
                help_text="Writing, design, storytelling, music: work that carries your own "
                "voice and taste.",
                **_ENJOY,
            ),
            rating(
                "Leading and bringing people together",
                help_text="Getting a group moving in one direction: running the meeting, "
                "setting the plan, keeping spirits up.",
                **_ENJOY,
            ),
            rating(
                "Researching and exploring",
                help_text="Reading, experimenting and finding out how things work, even "
                "without a deadline or a use in sight.",
                **_ENJOY,
            ),
            rating(
                "Hands-on and practical work",
                help_text="Working with tools, equipment, materials or places, rather than on "
                "a screen.",
                **_ENJOY,
            ),
        ),
        *section(
            "Where your energy goes",
            multiple(
                "Which of these have you lost track of time doing in the past year?",
                [
                    "Fixing something that was broken",
                    "Explaining something until it made sense to someone",
                    "Tidying up a messy process, file or plan",
                    "Sketching, writing or designing something new",
                    "Digging through data to find the answer",
                    "Talking a sceptical person round",
                    "Learning a new tool or subject for its own sake",
                    "Organising an event, a trip or a team effort",
                    "Mentoring or looking after a newcomer",
                    "Making something with my hands",
                ],
                "Tick as many as apply, at work or outside it. Losing track of time is a "
                "good sign of real interest.",
            ),
            text(
                "What do you do when nobody is asking you to?",
                "Hobbies, side projects, the articles you read to the end, the problems you "
                "pick up unprompted.",
            ),
            text(
                "Which parts of your current job would you keep if you could drop the rest?",
            ),
        ),
    ],
}
