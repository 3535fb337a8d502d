"""The demo person's open decision, in words: plain data read by ``goals.demo.decision``."""

from __future__ import annotations

DEMO_DECISION = {
    "question": "Which move next year?",
    "context": "The reorganisation in spring opens a lead role; a friend's start-up is hiring.",
    # Each option may name a library role by slug (used only where the site has it).
    "options": [
        {
            "title": "Lead the platform team",
            "pros": "Shape how the team works\nThe budget is approved",
            "cons": "Less time for hands-on work",
            "role": "engineering-manager",
        },
        {
            "title": "Deepen my expertise where I am",
            "pros": "Known people, steady pay",
            "role": "staff-software-engineer",
        },
        {"title": "Join Ana's start-up", "cons": "Pay cut for a year", "notes": "Ask Ana."},
    ],
    # Scores per option, one per criterion in order; None is a cell not scored yet.
    "scores": ((4, 3, 2, 5), (5, 4, 4, None), (3, 2, 5, 3)),
    # How the person feels about each option; None: not asked yet.
    "guts": (4, None, 2),
    "reason": "Talked it through with Sam.",
}
