"""Load the feedback prompt sets Career Compass ships (reviews/content/feedback_prompts.py);
reversing removes the shipped sets nobody has asked with."""

from django.db import migrations

from reviews.content.feedback_prompts import load_feedback_prompts, unload_feedback_prompts


def load(apps, schema_editor):
    load_feedback_prompts(
        apps.get_model("reviews", "FeedbackPromptSet"), apps.get_model("reviews", "FeedbackPrompt")
    )


def unload(apps, schema_editor):
    unload_feedback_prompts(apps.get_model("reviews", "FeedbackPromptSet"))


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0005_circle_feedback_conversations"),
    ]

    operations = [
        migrations.RunPython(load, unload),
    ]
