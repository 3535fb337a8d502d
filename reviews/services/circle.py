"""Writes of my circle: inviting, choosing what each member sees, the link's life
(renew, a new link, revoke, remove) and comments."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from assessments.models import Instrument
from careerapp import tokens
from careerapp.concurrency import StaleEdit
from careerapp.models import User
from goals.models import Goal
from reviews.models import CircleMember, Comment
from reviews.models.circle import LINK_PURPOSE
from reviews.tasks import send_circle_invitation


def _send_invitation(member: CircleMember) -> None:
    send_circle_invitation.delay_on_commit(member.pk)


def _expiry(days: int, now: datetime.datetime) -> datetime.datetime:
    return now + datetime.timedelta(days=days)


@transaction.atomic
def member_invite(
    *,
    owner: User,
    name: str,
    email: str,
    role: str,
    label: str = "",
    message: str = "",
    link_days: int = 90,
    now: datetime.datetime | None = None,
) -> CircleMember:
    """Add someone to the circle, seeing nothing yet, and email them their link."""
    now = now or timezone.now()
    salt, digest = tokens.issue(purpose=LINK_PURPOSE)
    member = CircleMember.objects.create(
        owner=owner,
        name=name,
        email=email.lower(),
        role=role,
        label=label,
        message=message,
        link_days=link_days,
        link_salt=salt,
        token_hash=digest,
        expires_at=_expiry(link_days, now),
    )
    _send_invitation(member)
    return member


@dataclass(frozen=True)
class SharingData:
    goals_sharing: str
    goals: Iterable[Goal]
    checkins_sharing: str
    instruments: Iterable[Instrument]
    share_quarters: bool
    share_roles: bool
    share_decisions: bool
    conversation_every: str


FIELDS = (
    "goals_sharing",
    "checkins_sharing",
    "share_quarters",
    "share_roles",
    "share_decisions",
    "conversation_every",
)


@transaction.atomic
def member_sharing_set(*, member: CircleMember, data: SharingData, version: int | None) -> None:
    """Set what ``member`` sees, all at once. With ``version``, refused (``StaleEdit``)
    when another tab saved since that version; the claim holds the row until commit."""
    claimed = CircleMember.objects.filter(pk=member.pk)
    if version is not None:
        claimed = claimed.filter(version=version)
    values = {name: getattr(data, name) for name in FIELDS}
    if not claimed.update(**values, version=F("version") + 1, updated_at=timezone.now()):
        raise StaleEdit
    goals = [g for g in data.goals if g.user_id == member.owner_id]
    member.goals.set(goals)
    member.instruments.set(list(data.instruments))


def member_renew(*, member: CircleMember, now: datetime.datetime | None = None) -> None:
    """The same link works another ``link_days`` from now."""
    expires = _expiry(member.link_days, now or timezone.now())
    CircleMember.objects.filter(pk=member.pk).update(expires_at=expires)
    member.expires_at = expires


@transaction.atomic
def member_new_link(*, member: CircleMember, now: datetime.datetime | None = None) -> None:
    """A new link (the old one stops working), mailed to the member; revoked access returns."""
    salt, digest = tokens.issue(purpose=LINK_PURPOSE)
    values = {
        "link_salt": salt,
        "token_hash": digest,
        "expires_at": _expiry(member.link_days, now or timezone.now()),
        "revoked_at": None,
        "invite_sent_at": None,
    }
    CircleMember.objects.filter(pk=member.pk).update(**values)
    for name, value in values.items():
        setattr(member, name, value)
    _send_invitation(member)


def member_revoke(*, member: CircleMember, now: datetime.datetime | None = None) -> None:
    """At once: the link answers 410 and "Shared with me" no longer lists the owner."""
    when = now or timezone.now()
    CircleMember.objects.filter(pk=member.pk, revoked_at__isnull=True).update(revoked_at=when)
    member.revoked_at = member.revoked_at or when


def member_remove(*, member: CircleMember) -> None:
    """Out of the circle; their comments stay, under the name they had."""
    member.delete()


def comment_add(*, member: CircleMember, target, body: str) -> Comment:
    return Comment.objects.create(
        owner_id=member.owner_id,
        member=member,
        author_name=member.name,
        body=body,
        **{target._meta.model_name: target},
    )


def comment_reply(*, owner: User, parent: Comment, body: str) -> Comment:
    """The owner's answer, under the thread's first comment."""
    root = parent.parent or parent
    return Comment.objects.create(
        owner=owner,
        by_owner=True,
        author_name=owner.display_name or owner.email,
        parent=root,
        body=body,
        goal_id=root.goal_id,
        checkin_id=root.checkin_id,
        take_id=root.take_id,
        emailed_at=timezone.now(),  # the owner's own words are no news to them
    )


def comment_delete(*, comment: Comment) -> None:
    comment.delete()


def comments_mark_emailed(*, user_ids: Iterable[int], now: datetime.datetime) -> int:
    """The weekly email carried these people's new comments: not again."""
    return (
        Comment.objects.filter(owner_id__in=list(user_ids), by_owner=False)
        .not_emailed()
        .filter(created_at__lte=now)
        .update(emailed_at=now)
    )
