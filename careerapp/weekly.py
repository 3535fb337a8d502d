"""The weekly email pipeline: the sweep that claims due people, and the chunk sender.

Exactly one email per person per week, whatever happens around it:
- the sweep claims due people with SELECT ... FOR UPDATE SKIP LOCKED and writes a delivery
  row unique on (person, week), so two beats cannot make two rows;
- a worker claims delivery rows the same way before sending, so two workers never send
  the same row; a row stuck in "sending" (worker killed) is taken back after a lease;
- each message the SMTP server accepts is recorded on its row in the database (one UPDATE,
  committed) before the chunk's next message goes out. A chunk run again after a crash -
  of the worker, of Redis (which keeps nothing on disk), of the broker connection - finds
  those rows sent and skips them, so a crash costs at most the one message that was on the
  wire. Nothing about what was sent lives only in Redis;
- a message the server refuses for now (4xx at RCPT TO or at DATA, or a lost connection)
  puts its row back to pending with ``retry_at`` set after a doubling delay; neither the
  retried task nor the sweep hands the row out before then.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import smtplib
import socket
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
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
# The longest wait between two tries of one row, whatever the number of attempts.
MAX_RETRY_DELAY = 1800


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
    """Mark pending (and stale) deliveries handed out, and return them in chunks for the
    workers; committed before anyone enqueues a chunk."""
    with transaction.atomic():
        ids = list(
            ReminderDelivery.objects.stale(now=now, lease=_lease())
            .order_by("pk")
            .values_list("pk", flat=True)[: settings.REMINDER_SWEEP_BATCH]
        )
        ReminderDelivery.objects.filter(pk__in=ids).update(enqueued_at=now)
        size = settings.REMINDER_CHUNK_SIZE
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def reminders_sweep(
    *, enqueue: Callable[[list[int]], object], now: datetime.datetime | None = None
) -> dict[str, int]:
    """Schedule, claim and hand out due weekly emails; ``enqueue(chunk)`` hands one chunk
    of delivery ids to a worker once the surrounding transaction, if any, commits (the
    Celery task's ``delay_on_commit``)."""
    now = now or timezone.now()
    scheduled = reminders_schedule_missing(now=now)
    claimed = reminders_claim_due(now=now)
    chunks = reminders_enqueue(now=now)
    for chunk in chunks:
        enqueue(chunk)
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
    # Each row's own error: a refusal names one person's address, and only theirs.
    errors: dict[int, str] = field(default_factory=dict)

    def fail(self, pk: int, error: str) -> None:
        self.failed.append(pk)
        self.errors[pk] = error

    def later(self, pk: int, error: str) -> None:
        self.retry.append(pk)
        self.errors[pk] = error


def retry_delay(retries: int) -> int:
    """Seconds before the next try after ``retries`` earlier retries: doubling, capped."""
    return min(settings.REMINDER_RETRY_DELAY * 2**retries, MAX_RETRY_DELAY)


def reminders_send_chunk(
    *, delivery_ids: list[int], now: datetime.datetime | None = None, retries: int = 0
) -> ChunkResult:
    """Send one chunk over one SMTP connection. Safe to run twice for the same ids.

    ``retries`` is how many times this chunk was retried already; rows refused for now
    wait ``retry_delay(retries)`` seconds before anyone may send them again.
    """
    now = now or timezone.now()
    with transaction.atomic():
        rows = list(
            ReminderDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk__in=delivery_ids)
            .claimable(now=now, lease=_lease())
            .select_related("user")
            .order_by("pk")
        )
        ReminderDelivery.objects.filter(pk__in=[row.pk for row in rows]).update(
            status=DeliveryStatus.SENDING,
            claimed_at=now,
            retry_at=None,
            attempts=F("attempts") + 1,
        )
    result = ChunkResult()
    if not rows:
        return result
    contents = reminders.collect([row.user for row in rows], now=now)
    messages, sending = [], {}
    for row, content in zip(rows, contents, strict=True):
        if content.has_news or row.user.reminders_send_empty:
            messages.append((row, reminders.build_message(content)))
            sending[row.pk] = content
        else:
            result.skipped.append(row.pk)
    _deliver(messages, result, now)
    # What the sent emails carried, for sections that must not repeat too often. A crash
    # between the send and this line costs such a section one early repeat, nothing more.
    reminders.record_sent([sending[pk] for pk in result.sent], now=now)
    _record(rows, result, now, retry_at=now + datetime.timedelta(seconds=retry_delay(retries)))
    return result


def _mark_sent(row: ReminderDelivery, now: datetime.datetime) -> None:
    """The record that this row's email went out, committed before the next one is sent."""
    ReminderDelivery.objects.filter(pk=row.pk, status=DeliveryStatus.SENDING).update(
        status=DeliveryStatus.SENT, sent_at=now, last_error=""
    )


def _deliver(messages, result: ChunkResult, now: datetime.datetime) -> None:
    if not messages:
        return
    connection = get_connection()
    try:
        connection.open()
    except TRANSIENT as exc:
        for row, _message in messages:
            result.later(row.pk, f"connection: {exc}")
        return
    try:
        for index, (row, message) in enumerate(messages):
            message.connection = connection
            try:
                message.send()
            except smtplib.SMTPResponseException as exc:
                error = f"{exc.smtp_code} {exc.smtp_error!r}"
                if 400 <= exc.smtp_code < 500:
                    result.later(row.pk, error)
                else:
                    result.fail(row.pk, error)
                _reset(connection)
                continue
            except smtplib.SMTPRecipientsRefused as exc:
                # Refused at RCPT TO (smtplib has already reset the transaction). One
                # recipient per message: a 4xx (greylisting, a full mailbox for now) is
                # retried like a 4xx at DATA; only a 5xx is final.
                codes = [code for code, _reason in exc.recipients.values()]
                error = "refused: " + ", ".join(
                    f"{code} {reason!r}" for code, reason in exc.recipients.values()
                )
                if codes and all(400 <= code < 500 for code in codes):
                    result.later(row.pk, error)
                else:
                    result.fail(row.pk, error)
                continue
            except TRANSIENT as exc:
                # The connection is gone: this message and the rest wait for a retry.
                for pending, _message in messages[index:]:
                    result.later(pending.pk, f"connection lost: {exc}")
                return
            _mark_sent(row, now)
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


def _record(
    rows, result: ChunkResult, now: datetime.datetime, *, retry_at: datetime.datetime
) -> None:
    """Write the outcome of what was not sent: sent rows were recorded one by one."""
    by_pk = {row.pk: row for row in rows}
    if result.skipped:
        ReminderDelivery.objects.filter(pk__in=result.skipped).update(
            status=DeliveryStatus.SKIPPED, sent_at=None
        )
    give_up = [
        pk for pk in result.retry if by_pk[pk].attempts + 1 >= settings.REMINDER_MAX_ATTEMPTS
    ]
    result.retry = [pk for pk in result.retry if pk not in give_up]
    result.failed.extend(give_up)
    # Errors differ per row, so each failed or retried row gets its own UPDATE; on a
    # healthy day these lists are empty.
    for pk in result.failed:
        ReminderDelivery.objects.filter(pk=pk).update(
            status=DeliveryStatus.FAILED, last_error=result.errors[pk][:1000]
        )
    for pk in result.retry:
        # Waiting rows count as enqueued at their retry time: the sweep takes them over
        # only if the retried task has not run a lease after that.
        ReminderDelivery.objects.filter(pk=pk).update(
            status=DeliveryStatus.PENDING,
            claimed_at=None,
            retry_at=retry_at,
            enqueued_at=retry_at,
            last_error=result.errors[pk][:1000],
        )
