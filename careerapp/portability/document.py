"""Reading and writing the export file's values: each value is checked for its type, and
a problem names its place in the file ("goals[2].tasks[0].due_date should be a date").

The apps' export parts use these helpers to write and read their own part of the document.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils import timezone
from django.utils.translation import gettext as _


def values(obj: models.Model, names: tuple[str, ...]) -> dict[str, Any]:
    """The fields ``names`` of ``obj``, JSON-ready (dates in ISO 8601)."""
    out = {}
    for name in names:
        value = getattr(obj, name)
        out[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return out


def bad(where: str, problem: str) -> ValidationError:
    return ValidationError(
        _("This file cannot be imported: %(where)s %(problem)s")
        % {"where": where, "problem": problem},
        code="bad_file",
    )


def load_document(upload: UploadedFile) -> Any:
    """The parsed JSON of an uploaded file; a clear error for a huge or unreadable one."""
    if upload.size > settings.IMPORT_MAX_MB * 1024 * 1024:
        raise ValidationError(
            _(
                "This file is larger than %(size)d MB, the most this site reads. If it is "
                "your export, ask the site's admin to raise IMPORT_MAX_MB."
            )
            % {"size": settings.IMPORT_MAX_MB},
            code="too_large",
        )
    try:
        return json.loads(upload.read())
    except (ValueError, RecursionError) as error:
        raise ValidationError(
            _("This file is not a Career Compass export: it is not readable JSON."),
            code="not_json",
        ) from error


class Node:
    """One object of the file: each value is checked for its type before it is used."""

    def __init__(self, raw: Any, where: str) -> None:
        if not isinstance(raw, dict):
            raise bad(where, _("should be an object."))
        self.raw, self.where = raw, where

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str) -> Any:
        if key not in self.raw:
            raise bad(self.at(key), _("is missing."))
        return self.raw[key]

    def objects(self, key: str) -> list[Node]:
        items = self.get(key)
        if not isinstance(items, list):
            raise bad(self.at(key), _("should be a list."))
        return [Node(item, f"{self.at(key)}[{i}]") for i, item in enumerate(items)]

    def new_ref(self, known: dict[int, Any]) -> int:
        value = self.get("ref")
        if type(value) is not int or value in known:
            raise bad(self.at("ref"), _("should be a number used once."))
        return value

    def optional(self, key: str) -> Node | None:
        value = self.get(key)
        return None if value is None else Node(value, self.at(key))

    def text(self, key: str) -> str | None:
        value = self.get(key)
        if value is not None and not isinstance(value, str):
            raise bad(self.at(key), _("should be text."))
        return value

    def ref(self, key: str, known: dict[int, Any]) -> Any:
        value = self.get(key)
        if value is None:
            return None
        if type(value) is not int or value not in known:
            raise bad(self.at(key), _("points at nothing in this file."))
        return known[value]

    def once(self, seen: set, key: Any, field: str) -> None:
        """Refuse, naming the place, a second row where the database allows only one."""
        if key in seen:
            raise bad(
                self.at(field), _("is already taken by an earlier entry; it can be there once.")
            )
        seen.add(key)

    def build(self, model: type[models.Model], names: tuple[str, ...]) -> Any:
        """An unsaved ``model`` from ``names``, validated as a form would validate it."""
        values = {
            name: _coerce(model._meta.get_field(name), self.get(name), self.at(name))
            for name in names
        }
        instance = model(**values)
        try:
            instance.clean_fields(
                exclude=[f.name for f in model._meta.fields if f.name not in names]
            )
        except ValidationError as error:
            field, problems = next(iter(error.message_dict.items()))
            raise bad(self.at(field), problems[0]) from error
        return instance


def _is_storable_text(value: Any) -> bool:
    """Text PostgreSQL can store: no NUL and no lone surrogate (JSON allows "\\ud800";
    UTF-8, PostgreSQL's text and its JSON do not)."""
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _coerce(field: models.Field, value: Any, where: str) -> Any:
    if value is None:
        if field.null:
            return None
        raise bad(where, _("must not be empty."))
    if isinstance(field, models.DateTimeField):
        return _moment(value, where)
    if isinstance(field, models.DateField):
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError) as error:
            raise bad(where, _("should be a date in ISO 8601 form, like 2027-03-31.")) from error
    if isinstance(field, models.BooleanField):
        if not isinstance(value, bool):
            raise bad(where, _("should be true or false."))
        return value
    if isinstance(field, models.IntegerField):
        # The column's range as Django defines it (PostgreSQL's), the same on SQLite.
        low, high = BaseDatabaseOperations.integer_field_ranges[field.get_internal_type()]
        if type(value) is not int or not low <= value <= high:
            raise bad(
                where,
                _("should be a whole number from %(low)d to %(high)d.")
                % {"low": low, "high": high},
            )
        return value
    if isinstance(field, models.JSONField):
        if not isinstance(value, list) or not all(_is_storable_text(v) for v in value):
            raise bad(where, _("should be a list of texts."))
        return value
    if not _is_storable_text(value):
        raise bad(where, _("should be text without control characters like NUL."))
    return value


def _moment(value: Any, where: str) -> datetime.datetime:
    """An aware date and time that exists in UTC, where the database keeps it."""
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise bad(
            where, _("should be a date and time in ISO 8601 form, like 2027-03-31T09:30:00+00:00.")
        ) from error
    if timezone.is_naive(parsed):
        raise bad(where, _("should say its offset from UTC, like +00:00."))
    try:
        return parsed.astimezone(datetime.UTC)
    except OverflowError as error:
        # 0001-01-01T00:00:00+14:00 is a moment before the first year in UTC.
        raise bad(where, _("is outside the years 1 to 9999 once moved to UTC.")) from error


def create_keeping_updated_at(model: type[models.Model], objs: list[Any]) -> None:
    """Bulk-create, then put back ``updated_at``, which auto_now set to the present."""
    kept = [obj.updated_at for obj in objs]
    model.objects.bulk_create(objs)
    for obj, value in zip(objs, kept, strict=True):
        obj.updated_at = value
    # In batches: one UPDATE with a CASE of thousands of branches is quadratic in PostgreSQL
    # (21,000 goals: about 40 s in one statement, under a second in batches of 500).
    model.objects.bulk_update(objs, ["updated_at"], batch_size=500)
