import json

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_when_database_and_broker_answer(anon_client):
    response = anon_client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "broker": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_broker_is_down(anon_client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    response = anon_client.get(reverse("healthz"))
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "unavailable",
        "database": "ok",
        "broker": "unreachable",
    }


def test_healthz_answers_503_when_the_database_is_down(anon_client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    # The database is the edge here: make its connection fail, as a stopped server would.
    monkeypatch.setattr(connection, "cursor", refuse)
    response = anon_client.get(reverse("healthz"))
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unreachable"


@pytest.mark.services
def test_healthz_reaches_the_real_redis_broker(anon_client, settings, redis_url):
    settings.CELERY_BROKER_URL = redis_url
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    response = anon_client.get(reverse("healthz"))
    assert response.status_code == 200
    assert json.loads(response.content)["broker"] == "ok"


@pytest.mark.services
def test_healthz_reaches_the_real_postgresql(anon_client, postgres):
    response = anon_client.get(reverse("healthz"))
    assert json.loads(response.content)["database"] == "ok"
    assert connection.vendor == "postgresql"
