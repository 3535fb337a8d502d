"""Account emails leave the request: a Celery task sends them, retrying what is transient."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from celery.exceptions import Retry
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from careerapp.celery import app as celery_app
from careerapp.mail import message_from_dict, message_to_dict
from careerapp.tasks import send_email_message
from careerapp.tests.smtp import free_port

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parents[2]


def _payload(to="olivia@example.com"):
    message = EmailMultiAlternatives(
        subject="Hello",
        body="Plain words",
        from_email="cc@example.com",
        to=[to],
        headers={"X-Test": "1"},
    )
    message.attach_alternative("<p>Plain words</p>", "text/html")
    return message_to_dict(message)


@pytest.fixture
def smtp_settings(settings, smtp_sink):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return smtp_sink


def test_a_message_survives_the_trip_through_json():
    rebuilt = message_from_dict(_payload())
    assert rebuilt.subject == "Hello"
    assert rebuilt.to == ["olivia@example.com"]
    assert rebuilt.extra_headers == {"X-Test": "1"}
    assert rebuilt.alternatives[0].content == "<p>Plain words</p>"


def test_account_emails_are_handed_to_the_task_not_sent_in_the_request(
    client, owner, mailoutbox, monkeypatch
):
    sent = []
    monkeypatch.setattr(send_email_message, "delay", lambda payload: sent.append(payload))
    client.post(reverse("account_reset_password"), {"email": owner.email})
    assert mailoutbox == []
    assert len(sent) == 1
    assert sent[0]["to"] == [owner.email]
    assert "/accounts/password/reset/key/" in sent[0]["body"]


def test_a_transient_smtp_refusal_asks_for_a_retry_with_backoff(smtp_settings):
    smtp_settings.replies = ["451 4.3.0 Try again later"]
    with pytest.raises(Retry) as retry:
        send_email_message.delay(_payload())
    assert retry.value.when == 30
    assert smtp_settings.messages == []


@pytest.mark.parametrize(
    "code", ["450 4.2.0 Greylisted, come back later", "452 4.2.2 Mailbox full"]
)
def test_a_temporary_refusal_at_rcpt_to_is_retried_like_one_at_data(smtp_settings, code):
    smtp_settings.rcpt_replies = [code]
    with pytest.raises(Retry) as retry:
        send_email_message.delay(_payload())
    assert retry.value.when == 30
    assert smtp_settings.refused == 1
    assert smtp_settings.messages == []


def test_a_permanent_refusal_at_rcpt_to_is_not_retried(smtp_settings, caplog):
    smtp_settings.rcpt_replies = ["550 5.1.1 No such mailbox"]
    send_email_message.delay(_payload())
    assert smtp_settings.refused == 1
    assert smtp_settings.messages == []
    assert "refused for good" in caplog.text


def test_an_unreachable_server_asks_for_a_retry(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    with pytest.raises(Retry):
        send_email_message.delay(_payload())


def test_permanent_smtp_refusals_are_not_retried(smtp_settings, caplog):
    smtp_settings.replies = ["550 5.1.1 No such mailbox", None]
    send_email_message.delay(_payload())
    assert smtp_settings.refused == 1
    assert smtp_settings.messages == []
    assert "refused for good" in caplog.text


@pytest.mark.services
@pytest.mark.slow
def test_a_real_worker_delivers_through_redis_and_retries_a_busy_server(redis_url, smtp_sink):
    smtp_sink.replies = ["451 4.3.0 Try again later", "421 4.7.0 Busy"]
    queue = f"test-{uuid.uuid4().hex[:8]}"
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "true",
        "REDIS_URL": redis_url,
        "EMAIL_URL": smtp_sink.url,
        "MAIL_RETRY_DELAY": "1",
    }
    worker = subprocess.Popen(  # noqa: S603 - our own worker, fixed arguments
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "careerapp",
            "worker",
            "-Q",
            queue,
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        celery_app.conf.task_always_eager = False
        send_email_message.apply_async(args=[_payload("worker@example.com")], queue=queue)
        received = smtp_sink.wait_for(1, timeout=60)
        assert smtp_sink.refused == 2
        assert len(received) == 1
        assert received[0]["To"] == "worker@example.com"
        assert received[0].get_body(("html",)).get_content().strip() == "<p>Plain words</p>"
    finally:
        worker.terminate()
        output, _ = worker.communicate(timeout=30)
    assert b"Traceback" not in output, output.decode()
