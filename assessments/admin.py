"""Assessment content is what the admins manage: instruments, their questions and options.

Take, Answer and PersonalSkill are deliberately not registered: they are people's private
answers. Delete confirmation pages never list them either (``_PrivateDeletionMixin``).

What must stay true: a question or option that people have answered is never deleted and
never changes type or instrument; it is retired by unticking "active", and past answers keep
the words they were given (``Answer.prompt``, ``Answer.option_labels``).
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from assessments.admin_services import instrument_duplicate
from assessments.models import (
    SKILL_LEVELS,
    Answer,
    Instrument,
    Option,
    PersonalSkill,
    Question,
    QuestionType,
    Take,
)

PRIVATE_MODELS = (Take, Answer, PersonalSkill)

QUESTION_IN_USE = _(
    "“%(prompt)s” has been answered, so it cannot be deleted. Untick “active” instead: "
    "it will not be asked again, and past answers keep their words."
)
OPTION_IN_USE = _(
    "“%(label)s” has been chosen in people's answers, so it cannot be deleted. Untick "
    "“active” instead: it will not be offered again, and past answers keep it."
)
PEOPLES_DATA = _("Part of people's own answers, which stay theirs.")
INSTRUMENT_IN_USE = _(
    "“%(name)s” has been taken, so it cannot be deleted. Untick “offered” instead: "
    "nobody new will start it, and people keep their results."
)


class DaysField(forms.IntegerField):
    """A DurationField edited as a whole number of days."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 3650)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value.days if isinstance(value, datetime.timedelta) else value

    def clean(self, value):
        days = super().clean(value)
        return None if days is None else datetime.timedelta(days=days)

    def has_changed(self, initial, data) -> bool:
        return super().has_changed(self.prepare_value(initial), data)


class InstrumentForm(forms.ModelForm):
    class Meta:
        model = Instrument
        fields = (
            "name",
            "slug",
            "kind",
            "purpose",
            "retake_interval",
            "allows_personal_items",
            "is_active",
            "order",
        )
        field_classes = {"retake_interval": DaysField}
        labels = {"retake_interval": _("Retake after (days)")}
        help_texts = {
            "retake_interval": _(
                "Days from a completed take until a retake is due: 90 for a quarterly check, "
                "365 for a yearly one."
            )
        }


class QuestionForm(forms.ModelForm):
    """Refuses changes that would make existing answers meaningless."""

    class Meta:
        model = Question
        widgets = {
            "prompt": forms.Textarea(attrs={"rows": 2, "cols": 80, "maxlength": 300}),
            "help_text": forms.Textarea(attrs={"rows": 3, "cols": 80}),
        }
        fields = (
            "instrument",
            "section",
            "prompt",
            "help_text",
            "type",
            "required",
            "low_label",
            "high_label",
            "max_choices",
            "order",
            "is_active",
        )

    def _is_answered(self) -> bool:
        return bool(self.instance.pk) and self.instance.answers.exists()

    def clean_type(self) -> str:
        new = self.cleaned_data["type"]
        if self.instance.pk and new != self.instance.type and self._is_answered():
            raise ValidationError(
                _(
                    "People have answered this as “%(type)s”, so its type cannot change. Add "
                    "a new question and untick “active” on this one."
                ),
                params={"type": self.instance.get_type_display()},
                code="answered",
            )
        return new

    def clean_instrument(self) -> Instrument:
        new = self.cleaned_data["instrument"]
        if self.instance.pk and new.pk != self.instance.instrument_id and self._is_answered():
            raise ValidationError(
                _("People have answered this question here, so it cannot move."),
                code="answered",
            )
        return new


class QuestionRowForm(QuestionForm):
    class Meta(QuestionForm.Meta):
        widgets = {
            "section": forms.TextInput(attrs={"size": 12}),
            "prompt": forms.Textarea(attrs={"rows": 2, "cols": 28, "maxlength": 300}),
            "order": forms.NumberInput(attrs={"class": "vIntegerField", "min": 0}),
            "max_choices": forms.NumberInput(attrs={"class": "vIntegerField", "min": 1}),
        }


class QuestionInlineFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        # Before the base clean: Django's own refusal would list the answers themselves.
        doomed = {
            form.instance.pk: form.instance
            for form in self.forms
            if form.instance.pk and self._should_delete_form(form)
        }
        answered = Answer.objects.filter(question_id__in=doomed).values_list(
            "question_id", flat=True
        )
        refused = [doomed[pk] for pk in sorted(set(answered))]
        if refused:
            raise ValidationError(
                [QUESTION_IN_USE % {"prompt": question.prompt} for question in refused],
                code="answered",
            )
        super().clean()


class OptionInlineFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        question = self.instance
        doomed = [
            form.instance
            for form in self.forms
            if form.instance.pk and self._should_delete_form(form)
        ]
        if doomed:
            answers = Answer.objects.filter(question_id=question.pk)
            chosen = {pk for ids in answers.values_list("option_ids", flat=True) for pk in ids}
            refused = [option for option in doomed if option.pk in chosen]
            if refused:
                raise ValidationError(
                    [OPTION_IN_USE % {"label": option.label} for option in refused],
                    code="chosen",
                )
        if question.has_options and self._active_count() < 2:
            raise ValidationError(
                _("A choice question needs at least two active options to choose between."),
                code="too_few",
            )

    def _active_count(self) -> int:
        count = 0
        for form in self.forms:
            if self._should_delete_form(form) or not (form.instance.pk or form.has_changed()):
                continue
            data = getattr(form, "cleaned_data", {})
            count += bool(data.get("label") and data.get("is_active"))
        return count


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
    model = Question
    form = QuestionRowForm
    formset = QuestionInlineFormSet
    fields = (
        "section",
        "prompt",
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


class OptionInline(admin.TabularInline):
    model = Option
    formset = OptionInlineFormSet
    fields = ("label", "order", "is_active")
    ordering = ("order", "pk")
    verbose_name_plural = _("options (single and multiple choice questions only)")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "label":
            kwargs["widget"] = forms.TextInput(attrs={"size": 70})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_extra(self, request: HttpRequest, obj: Question | None = None, **kwargs) -> int:
        if obj is None:
            return 2
        return 1 if obj.has_options else 0


@admin.register(Instrument)
class InstrumentAdmin(_PrivateDeletionMixin, admin.ModelAdmin):
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
        return [path("<path:object_id>/preview/", preview, name=name), *super().get_urls()]

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
        if not instrument.pk:
            return _("Save first to see how people will see it.")
        url = reverse("admin:assessments_instrument_preview", args=[instrument.pk])
        return format_html('<a href="{}">{}</a>', url, _("See it as people do"))

    @admin.action(description=_("Duplicate selected instruments"))
    def duplicate_instruments(self, request: HttpRequest, queryset) -> None:
        with transaction.atomic():
            copies = [
                instrument_duplicate(instrument=instrument)
                for instrument in queryset.order_by("pk")
            ]
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
        pages, hidden = _preview_pages(instrument)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": instrument,
            "title": _("Preview: %(name)s") % {"name": instrument.name},
            "pages": pages,
            "page_count": len(pages) + (1 if instrument.allows_personal_items else 0),
            "hidden_count": hidden,
            "levels": [(level, name, meaning) for level, (name, meaning) in SKILL_LEVELS.items()],
            "skill_parts": [("current", _("Where I am now")), ("desired", _("Where I want to be"))],
        }
        return TemplateResponse(request, "admin/assessments/instrument/preview.html", context)


def _preview_pages(instrument: Instrument) -> tuple[list[dict], int]:
    """The active questions grouped into pages the way a take shows them; and how many
    inactive ones are left out."""
    questions = instrument.questions.prefetch_related(
        Prefetch("options", queryset=Option.objects.filter(is_active=True))
    )
    pages: dict[str, list[Question]] = {}
    hidden = 0
    for question in questions:
        if not question.is_active:
            hidden += 1
            continue
        labels = {1: question.low_label, 5: question.high_label}
        question.scale = [(n, labels.get(n, "")) for n in range(1, 6)]
        question.too_few_options = question.has_options and len(question.options.all()) < 2
        pages.setdefault(question.section, []).append(question)
    result = [
        {
            "section": section,
            "questions": items,
            "has_skills": any(q.type == QuestionType.SKILL for q in items),
        }
        for section, items in pages.items()
    ]
    return result, hidden


@admin.register(Question)
class QuestionAdmin(_PrivateDeletionMixin, admin.ModelAdmin):
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
