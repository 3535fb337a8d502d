"""Optimistic concurrency for edit forms: two tabs must not undo each other (issue 13).

A row that people edit through forms has a ``version`` integer, raised by one on every
write. An edit form carries two hidden fields:

- ``version``: the row's version when the page was rendered;
- ``loaded``: what the form showed then, as JSON (``{field name: value as sent}``).

On save:

- the fields written are the fields the person changed, that is whose sent value differs
  from what the form showed (``loaded``), never the whole form: a title edit cannot put
  back an old date;
- the write is one conditional UPDATE, ``... SET <changed>, version = version + 1 WHERE
  pk = %s AND version = <loaded version>``, so of two saves from the same version only
  one can pass, without holding a lock across the request;
- a save from an older version is refused (``StaleEdit``) when something the form shows
  changed meanwhile; the view re-renders the form, with what the person typed, a message
  per field that changed meanwhile and the new version, so a second submit deliberately
  overwrites. When the newer version changed only what the form does not show (the goal's
  status, under the goal's edit form), nothing the person saw is out of date and the save
  goes ahead against the newer version: refusing it would show an empty list of changes.

Why a version integer rather than ``updated_at``: a counter cannot collide (two writes in
the same clock tick, or a clock step back, would leave ``updated_at`` equal), survives a
JSON round trip exactly, and its comparison in the WHERE clause is plain integer
equality. A form that comes without a version (an old page, a script) is saved last
write wins, still writing only what differs from the row.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext as _

VERSION_FIELD = "version"
LOADED_FIELD = "loaded"
# A conditional UPDATE that loses to another writer between our read and our write is
# retried this many times when the caller sent no version (internal writes).
ATTEMPTS = 3


class StaleEdit(Exception):
    """The row moved past the version the form was loaded from."""


@dataclass
class Saved:
    """The outcome of ``save_changes``: the row as written and what changed (old, new)."""

    row: models.Model
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)


def save_changes(
    model: type[models.Model], *, pk: int, version: int | None, data: dict[str, Any]
) -> Saved:
    """Write the fields of ``data`` that differ from the row, if the row is at ``version``.

    One conditional UPDATE raises the version; a write that changes nothing writes
    nothing. ``version=None`` skips the check (last write wins) but still writes only
    what differs. Raises ``StaleEdit`` when the row is past ``version``. Auto-now fields
    (``updated_at``) are set here, since an UPDATE does not run ``save()``.
    """
    manager = model._default_manager
    stamps = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
    for _attempt in range(ATTEMPTS):
        current = manager.get(pk=pk)
        if version is not None and current.version != version:
            raise StaleEdit
        changes = {
            name: (getattr(current, name), value)
            for name, value in data.items()
            if getattr(current, name) != value
        }
        if not changes:
            return Saved(current)
        values = {name: new for name, (_old, new) in changes.items()}
        values.update(dict.fromkeys(stamps, timezone.now()))
        with transaction.atomic():
            written = manager.filter(pk=pk, version=current.version).update(
                **values, version=F("version") + 1
            )
        if written:
            for name, value in values.items():
                setattr(current, name, value)
            current.version += 1
            return Saved(current, changes)
        if version is not None:
            raise StaleEdit
    raise StaleEdit


def claim_version(model: type[models.Model], *, pk: int, version: int) -> bool:
    """Raise the row's version if it is still ``version``: the claim for a save that
    writes several rows (a check-in and its answers). Call it inside the transaction that
    writes them; the UPDATE holds the row's lock until that transaction ends."""
    return bool(
        model._default_manager.filter(pk=pk, version=version).update(version=F("version") + 1)
    )


# --- Forms --------------------------------------------------------------------------


def raw_value(value: Any) -> str:
    """A Python value as a form would send it back."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def snapshot(bound_fields: Iterable[forms.BoundField]) -> str:
    """What the fields show now (their initial values), for the hidden ``loaded`` field."""
    return json.dumps(
        {bf.html_name: raw_value(bf.field.prepare_value(bf.initial)) for bf in bound_fields},
        separators=(",", ":"),
    )


def parse_snapshot(text: str | None) -> dict[str, str] | None:
    """The ``loaded`` JSON sent back, or None when it is missing or not ours."""
    try:
        loaded = json.loads(text or "")
    except ValueError:
        return None
    if not isinstance(loaded, dict) or not all(isinstance(v, str) for v in loaded.values()):
        return None
    return loaded


def _python(bf: forms.BoundField, raw: str) -> Any:
    try:
        return bf.field.to_python(raw)
    except ValidationError:
        return None


def changed_by_person(
    bound_fields: Iterable[forms.BoundField], loaded: dict[str, str] | None
) -> list[forms.BoundField]:
    """The fields whose sent value differs from what the form showed when loaded.

    Without a snapshot entry, the field's initial value (the row now) stands in for it.
    """
    changed = []
    for bf in bound_fields:
        if loaded is not None and bf.html_name in loaded:
            before = _python(bf, loaded[bf.html_name])
        else:
            before = bf.initial
        if bf.field.has_changed(before, bf.data):
            changed.append(bf)
    return changed


def changed_meanwhile(
    bound_fields: Iterable[forms.BoundField], loaded: dict[str, str] | None
) -> list[forms.BoundField] | None:
    """The fields whose current value (their initial) differs from what the form showed.

    None when the form sent no usable snapshot: something changed, we cannot say what.
    """
    if loaded is None:
        return None
    changed = []
    for bf in bound_fields:
        if bf.html_name not in loaded:
            return None
        if bf.field.has_changed(bf.initial, loaded[bf.html_name]):
            changed.append(bf)
    return changed


def parse_version(raw: Any) -> int | None:
    raw = "" if raw is None else str(raw)
    return int(raw) if raw.isdecimal() and len(raw) < 10 else None


def base_version(
    *,
    sent: int | None,
    current: int | None,
    bound_fields: Iterable[forms.BoundField],
    loaded: dict[str, str] | None,
) -> int | None:
    """The version a save may overwrite: the one the form was loaded from (``sent``), or
    the ``current`` one when nothing the form shows changed since to anything but what
    this save sends. None: no check.

    A change that agrees is no conflict: the tab's own autosave, still in flight when the
    person pressed Submit, raised the version with the very values Submit sends again.
    """
    if sent is None or sent == current:
        return sent
    changed = changed_meanwhile(bound_fields, loaded)
    if changed is not None and not [
        bf for bf in changed if bf.field.has_changed(bf.initial, bf.data)
    ]:
        return current
    return sent


def display_value(bf: forms.BoundField) -> str:
    """A field's current value as the person would recognise it in a sentence."""
    value = bf.initial
    if value is None or value == "":
        return _("empty")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date):
        return date_format(value, gettext("j F Y"))
    choices = getattr(bf.field, "choices", None)
    if choices:
        labels = {str(key): label for key, label in choices}
        if str(value) in labels:
            return str(labels[str(value)])
    return f"“{Truncator(str(value)).chars(80)}”"


