"""Writes for the wins journal: recording a win, changing it, deleting it.

What must stay true:
- a win links only its owner's goal, step, check-in, comment, circle member and own
  skills; another person's raises ``ValidationError`` and nothing is written (the forms
  offer only the owner's, so this guards scripts and stale pages);
- a change from an older version of the win raises ``StaleEdit`` and writes nothing
  (``careerapp.concurrency``): its fields are written only when the person changed them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assessments.models import PersonalSkill, Question, QuestionType
from careerapp.concurrency import StaleEdit, claim_version, save_changes
from goals.models import Goal, Task
from reviews.models import CheckIn, CircleMember, Comment, Win

WIN_FIELDS = ("title", "impact", "happened_on", "goal", "noticed_by", "member")
WIN_SKILL_FIELDS = ("skills", "personal_skills")


@dataclass
class WinData:
    title: str
    happened_on: datetime.date
    impact: str = ""
    goal: Goal | None = None
    task: Task | None = None
    checkin: CheckIn | None = None
    comment: Comment | None = None
    noticed_by: str = ""
    member: CircleMember | None = None
    skills: list[Question] = field(default_factory=list)
    personal_skills: list[PersonalSkill] = field(default_factory=list)


def _check_links(user, values: dict[str, Any]) -> None:
    """Refuse what is not the person's: each link's owner is on the row it names."""
    owners = {
        "goal": lambda goal: goal.user_id,
        "task": lambda task: task.goal.user_id,
        "checkin": lambda checkin: checkin.user_id,
        "comment": lambda comment: comment.owner_id,
        "member": lambda member: member.owner_id,
    }
    for name, owner_of in owners.items():
        linked = values.get(name)
        if linked is not None and owner_of(linked) != user.pk:
            raise ValidationError(_("That is not yours to link."), code="foreign_link")
    if any(skill.user_id != user.pk for skill in values.get("personal_skills") or ()):
        raise ValidationError(_("That skill is not one of yours."), code="foreign_skill")
    if any(q.type != QuestionType.SKILL for q in values.get("skills") or ()):
        raise ValidationError(_("Choose skills only."), code="not_a_skill")


@transaction.atomic
def win_create(*, user, data: WinData) -> Win:
    values = vars(data).copy()
    _check_links(user, values)
    skills, personal = values.pop("skills"), values.pop("personal_skills")
    win = Win.objects.create(user=user, **values)
    win.skills.set(skills)
    win.personal_skills.set(personal)
    return win


@transaction.atomic
def win_update(*, win: Win, data: dict[str, Any], version: int | None) -> Win:
    """Write the fields of ``data`` (those the person changed) if the win is still at
    ``version``. The skills are sets: given, they replace the win's."""
    _check_links(win.user, data)
    scalar = {name: value for name, value in data.items() if name in WIN_FIELDS}
    sets = {name: list(data[name]) for name in WIN_SKILL_FIELDS if name in data}
    saved = save_changes(Win, pk=win.pk, version=version, data=scalar)
    row = saved.row
    if sets and not _same_sets(row, sets):
        # The skills live in their own tables: claim the version for them as one write.
        if not saved.changes and not claim_version(Win, pk=row.pk, version=row.version):
            raise StaleEdit
        for name, chosen in sets.items():
            getattr(row, name).set(chosen)
    return row


def _same_sets(win: Win, sets: dict[str, Iterable]) -> bool:
    return all(
        {obj.pk for obj in chosen} == set(getattr(win, name).values_list("pk", flat=True))
        for name, chosen in sets.items()
    )


def win_delete(*, win: Win) -> None:
    win.delete()
