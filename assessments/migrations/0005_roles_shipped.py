"""Load the role library Career Compass ships (assessments/content/roles/).

The instruments are loaded first, so the skill questions the roles name exist whatever
order this and a migration adding skill questions run in. Both loaders are idempotent: a
later content change ships as a new migration calling them again.
"""

from django.db import migrations

from assessments.content import load_instruments
from assessments.content.library import load_roles


def load(apps, schema_editor):
    model = apps.get_model
    load_instruments(
        model("assessments", "Instrument"),
        model("assessments", "Question"),
        model("assessments", "Option"),
    )
    load_roles(
        model("assessments", "Track"),
        model("assessments", "Role"),
        model("assessments", "RoleSkill"),
        model("assessments", "RoleMove"),
        model("assessments", "LearningSuggestion"),
        model("assessments", "Question"),
        model("assessments", "Instrument"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0004_role_library"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
