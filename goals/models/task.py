"""A goal's steps and how they are read."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goals.models.choices import CLOSED_STATUSES, OPEN_STATUSES, TITLE_MAX_LENGTH, Status
from goals.models.dates import done_in_q


class TaskQuerySet(models.QuerySet):
    def for_user(self, user) -> TaskQuerySet:
        return self.filter(goal__user=user)

    def open(self) -> TaskQuerySet:
        return self.filter(done_at__isnull=True)

    def done(self) -> TaskQuerySet:
        return self.filter(done_at__isnull=False)

    def of_open_goals(self) -> TaskQuerySet:
        return self.filter(goal__status__in=OPEN_STATUSES)

    def without_leftovers(self) -> TaskQuerySet:
        """Leaves out the steps left open on an achieved or dropped goal: they closed with
        their goal, so they are never open, overdue or missed anywhere. Done steps stay.

        A paused goal's open steps still count as open (the goal is coming back); the
        weekly email and the dashboard list only active goals' steps, so they nag nobody.
        """
        return self.exclude(done_at__isnull=True, goal__status__in=CLOSED_STATUSES)

    def timeliness_by_month(
        self, *, start: datetime.date, end: datetime.date, today: datetime.date, zone
    ) -> list[dict]:
        """The "steps on time" figure, counted by the database: one row per month with steps due,
        ``{"month", "due", "on_time", "late", "still_open"}``. One aggregate query.

        The one definition every page and email uses:

        - A step belongs to the period its **due date** falls in (``start`` up to ``end``,
          exclusive). Steps without a due date have no "on time".
        - It counts once it is **done** (whenever that was) **or its due date has passed**:
          one due today, or later in the period, and not done yet is not late yet; one done
          early, before a due date still to come, already counts as on time.
        - **On time**: done on or before its due date, in the person's local days
          (``zone``). **Late**: done after it. **Still open**: not done, due date past.
        - Steps left open on an achieved or dropped goal do not count at all
          (``without_leftovers``).
        """
        done_on = TruncDate("done_at", tzinfo=zone)
        return list(
            self.without_leftovers()
            .filter(due_date__gte=start, due_date__lt=end)
            .filter(Q(done_at__isnull=False) | Q(due_date__lt=today))
            .annotate(month=TruncMonth("due_date"), done_on=done_on)
            .values("month")
            .annotate(
                due=Count("pk"),
                on_time=Count("pk", filter=Q(done_on__lte=F("due_date"))),
                late=Count("pk", filter=Q(done_on__gt=F("due_date"))),
                still_open=Count("pk", filter=Q(done_at__isnull=True)),
            )
            .order_by("month")
        )

    def done_in(self, *, start: datetime.date, end: datetime.date, zone) -> TaskQuerySet:
        """The "steps done" figure: steps ticked off from ``start`` up to ``end``
        (exclusive), in the person's local days (``zone``), whatever their due date. See
        ``done_in_q``."""
        return self.filter(done_in_q(start=start, end=end, zone=zone))

    def on_timeline(self, *, start: datetime.date, end: datetime.date) -> TaskQuerySet:
        """Steps the timeline shows: due from ``start`` to ``end`` (exclusive), or still open
        and due before ``start`` (overdue, if their goal is open)."""
        return self.filter(
            Q(due_date__gte=start, due_date__lt=end) | Q(due_date__lt=start, done_at=None)
        )

    def overdue(self, *, today: datetime.date) -> TaskQuerySet:
        """Open tasks of active goals whose due date has passed (for the weekly email)."""
        return self.open().filter(goal__status=Status.ACTIVE, due_date__lt=today)

    def due_between(self, *, start: datetime.date, end: datetime.date) -> TaskQuerySet:
        """Open tasks of active goals due from ``start`` to ``end``, both included."""
        return self.open().filter(goal__status=Status.ACTIVE, due_date__range=(start, end))

    def done_since(self, *, since: datetime.datetime) -> TaskQuerySet:
        return self.filter(done_at__gte=since)

    def by_due_date(self) -> TaskQuerySet:
        return self.order_by(models.F("due_date").asc(nulls_last=True), "position", "pk")

    def in_step_order(self) -> TaskQuerySet:
        """A goal's steps as its page lists them: by due date, undated last, ties by
        creation; once the person moved a step (``Goal.steps_reordered``), in their own
        order (``position``). One ORDER BY for one goal or many."""
        own = models.Case(
            models.When(goal__steps_reordered=True, then=models.F("position")),
            default=None,
            output_field=models.PositiveIntegerField(),
        )
        return self.order_by(
            own.asc(nulls_first=True),
            models.F("due_date").asc(nulls_last=True),
            "created_at",
            "pk",
        )


class Task(models.Model):
    goal = models.ForeignKey("goals.Goal", on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("step"), max_length=TITLE_MAX_LENGTH)
    notes = models.TextField(_("notes"), blank=True, max_length=4000)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    is_milestone = models.BooleanField(
        _("milestone"), default=False, help_text=_("A point that marks real progress.")
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(default=0, editable=False)  # see Goal.version
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # When the step last changed: the calendar feed dates (and sequences) its event by it.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        indexes = [
            models.Index(fields=["goal", "position"]),
            models.Index(
                fields=["due_date"], condition=Q(done_at__isnull=True), name="goals_task_open_due"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: datetime.date) -> bool:
        return not self.is_done and self.due_date is not None and self.due_date < today

    @property
    def is_after_goal_target(self) -> bool:
        target = self.goal.target_date
        return bool(target and self.due_date and self.due_date > target)
