import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from careerapp.celery import app
from careerapp.demo import DEMO_EMAIL, DEMO_PASSWORD
from careerapp.models import User

pytestmark = pytest.mark.django_db


def test_demo_command_creates_a_working_account_once(settings, capsys):
    settings.DEBUG = True
    call_command("demo")
    out = capsys.readouterr().out
    assert DEMO_EMAIL in out
    assert DEMO_PASSWORD in out
    user = User.objects.get(email=DEMO_EMAIL)
    assert user.has_profile
    assert user.has_reminder_preferences
    client = Client()
    response = client.post("/accounts/login/", {"login": DEMO_EMAIL, "password": DEMO_PASSWORD})
    assert response.status_code == 302

    user.display_name = "Changed by the person"
    user.save()
    call_command("demo")
    assert "Kept the demo account" in capsys.readouterr().out
    assert User.objects.get(email=DEMO_EMAIL).display_name == "Changed by the person"


def test_demo_command_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="published password"):
        call_command("demo")
    assert not User.objects.filter(email=DEMO_EMAIL).exists()


def test_celery_speaks_json_only_and_acknowledges_late():
    conf = app.conf
    assert conf.task_serializer == "json"
    assert conf.accept_content == ["json"]
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_time_limit == 300
    assert conf.task_soft_time_limit < conf.task_time_limit
