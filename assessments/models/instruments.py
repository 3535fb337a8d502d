from __future__ import annotations

import datetime
from itertools import zip_longest

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from careerapp.content import SavedInEnglish, kept_wording


class InstrumentKind(models.TextChoices):
    SKILLS = "skills", _("Skills and competencies")
    STRENGTHS = "strengths", _("Strengths and weaknesses")
    VALUES = "values", _("Work values")
    INTERESTS = "interests", _("Interests")
    ENVIRONMENT = "environment", _("Environment and people")
    SATISFACTION = "satisfaction", _("Current situation")
    VISION = "vision", _("Vision of success")
    # About the organisation, not the person: admins see its anonymous totals.
    CULTURE = "culture", _("Career culture")
    OTHER = "other", _("Other")


class QuestionType(models.TextChoices):
    RATING = "rating", _("Rating 1-5")
    SKILL = "skill", _("Skill: current and desired level")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TEXT = "text", _("Free text")


LEVELS = range(1, 6)

# What each level of a skill means; shown beside every skill question.
SKILL_LEVELS = {
    1: (_("Aware"), _("I know what it is and when it matters.")),
    2: (pgettext_lazy("skill level", "Learning"), _("I can do it with help or a guide.")),
    3: (_("Capable"), _("I do it on my own, reliably.")),
    4: (_("Strong"), _("I handle the hard cases; others ask me.")),
    5: (_("Expert"), _("I teach it and shape how it is done.")),
}


class InstrumentQuerySet(models.QuerySet):
    def active(self) -> InstrumentQuerySet:
        return self.filter(is_active=True)

    def with_last_completed(self, user) -> InstrumentQuerySet:
        last = (
            Take.objects.filter(user=user, instrument=OuterRef("pk"), status=TakeStatus.COMPLETED)
            .order_by("-completed_at")
            .values("completed_at")[:1]
        )
        draft = Take.objects.filter(user=user, instrument=OuterRef("pk"), status=TakeStatus.DRAFT)
        return self.annotate(
            last_completed_at=Subquery(last), draft_id=Subquery(draft.values("pk")[:1])
        )

    def due_for(self, user, *, now: datetime.datetime | None = None) -> InstrumentQuerySet:
        """Active instruments the person has taken, whose retake interval has run out.

        For the assessments page, the dashboard and the weekly email.
        """
        now = now or timezone.now()
        return (
            self.active()
            .with_last_completed(user)
            .filter(last_completed_at__isnull=False)
            .filter(last_completed_at__lte=now - F("retake_interval"))
        )


class Instrument(SavedInEnglish, models.Model):
    """A question set managed in the admin, e.g. "Skills and competencies"."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    purpose = models.TextField(_("purpose"), help_text=_("Shown before the person starts."))
    kind = models.CharField(_("kind"), max_length=20, choices=InstrumentKind.choices)
    retake_interval = models.DurationField(
        _("retake after"),
        default=datetime.timedelta(days=365),
        help_text=_("How long until a retake is due, e.g. 180 days."),
    )
    allows_personal_items = models.BooleanField(
        _("people can add their own skills"),
        default=False,
        help_text=_("For skill instruments: each person may add skills of their own to rate."),
    )
    is_active = models.BooleanField(_("offered"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(default=timezone.now)

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("assessments:instrument", args=[self.slug])


class QuestionQuerySet(models.QuerySet):
    def active(self) -> QuestionQuerySet:
        return self.filter(is_active=True)


class Question(SavedInEnglish, models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="questions")
    section = models.CharField(
        _("section"),
        max_length=120,
        blank=True,
        help_text=_("Questions with the same section are shown together on one page."),
    )
    prompt = models.CharField(_("prompt"), max_length=300)
    help_text = models.TextField(_("help text"), blank=True)
    type = models.CharField(_("type"), max_length=10, choices=QuestionType.choices)
    required = models.BooleanField(_("required"), default=True)
    low_label = models.CharField(
        _("label for 1"), max_length=60, blank=True, help_text=_("Rating questions only.")
    )
    high_label = models.CharField(
        _("label for 5"), max_length=60, blank=True, help_text=_("Rating questions only.")
    )
    max_choices = models.PositiveSmallIntegerField(
        _("most choices"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Multiple choice only: the most options a person may pick, e.g. 3 for "
            "“pick the three that matter most”. Empty for no limit."
        ),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive questions are not asked again; past answers stay readable."),
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.prompt

    @property
    def key(self) -> str:
        return f"q{self.pk}"

    @property
    def has_options(self) -> bool:
        return self.type in {QuestionType.SINGLE, QuestionType.MULTIPLE}

    def clean(self) -> None:
        super().clean()
        if self.max_choices is not None and self.type != QuestionType.MULTIPLE:
            raise ValidationError(
                {"max_choices": _("Only a multiple choice question takes a most-choices limit.")},
                code="not_multiple",
            )


class Option(SavedInEnglish, models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("label"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.label


class PersonalSkillQuerySet(models.QuerySet):
    def for_user(self, user) -> PersonalSkillQuerySet:
        return self.filter(user=user)

    def active(self) -> PersonalSkillQuerySet:
        return self.filter(is_active=True)


class PersonalSkill(models.Model):
    """A skill a person added to rate beside the shipped ones."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_skills"
    )
    instrument = models.ForeignKey(
        Instrument, on_delete=models.CASCADE, related_name="personal_skills"
    )
    name = models.CharField(_("skill"), max_length=120)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = PersonalSkillQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "user", "instrument", Lower("name"), name="assessments_personalskill_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        return f"p{self.pk}"


class TakeStatus(models.TextChoices):
    DRAFT = "draft", _("In progress")
    COMPLETED = "completed", _("Completed")


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
