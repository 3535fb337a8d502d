"""Stable keys for the shipped skill questions, so the role library can name them.

``SKILL_KEYS`` maps a key to the 1-based position of its question in ``SKILLS["questions"]``
(``assessments.content.abilities``); the loader finds that question at order
position * ORDER_STEP. Plain data, no model imports: a data migration reads it.

What must stay true: a key, once shipped, keeps its position (questions are only ever
appended), so a role's required skills never silently point at another question.
"""

from __future__ import annotations

SKILL_KEYS: dict[str, int] = {
    "craft": 1,
    "problem-solving": 2,
    "data-evidence": 3,
    "writing": 4,
    "planning": 5,
    "learning": 6,
    "listening": 7,
    "feedback": 8,
    "collaboration": 9,
    "disagreement": 10,
    "presenting": 11,
    "relationships": 12,
    "influence": 13,
    "coaching": 14,
    "deciding": 15,
    "strategy": 16,
    "leading": 17,
}
