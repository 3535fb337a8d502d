"""Stable keys for the questions of the shipped skills instrument.

The role library (``assessments.content.roles``) names the skills a role needs by these keys,
not by their words, so a reworded prompt or a translation changes no role.

What must stay true:
- No model imports (a data migration loads this module).
- A value is the 1-based position of the question in ``SKILLS["questions"]``: the question
  whose order is position * ORDER_STEP. Questions are only ever appended, so a key, once
  shipped, points at the same question for good; a new skill gets a new key and position.
- Every skill question of the instrument has exactly one key.
"""

from __future__ import annotations

SKILL_KEYS: dict[str, int] = {
    # Technical and craft
    "craft": 1,
    "problem-solving": 2,
    "data-evidence": 3,
    "writing": 4,
    "planning": 5,
    "learning": 6,
    # Working with people
    "listening": 7,
    "feedback": 8,
    "collaboration": 9,
    "disagreement": 10,
    "presenting": 11,
    "relationships": 12,
    # Leading and influencing
    "influence": 13,
    "coaching": 14,
    "deciding": 15,
    "strategy": 16,
    "leading": 17,
    # Specialist (optional): software and products
    "software-development": 18,
    "system-design": 19,
    "production-operations": 20,
    "product-discovery": 21,
    "user-research": 22,
    "interaction-design": 23,
    # Specialist (optional): data
    "data-analysis": 24,
    "statistics-experiments": 25,
    "machine-learning": 26,
    "data-engineering": 27,
    # Specialist (optional): customers and business
    "selling": 28,
    "account-management": 29,
    "marketing": 30,
    "growth-campaigns": 31,
    "financial-sense": 32,
    "process-improvement": 33,
    "project-management": 34,
    # Specialist (optional): people and organisations
    "hiring": 35,
    "performance-management": 36,
    "employment-practice": 37,
    "organisation-design": 38,
    "change-leadership": 39,
}
