"""Who is looking at a person's shared things, and what they may see: the one place the
circle's access is decided.

A ``Viewer`` is a circle member seen three ways, each with its own URL prefix:
- ``link``: anyone holding the member's secret link (no account);
- ``account``: a signed-in person whose verified email is the member's;
- ``preview``: the owner, seeing exactly what that member sees (read-only).

Every shared view starts from ``viewer_for(request, **kwargs)``: an unknown link or
another person's member is a 404; a revoked or expired one is ``Gone`` (410, nothing of the
owner's shown). ``Scope`` then says which goals, instruments and sections the member
chose to be shown; anything outside it is a 404.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property

from allauth.account.models import EmailAddress
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from careerapp import tokens
from careerapp.ownership import owned_or_404
from reviews.models import CheckInSharing, CircleMember, GoalSharing
from reviews.models.circle import LINK_PURPOSE

LINK, ACCOUNT, PREVIEW = "link", "account", "preview"


class Gone(Exception):
    """The member's access was revoked or has expired."""

    def __init__(self, member: CircleMember) -> None:
        super().__init__(member.pk)
        self.member = member


@dataclass(frozen=True)
class Viewer:
    member: CircleMember
    mode: str
    key: str  # the URL's first argument: the token, or the member's id

    @property
    def owner(self):
        return self.member.owner

    @property
    def can_comment(self) -> bool:
        return self.mode != PREVIEW

    @property
    def is_preview(self) -> bool:
        return self.mode == PREVIEW

    def url(self, name: str, *args) -> str:
        return reverse(f"reviews:{self.mode}:{name}", args=[self.key, *args])

    @cached_property
    def scope(self) -> Scope:
        return Scope.of(self.member)


@dataclass(frozen=True)
class Scope:
    """What one member was chosen to see. ``goals``/``instruments`` of None mean all."""

    goals: Collection[int] | None
    instruments: Collection[int]
    checkins: str
    quarters: bool
    roles: bool
    decisions: bool

    @classmethod
    def of(cls, member: CircleMember) -> Scope:
        if member.goals_sharing == GoalSharing.ALL:
            goals = None
        elif member.goals_sharing == GoalSharing.CHOSEN:
            goals = frozenset(member.goals.values_list("pk", flat=True))
        else:
            goals = frozenset()
        return cls(
            goals=goals,
            instruments=frozenset(member.instruments.values_list("pk", flat=True)),
            checkins=member.checkins_sharing,
            quarters=member.share_quarters,
            roles=member.share_roles,
            decisions=member.share_decisions,
        )

    def pks(self, key: str) -> Collection[int] | None | bool:
        """For a shareable of the registry: None (all), the chosen pks, or False (nothing)."""
        if key == "goals":
            return self.goals if self.goals is None or self.goals else False
        if key == "results":
            return self.instruments or False
        if key == "roles":
            return None if self.roles else False
        if key == "decisions":
            return None if self.decisions else False
        return False

    def allows(self, key: str, pk: int | None) -> bool:
        pks = self.pks(key)
        if pks is False:
            return False
        return pks is None or pk in pks

    @property
    def checkins_shared(self) -> bool:
        return self.checkins != CheckInSharing.NONE

    @property
    def reflections_shared(self) -> bool:
        return self.checkins == CheckInSharing.REFLECTIONS


def member_for_link(token: str) -> CircleMember:
    if not tokens.looks_like_token(token):
        raise Http404
    member = (
        CircleMember.objects.select_related("owner")
        .filter(token_hash=tokens.token_hash(token))
        .first()
    )
    if member is None or not member.owner.is_active:
        raise Http404
    return member


def link_token(member: CircleMember) -> str:
    """The member's current secret link token (derived, never stored)."""
    return tokens.token_for(member.link_salt, purpose=LINK_PURPOSE)


def verified_emails(user) -> list[str]:
    return list(
        EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    )


def members_shared_with(user):
    """Members invited at one of ``user``'s verified addresses, by anyone but ``user``."""
    emails = verified_emails(user)
    if not emails:
        return CircleMember.objects.none()
    query = CircleMember.objects.none()
    for email in emails:
        query |= CircleMember.objects.for_viewer_email(email)
    return query.exclude(owner=user).filter(owner__is_active=True)


def viewer_for(request: HttpRequest, *, mode: str, key: str) -> Viewer:
    """The viewer a shared URL names, or Http404 / Gone."""
    if mode == LINK:
        member = member_for_link(key)
    elif mode == ACCOUNT:
        if not request.user.is_authenticated or not key.isdigit():
            raise Http404
        member = members_shared_with(request.user).select_related("owner").filter(pk=key).first()
        if member is None:
            raise Http404
    elif mode == PREVIEW:
        if not request.user.is_authenticated or not key.isdigit():
            raise Http404
        member = owned_or_404(CircleMember.objects.select_related("owner"), request.user, pk=key)
        return Viewer(member=member, mode=mode, key=key)
    else:  # pragma: no cover - the URLconf names only the three
        raise Http404
    if not member.is_active(timezone.now()):
        raise Gone(member)
    return Viewer(member=member, mode=mode, key=key)
