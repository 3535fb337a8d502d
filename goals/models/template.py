"""Goal templates: shipped or written by admins, a goal with its steps to start from."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from careerapp.content import SavedInEnglish
from goals.models.choices import TITLE_MAX_LENGTH, Category, Horizon


class GoalTemplateQuerySet(models.QuerySet):
    def active(self) -> GoalTemplateQuerySet:
        return self.filter(is_active=True)


class GoalTemplate(SavedInEnglish, models.Model):
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


class GoalTemplateTask(SavedInEnglish, models.Model):
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
