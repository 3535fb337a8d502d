"""The weekly email's delivery rules against a real SMTP server on loopback, in process:
refusals at RCPT TO and at DATA, each row's own error, retries that wait their backoff,
the lease check, and the one-click unsubscribe."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from django.urls import reverse

from careerapp import reminders, weekly
from careerapp.models import DeliveryStatus, ReminderDelivery
from careerapp.tests.weekly_people import DUE, claim_and_send, due_people, travel

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def smtp(settings, smtp_sink):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.REMINDER_RETRY_DELAY = 60
    settings.REMINDER_LEASE_SECONDS = 600
    settings.REMINDER_MAX_ATTEMPTS = 6
    return smtp_sink


def row(user) -> ReminderDelivery:
    return ReminderDelivery.objects.get(user=user)


@pytest.mark.parametrize("reply", ["450 4.2.0 Greylisted", "451 4.3.0 Later", "452 4.2.2 Full"])
def test_a_temporary_refusal_at_rcpt_to_is_retried_not_failed(smtp, reply):
    greylisted, accepted = due_people("greylisted", "accepted")
    smtp.rcpt_replies_for = {greylisted.email: reply}
    result = claim_and_send()
    assert result.retry == [row(greylisted).pk]
    assert result.sent == [row(accepted).pk]
    waiting = row(greylisted)
    assert waiting.status == DeliveryStatus.PENDING
    assert waiting.retry_at == DUE + datetime.timedelta(seconds=60)
    assert reply.split()[0] in waiting.last_error
    assert [message["To"] for message in smtp.messages] == [accepted.email]


def test_a_permanent_refusal_at_rcpt_to_fails_at_once(smtp):
    (gone,) = due_people("gone")
    smtp.rcpt_replies = ["550 5.1.1 No such mailbox"]
    result = claim_and_send()
    assert result.failed == [row(gone).pk]
    failed = row(gone)
    assert (failed.status, failed.attempts, failed.retry_at) == (DeliveryStatus.FAILED, 1, None)
    assert "550" in failed.last_error


def test_each_row_stores_its_own_error_not_the_chunks_last(smtp):
    first, second, third = due_people("first", "second", "third")
    smtp.rcpt_replies_for = {
        first.email: f"550 5.1.1 <{first.email}> unknown",
        second.email: f"450 4.2.0 <{second.email}> greylisted",
    }
    claim_and_send()
    assert first.email in row(first).last_error
    assert second.email not in row(first).last_error
    assert second.email in row(second).last_error
    assert first.email not in row(second).last_error
    assert row(third).last_error == ""
    assert row(third).status == DeliveryStatus.SENT


def test_a_refusal_at_data_is_stored_on_that_row_alone(smtp):
    refused, accepted = due_people("refused", "fine")
    smtp.data_replies_for = {refused.email: "554 5.7.1 Message rejected"}
    claim_and_send()
    assert "554" in row(refused).last_error
    assert row(refused).status == DeliveryStatus.FAILED
    assert row(accepted).last_error == ""


def test_the_sweep_leaves_a_waiting_row_until_its_backoff_has_passed(smtp):
    (person,) = due_people("later")
    smtp.rcpt_replies = ["451 4.7.1 Greylisted"]
    # The chunk waited 15 minutes in the queue (a backlog) before a worker took it, so the
    # row was enqueued longer ago than the lease when the server said "later".
    with travel(DUE):
        weekly.reminders_claim_due(now=DUE)
        weekly.reminders_enqueue(now=DUE)
    busy = DUE + datetime.timedelta(minutes=15)
    with travel(busy):
        result = weekly.reminders_send_chunk(delivery_ids=[row(person).pk], now=busy)
    assert result.retry == [row(person).pk]
    retry_at = row(person).retry_at
    assert retry_at == busy + datetime.timedelta(seconds=60)

    for moment in (busy + datetime.timedelta(seconds=1), retry_at - datetime.timedelta(seconds=1)):
        with travel(moment):
            assert weekly.reminders_enqueue(now=moment) == [], "handed out before its backoff"
            early = weekly.reminders_send_chunk(delivery_ids=[row(person).pk], now=moment)
        assert early.sent == early.retry == [], "a stray task sent it before its backoff"
    assert row(person).status == DeliveryStatus.PENDING

    # Its own retried task runs at retry_at; if that task was lost (Redis restarted empty),
    # the sweep takes the row over a lease later.
    takeover = retry_at + datetime.timedelta(seconds=601)
    with travel(takeover):
        assert weekly.reminders_enqueue(now=takeover) == [[row(person).pk]]
        done = weekly.reminders_send_chunk(delivery_ids=[row(person).pk], now=takeover)
    assert done.sent == [row(person).pk]
    assert row(person).status == DeliveryStatus.SENT
    assert row(person).attempts == 2
    assert len(smtp.messages) == 1


def test_the_retried_task_sends_once_the_backoff_has_passed(smtp):
    (person,) = due_people("patient")
    smtp.rcpt_replies = ["450 4.2.0 Greylisted"]
    claim_and_send()
    moment = row(person).retry_at
    with travel(moment):
        result = weekly.reminders_send_chunk(delivery_ids=[row(person).pk], now=moment, retries=1)
    assert result.sent == [row(person).pk]
    assert row(person).retry_at is None


def test_retries_double_their_wait_and_give_up_after_the_last_attempt(smtp, settings):
    settings.REMINDER_MAX_ATTEMPTS = 3
    (person,) = due_people("unlucky")
    smtp.rcpt_replies = ["451 4.3.0 Later"] * 3
    claim_and_send()
    waits = [row(person).retry_at - DUE]
    moment = row(person).retry_at
    with travel(moment):
        weekly.reminders_send_chunk(delivery_ids=[row(person).pk], now=moment, retries=1)
    waits.append(row(person).retry_at - moment)
    moment = row(person).retry_at
    with travel(moment):
        last = weekly.reminders_send_chunk(delivery_ids=[row(person).pk], now=moment, retries=2)
    assert waits == [datetime.timedelta(seconds=60), datetime.timedelta(seconds=120)]
    assert last.failed == [row(person).pk]
    assert (row(person).status, row(person).attempts) == (DeliveryStatus.FAILED, 3)
    assert smtp.messages == []


def test_a_sent_email_is_recorded_in_the_database_before_the_next_is_sent(smtp):
    """What was sent survives anything that happens to Redis: the row itself says so."""
    first, second = due_people("one", "two")
    smtp.rcpt_replies_for = {second.email: "554 5.0.0 Stop"}  # one fails, one is recorded
    claim_and_send()
    assert row(first).status == DeliveryStatus.SENT
    assert row(first).sent_at == DUE
    # Run again, as after a crash: nothing already sent goes out twice.
    with travel(DUE + datetime.timedelta(hours=1)):
        again = weekly.reminders_send_chunk(
            delivery_ids=[row(first).pk, row(second).pk], now=DUE + datetime.timedelta(hours=1)
        )
    assert again.sent == []
    assert len(smtp.messages) == 1


# --- The lease outlives a task ------------------------------------------------------------


def test_a_lease_not_longer_than_the_task_time_limit_is_a_check_error(settings):
    settings.CELERY_TASK_TIME_LIMIT = 300
    settings.REMINDER_LEASE_SECONDS = 300
    errors = [message for message in run_checks() if message.id == "careerapp.E001"]
    assert len(errors) == 1
    assert "REMINDER_LEASE_SECONDS (300)" in errors[0].msg
    with pytest.raises(SystemCheckError, match="careerapp.E001"):
        call_command("check")
    settings.REMINDER_LEASE_SECONDS = 301
    assert not [message for message in run_checks() if message.id == "careerapp.E001"]


@pytest.mark.slow
def test_a_worker_refuses_to_start_with_a_lease_shorter_than_a_task(tmp_path):
    env = {
        **os.environ,
        "DJANGO_ENV_FILE": "",
        "DJANGO_DEBUG": "true",
        "REDIS_URL": "",  # the folder broker: the check must stop it before any broker
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CELERY_TASK_TIME_LIMIT": "600",
        "REMINDER_LEASE_SECONDS": "60",
    }
    done = subprocess.run(  # noqa: S603 - our own Celery app, fixed arguments
        [sys.executable, "-m", "celery", "-A", "careerapp", "worker", "--loglevel=WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert "careerapp.E001" in done.stdout + done.stderr


# --- One-click unsubscribe (RFC 8058) -------------------------------------------------------


def _unsubscribe_path(user):
    return reverse("reminders_unsubscribe", args=[reminders.unsubscribe_token(user)])


@pytest.mark.parametrize(
    "body",
    [{}, {"List-Unsubscribe": "one-click"}, {"List-Unsubscribe": "Yes"}, {"confirm": "1"}],
)
def test_only_the_one_click_body_unsubscribes(owner, body):
    response = Client(enforce_csrf_checks=True).post(_unsubscribe_path(owner), body)
    assert response.status_code == 200
    assert "Stop the weekly email?" in response.content.decode()
    owner.refresh_from_db()
    assert owner.reminders_enabled is True


def test_the_confirmation_button_sends_the_one_click_body(owner):
    client = Client(enforce_csrf_checks=True)
    page = client.get(_unsubscribe_path(owner)).content.decode()
    assert '<input type="hidden" name="List-Unsubscribe" value="One-Click">' in page
    response = client.post(_unsubscribe_path(owner), {"List-Unsubscribe": "One-Click"})
    assert "You will not get the weekly email any more" in response.content.decode()
    owner.refresh_from_db()
    assert owner.reminders_enabled is False
