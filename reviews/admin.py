"""Reflection prompts are content the admins manage; check-ins are shown as counts and dates.

A check-in's satisfaction, energy, goal notes, reflections and next steps are a person's
private words about their own career. Admins may see that check-ins happen (to help with
a stuck account or see whether the feature is used), never what was written or scored:
those fields appear nowhere here, cannot be filtered on, and GoalReview, Reflection,
NextStep and Schedule are deliberately not registered.

Feedback is the same: admins manage the prompt sets and see, per set, how many requests
went out and how many were answered. FeedbackRequest and FeedbackAnswer are deliberately
not registered, and nothing here names a giver or shows an answer.

Wins are a person's own record of what went well, who noticed and what it changed: Win is
deliberately not registered either.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import get_translation_fields

from careerapp.admin import TranslatedContentAdmin, TranslatedStackedInline
from reviews.models import CheckIn, FeedbackPrompt, FeedbackPromptSet, ReflectionPrompt

# Filtering on these would tell an admin how someone scored, one lookup at a time.
PRIVATE_FIELDS = frozenset({"satisfaction", "energy"})

CHECKIN_FIELDS = (
    "person",
    "cadence",
    "period_start",
    "period_end",
    "status",
    "submitted_at",
    "goals_reviewed",
)


REWORDING_KEEPS_PAST_CHECKINS = _(
    "Editing this wording does not change past check-ins: each answer keeps the "
    "wording it was written to. Check-ins from now on ask the new wording."
)


class ReflectionPromptForm(forms.ModelForm):
    class Meta:
        model = ReflectionPrompt
        fields = ("text", "help_text", "scope", "order", "is_active")
        # The admin edits each language's wording (text_en, text_fr, ...), not "text" itself.
        help_texts = dict.fromkeys(
            ("text", *get_translation_fields("text")), REWORDING_KEEPS_PAST_CHECKINS
        )


@admin.register(ReflectionPrompt)
class ReflectionPromptAdmin(TranslatedContentAdmin):
    """Shipped prompts are recognised by their wording (reviews/content.py): rewording one
    makes it yours, and a later content release adds its own wording back beside it.
    Answers keep the wording they were written to (``Reflection.prompt_text``).
    """

    form = ReflectionPromptForm

    list_display = ("text", "scope", "order", "is_active")
    list_editable = ("order", "is_active")
    list_filter = ("is_active", "scope")
    search_fields = ("text", "help_text")
    ordering = ("order", "pk")
    fields = ("text", "help_text", "scope", "order", "is_active")

    class Media:
        css = {"all": ["css/admin.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # A one-line box showed a help text's first few words; a prompt's whole question.
        name = getattr(db_field, "translated_field", db_field).name  # help_text_fr, ...
        if name == "help_text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80, "maxlength": 300})
        elif name == "text":
            kwargs["widget"] = forms.TextInput(attrs={"size": 80, "maxlength": 300})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    list_display = CHECKIN_FIELDS
    list_filter = ("status", "cadence")
    date_hierarchy = "period_start"
    search_fields = ("user__email",)
    search_help_text = _("Search by the person's email address.")
    list_select_related = ("user",)
    ordering = ("-period_start", "user__email")
    fields = CHECKIN_FIELDS
    readonly_fields = CHECKIN_FIELDS
    actions = None

    def get_queryset(self, request: HttpRequest):
        return (
            super()
            .get_queryset(request)
            .select_related("user")
            .annotate(goals_reviewed=Count("goal_reviews", distinct=True))
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest) -> bool:
        if lookup.split("__")[0] in PRIVATE_FIELDS:
            return False
        return super().lookup_allowed(lookup, value, request)

    @admin.display(description=_("person"), ordering="user__email")
    def person(self, checkin: CheckIn) -> str:
        return checkin.user.email

    @admin.display(description=_("goals reviewed"), ordering="goals_reviewed")
    def goals_reviewed(self, checkin: CheckIn) -> int:
        return checkin.goals_reviewed


class FeedbackPromptInline(TranslatedStackedInline):
    """Stacked: a question and its help text side by side would not fit a 1280 px screen."""

    model = FeedbackPrompt
    fields = ("text", "help_text", ("kind", "max_picks"), ("order", "is_active"))
    extra = 0


@admin.register(FeedbackPromptSet)
class FeedbackPromptSetAdmin(TranslatedContentAdmin):
    """Shipped sets are recognised by their slug (reviews/content/feedback_prompts.py).
    A set people have asked with cannot be deleted (their requests keep it): untick
    "offered" to stop offering it."""

    inlines = [FeedbackPromptInline]
    list_display = ("name", "slug", "order", "is_active", "requests_sent", "requests_answered")
    list_editable = ("order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "intro")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "intro", "order", "is_active")
    ordering = ("order", "pk")

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).with_counts()

    @admin.display(description=_("requests sent"), ordering="requests_sent")
    def requests_sent(self, prompt_set: FeedbackPromptSet) -> int:
        return prompt_set.requests_sent

    @admin.display(description=_("answered"), ordering="requests_answered")
    def requests_answered(self, prompt_set: FeedbackPromptSet) -> int:
        return prompt_set.requests_answered

    def get_deleted_objects(self, objs, request: HttpRequest):
        """Django would list each request that protects a set, by the giver's name: a
        count says why the delete is refused without naming anyone."""
        deleted, counts, perms_needed, _protected = super().get_deleted_objects(objs, request)
        used = (
            FeedbackPromptSet.objects.filter(pk__in=[obj.pk for obj in objs])
            .annotate(used=Count("requests"))
            .filter(used__gt=0)
        )
        protected = [
            ngettext(
                "“%(name)s” was used for %(count)d feedback request, so it cannot be "
                "deleted. Untick “offered” to stop offering it.",
                "“%(name)s” was used for %(count)d feedback requests, so it cannot be "
                "deleted. Untick “offered” to stop offering it.",
                prompt_set.used,
            )
            % {"name": prompt_set.name, "count": prompt_set.used}
            for prompt_set in used
        ]
        return deleted, counts, perms_needed, protected
