"""The shipped content admins keep in several languages (django-modeltranslation): each
field below gains a column per language (``name_en``, ``name_fr``, ``name_es``); reading
``name`` gives the active language's text, or the English when that one is empty."""

from modeltranslation.translator import TranslationOptions, register

from assessments.models import (
    Instrument,
    LearningKind,
    LearningSuggestion,
    Option,
    Question,
    Role,
    Track,
)


@register(Instrument)
class InstrumentTranslation(TranslationOptions):
    fields = ("name", "purpose")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("section", "prompt", "help_text", "low_label", "high_label")


@register(Option)
class OptionTranslation(TranslationOptions):
    fields = ("label",)


@register(Track)
class TrackTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Role)
class RoleTranslation(TranslationOptions):
    fields = ("title", "summary", "responsibilities", "experience")


@register(LearningKind)
class LearningKindTranslation(TranslationOptions):
    fields = ("name",)


@register(LearningSuggestion)
class LearningSuggestionTranslation(TranslationOptions):
    fields = ("title",)
