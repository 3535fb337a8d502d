"""What the apps' shipped-content loaders share."""

from __future__ import annotations

from typing import Any

from django.db import models


def save_if_changed(instance: models.Model, values: dict[str, Any]) -> int:
    """Write the ``values`` that differ from ``instance``; 1 if it wrote anything, else 0.

    Loading shipped content again writes only the rows and fields that changed."""
    changed = [field for field, value in values.items() if getattr(instance, field) != value]
    if not changed:
        return 0
    for field in changed:
        setattr(instance, field, values[field])
    instance.save(update_fields=changed)
    return 1
