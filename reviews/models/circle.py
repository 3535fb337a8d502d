"""My circle: the mentors, managers, coaches and peers I invite, what each may see, and
their comments.

Nothing is shared by default: a new member sees an empty page until the owner chooses,
item by item. A member reaches what is shared through a secret link (``careerapp.tokens``:
only a salt and the token's hash are stored) or, signed in with the same verified email,
under "Shared with me". Revoking ends both at once; so does the link's expiry.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LINK_PURPOSE = "circle"


class CircleRole(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    MANAGER = "manager", _("Manager")
    COACH = "coach", _("Coach")
    PEER = "peer", _("Peer")
    OTHER = "other", _("Someone else")


class LinkLifetime(models.IntegerChoices):
    MONTH = 30, _("30 days")
    QUARTER = 90, _("90 days")
    HALF_YEAR = 180, _("180 days")


class GoalSharing(models.TextChoices):
    NONE = "none", _("No goals")
    CHOSEN = "chosen", _("The goals I choose")
    ALL = "all", _("All my goals")


class CheckInSharing(models.TextChoices):
    NONE = "none", _("No check-ins")
    PROGRESS = "progress", _("Progress and status only")
    REFLECTIONS = "reflections", _("Progress, status and my reflections")


class ConversationCadence(models.TextChoices):
    NONE = "none", _("No set rhythm")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Every six months")

    @property
    def months(self) -> int:
        return {"monthly": 1, "quarterly": 3, "half_yearly": 6}.get(self.value, 0)


class CircleMemberQuerySet(models.QuerySet):
    def for_user(self, user) -> CircleMemberQuerySet:
        return self.filter(owner=user)

    def active(self, now: datetime.datetime | None = None) -> CircleMemberQuerySet:
        """Members who may see what is shared now: not revoked, link not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())

    def for_viewer_email(self, email: str) -> CircleMemberQuerySet:
        """Members invited at ``email``: what is shared with the account of that address.
        Compared lowercased, as the index on ``Lower("email")`` is (``iexact`` would be
        ``UPPER`` and read every member of every circle)."""
        return self.alias(email_lower=Lower("email")).filter(email_lower=email.lower())


class CircleMember(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle"
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    role = models.CharField(
        _("role"), max_length=10, choices=CircleRole.choices, default=CircleRole.MENTOR
    )
    label = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_("How you think of them, for example “Mentor from the data guild”."),
    )
    message = models.TextField(
        _("message"),
        max_length=2000,
        blank=True,
        help_text=_("A few words for the invitation email."),
    )
    link_days = models.PositiveSmallIntegerField(
        _("link works for"), choices=LinkLifetime.choices, default=LinkLifetime.QUARTER
    )
    link_salt = models.CharField(max_length=64, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("link expires"))
    invite_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    goals_sharing = models.CharField(
        _("goals"), max_length=10, choices=GoalSharing.choices, default=GoalSharing.NONE
    )
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="+")
    checkins_sharing = models.CharField(
        _("check-ins"), max_length=12, choices=CheckInSharing.choices, default=CheckInSharing.NONE
    )
    instruments = models.ManyToManyField(
        "assessments.Instrument", blank=True, related_name="+", verbose_name=_("results")
    )
    share_quarters = models.BooleanField(_("quarterly summaries"), default=False)
    share_roles = models.BooleanField(_("target roles"), default=False)
    share_decisions = models.BooleanField(_("decisions"), default=False)

    conversation_every = models.CharField(
        _("career conversations"),
        max_length=12,
        choices=ConversationCadence.choices,
        default=ConversationCadence.NONE,
    )
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CircleMemberQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                "owner", Lower("email"), name="reviews_circlemember_one_per_email"
            ),
        ]
        indexes = [models.Index(Lower("email"), name="reviews_circle_email_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reviews:circle_member", args=[self.pk])

    def is_active(self, now: datetime.datetime | None = None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, now: datetime.datetime | None = None) -> bool:
        return self.expires_at <= (now or timezone.now())

    @property
    def shares_anything(self) -> bool:
        """False for a member who sees an empty page (instruments need a query: not here)."""
        return (
            self.goals_sharing != GoalSharing.NONE
            or self.checkins_sharing != CheckInSharing.NONE
            or self.share_quarters
            or self.share_roles
            or self.share_decisions
        )


class CommentQuerySet(models.QuerySet):
    def for_user(self, user) -> CommentQuerySet:
        """Comments on the person's things (theirs to read, answer and delete)."""
        return self.filter(owner=user)

    def on(self, target: models.Model) -> CommentQuerySet:
        return self.filter(**{target._meta.model_name: target})

    def visible_to(self, member: CircleMember) -> CommentQuerySet:
        """What a member sees: the threads they started, with the owner's replies."""
        return self.filter(Q(member=member) | Q(parent__member=member))

    def from_circle(self) -> CommentQuerySet:
        return self.filter(by_owner=False)

    def not_emailed(self) -> CommentQuerySet:
        return self.filter(emailed_at__isnull=True)


class Comment(models.Model):
    """A comment by a circle member on a shared goal, check-in or result, or the owner's
    reply to one. ``author_name`` keeps the name as it was when the member is removed."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_comments"
    )
    member = models.ForeignKey(
        CircleMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    by_owner = models.BooleanField(default=False)
    author_name = models.CharField(max_length=120)
    goal = models.ForeignKey(
        "goals.Goal", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    checkin = models.ForeignKey(
        "reviews.CheckIn",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    take = models.ForeignKey(
        "assessments.Take",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(goal__isnull=False, checkin__isnull=True, take__isnull=True)
                    | Q(goal__isnull=True, checkin__isnull=False, take__isnull=True)
                    | Q(goal__isnull=True, checkin__isnull=True, take__isnull=False)
                ),
                name="reviews_comment_one_target",
            ),
        ]
        indexes = [
            models.Index(
                "owner",
                "created_at",
                condition=Q(emailed_at__isnull=True, by_owner=False),
                name="reviews_comment_unemailed_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.body[:40]}"

    @property
    def target(self) -> models.Model:
        return self.goal or self.checkin or self.take

    @property
    def target_kind(self) -> str:
        return "goal" if self.goal_id else "checkin" if self.checkin_id else "take"
