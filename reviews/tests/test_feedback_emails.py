"""Feedback emails: the request and its one reminder, each sent once through Celery,
whatever runs twice; none for a request that no longer wants it."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from celery.exceptions import Retry
from django.conf import settings as django_settings
from django.urls import reverse

from careerapp.tests.weekly_harness import send_twice_by_worker
from reviews import tasks
from reviews.models import FeedbackRequest
from reviews.tests.factories_feedback import FeedbackRequestFactory, answer, shipped_set

pytestmark = pytest.mark.django_db

START = datetime.datetime(2027, 3, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def smtp_settings(settings, smtp_sink):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return smtp_sink


def _unsent(owner, **fields) -> FeedbackRequest:
    return FeedbackRequestFactory(owner=owner, sent_at=None, **fields)


def test_the_request_is_enqueued_after_the_commit_not_in_the_request(
    owner_client, owner, monkeypatch
):
    enqueued = []
    monkeypatch.setattr(tasks.send_feedback_request, "delay", enqueued.append)
    owner_client.post(
        reverse("reviews:feedback_create"),
        {"name": "Grace", "email": "grace@example.com", "prompt_set": shipped_set().pk},
    )
    assert enqueued == [FeedbackRequest.objects.get().pk]


def test_the_request_task_run_twice_sends_one_email(owner, smtp_settings):
    feedback = _unsent(owner, name="Grace", email="grace@example.com")
    assert tasks.send_feedback_request.delay(feedback.pk).get() is True
    assert tasks.send_feedback_request.delay(feedback.pk).get() is False

    [message] = smtp_settings.wait_for(1)
    assert len(smtp_settings.messages) == 1
    assert message["To"] == "grace@example.com"
    body = message.get_body(("plain",)).get_content()
    assert "Olivia uses Career Compass" in body
    assert feedback.message in body
    assert f"/reviews/f/{feedback.link_token()}/" in body
    assert message.get_body(("html",)).get_content().count(feedback.link_token()) == 1
    feedback.refresh_from_db()
    assert feedback.sent_at is not None


@pytest.mark.parametrize(
    "fields",
    [
        {"withdrawn_at": START},
        {"created_at": START - datetime.timedelta(days=31)},
    ],
    ids=["withdrawn", "expired"],
)
def test_no_request_email_for_a_request_that_is_no_longer_open(owner, mailoutbox, fields):
    feedback = _unsent(owner, **fields)
    with time_machine.travel(START, tick=False):
        assert tasks.send_feedback_request.delay(feedback.pk).get() is False
    assert mailoutbox == []


def test_one_reminder_after_a_week_and_never_a_second(owner, mailoutbox):
    with time_machine.travel(START, tick=False):
        feedback = FeedbackRequestFactory(owner=owner, email="grace@example.com")
        assert tasks.sweep_feedback_reminders.delay().get() == 0
    with time_machine.travel(START + datetime.timedelta(days=6, hours=23), tick=False):
        assert tasks.sweep_feedback_reminders.delay().get() == 0
    assert mailoutbox == []

    with time_machine.travel(START + datetime.timedelta(days=7), tick=False):
        assert tasks.sweep_feedback_reminders.delay().get() == 1
        assert tasks.send_feedback_reminder.delay(feedback.pk).get() is False  # again: no
    [reminder] = mailoutbox
    assert reminder.to == ["grace@example.com"]
    assert "gentle reminder" in reminder.subject
    assert "This is the only reminder." in reminder.body
    assert f"/reviews/f/{feedback.link_token()}/" in reminder.body
    feedback.refresh_from_db()
    assert feedback.reminded_at == START + datetime.timedelta(days=7)
    assert feedback.status().label == "Reminded"

    for days in (8, 14, 29):
        with time_machine.travel(START + datetime.timedelta(days=days), tick=False):
            assert tasks.sweep_feedback_reminders.delay().get() == 0
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("state", ["answered", "withdrawn", "unsent"])
def test_no_reminder_for_an_answered_withdrawn_or_unsent_request(owner, mailoutbox, state):
    with time_machine.travel(START, tick=False):
        feedback = FeedbackRequestFactory(owner=owner, sent_at=None if state == "unsent" else START)
        if state == "answered":
            answer(feedback)
        elif state == "withdrawn":
            FeedbackRequest.objects.filter(pk=feedback.pk).update(withdrawn_at=START)
    with time_machine.travel(START + datetime.timedelta(days=8), tick=False):
        assert tasks.sweep_feedback_reminders.delay().get() == 0
        # A reminder task already queued before the change sends nothing either.
        assert tasks.send_feedback_reminder.delay(feedback.pk).get() is False
    assert mailoutbox == []


def test_the_beat_sweeps_for_reminders_every_hour():
    entry = django_settings.CELERY_BEAT_SCHEDULE["feedback-reminder-sweep"]
    assert entry["task"] == tasks.sweep_feedback_reminders.name
    assert entry["schedule"] == 3600.0


def test_a_transient_smtp_refusal_leaves_the_request_unsent_for_the_retry(owner, smtp_settings):
    feedback = _unsent(owner)
    smtp_settings.replies = ["451 4.3.0 Try again later"]
    with pytest.raises(Retry):
        tasks.send_feedback_request.delay(feedback.pk)
    feedback.refresh_from_db()
    assert feedback.sent_at is None
    assert tasks.send_feedback_request.delay(feedback.pk).get() is True
    assert len(smtp_settings.wait_for(1)) == 1


@pytest.mark.services
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_request_once_though_enqueued_twice(
    postgres, redis_server, smtp_sink, owner
):
    feedback = _unsent(owner, email="worker@example.com")
    send_twice_by_worker(
        tasks.send_feedback_request,
        feedback.pk,
        sent=lambda: FeedbackRequest.objects.filter(pk=feedback.pk, sent_at__isnull=False).exists(),
        redis_url=redis_server.url,
        smtp_port=smtp_sink.port,
        what="the feedback request email",
    )
    assert [message["To"] for message in smtp_sink.messages] == ["worker@example.com"]
    assert f"/reviews/f/{feedback.link_token()}/" in smtp_sink.messages[0].as_string()


def test_a_permanent_refusal_is_logged_by_id_and_not_retried(owner, smtp_settings, caplog):
    feedback = _unsent(owner, email="nobody@example.com")
    smtp_settings.replies = ["550 5.1.1 No such mailbox"]
    assert tasks.send_feedback_request.delay(feedback.pk).get() is False
    [record] = [record for record in caplog.records if record.name == "reviews.tasks"]
    assert record.getMessage().startswith(f"Feedback email of request {feedback.pk} refused")
    assert "nobody@example.com" not in record.getMessage()
    assert feedback.link_token() not in caplog.text
    feedback.refresh_from_db()
    assert feedback.sent_at is None
