"""The instruments, the role library and the learning kinds in English, French and
Spanish (django-modeltranslation, ``assessments/translation.py``): a column per language
for each translated field, the English copied into its own, and the shipped content
loaded again with its translations (``assessments/content/translations/``). Reversing
drops the columns; the English stays in the original ones."""

from django.db import migrations, models

from assessments.content import load_instruments
from assessments.content.library import load_roles
from careerapp.content import copy_to_source_columns

TRANSLATED = {
    "Instrument": ("name", "purpose"),
    "Question": ("section", "prompt", "help_text", "low_label", "high_label"),
    "Option": ("label",),
    "Track": ("name", "summary"),
    "Role": ("title", "summary", "responsibilities", "experience"),
    "LearningKind": ("name",),
    "LearningSuggestion": ("title",),
}


def load(apps, schema_editor):
    model = lambda name: apps.get_model("assessments", name)  # noqa: E731
    for name, fields in TRANSLATED.items():
        copy_to_source_columns(model(name), fields)
    load_instruments(model("Instrument"), model("Question"), model("Option"))
    load_roles(
        model("Track"),
        model("Role"),
        model("RoleSkill"),
        model("RoleMove"),
        model("LearningSuggestion"),
        model("Question"),
        model("Instrument"),
        LearningKind=model("LearningKind"),
    )


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0007_learning_kinds'),
    ]

    operations = [
        migrations.AddField(
            model_name='instrument',
            name='name_en',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='instrument',
            name='name_es',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='instrument',
            name='name_fr',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='instrument',
            name='purpose_en',
            field=models.TextField(help_text='Shown before the person starts.', null=True, verbose_name='purpose'),
        ),
        migrations.AddField(
            model_name='instrument',
            name='purpose_es',
            field=models.TextField(help_text='Shown before the person starts.', null=True, verbose_name='purpose'),
        ),
        migrations.AddField(
            model_name='instrument',
            name='purpose_fr',
            field=models.TextField(help_text='Shown before the person starts.', null=True, verbose_name='purpose'),
        ),
        migrations.AddField(
            model_name='learningkind',
            name='name_en',
            field=models.CharField(max_length=60, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='learningkind',
            name='name_es',
            field=models.CharField(max_length=60, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='learningkind',
            name='name_fr',
            field=models.CharField(max_length=60, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='learningsuggestion',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='learningsuggestion',
            name='title_es',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='learningsuggestion',
            name='title_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='option',
            name='label_en',
            field=models.CharField(max_length=200, null=True, verbose_name='label'),
        ),
        migrations.AddField(
            model_name='option',
            name='label_es',
            field=models.CharField(max_length=200, null=True, verbose_name='label'),
        ),
        migrations.AddField(
            model_name='option',
            name='label_fr',
            field=models.CharField(max_length=200, null=True, verbose_name='label'),
        ),
        migrations.AddField(
            model_name='question',
            name='help_text_en',
            field=models.TextField(blank=True, null=True, verbose_name='help text'),
        ),
        migrations.AddField(
            model_name='question',
            name='help_text_es',
            field=models.TextField(blank=True, null=True, verbose_name='help text'),
        ),
        migrations.AddField(
            model_name='question',
            name='help_text_fr',
            field=models.TextField(blank=True, null=True, verbose_name='help text'),
        ),
        migrations.AddField(
            model_name='question',
            name='high_label_en',
            field=models.CharField(blank=True, help_text='Rating questions only.', max_length=60, null=True, verbose_name='label for 5'),
        ),
        migrations.AddField(
            model_name='question',
            name='high_label_es',
            field=models.CharField(blank=True, help_text='Rating questions only.', max_length=60, null=True, verbose_name='label for 5'),
        ),
        migrations.AddField(
            model_name='question',
            name='high_label_fr',
            field=models.CharField(blank=True, help_text='Rating questions only.', max_length=60, null=True, verbose_name='label for 5'),
        ),
        migrations.AddField(
            model_name='question',
            name='low_label_en',
            field=models.CharField(blank=True, help_text='Rating questions only.', max_length=60, null=True, verbose_name='label for 1'),
        ),
        migrations.AddField(
            model_name='question',
            name='low_label_es',
            field=models.CharField(blank=True, help_text='Rating questions only.', max_length=60, null=True, verbose_name='label for 1'),
        ),
        migrations.AddField(
            model_name='question',
            name='low_label_fr',
            field=models.CharField(blank=True, help_text='Rating questions only.', max_length=60, null=True, verbose_name='label for 1'),
        ),
        migrations.AddField(
            model_name='question',
            name='prompt_en',
            field=models.CharField(max_length=300, null=True, verbose_name='prompt'),
        ),
        migrations.AddField(
            model_name='question',
            name='prompt_es',
            field=models.CharField(max_length=300, null=True, verbose_name='prompt'),
        ),
        migrations.AddField(
            model_name='question',
            name='prompt_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='prompt'),
        ),
        migrations.AddField(
            model_name='question',
            name='section_en',
            field=models.CharField(blank=True, help_text='Questions with the same section are shown together on one page.', max_length=120, null=True, verbose_name='section'),
        ),
        migrations.AddField(
            model_name='question',
            name='section_es',
            field=models.CharField(blank=True, help_text='Questions with the same section are shown together on one page.', max_length=120, null=True, verbose_name='section'),
        ),
        migrations.AddField(
            model_name='question',
            name='section_fr',
            field=models.CharField(blank=True, help_text='Questions with the same section are shown together on one page.', max_length=120, null=True, verbose_name='section'),
        ),
        migrations.AddField(
            model_name='role',
            name='experience_en',
            field=models.TextField(blank=True, max_length=2000, null=True, verbose_name='typical experience'),
        ),
        migrations.AddField(
            model_name='role',
            name='experience_es',
            field=models.TextField(blank=True, max_length=2000, null=True, verbose_name='typical experience'),
        ),
        migrations.AddField(
            model_name='role',
            name='experience_fr',
            field=models.TextField(blank=True, max_length=2000, null=True, verbose_name='typical experience'),
        ),
        migrations.AddField(
            model_name='role',
            name='responsibilities_en',
            field=models.TextField(blank=True, help_text='One per line.', max_length=4000, null=True, verbose_name='typical responsibilities'),
        ),
        migrations.AddField(
            model_name='role',
            name='responsibilities_es',
            field=models.TextField(blank=True, help_text='One per line.', max_length=4000, null=True, verbose_name='typical responsibilities'),
        ),
        migrations.AddField(
            model_name='role',
            name='responsibilities_fr',
            field=models.TextField(blank=True, help_text='One per line.', max_length=4000, null=True, verbose_name='typical responsibilities'),
        ),
        migrations.AddField(
            model_name='role',
            name='summary_en',
            field=models.TextField(max_length=2000, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='role',
            name='summary_es',
            field=models.TextField(max_length=2000, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='role',
            name='summary_fr',
            field=models.TextField(max_length=2000, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='role',
            name='title_en',
            field=models.CharField(max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='role',
            name='title_es',
            field=models.CharField(max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='role',
            name='title_fr',
            field=models.CharField(max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='track',
            name='name_en',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='track',
            name='name_es',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='track',
            name='name_fr',
            field=models.CharField(max_length=120, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='track',
            name='summary_en',
            field=models.TextField(blank=True, max_length=2000, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='track',
            name='summary_es',
            field=models.TextField(blank=True, max_length=2000, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='track',
            name='summary_fr',
            field=models.TextField(blank=True, max_length=2000, null=True, verbose_name='summary'),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
