"""Load the goal templates Career Compass ships (goals/content.py); reversing removes them."""

from django.db import migrations

from goals.content import load_goal_templates, unload_goal_templates


def load(apps, schema_editor):
    load_goal_templates(
        apps.get_model("goals", "GoalTemplate"), apps.get_model("goals", "GoalTemplateTask")
    )


def unload(apps, schema_editor):
    unload_goal_templates(apps.get_model("goals", "GoalTemplate"))


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, unload),
    ]
