"""Goal templates are content the admins manage.

Goal, Task and GoalChange are deliberately not registered: they are a person's private
career data, and an admin has no business reading them.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models, transaction
from django.db.models import Count
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from careerapp.admin import TranslatedContentAdmin, TranslatedStackedInline
from goals import services
from goals.models import GoalTemplate, GoalTemplateTask


class GoalTemplateTaskFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        duration = self.instance.duration_days
        if duration is None:
            return  # the template's own form reports the missing duration
        for form in self.forms:
            offset = form.cleaned_data.get("offset_days") if form.cleaned_data else None
            if offset is None or form.cleaned_data.get("DELETE"):
                continue
            if offset > duration:
                form.add_error(
                    "offset_days",
                    _("This step falls after the target (day %(duration)s).")
                    % {"duration": duration},
                )


class GoalTemplateTaskInline(TranslatedStackedInline):
    """Stacked: a step's title and notes in three languages side by side would not fit a
    row of a table."""

    model = GoalTemplateTask
    formset = GoalTemplateTaskFormSet
    fields = ("title", "offset_days", "is_milestone", "order", "notes")
    ordering = ("order", "offset_days", "pk")
    extra = 1
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 36})},
    }


@admin.register(GoalTemplate)
class GoalTemplateAdmin(TranslatedContentAdmin):
    inlines = [GoalTemplateTaskInline]

    class Media:
        css = {"all": ["css/admin.css"]}

    list_display = (
        "title",
        "category",
        "horizon",
        "duration_days",
        "task_count",
        "is_active",
        "order",
    )
    list_editable = ("is_active", "order")
    list_filter = ("is_active", "category", "horizon")
    search_fields = ("title", "slug", "summary", "tasks__title")
    prepopulated_fields = {"slug": ("title",)}
    ordering = ("order", "title")
    actions = ["duplicate_templates"]
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "why")}),
        (_("Shape"), {"fields": ("category", "horizon", "duration_days")}),
        (_("Offering"), {"fields": ("is_active", "order")}),
    )

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(task_count=Count("tasks", distinct=True))

    @admin.display(description=_("steps"), ordering="task_count")
    def task_count(self, template: GoalTemplate) -> int:
        return template.task_count

    @admin.action(description=_("Duplicate selected templates"))
    def duplicate_templates(self, request: HttpRequest, queryset) -> None:
        with transaction.atomic():
            copies = [
                services.goal_template_duplicate(template=template)
                for template in queryset.order_by("pk").prefetch_related("tasks")
            ]
        self.message_user(
            request,
            ngettext(
                "Made %(count)d copy. It is not offered until you edit it and tick “offered”.",
                "Made %(count)d copies. They are not offered until you edit them and tick "
                "“offered”.",
                len(copies),
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )
