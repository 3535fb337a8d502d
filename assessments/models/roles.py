"""The role library (an organisation's career framework, kept by admins) and a person's
place in it: tracks, roles with the skill levels they ask for and the moves between them,
learning suggestions per skill, the person's current role and the roles they target."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models.instruments import QuestionType
from careerapp.content import SavedInEnglish


class RoleLevel(models.TextChoices):
    """Where a role sits within its track, from the first step to the top."""

    ENTRY = "entry", _("Entry level")
    MID = "mid", _("Mid-level")
    SENIOR = "senior", _("Senior")
    LEAD = "lead", _("Lead or staff")
    PRINCIPAL = "principal", _("Principal")
    MANAGER = "manager", _("Manager")
    SENIOR_MANAGER = "senior-manager", _("Senior manager")
    DIRECTOR = "director", _("Director")
    EXECUTIVE = "executive", _("Executive")


class Importance(models.TextChoices):
    CORE = "core", _("Core")
    HELPFUL = "helpful", _("Helpful")


class TargetStatus(models.TextChoices):
    EXPLORING = "exploring", _("Exploring")
    PURSUING = "pursuing", _("Pursuing")
    PARKED = "parked", _("Parked")


class TrackQuerySet(models.QuerySet):
    def active(self) -> TrackQuerySet:
        return self.filter(is_active=True)


class Track(SavedInEnglish, models.Model):
    """A family of roles, e.g. "Software engineering" or "Sales"."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    summary = models.TextField(_("summary"), blank=True, max_length=2000)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("shown"), default=True)

    objects = TrackQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("track")
        verbose_name_plural = _("tracks")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("assessments:track", args=[self.slug])


class RoleQuerySet(models.QuerySet):
    def active(self) -> RoleQuerySet:
        return self.filter(is_active=True, track__is_active=True)

    def in_level_order(self) -> RoleQuerySet:
        """Track by track, each from its first step to the top (``RoleLevel``'s order),
        then the admins' order within a level."""
        rank = models.Case(
            *(models.When(level=value, then=rank) for rank, value in enumerate(RoleLevel.values)),
            default=len(RoleLevel.values),
            output_field=models.IntegerField(),
        )
        return self.alias(level_rank=rank).order_by(
            "track__order", "track__name", "track_id", "level_rank", "order", "title"
        )

    def open_here(self) -> RoleQuerySet:
        """Roles the organisation has open: the internal opportunities."""
        return self.filter(is_open=True)


