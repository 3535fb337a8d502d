"""Secret links' paths never reach a log line whole, and their pages' rate limit counts
the client, not the proxy in front of it."""

from __future__ import annotations

import logging

import pytest
from django.test import RequestFactory

from careerapp.log import RedactSecretLinks, redact_secret_links
from careerapp.ratelimits import client_ip
from careerapp.tests.test_settings import run_manage

TOKEN = "0123456789abcdef" * 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"Gone: /reviews/f/{TOKEN}/", "Gone: /reviews/f/[redacted]/"),
        (f"Not Found: /reviews/s/{TOKEN}/goals/4/", "Not Found: /reviews/s/[redacted]/goals/4/"),
        (
            f'"GET /reviews/f/{TOKEN}?x=1 HTTP/1.1" 200',
            '"GET /reviews/f/[redacted]?x=1 HTTP/1.1" 200',
        ),
        ("Not Found: /reviews/f/a-mistyped-one/", "Not Found: /reviews/f/[redacted]/"),
        ("Not Found: /email/unsubscribe/abc:def/", "Not Found: /email/unsubscribe/[redacted]/"),
        (f"Not Found: /calendar/{TOKEN}.ics", "Not Found: /calendar/[redacted]"),
        (f'"GET /calendar/{TOKEN}.ics HTTP/1.1" 200', '"GET /calendar/[redacted] HTTP/1.1" 200'),
        ("Not Found: /reviews/feedback/12/", "Not Found: /reviews/feedback/12/"),
    ],
)
def test_what_follows_a_secret_links_prefix_is_redacted(line, expected):
    assert redact_secret_links(line) == expected


def test_the_filter_rewrites_the_record_with_its_arguments():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Gone: %s", (f"/reviews/f/{TOKEN}/",), None
    )
    assert RedactSecretLinks().filter(record) is True
    assert record.getMessage() == "Gone: /reviews/f/[redacted]/"


def test_behind_a_proxy_the_client_is_the_address_it_appended():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4"
    )
    assert client_ip(request) == "198.51.100.4"
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"


@pytest.mark.slow
def test_a_malformed_rate_stops_start_up_naming_the_variable():
    result = run_manage("check", extra_env={"SHARED_LINK_RATE": "lots"})
    assert result.returncode != 0
    assert "SHARED_LINK_RATE must look like 60/m" in result.stderr
