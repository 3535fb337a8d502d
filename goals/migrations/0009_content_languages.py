"""The goal templates and their steps in English, French and Spanish
(django-modeltranslation, ``goals/translation.py``): a column per language, the English
copied into its own, and the templates loaded again with their translations
(``goals/content/translations/``)."""

from django.db import migrations, models

from careerapp.content import copy_to_source_columns
from goals.content import load_goal_templates


def load(apps, schema_editor):
    GoalTemplate = apps.get_model("goals", "GoalTemplate")
    GoalTemplateTask = apps.get_model("goals", "GoalTemplateTask")
    copy_to_source_columns(GoalTemplate, ("title", "summary", "why"))
    copy_to_source_columns(GoalTemplateTask, ("title", "notes"))
    load_goal_templates(GoalTemplate, GoalTemplateTask)


class Migration(migrations.Migration):

    dependencies = [
        ('goals', '0008_learning_log'),
    ]

    operations = [
        migrations.AddField(
            model_name='goaltemplate',
            name='summary_en',
            field=models.CharField(help_text='One line on the card.', max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='goaltemplate',
            name='summary_es',
            field=models.CharField(help_text='One line on the card.', max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='goaltemplate',
            name='summary_fr',
            field=models.CharField(help_text='One line on the card.', max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='goaltemplate',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='goaltemplate',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='goaltemplate',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='goaltemplate',
            name='why_en',
            field=models.TextField(blank=True, null=True, verbose_name='why it matters'),
        ),
        migrations.AddField(
            model_name='goaltemplate',
            name='why_es',
            field=models.TextField(blank=True, null=True, verbose_name='why it matters'),
        ),
        migrations.AddField(
            model_name='goaltemplate',
            name='why_fr',
            field=models.TextField(blank=True, null=True, verbose_name='why it matters'),
        ),
        migrations.AddField(
            model_name='goaltemplatetask',
            name='notes_en',
            field=models.TextField(blank=True, null=True, verbose_name='notes'),
        ),
        migrations.AddField(
            model_name='goaltemplatetask',
            name='notes_es',
            field=models.TextField(blank=True, null=True, verbose_name='notes'),
        ),
        migrations.AddField(
            model_name='goaltemplatetask',
            name='notes_fr',
            field=models.TextField(blank=True, null=True, verbose_name='notes'),
        ),
        migrations.AddField(
            model_name='goaltemplatetask',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='step'),
        ),
        migrations.AddField(
            model_name='goaltemplatetask',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='step'),
        ),
        migrations.AddField(
            model_name='goaltemplatetask',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='step'),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
