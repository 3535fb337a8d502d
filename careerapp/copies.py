"""Names for a copy of admin content (a goal template, an instrument): "Title (copy)" and
a slug no row has yet, both fitting their columns."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext as _


def copy_name(name: str, max_length: int) -> str:
    """ "Name (copy)", shortening ``name`` so the result fits ``max_length``."""
    copy = str(_("%(name)s (copy)") % {"name": name})
    excess = len(copy) - max_length
    return copy if excess <= 0 else copy_name(name[: len(name) - excess], max_length)


def free_slug(model: type[models.Model], slug: str) -> str:
    """``slug-copy``, then ``slug-copy-2``, ...: the first no ``model`` row has."""
    max_length = model._meta.get_field("slug").max_length
    number = 1
    while True:
        candidate = _slug_with(slug, "copy" if number == 1 else f"copy-{number}", max_length)
        if not model._default_manager.filter(slug=candidate).exists():
            return candidate
        number += 1


def _slug_with(slug: str, suffix: str, max_length: int) -> str:
    """``slug-suffix``, shortening ``slug`` so the result fits the column."""
    base = slugify(slug)[: max_length - len(suffix) - 1].rstrip("-")
    return f"{base}-{suffix}"
