"""Learning kinds become rows admins keep (issue 17): the shipped kinds are loaded with the
slugs the suggestions already hold, each suggestion points at its kind, and the old text
column goes. A kind in use cannot be deleted (PROTECT)."""

import django.db.models.deletion
from django.db import migrations, models

from assessments.content.library import load_kinds


def to_rows(apps, schema_editor):
    LearningKind = apps.get_model("assessments", "LearningKind")
    LearningSuggestion = apps.get_model("assessments", "LearningSuggestion")
    kinds, _written = load_kinds(LearningKind)
    for suggestion in LearningSuggestion.objects.all():
        kind = kinds.get(suggestion.kind)
        if kind is None:  # not shipped: keep it as a kind of its own
            kind = kinds[suggestion.kind] = LearningKind.objects.create(
                slug=suggestion.kind, name=suggestion.kind.capitalize(), order=1000
            )
        suggestion.kind_row = kind
        suggestion.save(update_fields=["kind_row"])


def to_text(apps, schema_editor):
    LearningSuggestion = apps.get_model("assessments", "LearningSuggestion")
    for suggestion in LearningSuggestion.objects.select_related("kind_row"):
        suggestion.kind = suggestion.kind_row.slug
        suggestion.save(update_fields=["kind"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0006_culture_check"),
    ]

    operations = [
        migrations.CreateModel(
            name="LearningKind",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=40, unique=True, verbose_name="slug")),
                ("name", models.CharField(max_length=60, verbose_name="name")),
                (
                    "order",
                    models.PositiveIntegerField(
                        default=0, help_text="Lower comes first.", verbose_name="order"
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Offered when people log new learning.",
                        verbose_name="shown",
                    ),
                ),
                (
                    "expires",
                    models.BooleanField(
                        default=False,
                        help_text="A certification does: people can give it an expiry date.",
                        verbose_name="items of this kind expire",
                    ),
                ),
            ],
            options={
                "verbose_name": "learning kind",
                "verbose_name_plural": "learning kinds",
                "ordering": ["order", "name"],
            },
        ),
        migrations.AddField(
            model_name="learningsuggestion",
            name="kind_row",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="assessments.learningkind",
            ),
        ),
        migrations.RunPython(to_rows, to_text),
        # A default only so that unapplying can add the text column back to existing rows
        # (to_text then fills it in).
        migrations.AlterField(
            model_name="learningsuggestion",
            name="kind",
            field=models.CharField(default="course", max_length=20, verbose_name="kind"),
        ),
        migrations.RemoveField(model_name="learningsuggestion", name="kind"),
        migrations.RenameField(
            model_name="learningsuggestion", old_name="kind_row", new_name="kind"
        ),
        migrations.AlterField(
            model_name="learningsuggestion",
            name="kind",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="suggestions",
                to="assessments.learningkind",
                verbose_name="kind",
            ),
        ),
    ]
