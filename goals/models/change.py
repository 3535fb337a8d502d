"""The record of what happened to a goal, in sentences a person reads."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from goals.models.choices import ChangeKind, Horizon, Status
from goals.models.dates import local_midnight


class GoalChangeQuerySet(models.QuerySet):
    def moves_counted(
        self, *, start: datetime.date, end: datetime.date, zone: datetime.tzinfo
    ) -> dict[str, int]:
        """The "dates moved" figure: target dates moved from one date to another from local day
        ``start`` up to ``end`` (exclusive), as ``reschedules``, ``pushed_later`` and
        ``goals_rescheduled``. Setting or removing a date is not a move. One aggregate.
        """
        # The values are ISO dates, so comparing them as text compares the dates.
        return (
            self.exclude(old_value="")
            .exclude(new_value="")
            .filter(
                kind=ChangeKind.RESCHEDULED,
                created_at__gte=local_midnight(start, zone),
                created_at__lt=local_midnight(end, zone),
            )
            .aggregate(
                reschedules=Count("pk"),
                pushed_later=Count("pk", filter=Q(new_value__gt=F("old_value"))),
                goals_rescheduled=Count("goal", distinct=True),
            )
        )


class GoalChange(models.Model):
    """One course correction in a goal's life, with the person's reason."""

    goal = models.ForeignKey("goals.Goal", on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=ChangeKind.choices)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    objects = GoalChangeQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["goal", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.old_value} -> {self.new_value}"

    def sentence(self) -> str:
        """One line of the goal's story, in plain words."""
        old, new = self.old_value, self.new_value
        if self.kind == ChangeKind.CREATED:
            if new:
                return _("Set the goal, aiming for %(date)s.") % {"date": _nice_date(new)}
            return _("Set the goal.")
        if self.kind == ChangeKind.RESCHEDULED:
            if old and new:
                return _("Rescheduled from %(old)s to %(new)s.") % {
                    "old": _nice_date(old),
                    "new": _nice_date(new),
                }
            if new:
                return _("Target date set to %(date)s.") % {"date": _nice_date(new)}
            return _("Target date removed.")
        if self.kind == ChangeKind.STATUS:
            return _STATUS_SENTENCES.get(new, _("Status changed."))
        if self.kind == ChangeKind.RENAMED:
            return _("Renamed from “%(old)s” to “%(new)s”.") % {"old": old, "new": new}
        if old or new:  # rescoped: the horizon moved
            return _("Horizon changed from %(old)s to %(new)s.") % {
                "old": Horizon(old).label.lower() if old in Horizon.values else old,
                "new": Horizon(new).label.lower() if new in Horizon.values else new,
            }
        return _("Rewrote why it matters.")


_STATUS_SENTENCES = {
    Status.ACTIVE: _("Picked it up again."),
    Status.PAUSED: _("Paused."),
    Status.ACHIEVED: _("Achieved."),
    Status.DROPPED: _("Dropped."),
}


def _nice_date(value: str) -> str:
    try:
        return date_format(datetime.date.fromisoformat(value), gettext("j F Y"))
    except ValueError:
        return value
