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
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from goals.models import TITLE_MAX_LENGTH, GoalTemplate, GoalTemplateTask

SLUG_MAX_LENGTH = GoalTemplate._meta.get_field("slug").max_length


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


class GoalTemplateTaskInline(admin.TabularInline):
    model = GoalTemplateTask
    formset = GoalTemplateTaskFormSet
    fields = ("title", "offset_days", "is_milestone", "order", "notes")
    ordering = ("order", "offset_days", "pk")
    extra = 1
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 50})},
    }


@admin.register(GoalTemplate)
class GoalTemplateAdmin(admin.ModelAdmin):
    inlines = [GoalTemplateTaskInline]
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
                template_duplicate(template)
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


def template_duplicate(template: GoalTemplate) -> GoalTemplate:
    """A copy with its steps and a new unique slug, not offered until someone edits it."""
    copy = GoalTemplate.objects.create(
        title=_copy_title(template.title),
        slug=_free_slug(template.slug),
        summary=template.summary,
        why=template.why,
        category=template.category,
        horizon=template.horizon,
        duration_days=template.duration_days,
        is_active=False,
        order=template.order,
    )
    GoalTemplateTask.objects.bulk_create(
        GoalTemplateTask(
            template=copy,
            title=task.title,
            notes=task.notes,
            offset_days=task.offset_days,
            is_milestone=task.is_milestone,
            order=task.order,
        )
        for task in template.tasks.all()
    )
    return copy


def _copy_title(title: str) -> str:
    copy = str(_("%(title)s (copy)") % {"title": title})
    excess = len(copy) - TITLE_MAX_LENGTH
    return copy if excess <= 0 else _copy_title(title[: len(title) - excess])


def _free_slug(slug: str) -> str:
    number = 1
    while True:
        candidate = _slug_with(slug, "copy" if number == 1 else f"copy-{number}")
        if not GoalTemplate.objects.filter(slug=candidate).exists():
            return candidate
        number += 1


def _slug_with(slug: str, suffix: str) -> str:
    """``slug-suffix``, shortening ``slug`` so the result fits the column."""
    base = slugify(slug)[: SLUG_MAX_LENGTH - len(suffix) - 1].rstrip("-")
    return f"{base}-{suffix}"
