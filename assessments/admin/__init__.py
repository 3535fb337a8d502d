"""Assessment content is what the admins manage: instruments, their questions and options.

Take, Answer and PersonalSkill are deliberately not registered: they are people's private
answers. Delete confirmation pages never list them either (``_PrivateDeletionMixin``). The
one place answers reach the admin is a culture check's anonymous totals, summed over at
least five people (``assessments.admin.culture``).

What must stay true: a question or option that people have answered is never deleted and
never changes type or instrument; it is retired by unticking "active", and past answers keep
the words they were given (``Answer.prompt``, ``Answer.option_labels``).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.forms import TextInput
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline

from assessments import queries, services
from assessments.admin.culture import CultureTotalsMixin
from assessments.admin.forms import (
    INSTRUMENT_IN_USE,
    PEOPLES_DATA,
    QUESTION_IN_USE,
    InstrumentForm,
    OptionInlineFormSet,
    QuestionForm,
    QuestionInlineFormSet,
    QuestionRowForm,
)
from assessments.models import (
    Answer,
    Instrument,
    Option,
    PersonalSkill,
    Question,
    Take,
)
from careerapp.admin import TranslatedContentAdmin

PRIVATE_MODELS = (Take, Answer, PersonalSkill)


class _PrivateDeletionMixin:
    """Delete pages list what would go; people's answers must never be among the lines."""

    def in_use_message(self, obj) -> str | None:
        raise NotImplementedError

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        in_use = [message for obj in objs if (message := self.in_use_message(obj))]
        if in_use or protected:
            # Say why, instead of a list of answers or a "permission" for rows in use.
            protected = in_use or [str(PEOPLES_DATA)]
            perms_needed = set()
        return _without_private(deleted), model_count, perms_needed, protected

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        message = self.in_use_message(obj) if obj is not None else None
        if message:
            self.message_user(request, message, messages.ERROR)
            opts = self.opts
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            )
        return super().delete_view(request, object_id, extra_context)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and self.in_use_message(obj):
            return False
        return super().has_delete_permission(request, obj)


def _without_private(nested: list) -> list:
    """The nested list of a delete page without lines about people's own data.

    Private models are not registered, so the admin writes them as "Verbose name: str";
    a line's children follow it as a list and go with it.
    """
    prefixes = tuple(f"{capfirst(model._meta.verbose_name)}: " for model in PRIVATE_MODELS)
    result: list = []
    skip_children = False
    for entry in nested:
        if isinstance(entry, list):
            if not skip_children:
                result.append(_without_private(entry))
            skip_children = False
            continue
        skip_children = str(entry).startswith(prefixes)
        if not skip_children:
            result.append(entry)
    return result


class QuestionInline(admin.TabularInline):
    """The instrument's questions at a glance, in English: each question's page (the
    change link) has its French and Spanish beside the English."""

    model = Question
    form = QuestionRowForm
    formset = QuestionInlineFormSet
    fields = (
        "section_en",
        "prompt_en",
        "type",
        "required",
        "max_choices",
        "order",
        "is_active",
        "answer_count",
    )
    readonly_fields = ("answer_count",)
    ordering = ("order", "pk")
    extra = 1
    show_change_link = True

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(answer_count=Count("answers"))

    @admin.display(description=_("answers"))
    def answer_count(self, question: Question) -> int | str:
        return getattr(question, "answer_count", "–")


class OptionInline(TranslationTabularInline):
    model = Option
    formset = OptionInlineFormSet
    fields = ("label", "order", "is_active")
    ordering = ("order", "pk")
    verbose_name_plural = _("options (single and multiple choice questions only)")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if getattr(db_field, "translated_field", db_field).name == "label":
            kwargs["widget"] = TextInput(attrs={"size": 28})  # three languages side by side
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_extra(self, request: HttpRequest, obj: Question | None = None, **kwargs) -> int:
        if obj is None:
            return 2
        return 1 if obj.has_options else 0


