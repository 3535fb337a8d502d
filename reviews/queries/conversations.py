"""What career conversations read: the material of a new agenda, the conversations page,
one conversation with its action items, and the agendas a member may see before meeting.

The agenda's material covers what happened since the last conversation *held* with the
member (or the last ``FIRST_SINCE_DAYS`` days when none was), from that day on in the
owner's time zone. Each kind of material is one query, whatever the size of the history
(``agenda_material``: eight), and each list stops at ``MAX_LINES`` so an agenda stays
something a person reads in a meeting.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Q, Subquery

from assessments.charts import SkillLevel
from assessments.panels import biggest_gaps
from goals.models import ChangeKind, Goal, GoalChange, Status, local_midnight
from reviews.content import prompt_wordings
from reviews.models import (
    ActionItem,
    CheckInStatus,
    CircleMember,
    Conversation,
    ConversationCadence,
    GoalReview,
    GoalStatusChoice,
    Reflection,
    Win,
)

FIRST_SINCE_DAYS = 90
MAX_LINES = 10
# The shipped reflection prompt whose answers the agenda carries: found by its wordings
# (current and earlier), never by a row's id, which differs from one database to another.
TELL_MANAGER = "tell_manager"
WORRYING = (GoalStatusChoice.AT_RISK, GoalStatusChoice.OFF_TRACK)
# Conversations the list shows, newest first: years of them stay in the database.
LIST_LIMIT = 100


@dataclass(frozen=True)
class AgendaMaterial:
    member: CircleMember
    since: datetime.date
    last_held: Conversation | None
    open_actions: list[ActionItem]  # of earlier conversations with the member
    goals_at_risk: list[Goal]  # annotated ``review_status``: the latest check-in's word
    changes: list[GoalChange]  # the goals' course corrections, with their goal
    corrections: list[GoalReview]  # reasons given at check-ins, not applied to a goal
    answers: list[Reflection]  # "what I'd want my manager or mentor to know"
    gaps: list[SkillLevel]  # the top three, as the dashboard shows them
    today: datetime.date
    wins: list[Win] = field(default_factory=list)  # since the last one, oldest first

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.open_actions,
                self.goals_at_risk,
                self.changes,
                self.corrections,
                self.answers,
                self.gaps,
                self.wins,
            )
        )


def last_held(owner, member: CircleMember, *, today: datetime.date) -> Conversation | None:
    return (
        Conversation.objects.for_user(owner)
        .held()
        .filter(member=member, held_on__lte=today)
        .order_by("-held_on", "-pk")
        .first()
    )


def agenda_material(
    owner, member: CircleMember, *, today: datetime.date, zone: datetime.tzinfo
) -> AgendaMaterial:
    """What a new agenda with ``member`` is built from: eight queries."""
    held = last_held(owner, member, today=today)
    since = held.held_on if held else today - datetime.timedelta(days=FIRST_SINCE_DAYS)
    since_at = local_midnight(since, zone)
    return AgendaMaterial(
        member=member,
        since=since,
        last_held=held,
        open_actions=open_actions(owner, member),
        goals_at_risk=goals_at_risk(owner, today=today),
        changes=list(
            GoalChange.objects.filter(goal__user=owner, created_at__gte=since_at)
            .exclude(kind=ChangeKind.CREATED)
            .select_related("goal")
            .order_by("created_at", "pk")[:MAX_LINES]
        ),
        corrections=list(
            _submitted_since(GoalReview.objects, owner, since_at)
            .exclude(correction_reason="")
            .filter(correction_applied=False)  # an applied one is in the goal's changes
            .select_related("checkin")
            .order_by("checkin__period_start", "pk")[:MAX_LINES]
        ),
        answers=list(
            _submitted_since(Reflection.objects, owner, since_at)
            .filter(_tell_manager_q())
            .exclude(answer="")
            .select_related("checkin")
            .order_by("checkin__period_start", "pk")[:MAX_LINES]
        ),
        gaps=[gap for gap, _line in biggest_gaps(owner)["gaps"]],
        today=today,
        wins=list(
            Win.objects.for_user(owner)
            .since(since)
            .filter(happened_on__lte=today)
            .select_related("goal", "member")
            .order_by("happened_on", "pk")[:MAX_LINES]
        ),
    )


def open_actions(owner, member: CircleMember) -> list[ActionItem]:
    """The open action items of every conversation with ``member``, oldest first."""
    return list(
        ActionItem.objects.for_user(owner)
        .filter(conversation__member=member)
        .open()
        .select_related("goal", "step")
        .order_by("created_at", "pk")[:MAX_LINES]
    )


def goals_at_risk(owner, *, today: datetime.date) -> list[Goal]:
    """Open goals whose latest word at a submitted check-in is "at risk" or "off track",
    and active goals whose target date has passed. ``review_status`` is that word ("" when
    only the date says so)."""
    latest = (
        GoalReview.objects.filter(goal=OuterRef("pk"), checkin__status=CheckInStatus.SUBMITTED)
        .exclude(status="")
        .order_by("-checkin__period_start", "-pk")
        .values("status")[:1]
    )
    return list(
        Goal.objects.for_user(owner)
        .open()
        .annotate(review_status=Subquery(latest))
        .filter(Q(review_status__in=WORRYING) | Q(status=Status.ACTIVE, target_date__lt=today))
        .order_by("priority", "created_at", "pk")[:MAX_LINES]
    )


def _submitted_since(manager, owner, since_at: datetime.datetime):
    return manager.filter(
        checkin__user=owner,
        checkin__status=CheckInStatus.SUBMITTED,
        checkin__submitted_at__gte=since_at,
    )


def _tell_manager_q() -> Q:
    """An answer to the prompt, as it was worded when answered or as its prompt reads now."""
    wordings = prompt_wordings(TELL_MANAGER)
    return Q(prompt_text__in=wordings) | Q(prompt__text__in=wordings)


# --- Pages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ConversationList:
    upcoming: list[Conversation]
    past: list[Conversation]  # by person, then newest first
    members: list[CircleMember]


def conversation_list(owner) -> ConversationList:
    """The conversations page: two queries."""
    conversations = list(
        Conversation.objects.for_user(owner).order_by(
            F("held_on").desc(nulls_first=True), F("planned_for").asc(nulls_last=True), "-pk"
        )[:LIST_LIMIT]
    )
    upcoming = [c for c in conversations if not c.is_held]
    past = sorted(
        (c for c in conversations if c.is_held),
        key=lambda c: (c.with_name.casefold(), -c.held_on.toordinal(), -c.pk),
    )
    return ConversationList(upcoming, past, members_for(owner))


def members_for(owner) -> list[CircleMember]:
    """The circle members one can prepare a conversation with: everyone not removed."""
    return list(CircleMember.objects.for_user(owner).filter(revoked_at__isnull=True))


def action_items(conversation: Conversation) -> list[ActionItem]:
    return list(
        ActionItem.objects.filter(conversation=conversation)
        .select_related("goal", "step")
        .order_by("created_at", "pk")
    )


def goal_choices(owner, items: list[ActionItem]) -> list[Goal]:
    """The goals an action item may go to: open ones, and any an item is already on."""
    linked = [item.goal_id for item in items if item.goal_id]
    return list(
        Goal.objects.for_user(owner)
        .filter(Q(status__in=(Status.ACTIVE, Status.PAUSED)) | Q(pk__in=linked))
        .only("pk", "title", "priority", "created_at")
        .order_by("priority", "created_at", "pk")
    )


def shared_agendas(member: CircleMember) -> list[Conversation]:
    """The agendas ``member`` may read before meeting: their planned conversations whose
    agenda the owner chose to share. Only what the fragment shows is read: never notes."""
    return list(
        Conversation.objects.for_user(member.owner_id)
        .planned()
        .filter(member=member, agenda_shared=True)
        .only("pk", "with_name", "planned_for", "agenda", "created_at")
        .order_by(F("planned_for").asc(nulls_last=True), "pk")
    )


# --- The next conversation of each rhythm ------------------------------------------------


@dataclass(frozen=True)
class NextConversation:
    """The next career conversation with a member who has a rhythm: the day one is
    planned for, from today on; else the day the rhythm makes it due (the last one held,
    or the member's joining, plus the rhythm's months), which may have passed."""

    member: CircleMember
    day: datetime.date
    planned: bool

    def is_due(self, today: datetime.date) -> bool:
        """What the weekly email calls due: nothing planned, and the rhythm's day come."""
        return not self.planned and self.day <= today


