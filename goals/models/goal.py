"""Goals and how they are read."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Case, Count, Exists, Max, Min, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goals.models.choices import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    STATUS_TRANSITIONS,
    TITLE_MAX_LENGTH,
    Category,
    Horizon,
    Status,
)
from goals.models.dates import day_start
from goals.models.task import Task


class GoalQuerySet(models.QuerySet):
    def for_user(self, user) -> GoalQuerySet:
        return self.filter(user=user)

    def active(self) -> GoalQuerySet:
        return self.filter(status=Status.ACTIVE)

    def open(self) -> GoalQuerySet:
        """Goals still being worked on or waiting: active and paused."""
        return self.filter(status__in=OPEN_STATUSES)

    def closed(self) -> GoalQuerySet:
        return self.filter(status__in=CLOSED_STATUSES)

    def with_task_counts(self) -> GoalQuerySet:
        """Annotate ``tasks_total`` and ``tasks_done``.

        As a subquery per goal rather than a join grouped by goal: a page of 20 goals then
        costs 20 index look-ups whatever the person's other goals hold, and the paginator's
        ``count()`` leaves the unused subqueries out.
        """
        tasks = Task.objects.filter(goal=OuterRef("pk")).order_by().values("goal")
        total = tasks.annotate(count=Count("pk")).values("count")
        done = tasks.filter(done_at__isnull=False).annotate(count=Count("pk")).values("count")
        return self.annotate(
            tasks_total=Coalesce(Subquery(total), 0), tasks_done=Coalesce(Subquery(done), 0)
        )

    def for_page(self) -> GoalQuerySet:
        """With what the goal's page shows: step counts, the steps in their order, the
        history."""
        steps = models.Prefetch("tasks", queryset=Task.objects.in_step_order())
        return self.with_task_counts().select_related("role").prefetch_related(steps, "changes")

    def with_due_span(self) -> GoalQuerySet:
        """Annotate ``first_due`` and ``last_due``: the earliest and latest dated step.

        The timeline draws a goal's bar from these even when it loads only the steps that
        fall in view.
        """
        dated = Task.objects.filter(goal=OuterRef("pk"), due_date__isnull=False)
        dated = dated.order_by().values("goal")
        return self.annotate(
            first_due=Subquery(dated.annotate(day=Min("due_date")).values("day")),
            last_due=Subquery(dated.annotate(day=Max("due_date")).values("day")),
        )

    def on_timeline(self, *, start: datetime.date, end: datetime.date) -> GoalQuerySet:
        """Goals that get a row on the timeline from ``start`` to ``end`` (exclusive).

        A goal lives from the day it was set until it is achieved or dropped; open goals
        live on today, which every window shows. So: every open goal with a date (a target
        or a dated step), and the achieved and dropped goals that were set before the window
        ends and were still open, or aimed at a date, in it. Years of finished goals stay in
        the database. ``goals.charts.timeline`` lays out exactly these goals, so a page of rows is
        a page of this query.
        """
        return self.filter((Q(status__in=OPEN_STATUSES) & ~_undated_q()) | _closed_in(start, end))

    def timeline_counts(self, *, start: datetime.date, end: datetime.date) -> dict[str, int]:
        """How many goals the timeline shows, how many open goals have no date at all, and
        how many lie wholly outside the window - in one query."""
        counts = self.aggregate(
            total=Count("pk"),
            open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            undated=Count("pk", filter=Q(status__in=OPEN_STATUSES) & _undated_q()),
            closed_in=Count("pk", filter=_closed_in(start, end)),
        )
        shown = counts["open"] - counts["undated"] + counts["closed_in"]
        return {
            "shown": shown,
            "undated": counts["undated"],
            "outside": counts["total"] - shown - counts["undated"],
        }

    def timeline_order(self) -> GoalQuerySet:
        """Open goals first, by priority; then achieved and dropped ones."""
        closed_last = Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1))
        return self.order_by(closed_last, "priority", "created_at", "pk")

    def stalled(self, *, since: datetime.datetime) -> GoalQuerySet:
        """Active goals with no progress (task ticked, progress set, created) since ``since``.

        For the weekly email: "goals without progress for N weeks".
        """
        return self.active().filter(last_progress_at__lt=since)

    def by_priority(self) -> GoalQuerySet:
        return self.order_by("priority", "created_at", "pk")


def _undated_q() -> Q:
    """No target date and no dated step: nothing to place on a time axis."""
    dated_steps = Task.objects.filter(goal=OuterRef("pk"), due_date__isnull=False)
    return Q(target_date=None) & ~Exists(dated_steps)


def _closed_in(start: datetime.date, end: datetime.date) -> Q:
    """Achieved or dropped goals set before ``end`` that were open, or aimed, at or after
    ``start``: their life overlaps the window."""
    return Q(status__in=CLOSED_STATUSES, created_at__lt=day_start(end)) & (
        Q(target_date__gte=start) | Q(status_changed_at__gte=day_start(start))
    )


class Goal(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(_("goal"), max_length=TITLE_MAX_LENGTH)
    why = models.TextField(_("why it matters"), blank=True, max_length=4000)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.SKILL
    )
    horizon = models.CharField(
        _("horizon"), max_length=10, choices=Horizon.choices, default=Horizon.SHORT
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    priority = models.PositiveIntegerField(_("priority order"), default=0)
    manual_progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Used when the goal has no tasks."),
    )
    last_progress_at = models.DateTimeField(_("last progress"), default=timezone.now)
    # The skill from a self-assessment that this goal serves, if it came from a gap.
    skill_question = models.ForeignKey(
        "assessments.Question",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
        limit_choices_to={"type": "skill"},
    )
    personal_skill = models.ForeignKey(
        "assessments.PersonalSkill",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
    )
    # The role this goal works towards, when it came from a role's gaps ("turn the gap into
    # a plan"): doing that again opens this goal instead of making another.
    role = models.ForeignKey(
        "assessments.Role",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
    )
    template = models.ForeignKey(
        "goals.GoalTemplate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
    )
    # Raised by every edit (careerapp.concurrency): an edit form saves only if the goal is
    # still at the version it was loaded from.
    version = models.PositiveIntegerField(default=0, editable=False)
    # Set when the person moves a step up or down: from then on the steps keep the order
    # the person gave them (``position``) instead of their due dates.
    steps_reordered = models.BooleanField(_("steps in my own order"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "created_at", "pk"]
        indexes = [
            models.Index(fields=["user", "status", "priority"]),
            # The timeline picks a person's goals by their dates (GoalQuerySet.on_timeline).
            models.Index(
                fields=["user", "status", "status_changed_at", "target_date", "created_at"],
                name="goals_goal_dates",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(manual_progress__isnull=True) | Q(manual_progress__lte=100),
                name="goals_goal_manual_progress_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("goals:detail", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    # ``get_<field>_display()`` hashes every choice's lazy label on each call, which adds up
    # on a page of goals; looking the member up by value does not.
    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def category_label(self) -> str:
        return Category(self.category).label

    def progress_from(self, tasks_total: int, tasks_done: int) -> int:
        if self.status == Status.ACHIEVED:
            return 100
        if tasks_total:
            return round(100 * tasks_done / tasks_total)
        return self.manual_progress or 0

    @property
    def progress(self) -> int:
        """Percent done: from the tasks when there are any, else as set by hand.

        Uses the ``with_task_counts()`` annotation when present, so lists stay one query.
        """
        total = getattr(self, "tasks_total", None)
        done = getattr(self, "tasks_done", None)
        if total is None or done is None:
            total = self.tasks.count()
            done = self.tasks.filter(done_at__isnull=False).count()
        return self.progress_from(total, done)

    def is_overdue(self, today: datetime.date) -> bool:
        return not self.is_closed and self.target_date is not None and self.target_date < today

    def allowed_statuses(self) -> list[str]:
        return [status for status in Status.values if status in STATUS_TRANSITIONS[self.status]]
