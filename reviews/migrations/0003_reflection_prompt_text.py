"""Every answered reflection keeps the wording it answered (``Reflection.prompt_text``).

Every write sets it; a row found without it (older data, or written outside the app)
takes its prompt's current wording, the best record there is. Rows that have it are left
alone, so past check-ins never take on a prompt's later wording. Reversing changes nothing.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Reflection = apps.get_model("reviews", "Reflection")
    ReflectionPrompt = apps.get_model("reviews", "ReflectionPrompt")
    wording = ReflectionPrompt.objects.filter(pk=OuterRef("prompt_id")).values("text")[:1]
    Reflection.objects.filter(prompt_text="", prompt__isnull=False).update(
        prompt_text=Subquery(wording)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0002_reflection_prompts"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
