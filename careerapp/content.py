"""What the apps' shipped-content loaders share: writing only what changed, and the
content's own translations.

Shipped content is written in English in ``<app>/content/``; its French and Spanish are
catalogues beside it, ``<app>/content/translations/<language>.json``, each mapping an
English text to its translation (the same English text reads the same everywhere). A
loader passes its English ``values`` through ``translated``, which adds the columns
django-modeltranslation gives each translated field (``name_en``, ``name_fr``, ...): the
English in ``_en`` and in the original column, a language's translation where its
catalogue has one, else None, which reads as the English (the fallback).

Reading it: a translated model's own queries read the active language (modeltranslation);
a query from another model asks for ``language_columns`` and picks with ``in_language``;
words a record kept as asked are shown with ``kept_wording``; ``SavedInEnglish`` keeps
the original columns English.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation

SOURCE_LANGUAGE = "en"


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


def other_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


@functools.cache
def catalogue(directory: Path, language: str) -> dict[str, str]:
    """``directory/<language>.json``: English text -> translation (empty if no file)."""
    path = Path(directory) / f"{language}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def translate_text(text: str, table: dict[str, str]) -> str | None:
    """The translation of ``text``; a text of several lines is translated line by line
    (a role's responsibilities), and is None unless every line has one."""
    if not text:
        return None
    if text in table:
        return table[text]
    if "\n" in text:
        lines = [table.get(line) if line else "" for line in text.split("\n")]
        return None if None in lines else "\n".join(lines)
    return None


def translated(model: type[models.Model], values: dict[str, Any], directory: Path) -> dict:
    """``values`` (English) and, for each field of them that ``model`` keeps in several
    languages, its column per language. A historical model from before the languages came
    (an older migration) has no such columns and gets ``values`` as they are."""
    columns = {field.name for field in model._meta.concrete_fields}
    result = dict(values)
    for name, text in values.items():
        if f"{name}_{SOURCE_LANGUAGE}" not in columns or not isinstance(text, str):
            continue
        result[f"{name}_{SOURCE_LANGUAGE}"] = text
        for language in other_languages():
            result[f"{name}_{language}"] = translate_text(text, catalogue(directory, language))
    return result


def in_source_language(loader):
    """Run a loader with English active, so that on today's models (whose translated
    fields read and write the active language's column) ``name`` means the English."""

    @functools.wraps(loader)
    def run(*args, **kwargs):
        with translation.override(SOURCE_LANGUAGE):
            return loader(*args, **kwargs)

    return run


def copy_to_source_columns(model: type[models.Model], fields: tuple[str, ...]) -> int:
    """Fill each field's English column from its original column where it is still empty:
    the rows written before the languages came, the admins' own included."""
    written = 0
    for name in fields:
        written += (
            model._default_manager.filter(**{f"{name}_{SOURCE_LANGUAGE}__isnull": True})
            .exclude(**{name: ""})
            .update(**{f"{name}_{SOURCE_LANGUAGE}": models.F(name)})
        )
    return written


# --- Reading translated content from a model that is not itself translated -----------
# A translated model's own queries read the active language (modeltranslation rewrites
# them); a query from another model (an answer's ``question__prompt``) sees the plain
# columns, so it asks for every language's and picks one with these.


def language_columns(path: str) -> list[str]:
    """``question__prompt`` -> ``question__prompt_en``, ``..._fr``, ``..._es``."""
    return [f"{path}_{code}" for code, _name in settings.LANGUAGES]


def active_language() -> str:
    """The active language if the content has columns for it, else English."""
    language = (translation.get_language() or SOURCE_LANGUAGE).split("-")[0]
    return language if language in dict(settings.LANGUAGES) else SOURCE_LANGUAGE


def in_language(row: Mapping[str, Any], path: str) -> str:
    """From a ``values()`` row (or any mapping) with ``language_columns(path)``: the
    active language's text, else the English."""
    return row.get(f"{path}_{active_language()}") or row.get(f"{path}_{SOURCE_LANGUAGE}") or ""


class SavedInEnglish:
    """For a model with translated fields: its original columns always hold the English.

    modeltranslation saves into a translated field's original column whatever the field
    reads in the active language, so an admin working in French would otherwise turn
    ``text`` French. Queries from other models (``prompt__text``) and the loaders, which
    recognise shipped rows by their wording, read the original column: it stays English.
    """

    def save(self, *args, **kwargs):
        with translation.override(SOURCE_LANGUAGE):
            return super().save(*args, **kwargs)


def kept_wording(copy: str, source: models.Model | Mapping[str, Any] | None, field: str) -> str:
    """Words a record kept as it was asked (an answer's prompt), to show: ``source``'s
    ``field`` in the active language while ``copy`` is still one of its wordings (in
    whichever language it was asked); ``copy`` itself once the source was reworded, or
    without a source. ``source`` is the object (pass it only if it was loaded with the
    record: no query here) or its columns per language (``{"prompt_en": ..., ...}``)."""
    if source is None or not copy:
        return copy
    columns = language_columns(field)
    if not isinstance(source, Mapping):
        source = {column: getattr(source, column) for column in columns}
    if copy in {source.get(column) for column in columns}:
        return in_language(source, field) or copy
    return copy


def ordered_as_read(path: str):
    """An ``order_by`` term for a translated field reached from another model
    (``to_role__title``): the active language's text, or the English where it has none."""
    language = active_language()
    english = models.F(f"{path}_{SOURCE_LANGUAGE}")
    if language == SOURCE_LANGUAGE:
        return english.asc()
    return Coalesce(NullIf(models.F(f"{path}_{language}"), models.Value("")), english).asc()
