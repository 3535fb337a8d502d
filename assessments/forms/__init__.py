"""The assessments app's forms: ``takes`` (a page of a self-assessment, own skills) and
``roles`` (Explore's filters, the paths page, the current role, target roles)."""

from assessments.forms.roles import (
    OTHER_ROLE,
    TARGET_REMOVE,
    CurrentRoleForm,
    ExploreForm,
    PathsForm,
    TargetForm,
)
from assessments.forms.takes import (
    KEY_PATTERN,
    OWN_SKILLS_PAGE,
    Item,
    PersonalSkillForm,
    TakePageForm,
    TakePages,
)

__all__ = [
    "KEY_PATTERN",
    "OTHER_ROLE",
    "OWN_SKILLS_PAGE",
    "TARGET_REMOVE",
    "CurrentRoleForm",
    "ExploreForm",
    "Item",
    "PathsForm",
    "PersonalSkillForm",
    "TakePageForm",
    "TargetForm",
    "TakePages",
]
