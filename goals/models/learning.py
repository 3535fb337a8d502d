"""The learning log: what a person learns (a course, a book, a certification) towards their
skills and goals, with its hours, its cost and, for a kind that expires, its expiry date."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A certification "expiring soon" is one that runs out within this many days (the
# dashboard panel and the weekly email).
EXPIRING_DAYS = 60


class LearningStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class LearningItemQuerySet(models.QuerySet):
    def for_user(self, user) -> LearningItemQuerySet:
        return self.filter(user=user)

    def done_between(self, start: datetime.date, end: datetime.date) -> LearningItemQuerySet:
        """Done and finished from ``start`` up to ``end`` (exclusive)."""
        return self.filter(status=LearningStatus.DONE, finished_on__gte=start, finished_on__lt=end)

    def held(self) -> LearningItemQuerySet:
        """Done: only a certification the person has earned can run out (a planned or
        started one is not theirs yet, a dropped one never will be)."""
        return self.filter(status=LearningStatus.DONE)

    def not_expired(self, today: datetime.date) -> LearningItemQuerySet:
        """Held and running out ``today`` or later: what is still to renew (the calendar
        feed's expiry days)."""
        return self.held().filter(expires_on__gte=today)

    def expiring(self, today: datetime.date, days: int = EXPIRING_DAYS) -> LearningItemQuerySet:
        """Held and running out from ``today`` to ``days`` days later (inclusive): the
        dashboard panel and the weekly email."""
        return self.not_expired(today).filter(expires_on__lte=today + datetime.timedelta(days=days))

    def for_list(self) -> LearningItemQuerySet:
        """With what a list row shows: the kind (one join)."""
        return self.select_related("kind")

    def in_list_order(self) -> LearningItemQuerySet:
        """Planned and in progress first, then done (latest first), then dropped."""
        rank = models.Case(
            *(
                models.When(status=value, then=rank)
                for rank, value in enumerate(
                    (
                        LearningStatus.IN_PROGRESS,
                        LearningStatus.PLANNED,
                        LearningStatus.DONE,
                        LearningStatus.DROPPED,
                    )
                )
            ),
            output_field=models.IntegerField(),
        )
        return self.alias(status_rank=rank).order_by(
            "status_rank",
            F("finished_on").desc(nulls_last=True),
            F("started_on").desc(nulls_last=True),
            "-created_at",
            "-pk",
        )


class LearningItem(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_items"
    )
    kind = models.ForeignKey(
        "assessments.LearningKind",
        on_delete=models.PROTECT,
        related_name="learning_items",
        verbose_name=_("kind"),
    )
    title = models.CharField(_("what"), max_length=200)
    provider = models.CharField(
        _("provider"), max_length=200, blank=True, help_text=_("Who offers it, or the author.")
    )
    url = models.URLField(_("link"), blank=True, max_length=500)
    status = models.CharField(
        _("status"), max_length=12, choices=LearningStatus.choices, default=LearningStatus.PLANNED
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    finished_on = models.DateField(_("finished on"), null=True, blank=True)
    hours = models.DecimalField(
        _("hours"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    cost = models.DecimalField(
        _("cost"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("Three letters, e.g. EUR.")
    )
    notes = models.TextField(_("notes"), blank=True, max_length=4000)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    skills = models.ManyToManyField(
        "assessments.Question",
        blank=True,
        related_name="learning_items",
        limit_choices_to={"type": "skill"},
        verbose_name=_("skills"),
    )
    personal_skills = models.ManyToManyField(
        "assessments.PersonalSkill",
        blank=True,
        related_name="learning_items",
        verbose_name=_("my own skills"),
    )
    goals = models.ManyToManyField(
        "goals.Goal", blank=True, related_name="learning_items", verbose_name=_("goals")
    )
    # The library suggestion it was started from, if any.
    suggestion = models.ForeignKey(
        "assessments.LearningSuggestion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_items",
    )
    # Raised by every edit (careerapp.concurrency), as a goal's.
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = LearningItemQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("learning item")
        verbose_name_plural = _("learning items")
        indexes = [
            # The list (by status), the hours chart and done_between (by finished_on).
            models.Index(fields=["user", "status", "finished_on"], name="goals_learning_status"),
            # The dashboard panel and the weekly email: what expires soon.
            models.Index(
                fields=["expires_on", "user"],
                condition=Q(expires_on__isnull=False),
                name="goals_learning_expiring",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gte=0), name="goals_learning_hours"
            ),
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0), name="goals_learning_cost"
            ),
            models.CheckConstraint(
                condition=Q(started_on__isnull=True)
                | Q(finished_on__isnull=True)
                | Q(finished_on__gte=F("started_on")),
                name="goals_learning_dates",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("goals:learning_detail", args=[self.pk])

    @property
    def status_label(self) -> str:
        return LearningStatus(self.status).label

    @staticmethod
    def end_when_done(
        status: str, started: datetime.date | None, finished: datetime.date | None
    ) -> datetime.date | None:
        """The end an item gets when saved: marked done without one, it ends today (never
        before its start). The services write it; the form checks the expiry against it."""
        if status != LearningStatus.DONE or finished is not None:
            return finished
        today = timezone.localdate()
        return max(today, started) if started else today

    def is_held(self) -> bool:
        return self.status == LearningStatus.DONE

    def is_expired(self, today: datetime.date) -> bool:
        """As ``LearningItemQuerySet.held``: only what the person holds expires."""
        return self.is_held() and self.expires_on is not None and self.expires_on < today

    def expires_soon(self, today: datetime.date) -> bool:
        return (
            self.is_held()
            and self.expires_on is not None
            and today <= self.expires_on <= today + datetime.timedelta(days=EXPIRING_DAYS)
        )
