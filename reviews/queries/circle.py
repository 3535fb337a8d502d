"""What the circle's pages read: the owner's list of members, one member's activity, the
comments on a thing (for its owner or for a member), the shared overview's sections and
"Shared with me". Each reads a fixed number of queries whatever the numbers of members,
comments or items."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max

from assessments.models import Take
from careerapp import sharing
from goals.models import Goal
from reviews.access import Viewer, members_shared_with
from reviews.cadence import quarter_of
from reviews.models import CheckIn, CircleMember, Comment

RECENT_CHECKINS = 12
RECENT_QUARTERS = 8


def circle_members(user) -> list[CircleMember]:
    """The owner's members with their comment counts and last comment, one query."""
    return list(
        CircleMember.objects.for_user(user).annotate(
            comment_count=Count("comments", distinct=True),
            instrument_count=Count("instruments", distinct=True),
            last_comment_at=Max("comments__created_at"),
        )
    )


def member_activity(member: CircleMember) -> dict:
    """The member page's side panel: their latest comments, newest first."""
    latest = list(
        Comment.objects.filter(member=member)
        .select_related("goal", "checkin", "take__instrument")
        .order_by("-created_at", "-pk")[:5]
    )
    return {"latest_comments": latest}


def comment_back_url(comment: Comment) -> str:
    """The owner's own page of the thing a comment is on."""
    root = comment.parent or comment
    target = root.goal or root.checkin or root.take
    return f"{target.get_absolute_url()}#comments"


@dataclass
class Thread:
    comment: Comment
    replies: list[Comment] = field(default_factory=list)


def threads(comments) -> list[Thread]:
    """Comments (ordered oldest first) as threads: each first comment with its replies."""
    by_pk: dict[int, Thread] = {}
    result = []
    for comment in comments:
        if comment.parent_id is None:
            by_pk[comment.pk] = Thread(comment)
            result.append(by_pk[comment.pk])
        elif comment.parent_id in by_pk:
            by_pk[comment.parent_id].replies.append(comment)
    return result


def threads_for_owner(user, target) -> list[Thread]:
    """Every comment on the owner's ``target``, one query."""
    return threads(Comment.objects.for_user(user).on(target).select_related("member"))


def threads_for_member(member: CircleMember, target) -> list[Thread]:
    """What a member sees on ``target``: the threads they started and the owner's replies."""
    return threads(Comment.objects.for_user(member.owner_id).on(target).visible_to(member))


@dataclass(frozen=True)
class SharedSection:
    key: str
    label: str
    items: list[sharing.SharedItem]


def shared_sections(viewer: Viewer) -> list[SharedSection]:
    """The overview of what ``viewer`` may see, in the registry's order, then check-ins and
    quarterly summaries; a section with nothing in it is left out."""
    owner, scope = viewer.owner, viewer.scope
    sections = []
    for shareable in sharing.registry.ordered():
        pks = scope.pks(shareable.key)
        if pks is False:
            continue
        items = shareable.items(owner, pks)
        if items:
            sections.append(SharedSection(shareable.key, shareable.label, items))
    return sections


def shared_checkins(viewer: Viewer) -> list[CheckIn]:
    if not viewer.scope.checkins_shared:
        return []
    return list(
        CheckIn.objects.for_user(viewer.owner)
        .submitted()
        .order_by("-period_start")[:RECENT_CHECKINS]
    )


def shared_quarters(viewer: Viewer, *, today: datetime.date) -> list[tuple[int, int]]:
    """The quarters with a submitted check-in, newest first (the last two years)."""
    if not viewer.scope.quarters:
        return []
    since = today - datetime.timedelta(days=RECENT_QUARTERS * 92)
    starts = (
        CheckIn.objects.for_user(viewer.owner)
        .submitted()
        .filter(period_start__gte=since)
        .values_list("period_start", flat=True)
    )
    quarters = {quarter_of(start) for start in starts} | {quarter_of(today)}
    return sorted(quarters, reverse=True)[:RECENT_QUARTERS]


def shared_checkin(viewer: Viewer, pk: int) -> CheckIn | None:
    if not viewer.scope.checkins_shared:
        return None
    queryset = CheckIn.objects.for_user(viewer.owner).submitted()
    if viewer.scope.reflections_shared:
        queryset = queryset.with_answers()
    else:
        queryset = queryset.prefetch_related("goal_reviews")
    return queryset.filter(pk=pk).first()


def shared_with(user) -> list[CircleMember]:
    """Everyone who shares something with ``user`` now, with the owner, one query (after
    the verified addresses)."""
    if not user.is_authenticated:
        return []
    return list(
        members_shared_with(user)
        .active()
        .select_related("owner")
        .order_by("owner__display_name", "owner__email")
    )


def comment_target_for(viewer: Viewer, kind: str, pk: int):
    """The thing a member may comment on, or None: a goal, check-in or result they see."""
    owner, scope = viewer.owner, viewer.scope
    if kind == "goal":
        if not scope.allows("goals", pk):
            return None
        return Goal.objects.for_user(owner).filter(pk=pk).first()
    if kind == "checkin":
        return shared_checkin(viewer, pk)
    if kind == "take":
        take = Take.objects.for_user(owner).completed().filter(pk=pk).first()
        if take is None or not scope.allows("results", take.instrument_id):
            return None
        return take
    return None


def unemailed_comment_counts(user_ids) -> dict[int, list[dict]]:
    """New comments from the circle since the last weekly email, per owner: one query."""
    rows = (
        Comment.objects.filter(owner_id__in=list(user_ids), by_owner=False)
        .not_emailed()
        .values("owner_id", "member_id", "author_name")
        .annotate(count=Count("pk"))
        .order_by("owner_id", "-count", "author_name")
    )
    result: dict[int, list[dict]] = {}
    for row in rows:
        result.setdefault(row["owner_id"], []).append(row)
    return result
