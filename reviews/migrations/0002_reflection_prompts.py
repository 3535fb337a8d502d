"""Load the reflection prompts Career Compass ships (reviews/content.py); reversing removes them."""

from django.db import migrations

from reviews.content import load_reflection_prompts, unload_reflection_prompts


def load(apps, schema_editor):
    load_reflection_prompts(apps.get_model("reviews", "ReflectionPrompt"))


def unload(apps, schema_editor):
    unload_reflection_prompts(apps.get_model("reviews", "ReflectionPrompt"))


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, unload),
    ]