def conflict_messages(changed: list[forms.BoundField] | None, labels=None) -> list[str]:
    """One sentence per field that changed meanwhile, after a sentence saying why.

    ``labels``: the name a field goes by in the sentence (``bf -> str``), by default its
    label; a page of several forms says which one it is.
    """
    lines = [
        _(
            "Not saved: this changed since you opened the page. What you typed is still "
            "here; check it against the values below and save again to keep yours."
        )
    ]
    if not changed:
        lines.append(_("It was changed in another tab or by another device."))
        return lines
    for bf in changed:
        lines.append(
            _("%(field)s is now %(value)s (changed in another tab or by another device).")
            % {"field": labels(bf) if labels else bf.label, "value": display_value(bf)}
        )
    return lines


def rebase_data(
    data,
    *,
    prefix_version: str,
    prefix_loaded: str,
    version: int | None,
    loaded: str,
    untouched: Iterable[forms.BoundField] = (),
):
    """A copy of the sent ``data`` for the refusal of a stale save: what the person typed,
    the row's current value in the fields they did not change (``untouched``), and the
    row's current version and values as "loaded", so a second submit keeps what they
    typed and nothing else of their older page."""
    data = data.copy()
    for bf in untouched:
        data[bf.html_name] = raw_value(bf.field.prepare_value(bf.initial))
    data[prefix_version] = "" if version is None else str(version)
    data[prefix_loaded] = loaded
    return data


class VersionedFormMixin:
    """A form that carries the version of the row it was loaded from and what it showed.

    ``versioned_fields``: the fields that show columns of the row (not a "reason" field).
    A ModelForm takes the version from its instance, any other form from ``version=``;
    the current values are the form's initial values either way.
    """

    versioned_fields: tuple[str, ...] = ()

    def __init__(self, *args, version: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is None:
            self.current_version = None
            return  # a form that creates a row has nothing to be stale against
        if version is None and instance is not None:
            version = instance.version
        self.current_version = version
        self.fields[VERSION_FIELD] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=0
        )
        self.fields[LOADED_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, strip=False
        )
        self.initial[VERSION_FIELD] = version
        self.initial[LOADED_FIELD] = snapshot(self.row_fields())

    def row_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.versioned_fields if name in self.fields]

    def _loaded(self) -> dict[str, str] | None:
        return parse_snapshot(self[LOADED_FIELD].data)

    def sent_version(self) -> int | None:
        return parse_version(self[VERSION_FIELD].data)

    def changed_fields(self) -> list[str]:
        """The names of the row's fields the person changed on this form."""
        return [bf.name for bf in changed_by_person(self.row_fields(), self._loaded())]

    def base_version(self) -> int | None:
        """The version this save may overwrite: the one it was loaded from, or the current
        one when nothing this form shows changed since. None: no check (no version sent)."""
        return base_version(
            sent=self.sent_version(),
            current=self.current_version,
            bound_fields=self.row_fields(),
            loaded=self._loaded(),
        )

    def refuse(self) -> None:
        """Turn this form, bound to the current row, into the refusal of a stale save."""
        changed = changed_meanwhile(self.row_fields(), self._loaded())
        typed = {bf.name for bf in changed_by_person(self.row_fields(), self._loaded())}
        self.data = rebase_data(
            self.data,
            prefix_version=self.add_prefix(VERSION_FIELD),
            prefix_loaded=self.add_prefix(LOADED_FIELD),
            version=self.current_version,
            loaded=self.initial[LOADED_FIELD],
            untouched=[bf for bf in self.row_fields() if bf.name not in typed],
        )
        self._errors = None
        self.full_clean()
        for line in conflict_messages(changed):
            self.add_error(None, line)