class Role(SavedInEnglish, models.Model):
    """A role in a track: what it is for and the skill levels it asks for."""

    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    level = models.CharField(_("level"), max_length=20, choices=RoleLevel.choices)
    order = models.PositiveIntegerField(
        _("order in the track"), default=0, help_text=_("Lower comes first.")
    )
    summary = models.TextField(_("summary"), max_length=2000)
    responsibilities = models.TextField(
        _("typical responsibilities"), blank=True, max_length=4000, help_text=_("One per line.")
    )
    experience = models.TextField(_("typical experience"), blank=True, max_length=2000)
    is_open = models.BooleanField(
        _("open in our organisation"),
        default=False,
        help_text=_("People can filter for the roles open here."),
    )
    open_contact = models.CharField(
        _("who to talk to"), max_length=200, blank=True, help_text=_("A name or an address.")
    )
    open_url = models.URLField(_("link to the opening"), blank=True)
    is_active = models.BooleanField(_("shown"), default=True)

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["track__order", "order", "title"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        indexes = [models.Index(fields=["track", "order"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("assessments:role", args=[self.slug])

    @property
    def responsibility_list(self) -> list[str]:
        return [line.strip() for line in self.responsibilities.splitlines() if line.strip()]


class RoleSkill(models.Model):
    """A skill of the skills instrument that a role asks for, at a level."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="skills")
    question = models.ForeignKey(
        "assessments.Question",
        on_delete=models.CASCADE,
        related_name="role_skills",
        limit_choices_to={"type": QuestionType.SKILL},
        verbose_name=_("skill"),
    )
    level = models.PositiveSmallIntegerField(
        _("level asked for"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    importance = models.CharField(
        _("importance"), max_length=10, choices=Importance.choices, default=Importance.CORE
    )

    class Meta:
        ordering = ["role", "-level", "pk"]
        verbose_name = _("required skill")
        verbose_name_plural = _("required skills")
        constraints = [
            models.UniqueConstraint("role", "question", name="assessments_roleskill_once"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="assessments_roleskill_level"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.question} ({self.level})"


class RoleMove(models.Model):
    """A usual move from one role to another, inside or across tracks."""

    from_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="moves")
    to_role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="arrivals", verbose_name=_("to")
    )
    typical_months = models.PositiveSmallIntegerField(
        _("typical months"), validators=[MinValueValidator(1), MaxValueValidator(120)]
    )

    class Meta:
        ordering = ["from_role", "typical_months", "pk"]
        verbose_name = _("move")
        verbose_name_plural = _("moves")
        constraints = [
            models.UniqueConstraint("from_role", "to_role", name="assessments_rolemove_once"),
            models.CheckConstraint(
                condition=~Q(from_role=models.F("to_role")), name="assessments_rolemove_elsewhere"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_role} → {self.to_role}"


class LearningKindQuerySet(models.QuerySet):
    def active(self) -> LearningKindQuerySet:
        return self.filter(is_active=True)


class LearningKind(SavedInEnglish, models.Model):
    """A kind of learning (a course, a book, a certification), kept by admins and shared by
    the library's suggestions and people's learning logs. Shipped kinds are their slug
    (``assessments.content.roles.learning.KINDS``)."""

    slug = models.SlugField(_("slug"), unique=True, max_length=40)
    name = models.CharField(_("name"), max_length=60)
    order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower comes first."))
    is_active = models.BooleanField(
        _("shown"), default=True, help_text=_("Offered when people log new learning.")
    )
    expires = models.BooleanField(
        _("items of this kind expire"),
        default=False,
        help_text=_("A certification does: people can give it an expiry date."),
    )

    objects = LearningKindQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("learning kind")
        verbose_name_plural = _("learning kinds")

    def __str__(self) -> str:
        return self.name


class LearningSuggestionQuerySet(models.QuerySet):
    def active(self) -> LearningSuggestionQuerySet:
        return self.filter(is_active=True)


class LearningSuggestion(SavedInEnglish, models.Model):
    """A way to learn a skill: a course, a book, a practice. Shared by every role."""

    question = models.ForeignKey(
        "assessments.Question",
        on_delete=models.CASCADE,
        related_name="learning_suggestions",
        limit_choices_to={"type": QuestionType.SKILL},
        verbose_name=_("skill"),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.ForeignKey(
        LearningKind,
        on_delete=models.PROTECT,
        related_name="suggestions",
        verbose_name=_("kind"),
    )
    url = models.URLField(_("link"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("shown"), default=True)

    objects = LearningSuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("learning suggestion")
        verbose_name_plural = _("learning suggestions")

    def __str__(self) -> str:
        return self.title


class CurrentRole(models.Model):
    """The role a person holds today: one of the library's, or their own words."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="current_role"
    )
    role = models.ForeignKey(
        Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    other_title = models.CharField(_("my role in my own words"), max_length=120, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("current role")
        verbose_name_plural = _("current roles")

    def __str__(self) -> str:
        return str(self.role or self.other_title)


class TargetRoleQuerySet(models.QuerySet):
    def for_user(self, user) -> TargetRoleQuerySet:
        return self.filter(user=user)

    def pursuing(self) -> TargetRoleQuerySet:
        return self.filter(status=TargetStatus.PURSUING)

    def offered(self) -> TargetRoleQuerySet:
        """Targets whose role the library still offers (a retired role drops out)."""
        return self.filter(role__is_active=True)


class TargetRole(models.Model):
    """A role a person is exploring, pursuing (one at a time) or has parked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="target_roles"
    )
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="targets")
    status = models.CharField(
        _("status"), max_length=20, choices=TargetStatus.choices, default=TargetStatus.EXPLORING
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # When the weekly email last named this role's biggest gap (at most once a month).
    gap_mentioned_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = TargetRoleQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "pk"]
        verbose_name = _("target role")
        verbose_name_plural = _("target roles")
        constraints = [
            models.UniqueConstraint("user", "role", name="assessments_targetrole_once"),
            models.UniqueConstraint(
                "user",
                condition=Q(status="pursuing"),
                name="assessments_targetrole_one_pursued",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} ({self.get_status_display()})"
