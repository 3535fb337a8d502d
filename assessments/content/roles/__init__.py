"""The role library Career Compass ships: tracks of roles, loaded by
``assessments.content.library.load_roles``.

Plain data, no model imports. A track: ``slug``, ``name``, ``summary``, ``roles``. A role:
``slug``, ``title``, ``level`` (a ``RoleLevel`` value), ``summary``, ``responsibilities``
(a list of lines), ``experience``, ``skills`` as (skill key of ``SKILL_KEYS``, level 1-5,
"core" or "helpful") and ``moves`` as (slug of the role it leads to, typical months).
``LEARNING`` (``roles/learning.py``) maps a skill key to its suggestions.

A placeholder: one small track so the pages have something to show, until the full
library lands.
"""

from __future__ import annotations

from assessments.content.roles.learning import LEARNING

TRACKS: list[dict] = [
    {
        "slug": "product-delivery",
        "name": "Product delivery",
        "summary": "The people who turn an idea into something that works in people's hands, "
        "from doing the work well to leading the people who do it.",
        "roles": [
            {
                "slug": "practitioner",
                "title": "Practitioner",
                "level": "mid",
                "summary": "Does the core work of the team well and on their own, and knows "
                "when to ask for help.",
                "responsibilities": [
                    "Deliver well-made work from a clear brief",
                    "Find and fix the causes of problems, not only their symptoms",
                    "Keep teammates informed of progress and risks",
                ],
                "experience": "Usually two to four years in the craft.",
                "skills": [
                    ("craft", 3, "core"),
                    ("problem-solving", 3, "core"),
                    ("collaboration", 3, "core"),
                    ("writing", 2, "helpful"),
                ],
                "moves": [("senior-practitioner", 24)],
            },
            {
                "slug": "senior-practitioner",
                "title": "Senior practitioner",
                "level": "senior",
                "summary": "Handles the hard cases, shapes how the team works and helps "
                "others grow.",
                "responsibilities": [
                    "Own the hardest parts of the team's work",
                    "Review others' work and raise the bar kindly",
                    "Turn a vague problem into a plan others can follow",
                ],
                "experience": "Usually five years or more, with work others rely on.",
                "skills": [
                    ("craft", 4, "core"),
                    ("problem-solving", 4, "core"),
                    ("planning", 3, "core"),
                    ("coaching", 3, "helpful"),
                    ("influence", 3, "helpful"),
                ],
                "moves": [("team-lead", 18)],
            },
            {
                "slug": "team-lead",
                "title": "Team lead",
                "level": "manager",
                "summary": "Leads a small team: its people, its plans and how it works "
                "with the rest of the organisation.",
                "responsibilities": [
                    "Hold regular one-to-ones and career conversations",
                    "Agree priorities with stakeholders and say no when needed",
                    "Hire, onboard and grow the team",
                ],
                "experience": "Usually after a senior role, often with some mentoring done.",
                "skills": [
                    ("leading", 3, "core"),
                    ("coaching", 4, "core"),
                    ("feedback", 4, "core"),
                    ("deciding", 3, "core"),
                    ("craft", 3, "helpful"),
                ],
                "moves": [("senior-practitioner", 12)],
            },
        ],
    },
]

__all__ = ["LEARNING", "TRACKS"]
