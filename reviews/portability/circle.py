"""The "circle" part of the export: my circle and what each member sees, their comments and
my replies, the feedback I asked for with its answers, and my career conversations with
their action items.

No secret travels: a file holds no link's salt or hash. Imported members and requests get
new links, which nobody has yet: the owner sends a member a new link when they want them
back in ("Send a new link"); an open feedback request's giver would need a new request.
The dates travel as they were (when the invitation went out, when a request was sent).
Goals and steps are linked by the goals part's refs, check-ins by their period, results by
instrument and completion time, strengths picks and prompt sets by their natural keys.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from assessments.models import Instrument, Question, Take
from assessments.portability import question_for, question_key
from careerapp import tokens
from careerapp.models import User
from careerapp.portability import ExportContext, ImportContext
from careerapp.portability.document import Node, bad, values
from reviews.models import (
    ActionItem,
    CheckIn,
    CircleMember,
    Comment,
    Conversation,
    FeedbackAnswer,
    FeedbackPrompt,
    FeedbackPromptSet,
    FeedbackRequest,
)
from reviews.models.circle import LINK_PURPOSE as CIRCLE_PURPOSE
from reviews.models.feedback import LINK_PURPOSE as FEEDBACK_PURPOSE

MEMBER_FIELDS = (
    "name",
    "email",
    "role",
    "label",
    "message",
    "link_days",
    "expires_at",
    "invite_sent_at",
    "revoked_at",
    "goals_sharing",
    "checkins_sharing",
    "share_quarters",
    "share_roles",
    "share_decisions",
    "conversation_every",
    "created_at",
)
COMMENT_FIELDS = ("by_owner", "author_name", "body", "created_at", "emailed_at")
REQUEST_FIELDS = (
    "name",
    "email",
    "message",
    "created_at",
    "expires_at",
    "sent_at",
    "reminded_at",
    "answered_at",
    "withdrawn_at",
)
ANSWER_FIELDS = ("prompt_text", "text")
CONVERSATION_FIELDS = (
    "with_name",
    "planned_for",
    "held_on",
    "agenda",
    "agenda_shared",
    "notes",
    "created_at",
)
ACTION_FIELDS = ("text", "due_date", "done", "created_at")


def has_data(user: User) -> bool:
    return (
        CircleMember.objects.for_user(user).exists()
        or FeedbackRequest.objects.for_user(user).exists()
        or Conversation.objects.for_user(user).exists()
    )


# --- Export ----------------------------------------------------------------------------


def write(context: ExportContext) -> dict[str, Any]:
    user = context.user
    goal_refs, task_refs = context.refs["goals"], context.refs["tasks"]
    members = list(
        CircleMember.objects.for_user(user)
        .prefetch_related("goals", "instruments")
        .order_by("created_at", "pk")
    )
    member_refs = context.refs["circle_members"] = {m.pk: ref for ref, m in enumerate(members, 1)}
    return {
        "members": [
            {
                "ref": member_refs[m.pk],
                **values(m, MEMBER_FIELDS),
                "goal_refs": sorted(goal_refs[g.pk] for g in m.goals.all() if g.pk in goal_refs),
                "instruments": sorted(i.slug for i in m.instruments.all()),
            }
            for m in members
        ],
        "comments": _comments_doc(context, member_refs, goal_refs),
        "feedback_requests": _requests_doc(user, member_refs),
        "conversations": _conversations_doc(user, member_refs, goal_refs, task_refs),
    }


def _comments_doc(context: ExportContext, member_refs, goal_refs) -> list[dict]:
    comments = list(
        Comment.objects.for_user(context.user)
        .select_related("checkin", "take__instrument")
        .order_by("created_at", "pk")
    )
    comment_refs = context.refs["circle_comments"] = {
        c.pk: ref for ref, c in enumerate(comments, 1)
    }
    return [
        {
            "ref": comment_refs[c.pk],
            "member_ref": member_refs.get(c.member_id),
            "parent_ref": comment_refs.get(c.parent_id),
            **values(c, COMMENT_FIELDS),
            "goal_ref": goal_refs.get(c.goal_id),
            "checkin": c.checkin.period_start.isoformat() if c.checkin_id else None,
            "take": {
                "instrument": c.take.instrument.slug,
                "completed_at": c.take.completed_at.isoformat(),
            }
            if c.take_id and c.take.completed_at
            else None,
        }
        for c in comments
    ]


def _requests_doc(user, member_refs) -> list[dict]:
    picks = Prefetch("picks", queryset=Question.objects.select_related("instrument"))
    answers = FeedbackAnswer.objects.prefetch_related(picks).order_by("pk")
    requests = (
        FeedbackRequest.objects.for_user(user)
        .select_related("prompt_set")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .order_by("created_at", "pk")
    )
    return [
        {
            "member_ref": member_refs.get(r.member_id),
            "prompt_set": r.prompt_set.slug,
            **values(r, REQUEST_FIELDS),
            "answers": [
                {
                    **values(a, ANSWER_FIELDS),
                    "picks": [question_key(q) for q in a.picks.all()],
                }
                for a in r.answers.all()
            ],
        }
        for r in requests
    ]


def _conversations_doc(user, member_refs, goal_refs, task_refs) -> list[dict]:
    conversations = (
        Conversation.objects.for_user(user).prefetch_related("actions").order_by("created_at", "pk")
    )
    return [
        {
            "member_ref": member_refs.get(c.member_id),
            **values(c, CONVERSATION_FIELDS),
            "actions": [
                {
                    **values(a, ACTION_FIELDS),
                    "goal_ref": goal_refs.get(a.goal_id),
                    "task_ref": task_refs.get(a.step_id),
                }
                for a in c.actions.all()
            ],
        }
        for c in conversations
    ]


# --- Import -----------------------------------------------------------------------------


def read(context: ImportContext, doc: Node) -> None:
    context.refs["circle_members"], context.refs["circle_comments"] = {}, {}
    raw = doc.get("circle")
    if raw is None:  # a file from before the circle existed
        return
    part = Node(raw, "circle")
    members = context.refs["circle_members"] = _import_members(context, part)
    context.refs["circle_comments"] = _import_comments(context, part, members)
    _import_requests(context, part, members)
    _import_conversations(context, part, members)


def _import_members(context: ImportContext, part: Node) -> dict[int, CircleMember]:
    goals = context.refs["goals"]
    instruments = {i.slug: i for i in Instrument.objects.all()}
    members: dict[int, CircleMember] = {}
    emails: set[str] = set()
    chosen = []
    for item in part.objects("members"):
        member = item.build(CircleMember, MEMBER_FIELDS)
        item.once(emails, member.email.lower(), "email")
        member.owner = context.user
        member.email = member.email.lower()
        member.link_salt, member.token_hash = tokens.issue(purpose=CIRCLE_PURPOSE)
        # A new link: the one the member was sent stays with the other site.
        member.save()
        members[item.new_ref(members)] = member
        goal_list = [item_goal for item_goal in _refs(item, "goal_refs", goals)]
        slugs = item.get("instruments") or []
        if not isinstance(slugs, list):
            raise bad(item.at("instruments"), _("should be a list."))
        found = [context.find(instruments, str(slug)) for slug in slugs]
        chosen.append((member, goal_list, [i for i in found if i is not None]))
    for member, goal_list, instrument_list in chosen:
        member.goals.set(goal_list)
        member.instruments.set(instrument_list)
    return members


def _refs(item: Node, key: str, known: dict[int, Any]) -> list[Any]:
    raw = item.get(key) or []
    if not isinstance(raw, list):
        raise bad(item.at(key), _("should be a list."))
    found = []
    for value in raw:
        if type(value) is not int or value not in known:
            raise bad(item.at(key), _("points at nothing in this file."))
        found.append(known[value])
    return found


def _import_comments(context: ImportContext, part: Node, members: dict) -> dict[int, Comment]:
    goals = context.refs["goals"]
    checkins = {c.period_start: c for c in CheckIn.objects.for_user(context.user)}
    takes = {
        (t.instrument.slug, t.completed_at): t
        for t in Take.objects.for_user(context.user).completed().select_related("instrument")
    }
    comments: dict[int, Comment] = {}
    for item in part.objects("comments"):
        comment = item.build(Comment, COMMENT_FIELDS)
        comment.owner = context.user
        comment.member = item.ref("member_ref", members)
        comment.parent = item.ref("parent_ref", comments)
        comment.goal = item.ref("goal_ref", goals)
        day = item.text("checkin")
        if day is not None:
            comment.checkin = checkins.get(_date(item, "checkin", day))
        take = item.optional("take")
        if take is not None:
            moment = _moment(take.at("completed_at"), take.get("completed_at"))
            comment.take = takes.get((str(take.get("instrument")), moment))
        if comment.goal is None and comment.checkin is None and comment.take is None:
            context.summary.unlinked += 1  # its goal, check-in or result did not come along
            continue
        if sum(x is not None for x in (comment.goal, comment.checkin, comment.take)) != 1:
            raise bad(item.at("goal_ref"), _("should name one goal, check-in or result."))
        comment.save()
        comments[item.new_ref(comments)] = comment
    return comments


def _date(item: Node, key: str, value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise bad(item.at(key), _("should be a date in ISO 8601 form, like 2027-03-31.")) from (
            error
        )


def _moment(where: str, value: Any) -> datetime.datetime:
    try:
        return datetime.datetime.fromisoformat(str(value))
    except ValueError as error:
        raise bad(where, _("should be a moment in ISO 8601 form.")) from error


def _import_requests(context: ImportContext, part: Node, members: dict) -> None:
    sets = {s.slug: s for s in FeedbackPromptSet.objects.all()}
    prompts = {(p.prompt_set_id, p.text): p for p in FeedbackPrompt.objects.all()}
    for item in part.objects("feedback_requests"):
        request = item.build(FeedbackRequest, REQUEST_FIELDS)
        request.prompt_set = context.find(sets, item.text("prompt_set"))
        if request.prompt_set is None:
            context.summary.skipped += 1  # a prompt set this site does not offer
            continue
        request.owner = context.user
        request.member = item.ref("member_ref", members)
        request.link_salt, request.token_hash = tokens.issue(purpose=FEEDBACK_PURPOSE)
        request.save()
        seen: set[int] = set()
        for sub in item.objects("answers"):
            answer = sub.build(FeedbackAnswer, ANSWER_FIELDS)
            answer.request = request
            answer.prompt = prompts.get((request.prompt_set_id, answer.prompt_text))
            if answer.prompt is not None:
                sub.once(seen, answer.prompt.pk, "prompt_text")
            answer.save()
            picks = [question_for(context, key) for key in sub.objects("picks")]
            answer.picks.set([q for q in picks if q is not None])


def _import_conversations(context: ImportContext, part: Node, members: dict) -> None:
    goals, tasks = context.refs["goals"], context.refs["tasks"]
    linked: set[int] = set()
    for item in part.objects("conversations"):
        conversation = item.build(Conversation, CONVERSATION_FIELDS)
        conversation.owner = context.user
        conversation.member = item.ref("member_ref", members)
        conversation.save()
        for sub in item.objects("actions"):
            action = sub.build(ActionItem, ACTION_FIELDS)
            action.conversation = conversation
            action.goal = sub.ref("goal_ref", goals)
            action.step = sub.ref("task_ref", tasks)
            if action.step is not None:
                sub.once(linked, action.step.pk, "task_ref")  # one action item per step
            action.save()
