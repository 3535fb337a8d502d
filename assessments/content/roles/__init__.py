"""The role library Career Compass ships: a career framework as plain data.

``TRACKS`` is a list of tracks, each ``{"slug", "name", "summary", "roles"}``; its roles run
from the first level to the highest, and a role's place in that list is its position. A role
is ``{"slug", "title", "level", "summary", "responsibilities", "experience", "skills",
"moves"}``:
- ``level`` is one of ``LEVELS``;
- ``skills`` are ``(skill key, level 1-5, "core" | "helpful")``, each key one of
  ``assessments.content.skills.SKILL_KEYS``, so a role is compared with a person's answers to
  the skills instrument;
- ``moves`` are ``(role slug, typical months)``: where people commonly go next, up, sideways
  or into another track.
``LEARNING`` suggests, for every skill key, how to learn it (``roles/learning.py``).

What must stay true:
- No model imports: the loader takes the model classes, so migrations can pass historical
  ones (see ``assessments.content``).
- A role's slug is unique across all tracks and never changes once shipped: people's target
  roles and the moves point at it.
"""

from __future__ import annotations

from assessments.content.roles.commercial import MARKETING, SALES
from assessments.content.roles.data import DATA_AND_ANALYTICS, DATA_ENGINEERING
from assessments.content.roles.engineering import ENGINEERING_MANAGEMENT, SOFTWARE_ENGINEERING
from assessments.content.roles.learning import KINDS, LEARNING
from assessments.content.roles.operations import CUSTOMER_SUCCESS, OPERATIONS
from assessments.content.roles.people import PEOPLE_AND_HR
from assessments.content.roles.product import DESIGN, PRODUCT_MANAGEMENT

LEVELS = (
    "entry",
    "mid",
    "senior",
    "lead",
    "principal",
    "manager",
    "senior-manager",
    "director",
    "executive",
)

IMPORTANCES = ("core", "helpful")

TRACKS: list[dict] = [
    SOFTWARE_ENGINEERING,
    ENGINEERING_MANAGEMENT,
    PRODUCT_MANAGEMENT,
    DESIGN,
    DATA_AND_ANALYTICS,
    DATA_ENGINEERING,
    SALES,
    MARKETING,
    CUSTOMER_SUCCESS,
    OPERATIONS,
    PEOPLE_AND_HR,
]

__all__ = ["IMPORTANCES", "KINDS", "LEARNING", "LEVELS", "TRACKS"]
