"""A person's takes of an instrument and their answers, which keep the words they were
given (``Answer.prompt``, ``Answer.option_labels``) and show them in the reader's language
while the question still reads so (``careerapp.content.kept_wording``)."""

from __future__ import annotations

import datetime
from itertools import zip_longest

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from assessments.models.instruments import (
    Instrument,
    PersonalSkill,
    Question,
    QuestionType,
    TakeStatus,
)
from careerapp.content import kept_wording


class TakeQuerySet(models.QuerySet):
    def for_user(self, user) -> TakeQuerySet:
        return self.filter(user=user)

    def completed(self) -> TakeQuerySet:
        return self.filter(status=TakeStatus.COMPLETED)

    def drafts(self) -> TakeQuerySet:
        return self.filter(status=TakeStatus.DRAFT)

    def latest_first(self) -> TakeQuerySet:
        return self.order_by(F("completed_at").desc(nulls_first=True), "-pk")

    def completed_between(self, start: datetime.datetime, end: datetime.datetime) -> TakeQuerySet:
        """Takes completed from ``start`` up to, not including, ``end``."""
        return self.completed().filter(completed_at__gte=start, completed_at__lt=end)

    def latest_per_person(self) -> TakeQuerySet:
        """Of these takes, only each person's latest of each instrument (one subquery)."""
        latest = (
            self.filter(user=OuterRef("user"), instrument=OuterRef("instrument"))
            .order_by(F("completed_at").desc(nulls_first=True), "-pk")
            .values("pk")[:1]
        )
        return self.filter(pk=Subquery(latest))


class Take(models.Model):
    """One sitting of an instrument: a draft while answering, a dated snapshot once done."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="takes"
    )
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="takes")
    status = models.CharField(max_length=10, choices=TakeStatus.choices, default=TakeStatus.DRAFT)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = TakeQuerySet.as_manager()

    class Meta:
        ordering = ["-completed_at", "-pk"]
        indexes = [models.Index(fields=["user", "instrument", "status", "completed_at"])]
        constraints = [
            # At most one take in progress per person and instrument: two tabs share it.
            models.UniqueConstraint(
                "user",
                "instrument",
                condition=Q(status="draft"),
                name="assessments_take_one_draft",
            ),
            models.CheckConstraint(
                condition=Q(status="draft", completed_at__isnull=True)
                | Q(status="completed", completed_at__isnull=False),
                name="assessments_take_completed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        if self.is_completed:
            return reverse("assessments:results", args=[self.pk])
        return reverse("assessments:take", args=[self.pk])

    @property
    def is_completed(self) -> bool:
        return self.status == TakeStatus.COMPLETED


class Answer(models.Model):
    """An answer, with the question's words kept as they were, so history stays readable."""

    take = models.ForeignKey(Take, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="answers"
    )
    personal_skill = models.ForeignKey(
        PersonalSkill, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    key = models.CharField(max_length=20, help_text="q<question id> or p<personal skill id>")
    prompt = models.CharField(max_length=300)
    type = models.CharField(max_length=10, choices=QuestionType.choices)
    rating = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    current_level = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    desired_level = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(blank=True, max_length=5000)
    option_ids = models.JSONField(default=list, blank=True)
    option_labels = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [
            # A person's latest answer to a question walks their takes and asks each for
            # that question (role compare, the pursued role's panel): one row per probe,
            # where the take's index alone reads every answer of the take, and beside a
            # crowd that reads slower (benchmarks/README.md, a crowded server).
            models.Index(fields=["take", "question"], name="assessments_answer_take_q")
        ]
        constraints = [
            models.UniqueConstraint("take", "key", name="assessments_answer_one_per_key"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="assessments_answer_rating_range",
            ),
            models.CheckConstraint(
                condition=Q(current_level__isnull=True)
                | Q(current_level__gte=1, current_level__lte=5),
                name="assessments_answer_current_range",
            ),
            models.CheckConstraint(
                condition=Q(desired_level__isnull=True)
                | Q(desired_level__gte=1, desired_level__lte=5),
                name="assessments_answer_desired_range",
            ),
        ]

    def __str__(self) -> str:
        # Never the answer itself: this string can surface in admin pages and logs.
        return f"Answer {self.pk} of take {self.take_id}"

    @property
    def wording(self) -> str:
        """The question's words to show: in the active language while the kept copy is
        still one of the question's wordings (in whichever language it was answered);
        the copy itself once the question was reworded, or for one's own skill. Uses the
        question only if it was loaded with the answer (``select_related``)."""
        question = self._state.fields_cache.get("question") if self.question_id else None
        return kept_wording(self.prompt, question, "prompt")

    @property
    def gap(self) -> int | None:
        if self.current_level is None or self.desired_level is None:
            return None
        return self.desired_level - self.current_level

    @property
    def labels(self) -> list[str]:
        """The chosen options' words, each in the reader's language while the option still
        reads as kept (``careerapp.content.kept_wording``), else as kept. Uses the options
        only if they were prefetched with the question (``question__options``)."""
        question = self._state.fields_cache.get("question") if self.question_id else None
        cache = getattr(question, "_prefetched_objects_cache", {})
        if "options" not in cache:
            return list(self.option_labels)
        options = {option.pk: option for option in cache["options"]}
        pairs = zip_longest(self.option_labels, self.option_ids)  # an id may be missing
        return [
            kept_wording(label, options.get(pk), "label")
            for label, pk in pairs
            if label is not None
        ]

    @property
    def display_value(self) -> str:
        if self.type == QuestionType.SKILL:
            return f"{self.current_level} → {self.desired_level}"
        if self.type == QuestionType.RATING:
            return str(self.rating or "")
        if self.type in {QuestionType.SINGLE, QuestionType.MULTIPLE}:
            return ", ".join(self.labels)
        return self.text

    @property
    def is_blank(self) -> bool:
        return (
            self.rating is None
            and self.current_level is None
            and self.desired_level is None
            and not self.text.strip()
            and not self.option_ids
        )
