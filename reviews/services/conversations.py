"""Writes for career conversations: preparing one (its agenda written from what happened
since the last), saving the agenda, dates and notes, the action items, deleting.

What must stay true:
- an action item with a goal has exactly one step on it (``ActionItem.step``), made by
  goals' own ``task_create``; saving again never makes a second, moving the item to
  another goal moves that step, and an item that loses its goal or is removed leaves its
  step where it is (a step the person may already be working on), no longer linked;
- an item's done state is its step's when it has one: ticking it here ticks the step;
- only the owner's goals: another person's raises ``ValidationError`` and nothing is
  written;
- a save from an older version of the conversation raises ``StaleEdit`` and writes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from careerapp.concurrency import StaleEdit, claim_version
from goals import services as goal_services
from goals.models import Goal, Status
from reviews.models import ActionItem, CircleMember, Conversation, GoalStatusChoice
from reviews.queries.conversations import AgendaMaterial, agenda_material

CONVERSATION_FIELDS = ("agenda", "agenda_shared", "planned_for", "held_on", "notes")
AGENDA_MAX = Conversation._meta.get_field("agenda").max_length
LINE_MAX = 400  # one bullet of the agenda; a long reflection is cut with an ellipsis


@transaction.atomic
def conversation_prepare(
    *, owner, member: CircleMember, today: datetime.date, zone: datetime.tzinfo
) -> Conversation:
    """A planned conversation with ``member``, its agenda written from what happened since
    the last one held with them (``reviews.queries.conversations.agenda_material``)."""
    if member.owner_id != owner.pk:
        raise ValidationError(_("That person is not in your circle."), code="foreign_member")
    material = agenda_material(owner, member, today=today, zone=zone)
    return Conversation.objects.create(
        owner=owner, member=member, with_name=member.name, agenda=agenda_text(material)
    )


def agenda_text(material: AgendaMaterial) -> str:
    """The agenda as plain text: a heading per kind of material, a "- " line per thing,
    readable on paper and by the member it is shared with."""
    blocks = [
        _("Career conversation with %(name)s") % {"name": material.member.name}
        + "\n"
        + _("What happened since %(date)s.") % {"date": _day(material.since)}
    ]
    sections = [
        (_("From last time"), [_action_line(item) for item in material.open_actions]),
        (_("Wins since last time"), [_win_line(win) for win in material.wins]),
        (
            _("Goals at risk or off track"),
            [_risk_line(goal, material.today) for goal in material.goals_at_risk],
        ),
        (
            _("Course corrections"),
            [_change_line(c) for c in material.changes]
            + [_correction_line(r) for r in material.corrections],
        ),
        (_("What I'd want you to know"), [_answer_line(a) for a in material.answers]),
        (_("My biggest gaps"), [_gap_line(gap) for gap in material.gaps]),
    ]
    for heading, lines in sections:
        if lines:
            blocks.append("\n".join([heading, *lines]))
    if material.is_empty:
        blocks.append(_("Nothing new on record since then: what would you like to talk about?"))
    return Truncator("\n\n".join(blocks) + "\n").chars(AGENDA_MAX)


def _day(day: datetime.date) -> str:
    return date_format(day, gettext("j F Y"))


def _bullet(text: str) -> str:
    """One "- " line; the text's own line breaks continue indented under it."""
    lines = Truncator(text.strip()).chars(LINE_MAX).splitlines() or [""]
    return "\n".join(["- " + lines[0], *("  " + line for line in lines[1:] if line.strip())])


def _action_line(item: ActionItem) -> str:
    details = []
    if item.goal is not None:
        details.append(_("goal: %(title)s") % {"title": item.goal.title})
    if item.due_date:
        details.append(_("due %(date)s") % {"date": _day(item.due_date)})
    return _bullet(f"{item.text} ({'; '.join(details)})" if details else item.text)


def _risk_line(goal: Goal, today: datetime.date) -> str:
    reasons = []
    if goal.review_status:
        reasons.append(
            _("%(status)s at the latest check-in")
            % {"status": GoalStatusChoice(goal.review_status).label.lower()}
        )
    if goal.status == Status.ACTIVE and goal.target_date and goal.target_date < today:
        reasons.append(_("target date %(date)s has passed") % {"date": _day(goal.target_date)})
    return _bullet(f"{goal.title}: {', '.join(reasons)}")


def _change_line(change) -> str:
    line = f"{change.goal.title}: {change.sentence()}"
    if change.reason:
        line += " " + _("Why: %(reason)s") % {"reason": change.reason}
    return _bullet(line)


def _correction_line(review) -> str:
    line = _("%(goal)s, at the check-in of %(date)s: %(reason)s") % {
        "goal": review.goal_title,
        "date": _day(review.checkin.period_end),
        "reason": review.correction_reason,
    }
    return _bullet(line)


def _answer_line(answer) -> str:
    return _bullet(
        _("At the check-in of %(date)s: %(answer)s")
        % {"date": _day(answer.checkin.period_end), "answer": answer.answer}
    )


