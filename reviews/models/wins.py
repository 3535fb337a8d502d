"""The wins journal: what happened, its impact, the day, the skills it showed, the goal it
served and who noticed. Evidence for reviews and conversations: a check-in opens with the
wins since the last one, the quarterly summary, a conversation's agenda and the brag
document list them.

A win may name where it came from (a ticked step, a check-in, a comment from the circle);
each link is cleared, never the win, when that thing is deleted.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TITLE_MAX_LENGTH = 200


class WinQuerySet(models.QuerySet):
    def for_user(self, user) -> WinQuerySet:
        return self.filter(user=user)

    def between(self, start: datetime.date, end: datetime.date) -> WinQuerySet:
        """Wins that happened from ``start`` to ``end``, both included."""
        return self.filter(happened_on__gte=start, happened_on__lte=end)

    def since(self, day: datetime.date) -> WinQuerySet:
        """Wins that happened on ``day`` or later."""
        return self.filter(happened_on__gte=day)

    def newest_first(self) -> WinQuerySet:
        return self.order_by("-happened_on", "-created_at", "-pk")


class Win(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wins"
    )
    title = models.CharField(_("what happened"), max_length=TITLE_MAX_LENGTH)
    impact = models.TextField(_("the impact"), max_length=4000, blank=True)
    happened_on = models.DateField(_("when"), default=timezone.localdate)
    skills = models.ManyToManyField(
        "assessments.Question",
        blank=True,
        related_name="wins",
        limit_choices_to={"type": "skill"},
        verbose_name=_("skills shown"),
    )
    personal_skills = models.ManyToManyField(
        "assessments.PersonalSkill",
        blank=True,
        related_name="wins",
        verbose_name=_("your own skills shown"),
    )
    goal = models.ForeignKey(
        "goals.Goal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wins",
        verbose_name=_("the goal it served"),
    )
    task = models.ForeignKey(
        "goals.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="wins"
    )
    checkin = models.ForeignKey(
        "reviews.CheckIn", null=True, blank=True, on_delete=models.SET_NULL, related_name="wins"
    )
    comment = models.ForeignKey(
        "reviews.Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="wins"
    )
    noticed_by = models.CharField(_("who noticed"), max_length=120, blank=True)
    member = models.ForeignKey(
        "reviews.CircleMember",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wins",
        verbose_name=_("someone in your circle who noticed"),
    )
    version = models.PositiveIntegerField(default=0, editable=False)  # careerapp.concurrency
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WinQuerySet.as_manager()

    class Meta:
        ordering = ["-happened_on", "-created_at", "-pk"]
        indexes = [models.Index("user", "happened_on", name="reviews_win_user_day_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:win_edit", args=[self.pk])

    @property
    def noticed_by_name(self) -> str:
        """Who noticed, as written, or the circle member's name."""
        if self.noticed_by:
            return self.noticed_by
        return self.member.name if self.member_id else ""
