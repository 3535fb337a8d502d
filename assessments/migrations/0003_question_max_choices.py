"""A multiple choice question may cap how many options a person picks; the shipped
"pick the three that matter most" question takes at most three (assessments/content/)."""

import django.core.validators
from django.db import migrations, models

from assessments.content import load_instruments


def load(apps, schema_editor):
    load_instruments(
        apps.get_model("assessments", "Instrument"),
        apps.get_model("assessments", "Question"),
        apps.get_model("assessments", "Option"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_instruments"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="max_choices",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="Multiple choice only: the most options a person may pick, e.g. 3 "
                "for “pick the three that matter most”. Empty for no limit.",
                null=True,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="most choices",
            ),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