def next_conversations(
    owner_ids: list[int], today_by_user: dict[int, datetime.date]
) -> list[NextConversation]:
    """For each person of ``owner_ids``, each active member with a rhythm, by owner and
    name. One query for any number of people (the weekly email's chunk, the calendar
    feed's one person)."""
    of_member = Conversation.objects.filter(owner_id=OuterRef("owner_id"), member=OuterRef("pk"))
    members = (
        CircleMember.objects.filter(owner_id__in=owner_ids, revoked_at__isnull=True)
        .exclude(conversation_every=ConversationCadence.NONE)
        .annotate(
            last_held=Subquery(
                of_member.filter(held_on__isnull=False).order_by("-held_on").values("held_on")[:1]
            ),
            next_planned=Subquery(
                of_member.filter(held_on__isnull=True, planned_for__isnull=False)
                .order_by("-planned_for")
                .values("planned_for")[:1]
            ),
        )
        .select_related("owner")
        .only("owner__time_zone", "name", "conversation_every", "created_at", "owner_id")
        .order_by("owner_id", "name", "pk")
    )
    found = []
    for member in members:
        today = today_by_user[member.owner_id]
        if member.next_planned is not None and member.next_planned >= today:
            found.append(NextConversation(member, member.next_planned, planned=True))
            continue
        months = ConversationCadence(member.conversation_every).months
        since = member.last_held or member.created_at.astimezone(member.owner.zone).date()
        found.append(NextConversation(member, add_months(since, months), planned=False))
    return found


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later; the month's last day when it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
