"""Writes of the assessments app: ``takes`` (self-assessments, personal skills, the admin's
content writes), ``roles`` (current and target roles) and ``library`` (the admins' writes
to the role library)."""

from assessments.services.library import role_duplicate, roles_duplicate
from assessments.services.roles import (
    current_role_set,
    target_role_remove,
    target_role_set,
    target_roles_mark_gap_mentioned,
)
from assessments.services.takes import (
    ANSWER_FIELDS,
    NAME_MAX_LENGTH,
    instrument_duplicate,
    instruments_duplicate,
    missing_required,
    personal_skill_add,
    personal_skill_remove,
    take_complete,
    take_discard,
    take_page_submit,
    take_save_answers,
    take_start,
)

__all__ = [
    "ANSWER_FIELDS",
    "NAME_MAX_LENGTH",
    "current_role_set",
    "instrument_duplicate",
    "instruments_duplicate",
    "missing_required",
    "personal_skill_add",
    "personal_skill_remove",
    "role_duplicate",
    "roles_duplicate",
    "take_complete",
    "take_discard",
    "take_page_submit",
    "take_save_answers",
    "take_start",
    "target_role_remove",
    "target_role_set",
    "target_roles_mark_gap_mentioned",
]
