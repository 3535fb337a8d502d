from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerapp.content import SavedInEnglish, kept_wording
from reviews.cadence import Cadence, Period, period_containing


class Schedule(models.Model):
    """The person's check-in rhythm."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_schedule"
    )
    cadence = models.CharField(
        _("check in"), max_length=12, choices=Cadence.choices, default=Cadence.MONTHLY
    )
    anchor = models.DateField(
        _("counting from"),
        default=timezone.localdate,
        help_text=_("Periods are counted from here; missed check-ins only after it."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.get_cadence_display()}"

    def period_for(self, day: datetime.date) -> Period:
        return period_containing(day, self.cadence, self.anchor)


class GoalStatusChoice(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    DONE = "done", _("Done")


class PromptScope(models.TextChoices):
    EVERY = "every", _("Every check-in")
    QUARTERLY = "quarterly", _("Quarterly check-ins only")


class ReflectionPromptQuerySet(models.QuerySet):
    def active(self) -> ReflectionPromptQuerySet:
        return self.filter(is_active=True)

    def for_period(self, *, quarter_end: bool) -> ReflectionPromptQuerySet:
        """Prompts for a check-in; quarterly ones join when the period closes a quarter."""
        prompts = self.active()
        if not quarter_end:
            prompts = prompts.filter(scope=PromptScope.EVERY)
        return prompts


class ReflectionPrompt(SavedInEnglish, models.Model):
    text = models.CharField(_("prompt"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    scope = models.CharField(
        _("asked in"), max_length=10, choices=PromptScope.choices, default=PromptScope.EVERY
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    objects = ReflectionPromptQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class CheckInStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class CheckInQuerySet(models.QuerySet):
    def for_user(self, user) -> CheckInQuerySet:
        return self.filter(user=user)

    def submitted(self) -> CheckInQuerySet:
        return self.filter(status=CheckInStatus.SUBMITTED)

    def with_answers(self) -> CheckInQuerySet:
        """With everything a check-in's page shows of its answers."""
        reflections = Prefetch("reflections", Reflection.objects.select_related("prompt"))
        return self.prefetch_related("goal_reviews", reflections, "next_steps")

    def in_range(self, start: datetime.date, end: datetime.date) -> CheckInQuerySet:
        return self.filter(period_start__gte=start, period_start__lte=end)


class CheckIn(models.Model):
    """One check-in per person and period. Editable until the next period starts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    cadence = models.CharField(max_length=12, choices=Cadence.choices)
    status = models.CharField(
        max_length=10, choices=CheckInStatus.choices, default=CheckInStatus.DRAFT
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    energy = models.PositiveSmallIntegerField(
        _("energy"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    # Raised by every save of the check-in page (careerapp.concurrency), so a draft saved
    # from an older tab cannot overwrite a newer one.
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start"]
        constraints = [
            models.UniqueConstraint("user", "period_start", name="reviews_checkin_one_per_period"),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="reviews_checkin_period_order",
            ),
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True)
                | Q(satisfaction__gte=1, satisfaction__lte=5),
                name="reviews_checkin_satisfaction_range",
            ),
            models.CheckConstraint(
                condition=Q(energy__isnull=True) | Q(energy__gte=1, energy__lte=5),
                name="reviews_checkin_energy_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.period_start}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:checkin", args=[self.pk])

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)

    @property
    def is_submitted(self) -> bool:
        return self.status == CheckInStatus.SUBMITTED

    @property
    def closes_quarter(self) -> bool:
        """True when the last day of a quarter falls in this period: quarterly prompts join."""
        quarter = period_containing(self.period_start, Cadence.QUARTERLY, self.period_start)
        return self.period_start <= quarter.end <= self.period_end

    def is_editable(self, today: datetime.date) -> bool:
        """Open until the next period starts."""
        return today <= self.period_end


class GoalReview(models.Model):
    """How one goal stood at a check-in."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="goal_reviews")
    goal = models.ForeignKey(
        "goals.Goal", null=True, on_delete=models.SET_NULL, related_name="reviews"
    )
    goal_title = models.CharField(max_length=200)
    progress = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    status = models.CharField(max_length=10, choices=GoalStatusChoice.choices, blank=True)
    note = models.TextField(blank=True, max_length=2000)
    new_target_date = models.DateField(null=True, blank=True)
    correction_reason = models.TextField(blank=True, max_length=2000)
    correction_applied = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint("checkin", "goal", name="reviews_goalreview_one_per_goal"),
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
                name="reviews_goalreview_progress_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.goal_title}: {self.progress}%"


class Reflection(models.Model):
    """An answer to a reflection prompt, with the prompt's wording as it was answered
    (``prompt_text``): rewording the prompt in the admin leaves past answers as written.
    Pages show ``wording``, never ``prompt.text``: the wording as answered, in the reader's
    language while the prompt still reads so in one of its languages."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="reflections")
    prompt = models.ForeignKey(
        ReflectionPrompt, null=True, on_delete=models.SET_NULL, related_name="reflections"
    )
    prompt_text = models.CharField(max_length=300)
    answer = models.TextField(blank=True, max_length=5000)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint("checkin", "prompt", name="reviews_reflection_one_per_prompt")
        ]

    def __str__(self) -> str:
        return self.prompt_text

    @property
    def wording(self) -> str:
        prompt = self._state.fields_cache.get("prompt") if self.prompt_id else None
        return kept_wording(self.prompt_text, prompt, "text")


class NextStep(models.Model):
    """A "next step" written in a check-in; it becomes a task on the chosen goal."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="next_steps")
    goal = models.ForeignKey("goals.Goal", null=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=200)
    due_date = models.DateField(null=True, blank=True)
    task = models.OneToOneField(
        "goals.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="next_step"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title
