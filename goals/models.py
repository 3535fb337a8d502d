from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
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


def _day_start(day: datetime.date) -> datetime.datetime:
    """Midnight starting ``day`` in the current time zone (the person's, in a request)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


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


def local_midnight(day: datetime.date, zone: datetime.tzinfo) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)


def done_in_q(*, start: datetime.date, end: datetime.date, zone: datetime.tzinfo) -> Q:
    """Steps done from local day ``start`` up to ``end`` (exclusive) in ``zone``: the one
    definition of "steps done" in a period (history, quarterly summary, weekly email)."""
    return Q(done_at__gte=local_midnight(start, zone), done_at__lt=local_midnight(end, zone))


def _undated_q() -> Q:
    """No target date and no dated step: nothing to place on a time axis."""
    dated_steps = Task.objects.filter(goal=OuterRef("pk"), due_date__isnull=False)
    return Q(target_date=None) & ~Exists(dated_steps)


def _closed_in(start: datetime.date, end: datetime.date) -> Q:
    """Achieved or dropped goals set before ``end`` that were open, or aimed, at or after
    ``start``: their life overlaps the window."""
    return Q(status__in=CLOSED_STATUSES, created_at__lt=_day_start(end)) & (
        Q(target_date__gte=start) | Q(status_changed_at__gte=_day_start(start))
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
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="tasks")
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


class ChangeKind(models.TextChoices):
    CREATED = "created", _("Created")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    STATUS = "status", _("Status changed")
    RENAMED = "renamed", _("Renamed")
    RESCOPED = "rescoped", _("Scope changed")


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

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="changes")
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
        return date_format(datetime.date.fromisoformat(value), "j F Y")
    except ValueError:
        return value


class GoalTemplateQuerySet(models.QuerySet):
    def active(self) -> GoalTemplateQuerySet:
        return self.filter(is_active=True)


class GoalTemplate(models.Model):
    """A starting point managed in the admin: a goal with tasks at day offsets."""

    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    slug = models.SlugField(_("slug"), unique=True)
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One line on the card."))
    why = models.TextField(_("why it matters"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    horizon = models.CharField(_("horizon"), max_length=10, choices=Horizon.choices)
    duration_days = models.PositiveIntegerField(
        _("target after (days)"), help_text=_("The goal's target date, counted from the start.")
    )
    is_active = models.BooleanField(_("offered"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = GoalTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title


class GoalTemplateTask(models.Model):
    template = models.ForeignKey(GoalTemplate, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("step"), max_length=TITLE_MAX_LENGTH)
    notes = models.TextField(_("notes"), blank=True)
    offset_days = models.PositiveIntegerField(_("due after (days)"))
    is_milestone = models.BooleanField(_("milestone"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "offset_days", "pk"]

    def __str__(self) -> str:
        return self.title