def _win_line(win) -> str:
    line = f"{win.title} ({_day(win.happened_on)})"
    if win.impact:
        line += ": " + win.impact
    if win.noticed_by_name:
        line += " " + _("Noticed by %(name)s.") % {"name": win.noticed_by_name}
    return _bullet(line)


def _gap_line(gap) -> str:
    return _bullet(
        _("%(skill)s: %(current)s, wanting %(desired)s")
        % {"skill": gap.name, "current": gap.current_name, "desired": gap.desired_name}
    )


# --- Saving ------------------------------------------------------------------------


@dataclass
class ActionItemData:
    """One row of the action items as sent. ``item`` None: a new one. ``changed``: the
    fields the person changed on an existing row; only those are written."""

    text: str
    goal: Goal | None = None
    due_date: datetime.date | None = None
    done: bool = False
    item: ActionItem | None = None
    remove: bool = False
    changed: frozenset[str] = field(default_factory=frozenset)


@transaction.atomic
def conversation_save(
    *,
    conversation: Conversation,
    data: dict,
    actions: Sequence[ActionItemData] = (),
    version: int | None = None,
) -> Conversation:
    """Write the conversation's fields in ``data`` (what the person changed) and its action
    items, if the conversation is still at ``version`` (else ``StaleEdit``, nothing written).
    """
    unknown = set(data) - set(CONVERSATION_FIELDS)
    if unknown:
        raise ValueError(f"not a conversation field: {sorted(unknown)}")
    # One raise of the version per save, claimed first: the UPDATE holds the row until
    # the transaction ends, so of two saves from the same version only one writes.
    if version is None:  # no version sent: last write wins, but later tabs see it moved
        Conversation.objects.filter(pk=conversation.pk).update(version=F("version") + 1)
    elif not claim_version(Conversation, pk=conversation.pk, version=version):
        raise StaleEdit
    if data:
        Conversation.objects.filter(pk=conversation.pk).update(**data, updated_at=timezone.now())
    action_items_save(conversation=conversation, items=actions)
    conversation.refresh_from_db(fields=[*data, "version", "updated_at"])
    return conversation


@transaction.atomic
def action_items_save(
    *, conversation: Conversation, items: Sequence[ActionItemData]
) -> list[ActionItem]:
    """Add, change and remove action items; each with a goal keeps exactly one step."""
    for data in items:
        if data.goal is not None and data.goal.user_id != conversation.owner_id:
            raise ValidationError(_("That goal is not yours."), code="foreign_goal")
        if data.item is not None and data.item.conversation_id != conversation.pk:
            raise ValidationError(_("That action is not in this conversation."), code="foreign")
    saved = []
    for data in items:
        if data.item is None:
            saved.append(_create(conversation, data))
        elif data.remove:
            data.item.delete()  # the step stays on its goal: SET_NULL unlinks it
        else:
            saved.append(_update(data.item, data))
    return saved


def _create(conversation: Conversation, data: ActionItemData) -> ActionItem:
    item = ActionItem(
        conversation=conversation,
        text=data.text,
        goal=data.goal,
        due_date=data.due_date,
        done=data.done,
    )
    if data.goal is not None:
        item.step = _new_step(item)
    item.save()
    return item


def _new_step(item: ActionItem):
    step = goal_services.task_create(goal=item.goal, title=item.text, due_date=item.due_date)
    if item.done:
        goal_services.task_set_done(task=step, done=True)
    return step


def _update(item: ActionItem, data: ActionItemData) -> ActionItem:
    # Read again under a lock: the step a second tab may have just linked is the one kept.
    item = ActionItem.objects.select_for_update(of=("self",)).select_related("step").get(pk=item.pk)
    changed = data.changed
    for name in ("text", "goal", "due_date", "done"):
        if name in changed:
            setattr(item, name, getattr(data, name))
    step_data = {}
    if item.step is not None and "goal" in changed:
        if item.goal is None:
            item.step = None  # no goal, no step: it stays on its goal, unlinked
        elif item.step.goal_id != item.goal.pk:
            step_data["goal"] = item.goal  # moved with the item: still exactly one
    if item.step is not None:
        if "text" in changed:
            step_data["title"] = item.text
        if "due_date" in changed:
            step_data["due_date"] = item.due_date
        if step_data:
            goal_services.task_update(task=item.step, data=step_data)
        if "done" in changed and item.step.is_done != item.done:
            goal_services.task_set_done(task=item.step, done=item.done)
    elif item.goal is not None and changed:
        item.step = _new_step(item)  # new to a goal, or its step was deleted there
    item.save()
    return item


@transaction.atomic
def conversation_delete(*, conversation: Conversation) -> None:
    """Delete the conversation and its action items; their steps stay on their goals.

    The member is touched: the next conversation with them may now come from an earlier
    one, and the calendar feed dates that day by the member's ``updated_at``."""
    conversation.delete()
    if conversation.member_id is not None:
        CircleMember.objects.filter(pk=conversation.member_id).update(updated_at=timezone.now())
