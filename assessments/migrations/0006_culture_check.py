"""The career culture health check (assessments/content/culture.py), with its own kind:
the one instrument about the organisation, whose anonymous totals the admins may see.

Loading again is idempotent, so the seven instruments already shipped are left as they are.
Reversing leaves the check in place, as 0003 and 0005 leave theirs: a delete through the
historical models fails on the models that link to questions (role skills, goals).
"""

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
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
