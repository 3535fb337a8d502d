"""Learning suggestions per skill key (``assessments.content.skills.SKILL_KEYS``).

Plain data: each suggestion is ``title``, ``kind`` (a ``LearningKind`` value) and ``url``
(may be empty). A suggestion's identity is its skill and its position in the list: append
new ones, never reorder. A placeholder until the full library lands.
"""

from __future__ import annotations

LEARNING: dict[str, list[dict]] = {
    "coaching": [
        {"title": "Ask one more open question in each one-to-one", "kind": "practice", "url": ""},
    ],
    "feedback": [
        {
            "title": "Situation, behaviour, impact: a simple shape for feedback",
            "kind": "practice",
            "url": "",
        },
    ],
    "leading": [
        {"title": "Shadow a team lead for a planning cycle", "kind": "mentoring", "url": ""},
    ],
}
