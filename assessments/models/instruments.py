from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from careerapp.content import SavedInEnglish


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


class TakeStatus(models.TextChoices):
    DRAFT = "draft", _("In progress")
    COMPLETED = "completed", _("Completed")


class InstrumentQuerySet(models.QuerySet):
    def active(self) -> InstrumentQuerySet:
        return self.filter(is_active=True)

    def with_last_completed(self, user) -> InstrumentQuerySet:
        takes = self.model.takes.field.model._default_manager  # assessments.models.takes
        last = (
            takes.filter(user=user, instrument=OuterRef("pk"), status=TakeStatus.COMPLETED)
            .order_by("-completed_at")
            .values("completed_at")[:1]
        )
        draft = takes.filter(user=user, instrument=OuterRef("pk"), status=TakeStatus.DRAFT)
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
