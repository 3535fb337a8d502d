"""The demo's circle: a mentor who follows two goals, the check-ins and the skills results,
has commented over the months (one comment answered, one new since the last weekly email)
and met for a career conversation six weeks ago, whose action items became steps; a
manager who sees every goal's progress and the quarterly summaries, and answered a
request for feedback.

Members are written with the ORM, not through the invitation service: the demo sends no
email. Their links work (each has its own salt and hash) and last half a year.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from assessments.models import Instrument, Take
from careerapp import tokens
from goals.models import Goal
from reviews import services
from reviews.models import (
    CheckIn,
    CheckInSharing,
    CircleMember,
    CircleRole,
    Comment,
    Conversation,
    ConversationCadence,
    FeedbackAnswer,
    FeedbackPromptSet,
    FeedbackRequest,
    GoalSharing,
)
from reviews.models.circle import LINK_PURPOSE
from reviews.models.feedback import LINK_PURPOSE as FEEDBACK_PURPOSE
from reviews.queries.feedback import strengths_list
from reviews.services import ActionItemData

MENTOR_EMAIL = "priya.raman@example.org"
MANAGER_EMAIL = "tom.becker@example.org"
MENTOR_GOALS = (
    "Lead a team of my own within two years",
    "Give an internal talk on how we halved our build times",
)


def _member(user, now: datetime.datetime, *, days_ago: int, **fields) -> CircleMember:
    salt, digest = tokens.issue(purpose=LINK_PURPOSE)
    invited = now - datetime.timedelta(days=days_ago)
    return CircleMember.objects.create(
        owner=user,
        link_days=180,
        link_salt=salt,
        token_hash=digest,
        expires_at=now + datetime.timedelta(days=180),
        invite_sent_at=invited,
        created_at=invited,
        **fields,
    )


def load(user) -> None:
    if CircleMember.objects.for_user(user).exists():
        return
    now = timezone.now()
    mentor = _member(
        user,
        now,
        days_ago=150,
        name="Priya Raman",
        email=MENTOR_EMAIL,
        role=CircleRole.MENTOR,
        label="Mentor from the data guild",
        message="You offered to keep me honest about leading a team. Here is where I am.",
        goals_sharing=GoalSharing.CHOSEN,
        checkins_sharing=CheckInSharing.REFLECTIONS,
        share_roles=True,
        conversation_every=ConversationCadence.QUARTERLY,
    )
    goals = list(Goal.objects.for_user(user).filter(title__in=MENTOR_GOALS))
    mentor.goals.set(goals)
    skills = Instrument.objects.filter(slug="skills").first()
    if skills is not None:
        mentor.instruments.add(skills)
    manager = _member(
        user,
        now,
        days_ago=60,
        name="Tom Becker",
        email=MANAGER_EMAIL,
        role=CircleRole.MANAGER,
        label="My manager",
        goals_sharing=GoalSharing.ALL,
        checkins_sharing=CheckInSharing.PROGRESS,
        share_quarters=True,
        conversation_every=ConversationCadence.MONTHLY,
    )
    _comments(user, mentor, goals, now)
    _conversation(user, mentor, goals, now)
    _feedback(user, manager, now)


def _comments(user, mentor: CircleMember, goals: list[Goal], now: datetime.datetime) -> None:
    lead = next((g for g in goals if g.title == MENTOR_GOALS[0]), None)
    talk = next((g for g in goals if g.title == MENTOR_GOALS[1]), None)
    checkin = CheckIn.objects.for_user(user).submitted().order_by("-period_start").first()
    take = (
        Take.objects.for_user(user)
        .completed()
        .filter(instrument__slug="skills")
        .order_by("-completed_at")
        .first()
    )
    name = user.display_name or user.email

    def said(days_ago: int, body: str, parent=None, by_owner=False, **target) -> Comment:
        at = now - datetime.timedelta(days=days_ago)
        return Comment.objects.create(
            owner=user,
            member=None if by_owner else mentor,
            by_owner=by_owner,
            author_name=name if by_owner else mentor.name,
            parent=parent,
            body=body,
            created_at=at,
            emailed_at=None if days_ago < 7 and not by_owner else at,
            **target,
        )

    if lead is not None:
        first = said(
            120,
            "Leading the guild's sessions is the best rehearsal you could pick: it is leading "
            "without the title. Ask two people who attend what you could do better.",
            goal=lead,
        )
        said(
            118,
            "Good idea. I'll ask after the next session and bring it to our call.",
            parent=first,
            by_owner=True,
            goal=lead,
        )
    if take is not None:
        said(
            40,
            "Influencing without authority as your biggest gap matches what I see: you are "
            "right in the meeting and lose people after it. Worth practising before you lead "
            "a team.",
            take=take,
        )
    if talk is not None:
        said(
            110,
            "Saw the outline. Start with the before-and-after numbers; people remember the "
            "halved build time, not the tooling.",
            goal=talk,
        )
    if lead is not None:
        said(
            3,
            "How did the guild session go? If the feedback was about keeping to time, that "
            "is an easy first win to write down as a step.",
            goal=lead,
        )
    if checkin is not None:
        said(5, "A calmer month, it sounds like. What made the difference?", checkin=checkin)


AGENDA = """From last time
- Ask two people who attend the guild sessions what I could do better

