"""Load the instruments Career Compass ships (assessments/content/); reversing removes
those nobody has taken."""

from django.db import migrations

from assessments.content import load_instruments, unload_instruments


def load(apps, schema_editor):
    load_instruments(
        apps.get_model("assessments", "Instrument"),
        apps.get_model("assessments", "Question"),
        apps.get_model("assessments", "Option"),
    )


def unload(apps, schema_editor):
    unload_instruments(apps.get_model("assessments", "Instrument"))


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, unload),
    ]
