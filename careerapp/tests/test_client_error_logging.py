"""A request refused with a 4xx is logged as a warning without a traceback; a 5xx is an
error of ours and keeps both."""

import logging

import pytest
from django.contrib.auth.decorators import login_not_required
from django.test import Client
from django.urls import path, reverse

from careerapp.urls import urlpatterns as site_urlpatterns

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@login_not_required
def broken(request):
    raise RuntimeError("a bug of ours")


urlpatterns = [*site_urlpatterns, path("test/broken/", broken)]


def records_of(caplog, logger: str) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == logger]


def test_an_oversized_request_is_refused_with_a_warning_without_a_traceback(
    owner_client, owner, settings, caplog
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = owner_client.post(
        reverse("account_profile_update"), {"display_name": "x" * 2000, "time_zone": "UTC"}
    )
    assert response.status_code == 400
    assert "That request could not be read" in response.content.decode()  # our page
    [record] = records_of(caplog, "django.security.RequestDataTooBig")
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert "Traceback" not in caplog.text
    # Nor printed a second time, traceback and all, by Django's own console handler.
    assert logging.getLogger("django").handlers == []
    owner.refresh_from_db()
    assert owner.display_name == "Olivia"  # nothing saved


def test_a_request_for_another_host_is_refused_with_a_warning_without_a_traceback(
    anon_client, caplog
):
    response = anon_client.get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    [record] = records_of(caplog, "django.security.DisallowedHost")
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert "Traceback" not in caplog.text


def test_a_bug_of_ours_is_still_an_error_with_its_traceback(caplog):
    response = Client(raise_request_exception=False).get("/test/broken/")
    assert response.status_code == 500
    [record] = records_of(caplog, "django.request")
    assert record.levelno == logging.ERROR
    assert record.exc_info is not None
    assert "RuntimeError: a bug of ours" in caplog.text
