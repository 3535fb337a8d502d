"""Decisions: choosing between 2-5 options against weighted criteria, with a gut check, the
choice and its reason, and the record of every revisit."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_OPTIONS = 5
MIN_OPTIONS = 2
MAX_CRITERIA = 8


class DecisionStatus(models.TextChoices):
    OPEN = "open", _("Thinking it through")
    DECIDED = "decided", _("Decided")


class DecisionQuerySet(models.QuerySet):
    def for_user(self, user) -> DecisionQuerySet:
        return self.filter(user=user)

    def open_first(self) -> DecisionQuerySet:
        """Open decisions first, then decided ones; the most recently touched first."""
        return self.order_by(
            models.Case(models.When(status=DecisionStatus.OPEN, then=0), default=1),
            "-updated_at",
            "-pk",
        )

    def for_page(self) -> DecisionQuerySet:
        """Everything the decision page shows, in a fixed number of queries."""
        return self.select_related("chosen__role", "goal").prefetch_related(
            models.Prefetch("options", queryset=DecisionOption.objects.select_related("role")),
            "criteria",
            models.Prefetch("options__scores", queryset=DecisionScore.objects.order_by("pk")),
            "changes",
        )


class Decision(models.Model):
    """A question with options, e.g. "Which move next year?"."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="decisions"
    )
    question = models.CharField(_("question"), max_length=200)
    context = models.TextField(_("what makes it a question now"), blank=True, max_length=4000)
    status = models.CharField(
        _("status"), max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.OPEN
    )
    chosen = models.ForeignKey(
        "goals.DecisionOption",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("chosen option"),
    )
    reason = models.TextField(_("why this one"), blank=True, max_length=4000)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    # The goal started from the choice, linked back so the decision page can show it.
    goal = models.ForeignKey(
        "goals.Goal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        verbose_name=_("goal started from it"),
    )
    # Raised by every edit (careerapp.concurrency), like a goal's.
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [models.Index(fields=["user", "-updated_at"])]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("goals:decision", args=[self.pk])


class DecisionOption(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="options")
    title = models.CharField(_("option"), max_length=200)
    pros = models.TextField(_("pros"), blank=True, max_length=4000)
    cons = models.TextField(_("cons"), blank=True, max_length=4000)
    notes = models.TextField(_("notes"), blank=True, max_length=4000)
    role = models.ForeignKey(
        "assessments.Role",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision_options",
        verbose_name=_("role"),
    )
    # "How do you feel about it?": 1 (dread) to 5 (can't wait); empty until asked.
    gut = models.PositiveSmallIntegerField(
        _("how you feel about it"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["decision_id", "position", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.CheckConstraint(
                condition=Q(gut__isnull=True) | Q(gut__gte=1, gut__lte=5),
                name="goals_decisionoption_gut_range",
            )
        ]

    def __str__(self) -> str:
        return self.title


class DecisionCriterion(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=120)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["decision_id", "position", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gte=1, weight__lte=5), name="goals_decisioncriterion_weight"
            )
        ]

    def __str__(self) -> str:
        return self.name


class DecisionScore(models.Model):
    """How well an option meets a criterion, 1 (poorly) to 5 (very well)."""

    option = models.ForeignKey(DecisionOption, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        DecisionCriterion, on_delete=models.CASCADE, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint("option", "criterion", name="goals_decisionscore_once"),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="goals_decisionscore_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.option} / {self.criterion}: {self.score}"


class DecisionChange(models.Model):
    """One revisit of a decision, in a sentence a person reads: what changed and why."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="changes")
    summary = models.TextField()
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.summary
