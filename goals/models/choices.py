"""The goals app's fixed vocabularies: categories, horizons, statuses and kinds of change."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    SKILL = "skill", _("Skill")
    ROLE = "role", _("Role")
    LEARNING = "learning", _("Learning")
    NETWORK = "network", _("Network")
    VISIBILITY = "visibility", _("Visibility")
    WELLBEING = "wellbeing", _("Wellbeing")
    OTHER = "other", _("Other")


class Horizon(models.TextChoices):
    SHORT = "short", _("Short-term (within about a year)")
    LONG = "long", _("Long-term")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ACHIEVED = "achieved", _("Achieved")
    DROPPED = "dropped", _("Dropped")


# Which status can follow which. Reopening an achieved or dropped goal is allowed; pausing
# an achieved goal is not - it is done.
STATUS_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.ACTIVE: frozenset({Status.PAUSED, Status.ACHIEVED, Status.DROPPED}),
    Status.PAUSED: frozenset({Status.ACTIVE, Status.ACHIEVED, Status.DROPPED}),
    Status.ACHIEVED: frozenset({Status.ACTIVE}),
    Status.DROPPED: frozenset({Status.ACTIVE}),
}

OPEN_STATUSES = (Status.ACTIVE, Status.PAUSED)
CLOSED_STATUSES = (Status.ACHIEVED, Status.DROPPED)

TITLE_MAX_LENGTH = 200


class ChangeKind(models.TextChoices):
    CREATED = "created", _("Created")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    STATUS = "status", _("Status changed")
    RENAMED = "renamed", _("Renamed")
    RESCOPED = "rescoped", _("Scope changed")
