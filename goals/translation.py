"""The shipped content admins keep in several languages (django-modeltranslation; see
``assessments.translation``)."""

from modeltranslation.translator import TranslationOptions, register

from goals.models import GoalTemplate, GoalTemplateTask


@register(GoalTemplate)
class GoalTemplateTranslation(TranslationOptions):
    fields = ("title", "summary", "why")


@register(GoalTemplateTask)
class GoalTemplateTaskTranslation(TranslationOptions):
    fields = ("title", "notes")
