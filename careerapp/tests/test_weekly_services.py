"""The weekly email against real services: Redis, Celery worker and beat processes,
PostgreSQL and an SMTP server on loopback. Exactly one email per person per week."""

from __future__ import annotations

import collections
import datetime
import time

import pytest
from django.utils import timezone

from careerapp.models import DeliveryStatus, ReminderDelivery, User
from careerapp.tests.weekly_harness import Celery, wait_until

pytestmark = [
    pytest.mark.services,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def celery(postgres, redis_server, smtp_sink):
    processes = Celery(redis_url=redis_server.url, smtp_port=smtp_sink.port)
    yield processes
    processes.stop()


def due_people(count: int) -> list[int]:
    """People whose slot passed a minute ago and who want the email even when all is clear."""
    slot = timezone.now() - datetime.timedelta(minutes=1)
    User.objects.bulk_create(
        User(
            email=f"weekly{n}@example.com",
            time_zone="Europe/Berlin",
            reminders_send_empty=True,
            next_reminder_at=slot,
            password="!",
        )
        for n in range(count)
    )
    return list(User.objects.filter(email__startswith="weekly").values_list("pk", flat=True))


def all_settled(count: int) -> bool:
    done = ReminderDelivery.objects.filter(status=DeliveryStatus.SENT).count()
    return (
        done == count and not ReminderDelivery.objects.exclude(status=DeliveryStatus.SENT).exists()
    )


def wait_all_settled(celery, count: int, what: str) -> None:
    """Wait until all ``count`` emails are sent; on a timeout, fail with the workers' logs."""
    try:
        wait_until(lambda: all_settled(count), timeout=240, what=what)
    except AssertionError:
        raise AssertionError(celery.logs()) from None


def recipients(sink) -> collections.Counter:
    with sink.lock:
        return collections.Counter(message["To"] for message in sink.messages)


def test_two_beats_and_two_workers_send_exactly_one_each(celery, smtp_sink):
    people = due_people(2000)
    for _ in range(2):
        celery.beat()
        celery.worker(concurrency=2)
    wait_all_settled(celery, len(people), what="2,000 emails")
    counts = recipients(smtp_sink)
    assert len(counts) == 2000
    assert set(counts.values()) == {1}, counts.most_common(3)
    assert ReminderDelivery.objects.count() == 2000


def test_a_worker_killed_mid_batch_loses_no_one(celery, smtp_sink):
    people = due_people(600)
    # A short lease, so the test need not wait long; it must outlive a task (careerapp.E001).
    celery.env["REMINDER_LEASE_SECONDS"] = "6"
    celery.env["CELERY_TASK_TIME_LIMIT"] = "5"
    celery.beat()
    victim = celery.worker(concurrency=1)
    wait_until(lambda: len(smtp_sink.messages) >= 100, timeout=120, what="the first 100 emails")
    Celery.kill(victim)
    killed_at = len(smtp_sink.messages)
    assert killed_at < len(people), "the worker finished before it could be killed mid-batch"
    celery.worker(concurrency=1)
    wait_all_settled(celery, len(people), what="every email after the kill")
    counts = recipients(smtp_sink)
    assert len(counts) == 600, "someone was lost"
    duplicates = sum(n - 1 for n in counts.values())
    assert duplicates <= 1, f"{duplicates} duplicates after one kill (killed at {killed_at})"


def test_redis_restarting_empty_mid_chunk_sends_each_email_once(celery, smtp_sink, redis_server):
    """Redis keeps nothing on disk: a crash (or a failover, an eviction, a flush) empties
    the queue, the unacknowledged tasks and the cache at once. What was sent must not be
    forgotten with it: the database records each accepted message before the next."""
    people = due_people(600)
    celery.env["REMINDER_LEASE_SECONDS"] = "6"
    celery.env["CELERY_TASK_TIME_LIMIT"] = "5"
    smtp_sink.delay = 0.01  # each chunk of 50 takes half a second or more on the wire
    celery.beat()
    celery.worker(concurrency=2)
    wait_until(lambda: len(smtp_sink.messages) >= 120, timeout=120, what="the first 120 emails")
    redis_server.crash()
    crashed_at = len(smtp_sink.messages)
    assert crashed_at < len(people), "everything was sent before Redis could be crashed"
    sending = ReminderDelivery.objects.filter(status=DeliveryStatus.SENDING).count()
    assert sending, "no chunk was mid-way when Redis died"
    redis_server.start()
    wait_all_settled(celery, len(people), what="every email after the crash")
    counts = recipients(smtp_sink)
    assert len(counts) == len(people), "someone was lost"
    duplicates = sum(n - 1 for n in counts.values())
    # At most the one message on the wire when Redis died; in fact a Redis crash stops no
    # send, so none.
    assert duplicates <= 1, f"{duplicates} duplicates after Redis restarted empty"
    print(f"redis restarted empty at {crashed_at} of 600 sent: {duplicates} duplicates")  # noqa: T201


def test_a_broker_outage_delays_but_never_loses_or_doubles(celery, smtp_sink, redis_server):
    people = due_people(300)
    redis_server.stop()
    celery.beat()
    celery.worker(concurrency=2)
    # Beat ticks every second: it misses at least two sweeps while Redis is down.
    time.sleep(3)
    assert len(smtp_sink.messages) == 0
    redis_server.start()
    wait_all_settled(celery, len(people), what="every email after the outage")
    counts = recipients(smtp_sink)
    assert len(counts) == 300
    assert set(counts.values()) == {1}
    assert not ReminderDelivery.objects.filter(status=DeliveryStatus.PENDING).exists()


def test_a_busy_mail_server_is_retried_until_it_takes_the_message(celery, smtp_sink):
    due_people(1)
    smtp_sink.replies = ["451 4.3.0 Try again later", "451 4.3.0 Try again later"]
    celery.beat()
    celery.worker(concurrency=1)
    wait_until(lambda: all_settled(1), timeout=120, what="delivery on the third try")
    delivery = ReminderDelivery.objects.get()
    assert delivery.attempts == 3
    assert smtp_sink.refused == 2
    assert len(smtp_sink.messages) == 1


def test_a_refusing_mail_server_marks_the_email_failed_without_retrying(celery, smtp_sink):
    due_people(1)
    smtp_sink.replies = ["550 5.1.1 No such mailbox", None, None]
    celery.beat()
    celery.worker(concurrency=1)
    wait_until(
        lambda: ReminderDelivery.objects.filter(status=DeliveryStatus.FAILED).exists(),
        timeout=120,
        what="the failure to be recorded",
    )
    time.sleep(4)  # several more sweeps: nothing is retried
    delivery = ReminderDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1)
    assert "550" in delivery.last_error
    assert smtp_sink.refused == 1
    assert smtp_sink.messages == []
