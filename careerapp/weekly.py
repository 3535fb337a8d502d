"""The weekly email pipeline: the sweep that claims due people, and the chunk sender.

Exactly one email per person per week, whatever happens around it:
- the sweep claims due people with SELECT ... FOR UPDATE SKIP LOCKED and writes a delivery
  row unique on (person, week), so two beats cannot make two rows;
- a worker claims delivery rows the same way before sending, so two workers never send
  the same row; a row stuck in "sending" (worker killed) is taken back after a lease;
- each sent message is recorded in the cache (Redis in production) the moment the SMTP
  server accepts it, and the rows are updated once per chunk; a chunk retried after a
  crash skips what the cache says was sent, so a kill costs at most the one message that
  was on the wire.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import smtplib
import socket
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from careerapp import reminders
from careerapp.models import DeliveryStatus, ReminderDelivery, User

logger = logging.getLogger(__name__)

TRANSIENT = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
    socket.timeout,
    OSError,
)
SENT_MARK_TTL = 60 * 60 * 24 * 14


def _lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.REMINDER_LEASE_SECONDS)


def _week_of(slot: datetime.datetime, user: User) -> datetime.date:
    local = slot.astimezone(user.zone).date()
    return local - datetime.timedelta(days=local.weekday())


def reminders_schedule_missing(*, now: datetime.datetime) -> int:
    """Give a first slot to people who have none yet (new accounts, imports)."""
    users = list(
        User.objects.filter(reminders_enabled=True, is_active=True, next_reminder_at__isnull=True)[
            : settings.REMINDER_SWEEP_BATCH
        ]
    )
    for user in users:
        user.next_reminder_at = user.reminder_slot_after(now)
    User.objects.bulk_update(users, ["next_reminder_at"])
    return len(users)


def reminders_claim_due(*, now: datetime.datetime) -> int:
    """Claim people whose slot has come: one delivery row each, next slot moved on."""
    with transaction.atomic():
        due = list(
            User.objects.filter(reminders_enabled=True, is_active=True, next_reminder_at__lte=now)
            .select_for_update(skip_locked=True)
            .order_by("next_reminder_at")[: settings.REMINDER_SWEEP_BATCH]
        )
        rows = []
        for user in due:
            slot = user.next_reminder_at
            rows.append(ReminderDelivery(user=user, week=_week_of(slot, user), scheduled_for=slot))
            # A late sweep (beat was down) sends once for the slot it missed, never a backlog.
            user.next_reminder_at = user.reminder_slot_after(max(slot, now))
        ReminderDelivery.objects.bulk_create(rows, ignore_conflicts=True)
        User.objects.bulk_update(due, ["next_reminder_at"])
    return len(due)


def reminders_enqueue(*, now: datetime.datetime) -> list[list[int]]:
    """Hand pending (and stale) deliveries to workers in chunks, after commit."""
    from careerapp.tasks import send_weekly_emails

    with transaction.atomic():
        ids = list(
            ReminderDelivery.objects.stale(before=now - _lease())
            .order_by("pk")
            .values_list("pk", flat=True)[: settings.REMINDER_SWEEP_BATCH]
        )
        ReminderDelivery.objects.filter(pk__in=ids).update(enqueued_at=now)
        size = settings.REMINDER_CHUNK_SIZE
        chunks = [ids[start : start + size] for start in range(0, len(ids), size)]
        for chunk in chunks:
            send_weekly_emails.delay_on_commit(chunk)
    return chunks


def reminders_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    scheduled = reminders_schedule_missing(now=now)
    claimed = reminders_claim_due(now=now)
    chunks = reminders_enqueue(now=now)
    return {
        "scheduled": scheduled,
        "claimed": claimed,
        "enqueued": sum(len(chunk) for chunk in chunks),
    }


@dataclass
class ChunkResult:
    sent: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)
    error: str = ""


def _sent_key(delivery_id: int) -> str:
    return f"weekly-sent:{delivery_id}"


def reminders_send_chunk(
    *, delivery_ids: list[int], now: datetime.datetime | None = None
) -> ChunkResult:
    """Send one chunk over one SMTP connection. Safe to run twice for the same ids."""
    now = now or timezone.now()
    claimable = Q(status=DeliveryStatus.PENDING) | Q(
        status=DeliveryStatus.SENDING, claimed_at__lt=now - _lease()
    )
    with transaction.atomic():
        rows = list(
            ReminderDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk__in=delivery_ids)
            .filter(claimable)
            .select_related("user")
            .order_by("pk")
        )
        ReminderDelivery.objects.filter(pk__in=[row.pk for row in rows]).update(
            status=DeliveryStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    result = ChunkResult()
    if not rows:
        return result
    already = cache.get_many([_sent_key(row.pk) for row in rows])
    todo = []
    for row in rows:
        if _sent_key(row.pk) in already:
            result.sent.append(row.pk)  # sent before a crash; only the row was not updated
        else:
            todo.append(row)
    contents = reminders.collect([row.user for row in todo], now=now)
    messages = []
    for row, content in zip(todo, contents, strict=True):
        if content.has_news or row.user.reminders_send_empty:
            messages.append((row, reminders.build_message(content)))
        else:
            result.skipped.append(row.pk)
    _deliver(messages, result)
    _record(rows, result, now)
    return result


def _deliver(messages, result: ChunkResult) -> None:
    if not messages:
        return
    connection = get_connection()
    try:
        connection.open()
    except TRANSIENT as exc:
        result.retry.extend(row.pk for row, _message in messages)
        result.error = f"connection: {exc}"
        return
    try:
        for index, (row, message) in enumerate(messages):
            message.connection = connection
            try:
                message.send()
            except smtplib.SMTPResponseException as exc:
                if 400 <= exc.smtp_code < 500:
                    result.retry.append(row.pk)
                    result.error = f"{exc.smtp_code} {exc.smtp_error!r}"
                    _reset(connection)
                else:
                    result.failed.append(row.pk)
                    result.error = f"{exc.smtp_code} {exc.smtp_error!r}"
                    _reset(connection)
                continue
            except smtplib.SMTPRecipientsRefused as exc:
                result.failed.append(row.pk)
                result.error = f"refused: {exc.recipients!r}"
                continue
            except TRANSIENT as exc:
                # The connection is gone: this message and the rest wait for a retry.
                result.retry.extend(pending.pk for pending, _message in messages[index:])
                result.error = f"connection lost: {exc}"
                return
            cache.set(_sent_key(row.pk), 1, SENT_MARK_TTL)
            result.sent.append(row.pk)
    finally:
        # Closing a connection the server already dropped may fail; nothing is lost.
        with contextlib.suppress(Exception):
            connection.close()


def _reset(connection) -> None:
    """After a refused message, start a fresh SMTP transaction on the same connection."""
    try:
        connection.connection.rset()
    except Exception:  # noqa: BLE001 - a broken connection is reopened by the next send
        connection.close()
        connection.open()


def _record(rows, result: ChunkResult, now: datetime.datetime) -> None:
    """Write the chunk's outcome: a fixed number of UPDATEs whatever the chunk size."""
    by_pk = {row.pk: row for row in rows}
    if result.sent:
        ReminderDelivery.objects.filter(pk__in=result.sent).update(
            status=DeliveryStatus.SENT, sent_at=now, last_error=""
        )
    if result.skipped:
        ReminderDelivery.objects.filter(pk__in=result.skipped).update(
            status=DeliveryStatus.SKIPPED, sent_at=None
        )
    if result.failed:
        ReminderDelivery.objects.filter(pk__in=result.failed).update(
            status=DeliveryStatus.FAILED, last_error=result.error[:1000]
        )
    if result.retry:
        give_up = [
            pk for pk in result.retry if by_pk[pk].attempts + 1 >= settings.REMINDER_MAX_ATTEMPTS
        ]
        again = [pk for pk in result.retry if pk not in give_up]
        ReminderDelivery.objects.filter(pk__in=give_up).update(
            status=DeliveryStatus.FAILED, last_error=result.error[:1000]
        )
        ReminderDelivery.objects.filter(pk__in=again).update(
            status=DeliveryStatus.PENDING, claimed_at=None, last_error=result.error[:1000]
        )
        result.retry = again
        result.failed.extend(give_up)
