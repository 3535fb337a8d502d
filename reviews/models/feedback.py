"""Feedback requests: I ask someone for feedback with a prompt set the admins keep; their
answers are attributed and visible only to me. Admins see counts, never answers."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerapp import tokens
from careerapp.content import SavedInEnglish, kept_wording

LINK_PURPOSE = "feedback"


class FeedbackPromptSetQuerySet(models.QuerySet):
    def active(self) -> FeedbackPromptSetQuerySet:
        return self.filter(is_active=True)

    def with_counts(self) -> FeedbackPromptSetQuerySet:
        """Each set with how many requests went out with it and how many were answered:
        the only thing an admin learns about its use."""
        return self.annotate(
            requests_sent=Count("requests", filter=Q(requests__sent_at__isnull=False)),
            requests_answered=Count("requests", filter=Q(requests__answered_at__isnull=False)),
        )


class FeedbackPromptSet(SavedInEnglish, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    intro = models.TextField(
        _("introduction"),
        max_length=2000,
        blank=True,
        help_text=_("Shown to the person giving feedback, above the questions."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("offered"), default=True)

    objects = FeedbackPromptSetQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("feedback prompt set")

    def __str__(self) -> str:
        return self.name


class FeedbackPromptKind(models.TextChoices):
    TEXT = "text", _("Written answer")
    STRENGTHS = "strengths", _("Pick from my strengths list")


class FeedbackPrompt(SavedInEnglish, models.Model):
    prompt_set = models.ForeignKey(
        FeedbackPromptSet, on_delete=models.CASCADE, related_name="prompts"
    )
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(
        _("answered by"), max_length=10, choices=FeedbackPromptKind.choices, default="text"
    )
    max_picks = models.PositiveSmallIntegerField(
        _("most picks"), default=5, help_text=_("For a strengths question.")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("asked"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("feedback question")

    def __str__(self) -> str:
        return self.text


class FeedbackStatus(models.TextChoices):
    """Where a request stands, as its owner reads it (computed, not stored)."""

    WAITING = "waiting", _("Waiting")
    REMINDED = "reminded", _("Reminded")
    ANSWERED = "answered", _("Answered")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


class FeedbackRequestQuerySet(models.QuerySet):
    def for_user(self, user) -> FeedbackRequestQuerySet:
        return self.filter(owner=user)

    def by_token(self, token: str) -> FeedbackRequestQuerySet:
        """The request a secret link names (none for anything not shaped like a token)."""
        if not tokens.looks_like_token(token):
            return self.none()
        return self.filter(token_hash=tokens.token_hash(token))

    def answered(self) -> FeedbackRequestQuerySet:
        return self.filter(answered_at__isnull=False)

    def open(self, now: datetime.datetime | None = None) -> FeedbackRequestQuerySet:
        """Still waiting for an answer: not answered, not withdrawn, not expired."""
        return self.filter(
            answered_at__isnull=True,
            withdrawn_at__isnull=True,
            expires_at__gt=now or timezone.now(),
        )

    def reminder_due(self, now: datetime.datetime) -> FeedbackRequestQuerySet:
        """Sent over a week ago, still open, never reminded: one reminder each."""
        return self.open(now).filter(
            sent_at__lte=now - datetime.timedelta(days=7), reminded_at__isnull=True
        )


class FeedbackRequest(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    member = models.ForeignKey(
        "reviews.CircleMember",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_requests",
    )
    name = models.CharField(_("their name"), max_length=120)
    email = models.EmailField(_("their email"))
    prompt_set = models.ForeignKey(
        FeedbackPromptSet,
        on_delete=models.PROTECT,
        related_name="requests",
        verbose_name=_("questions"),
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    link_salt = models.CharField(max_length=64, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = FeedbackRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                "sent_at",
                condition=Q(
                    answered_at__isnull=True, reminded_at__isnull=True, withdrawn_at__isnull=True
                ),
                name="reviews_feedback_remind_idx",
            )
        ]

    def __str__(self) -> str:
        # Not the prompt set's name: that would cost a query wherever a request is shown.
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reviews:feedback_detail", args=[self.pk])

    def link_token(self) -> str:
        """The giver's secret link token: derived from the salt, never stored."""
        return tokens.token_for(self.link_salt, purpose=LINK_PURPOSE)

    def status(self, now: datetime.datetime | None = None) -> FeedbackStatus:
        if self.withdrawn_at is not None:
            return FeedbackStatus.WITHDRAWN
        if self.answered_at is not None:
            return FeedbackStatus.ANSWERED
        if self.expires_at <= (now or timezone.now()):
            return FeedbackStatus.EXPIRED
        if self.reminded_at is not None:
            return FeedbackStatus.REMINDED
        return FeedbackStatus.WAITING

    @property
    def current_status(self) -> FeedbackStatus:
        return self.status()

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        return self.status(now) in {FeedbackStatus.WAITING, FeedbackStatus.REMINDED}


class FeedbackAnswer(models.Model):
    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="answers")
    prompt = models.ForeignKey(
        FeedbackPrompt, null=True, on_delete=models.SET_NULL, related_name="answers"
    )
    prompt_text = models.CharField(max_length=300)
    text = models.TextField(blank=True, max_length=5000)
    picks = models.ManyToManyField("assessments.Question", blank=True, related_name="+")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint("request", "prompt", name="reviews_feedbackanswer_one_each")
        ]

    def __str__(self) -> str:
        return self.prompt_text

    @property
    def wording(self) -> str:
        """The question as asked, in the reader's language while it still reads so
        (``careerapp.content.kept_wording``)."""
        prompt = self._state.fields_cache.get("prompt") if self.prompt_id else None
        return kept_wording(self.prompt_text, prompt, "text")