@admin.register(Instrument)
class InstrumentAdmin(CultureTotalsMixin, _PrivateDeletionMixin, TranslatedContentAdmin):
    form = InstrumentForm
    inlines = [QuestionInline]

    class Media:
        css = {"all": ["css/admin.css"]}

    list_display = (
        "name",
        "kind",
        "question_count",
        "retake_days",
        "is_active",
        "order",
        "preview_link",
        "culture_link",
    )
    list_editable = ("is_active", "order")
    list_filter = ("is_active", "kind", "allows_personal_items")
    search_fields = ("name", "slug", "purpose", "questions__prompt")
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("order", "name")
    actions = ["duplicate_instruments"]
    readonly_fields = ("preview_link",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "purpose", "preview_link")}),
        (_("Taking it"), {"fields": ("retake_interval", "allows_personal_items")}),
        (_("Offering"), {"fields": ("is_active", "order")}),
    )

    def get_queryset(self, request: HttpRequest):
        active = Count("questions", filter=Q(questions__is_active=True), distinct=True)
        return super().get_queryset(request).annotate(question_count=active)

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        name = f"{self.opts.app_label}_{self.opts.model_name}_preview"
        return [
            path("<path:object_id>/preview/", preview, name=name),
            *self.culture_urls(),
            *super().get_urls(),
        ]

    def in_use_message(self, instrument: Instrument) -> str | None:
        if instrument.takes.exists():
            return INSTRUMENT_IN_USE % {"name": instrument.name}
        return None

    @admin.display(description=_("questions asked"), ordering="question_count")
    def question_count(self, instrument: Instrument) -> int:
        return instrument.question_count

    @admin.display(description=_("retake after (days)"), ordering="retake_interval")
    def retake_days(self, instrument: Instrument) -> int:
        return instrument.retake_interval.days

    @admin.display(description=_("preview"))
    def preview_link(self, instrument: Instrument) -> str:
        template = "admin/assessments/instrument/includes/_preview_link.html"
        return render_to_string(template, {"instrument": instrument})

    @admin.action(description=_("Duplicate selected instruments"))
    def duplicate_instruments(self, request: HttpRequest, queryset) -> None:
        copies = services.instruments_duplicate(instruments=queryset.order_by("pk"))
        self.message_user(
            request,
            ngettext(
                "Made %(count)d copy with its questions and options. It is not offered until "
                "you edit it and tick “offered”.",
                "Made %(count)d copies with their questions and options. They are not offered "
                "until you edit them and tick “offered”.",
                len(copies),
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        instrument = self.get_object(request, unquote(object_id))
        if instrument is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, instrument):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": instrument,
            "title": _("Preview: %(name)s") % {"name": instrument.name},
            **queries.instrument_preview(instrument),
        }
        return TemplateResponse(request, "admin/assessments/instrument/preview.html", context)


@admin.register(Question)
class QuestionAdmin(_PrivateDeletionMixin, TranslatedContentAdmin):
    form = QuestionForm
    inlines = [OptionInline]

    class Media:
        css = {"all": ["css/admin.css"]}

    list_display = ("prompt", "instrument", "section", "type", "required", "is_active", "order")
    list_filter = ("instrument", "type", "is_active", "required")
    search_fields = ("prompt", "help_text", "section", "options__label")
    list_select_related = ("instrument",)
    ordering = ("instrument__order", "instrument__name", "order", "pk")
    readonly_fields = ("answer_status",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "instrument",
                    "section",
                    "prompt",
                    "help_text",
                    "type",
                    "required",
                    "max_choices",
                )
            },
        ),
        (
            _("Rating scale"),
            {
                "fields": ("low_label", "high_label"),
                "description": _("Rating questions only: the words shown beside 1 and 5."),
            },
        ),
        (_("Offering"), {"fields": ("order", "is_active", "answer_status")}),
    )

    def in_use_message(self, question: Question) -> str | None:
        if question.answers.exists():
            return QUESTION_IN_USE % {"prompt": question.prompt}
        return None

    @admin.display(description=_("answers"))
    def answer_status(self, question: Question) -> str:
        count = question.answers.count() if question.pk else 0
        if not count:
            return _("Not answered yet. It can still be deleted.")
        return ngettext(
            "Answered once. It cannot be deleted; untick “active” to stop asking it.",
            "Answered %(count)d times. It cannot be deleted; untick “active” to stop asking it.",
            count,
        ) % {"count": count}


# The role library's admin registers itself on import.
from assessments.admin import roles  # noqa: E402, F401
