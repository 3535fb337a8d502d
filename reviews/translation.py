"""The shipped content admins keep in several languages (django-modeltranslation; see
``assessments.translation``)."""

from modeltranslation.translator import TranslationOptions, register

from reviews.models import FeedbackPrompt, FeedbackPromptSet, ReflectionPrompt


@register(ReflectionPrompt)
class ReflectionPromptTranslation(TranslationOptions):
    fields = ("text", "help_text")


@register(FeedbackPromptSet)
class FeedbackPromptSetTranslation(TranslationOptions):
    fields = ("name", "intro")


@register(FeedbackPrompt)
class FeedbackPromptTranslation(TranslationOptions):
    fields = ("text", "help_text")
