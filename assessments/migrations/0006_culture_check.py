"""The career culture health check (assessments/content/culture.py), with its own kind:
the one instrument about the organisation, whose anonymous totals the admins may see.

Loading again is idempotent, so the seven instruments already shipped are left as they are.
Reversing removes the check only if nobody has taken it: people's answers stay theirs.
"""

from django.db import migrations, models

from assessments.content import load_instruments
from assessments.content.culture import CULTURE


def load(apps, schema_editor):
    load_instruments(
        apps.get_model("assessments", "Instrument"),
        apps.get_model("assessments", "Question"),
        apps.get_model("assessments", "Option"),
    )


def unload(apps, schema_editor):
    Instrument = apps.get_model("assessments", "Instrument")
    Instrument.objects.filter(slug=CULTURE["slug"], takes__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0005_roles_shipped"),
    ]

    operations = [
        migrations.AlterField(
            model_name="instrument",
            name="kind",
            field=models.CharField(
                choices=[
                    ("skills", "Skills and competencies"),
                    ("strengths", "Strengths and weaknesses"),
                    ("values", "Work values"),
                    ("interests", "Interests"),
                    ("environment", "Environment and people"),
                    ("satisfaction", "Current situation"),
                    ("vision", "Vision of success"),
                    ("culture", "Career culture"),
                    ("other", "Other"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(load, unload),
    ]