Goals at risk
- Reach conversational Spanish (B1): two months without practice

What I'd want you to know
- Leading the guild is the part of the week I look forward to most.

My biggest gaps
- Influencing without authority: Learning, I want Expert
"""

NOTES = (
    "Priya: leading without the title is the best rehearsal; keep the guild.\n"
    "Feedback from two attendees: start on time, leave more room for questions.\n"
    "Spanish: fine to pause it until the talk is done; say so in the goal rather than let "
    "it drift.\n"
)


def _conversation(user, mentor: CircleMember, goals: list[Goal], now) -> None:
    held = timezone.localdate() - datetime.timedelta(days=45)
    conversation = Conversation.objects.create(
        owner=user,
        member=mentor,
        with_name=mentor.name,
        planned_for=held,
        held_on=held,
        agenda=AGENDA,
        agenda_shared=False,
        notes=NOTES,
        created_at=now - datetime.timedelta(days=52),
    )
    lead = next((g for g in goals if g.title == MENTOR_GOALS[0]), None)
    services.action_items_save(
        conversation=conversation,
        items=[
            ActionItemData(
                text="Ask the next guild session for one thing to do differently",
                goal=lead,
                due_date=timezone.localdate() + datetime.timedelta(days=10),
            ),
            ActionItemData(text="Pause Spanish in its goal, with the reason", done=True),
        ],
    )


KEEP = (
    "The way you run the guild sessions: you prepare, you keep to time, and people leave "
    "with something they can use on Monday."
)
GROW = (
    "Write things down before the meeting. Your updates are clear when you speak and "
    "thin on paper, and the people who were not in the room notice."
)
PICKED = (
    "I can explain a complicated thing in simple words.",
    "People come to me when they are stuck.",
    "I stay calm and useful when plans fall apart.",
)


def _feedback(user, manager: CircleMember, now) -> None:
    prompt_set = FeedbackPromptSet.objects.filter(slug="keep-grow-see").first()
    if prompt_set is None:
        return
    salt, digest = tokens.issue(purpose=FEEDBACK_PURPOSE)
    asked = now - datetime.timedelta(days=24)
    request = FeedbackRequest.objects.create(
        owner=user,
        member=manager,
        name=manager.name,
        email=manager.email,
        prompt_set=prompt_set,
        message="Before my review: three short questions, honest answers welcome.",
        link_salt=salt,
        token_hash=digest,
        created_at=asked,
        sent_at=asked,
        expires_at=asked + datetime.timedelta(days=30),
        answered_at=asked + datetime.timedelta(days=3),
    )
    texts = {"What should I keep doing?": KEEP, "Where could I grow?": GROW}
    for prompt in prompt_set.prompts.filter(is_active=True):
        answer = FeedbackAnswer.objects.create(
            request=request, prompt=prompt, prompt_text=prompt.text, text=texts.get(prompt.text, "")
        )
        if prompt.kind == "strengths":
            answer.picks.set(
                [q for q in strengths_list() if q.prompt in PICKED][: prompt.max_picks]
            )
