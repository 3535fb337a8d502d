"""Take your data with you: one JSON document with everything of a person, and back.

The document links its own objects by export-local ``ref`` numbers, never database ids, and
names shared admin content (instruments, questions, options, prompts, goal templates) by
natural keys, re-linked on import when this site has them. Snapshot text (an answer's
prompt, a review's goal title) travels along, so history stays readable either way.

No secret travels: the calendar feed's address (like a circle member's link) stays out of
the file, and an imported account starts with the feed off; its owner turns it on again
for a new address.

The core writes the envelope, the profile and the weekly email deliveries; each app
registers a ``Part`` in its ``AppConfig.ready()`` that writes and reads its own key of the
document. ``after`` names the parts whose objects a part links to (reviews link goals,
goals link personal skills): those are exported and imported first, whatever the order
of INSTALLED_APPS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from careerapp.models import DeliveryStatus, ReminderDelivery, User
from careerapp.portability.document import Node, bad, load_document, values

__all__ = [
    "ExportContext",
    "ImportContext",
    "ImportSummary",
    "Part",
    "export_user_data",
    "import_user_data",
    "load_document",
    "register_part",
]

FORMAT = "career-compass-export"
VERSION = 1

PROFILE_FIELDS = (
    "display_name",
    "time_zone",
    "reminders_enabled",
    "reminder_weekday",
    "reminder_hour",
    "reminders_send_empty",
    "reminders_paused_until",
    "reminder_preferences_set_at",
)
DELIVERY_FIELDS = (
    "week",
    "scheduled_for",
    "status",
    "attempts",
    "last_error",
    "created_at",
    "enqueued_at",
    "claimed_at",
    "sent_at",
)
# A delivery still waiting or being sent is work in flight, not history: importing it
# would let the sweep send an old week's email from the new account.
FINISHED_DELIVERIES = {DeliveryStatus.SENT, DeliveryStatus.SKIPPED, DeliveryStatus.FAILED}


@dataclass
class ImportSummary:
    goals: int = 0
    tasks: int = 0
    takes: int = 0
    answers: int = 0
    checkins: int = 0
    decisions: int = 0
    reminder_deliveries: int = 0
    # Links to shared content this site does not have; the snapshot text was kept.
    unlinked: int = 0
    # Assessments of an instrument this site does not offer: they cannot be kept.
    skipped: int = 0

    def message(self) -> str:
        text = _(
            "Your data is back. Imported goals: %(goals)d, tasks: %(tasks)d, "
            "assessments: %(takes)d, check-ins: %(checkins)d."
        ) % {
            "goals": self.goals,
            "tasks": self.tasks,
            "takes": self.takes,
            "checkins": self.checkins,
        }
        if self.unlinked or self.skipped:
            text += " " + _(
                "Some of it referred to questions, prompts or templates this site does not "
                "have (%(unlinked)d links, %(skipped)d assessments left out); your own words "
                "were kept wherever they could be."
            ) % {"unlinked": self.unlinked, "skipped": self.skipped}
        return text


@dataclass
class ExportContext:
    user: User
    # Export-local numbers by kind ("goals", "tasks", "personal_skills"): pk -> ref.
    refs: dict[str, dict[int, int]] = field(default_factory=dict)


@dataclass
class ImportContext:
    user: User
    summary: ImportSummary
    # The file's objects by kind ("goals", "tasks", "personal_skills"): ref -> object.
    refs: dict[str, dict[int, Any]] = field(default_factory=dict)
    _shared: dict[str, Any] = field(default_factory=dict)

    def shared(self, name: str, read: Callable[[], Any]) -> Any:
        """``read()`` once per import: admin content of this site that several parts link."""
        if name not in self._shared:
            self._shared[name] = read()
        return self._shared[name]

    def find(self, table: dict[str, Any], key: str | None) -> Any:
        """``table[key]``, counting a key this site does not have as unlinked."""
        if key is None:
            return None
        self.summary.unlinked += key not in table
        return table.get(key)


@dataclass(frozen=True)
class Part:
    """One app's key of the document: ``write`` returns its JSON-ready value, ``read``
    recreates it from the document, ``has_data`` tells whether an account has any."""

    key: str
    write: Callable[[ExportContext], Any]
    read: Callable[[ImportContext, Node], None]
    has_data: Callable[[User], bool]
    position: int  # where the key sits in the document, after the profile
    after: tuple[str, ...] = ()  # parts whose refs this one uses: written and read first


_parts: dict[str, Part] = {}


def register_part(part: Part) -> None:
    _parts[part.key] = part


def _in_document_order() -> list[Part]:
    return sorted(_parts.values(), key=lambda part: part.position)


def _in_dependency_order() -> list[Part]:
    done: dict[str, Part] = {}

    def visit(part: Part, path: tuple[str, ...]) -> None:
        if part.key in done:
            return
        if part.key in path:
            raise ValueError(f"export parts depend on each other: {' -> '.join(path)}")
        for key in part.after:
            visit(_parts[key], (*path, part.key))
        done[part.key] = part

    for part in _in_document_order():
        visit(part, ())
    return list(done.values())


# --- Export ----------------------------------------------------------------------------


def export_user_data(user: User) -> dict[str, Any]:
    """Everything of ``user``, JSON-ready. A fixed number of queries, whatever the amount."""
    context = ExportContext(user)
    written = {part.key: part.write(context) for part in _in_dependency_order()}
    deliveries = ReminderDelivery.objects.for_user(user).order_by("week", "pk")
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "profile": {"email": user.email, "date_joined": user.date_joined.isoformat()}
        | values(user, PROFILE_FIELDS),
        **{part.key: written[part.key] for part in _in_document_order()},
        "reminder_deliveries": [values(d, DELIVERY_FIELDS) for d in deliveries],
    }


# --- Import -----------------------------------------------------------------------------


def _refuse_unless_empty(user: User) -> None:
    if any(part.has_data(user) for part in _in_document_order()):
        raise ValidationError(
            _(
                "Import only works into an empty account, so nothing you have is overwritten "
                "or doubled. This account already has goals, assessments or check-ins."
            ),
            code="not_empty",
        )


def import_user_data(*, user: User, data: Any) -> ImportSummary:
    """Recreate an export's content in ``user``'s empty account, with new ids, all or nothing."""
    try:
        with transaction.atomic():
            # Lock the person: two imports at once must not both find the account empty.
            User.objects.select_for_update().filter(pk=user.pk).first()
            _refuse_unless_empty(user)
            return _import(user, data)
    except (IntegrityError, DataError) as error:
        raise ValidationError(
            _(
                "This file cannot be imported: it contradicts itself (e.g. two check-ins for "
                "one period)."
            ),
            code="inconsistent",
        ) from error


def _import(user: User, data: Any) -> ImportSummary:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(_("This file is not a Career Compass export."), code="wrong_format")
    _check_version(data.get("version"))
    doc = Node(data, "")
    profile = Node(doc.get("profile"), "profile").build(User, PROFILE_FIELDS)
    context = ImportContext(user, ImportSummary())
    for part in _in_dependency_order():
        part.read(context, doc)
    context.summary.reminder_deliveries = _import_deliveries(user, doc)

    for name in PROFILE_FIELDS:
        setattr(user, name, getattr(profile, name))
    try:
        user.next_reminder_at = user.reminder_slot_after(timezone.now())
    except OverflowError as error:
        raise bad("profile.reminders_paused_until", _("is too far in the future.")) from error
    user.save(update_fields=[*PROFILE_FIELDS, "next_reminder_at"])
    return context.summary


def _import_deliveries(user: User, doc: Node) -> int:
    # The new account may already have had a weekly email; that week keeps its own row.
    taken = set(ReminderDelivery.objects.for_user(user).values_list("week", flat=True))
    deliveries = []
    for item in doc.objects("reminder_deliveries"):
        delivery = item.build(ReminderDelivery, DELIVERY_FIELDS)
        delivery.user = user
        if delivery.status in FINISHED_DELIVERIES and delivery.week not in taken:
            taken.add(delivery.week)
            deliveries.append(delivery)
    ReminderDelivery.objects.bulk_create(deliveries)
    return len(deliveries)


def _check_version(version: Any) -> None:
    if type(version) is int and version == VERSION:
        return
    if isinstance(version, str) and version.strip() == str(VERSION):
        # Someone edited the file by hand and quoted the number.
        message = _(
            "This file cannot be imported: version should be the number %(ours)d, not the "
            'text "%(ours)d". Remove the quotes around it and try again.'
        ) % {"ours": VERSION}
    elif type(version) is int:
        message = _(
            "This export has version %(version)d; this site reads version %(ours)d. "
            "An export from a newer Career Compass needs this site to be updated first."
        ) % {"version": version, "ours": VERSION}
    else:
        message = _("This file cannot be imported: version should be the number %(ours)d.") % {
            "ours": VERSION
        }
    raise ValidationError(message, code="wrong_version")
