"""Career conversations with someone in my circle: an agenda built from what happened
since the last one (editable, shareable before the meeting), notes, and action items that
each become exactly one step on a goal."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConversationQuerySet(models.QuerySet):
    def for_user(self, user) -> ConversationQuerySet:
        return self.filter(owner=user)

    def held(self) -> ConversationQuerySet:
        return self.filter(held_on__isnull=False)

    def planned(self) -> ConversationQuerySet:
        return self.filter(held_on__isnull=True)


class Conversation(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversations"
    )
    member = models.ForeignKey(
        "reviews.CircleMember",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conversations",
        verbose_name=_("with"),
    )
    with_name = models.CharField(max_length=120)
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    agenda = models.TextField(_("agenda"), max_length=10000, blank=True)
    agenda_shared = models.BooleanField(
        _("share the agenda before we meet"),
        default=False,
        help_text=_("They see the agenda on their shared page; notes stay yours."),
    )
    notes = models.TextField(_("notes"), max_length=20000, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index("owner", "member", "held_on", name="reviews_conv_member_idx")]

    def __str__(self) -> str:
        return f"{self.with_name} {self.held_on or self.planned_for or ''}".strip()

    def get_absolute_url(self) -> str:
        return reverse("reviews:conversation", args=[self.pk])

    @property
    def is_held(self) -> bool:
        return self.held_on is not None


class ActionItemQuerySet(models.QuerySet):
    def for_user(self, user) -> ActionItemQuerySet:
        return self.filter(conversation__owner=user)

    def open(self) -> ActionItemQuerySet:
        """Not done: by its step when it has one (the step's state is the item's), else
        by its own tick."""
        return self.filter(
            models.Q(step__isnull=False, step__done_at__isnull=True)
            | models.Q(step__isnull=True, done=False)
        )


class ActionItem(models.Model):
    """Something agreed in a conversation. With a goal it becomes exactly one step on it
    (``step``, one to one); it is open until that step, or the item itself, is done."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=200)
    goal = models.ForeignKey(
        "goals.Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    step = models.OneToOneField(
        "goals.Task",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conversation_action",
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def is_done(self) -> bool:
        """The step's state when the item has one (ticked on the goal page or here)."""
        if self.step_id is not None:
            return self.step.done_at is not None
        return self.done
