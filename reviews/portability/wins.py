"""The "wins" part of the export: the wins journal.

A win links things other parts carry, so it is written and read after them (``after`` in
``apps.py``): goals and steps by the goals part's refs, own skills by the assessments
part's, circle members and comments by the circle part's, check-ins by their period, skill
questions by their natural key (``assessments.portability.question_key``). A comment that
did not come along (its goal, check-in or result was left out) leaves the win unlinked
from it, counted; the win itself is kept.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from assessments.models import Question
from assessments.portability import question_for, question_key
from careerapp.models import User
from careerapp.portability import ExportContext, ImportContext
from careerapp.portability.document import Node, bad, create_keeping_updated_at, values
from reviews.models import CheckIn, Win

WIN_FIELDS = ("title", "impact", "happened_on", "noticed_by", "created_at", "updated_at")


def has_data(user: User) -> bool:
    return Win.objects.for_user(user).exists()


# --- Export ----------------------------------------------------------------------------


def write(context: ExportContext) -> dict[str, Any]:
    """Three queries: the wins with their check-in, their skills, their own skills."""
    refs = context.refs
    wins = (
        Win.objects.for_user(context.user)
        .select_related("checkin")
        .prefetch_related(
            Prefetch("skills", queryset=Question.objects.select_related("instrument")),
            "personal_skills",
        )
        .order_by("happened_on", "created_at", "pk")
    )
    return {
        "wins": [
            {
                **values(win, WIN_FIELDS),
                "goal_ref": refs["goals"].get(win.goal_id),
                "task_ref": refs["tasks"].get(win.task_id),
                "checkin": win.checkin.period_start.isoformat() if win.checkin_id else None,
                "comment_ref": refs["circle_comments"].get(win.comment_id),
                "member_ref": refs["circle_members"].get(win.member_id),
                "skills": [question_key(q) for q in win.skills.all()],
                "personal_skill_refs": sorted(
                    refs["personal_skills"][s.pk]
                    for s in win.personal_skills.all()
                    if s.pk in refs["personal_skills"]
                ),
            }
            for win in wins
        ]
    }


# --- Import -----------------------------------------------------------------------------


def read(context: ImportContext, doc: Node) -> None:
    raw = doc.get("wins")
    if raw is None:  # a file from before the wins journal
        return
    part = Node(raw, "wins")
    refs = context.refs
    checkins = {c.period_start: c for c in CheckIn.objects.for_user(context.user)}
    wins, skills, own = [], [], []
    for item in part.objects("wins"):
        win = item.build(Win, WIN_FIELDS)
        win.user = context.user
        win.goal = item.ref("goal_ref", refs["goals"])
        win.task = item.ref("task_ref", refs["tasks"])
        win.member = item.ref("member_ref", refs["circle_members"])
        win.comment = _comment(context, item)
        day = item.text("checkin")
        if day is not None:
            win.checkin = checkins.get(_date(item, day))
            context.summary.unlinked += win.checkin is None
        wins.append(win)
        found = [question_for(context, key) for key in item.objects("skills")]
        skills.append({q.pk: q for q in found if q is not None}.values())
        chosen = _refs(item, "personal_skill_refs", refs["personal_skills"])
        own.append([s for s in chosen if s.pk is not None])  # see goals.portability
    create_keeping_updated_at(Win, wins)
    Win.skills.through.objects.bulk_create(
        Win.skills.through(win=win, question=q)
        for win, qs in zip(wins, skills, strict=True)
        for q in qs
    )
    Win.personal_skills.through.objects.bulk_create(
        Win.personal_skills.through(win=win, personalskill=s)
        for win, chosen in zip(wins, own, strict=True)
        for s in chosen
    )


def _comment(context: ImportContext, item: Node):
    """The comment the win came from, if it came along (see the module's docstring)."""
    value = item.get("comment_ref")
    if value is None:
        return None
    if type(value) is not int:
        raise bad(item.at("comment_ref"), _("should be a number."))
    found = context.refs["circle_comments"].get(value)
    context.summary.unlinked += found is None
    return found


def _refs(item: Node, key: str, known: dict[int, Any]) -> list[Any]:
    raw = item.get(key)
    if not isinstance(raw, list):
        raise bad(item.at(key), _("should be a list."))
    found = {}
    for value in raw:
        if type(value) is not int or value not in known:
            raise bad(item.at(key), _("points at nothing in this file."))
        found[value] = known[value]
    return list(found.values())


def _date(item: Node, value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise bad(
            item.at("checkin"), _("should be a date in ISO 8601 form, like 2027-03-31.")
        ) from (error)
