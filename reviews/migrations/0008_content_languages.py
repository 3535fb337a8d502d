"""The reflection prompts and the feedback prompt sets in English, French and Spanish
(django-modeltranslation, ``reviews/translation.py``): a column per language, the English
copied into its own, and the shipped prompts loaded again with their translations
(``reviews/content/translations/``)."""

from django.db import migrations, models

from careerapp.content import copy_to_source_columns
from reviews.content import load_feedback_prompts, load_reflection_prompts


def load(apps, schema_editor):
    ReflectionPrompt = apps.get_model("reviews", "ReflectionPrompt")
    FeedbackPromptSet = apps.get_model("reviews", "FeedbackPromptSet")
    FeedbackPrompt = apps.get_model("reviews", "FeedbackPrompt")
    copy_to_source_columns(ReflectionPrompt, ("text", "help_text"))
    copy_to_source_columns(FeedbackPromptSet, ("name", "intro"))
    copy_to_source_columns(FeedbackPrompt, ("text", "help_text"))
    load_reflection_prompts(ReflectionPrompt)
    load_feedback_prompts(FeedbackPromptSet, FeedbackPrompt)


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0007_wins_journal'),
    ]

    operations = [
        migrations.AddField(
            model_name='feedbackprompt',
            name='help_text_en',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='help text'),
        ),
        migrations.AddField(
            model_name='feedbackprompt',
            name='help_text_es',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='help text'),
        ),
        migrations.AddField(
            model_name='feedbackprompt',
            name='help_text_fr',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='help text'),
        ),
        migrations.AddField(
            model_name='feedbackprompt',
            name='text_en',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='feedbackprompt',
            name='text_es',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='feedbackprompt',
            name='text_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='feedbackpromptset',
            name='intro_en',
            field=models.TextField(blank=True, help_text='Shown to the person giving feedback, above the questions.', max_length=2000, null=True, verbose_name='introduction'),
        ),
        migrations.AddField(
            model_name='feedbackpromptset',
            name='intro_es',
            field=models.TextField(blank=True, help_text='Shown to the person giving feedback, above the questions.', max_length=2000, null=True, verbose_name='introduction'),
        ),
        migrations.AddField(
            model_name='feedbackpromptset',
            name='intro_fr',
            field=models.TextField(blank=True, help_text='Shown to the person giving feedback, above the questions.', max_length=2000, null=True, verbose_name='introduction'),
        ),
        migrations.AddField(
            model_name='feedbackpromptset',
            name='name_en',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='feedbackpromptset',
            name='name_es',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='feedbackpromptset',
            name='name_fr',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='reflectionprompt',
            name='help_text_en',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='help text'),
        ),
        migrations.AddField(
            model_name='reflectionprompt',
            name='help_text_es',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='help text'),
        ),
        migrations.AddField(
            model_name='reflectionprompt',
            name='help_text_fr',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='help text'),
        ),
        migrations.AddField(
            model_name='reflectionprompt',
            name='text_en',
            field=models.CharField(max_length=300, null=True, verbose_name='prompt'),
        ),
        migrations.AddField(
            model_name='reflectionprompt',
            name='text_es',
            field=models.CharField(max_length=300, null=True, verbose_name='prompt'),
        ),
        migrations.AddField(
            model_name='reflectionprompt',
            name='text_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='prompt'),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
