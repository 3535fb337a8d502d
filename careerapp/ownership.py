"""Ownership, checked the same way in every app: another person's object is a 404.

Every model a person owns has a QuerySet with ``for_user(user)``. Views fetch what an id
names through ``owned_or_404``, never with a bare ``get_object_or_404``, so a forgotten
ownership check cannot happen one view at a time.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.shortcuts import get_object_or_404


def owned_or_404(
    queryset: models.QuerySet | type[models.Model], user: Any, **lookups: Any
) -> models.Model:
    """The object of ``queryset`` (a model, or a QuerySet to narrow or prefetch) that
    ``lookups`` name and ``user`` owns; Http404 when it does not exist or is another's."""
    if isinstance(queryset, type):
        queryset = queryset._default_manager.all()
    return get_object_or_404(queryset.for_user(user), **lookups)
