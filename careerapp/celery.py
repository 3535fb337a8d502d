"""The Celery application: configured from Django settings (CELERY_* names)."""

import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerapp.settings")

app = Celery("careerapp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def run_system_checks(**kwargs) -> None:
    """Refuse to start a worker or beat on settings that `manage.py check` rejects, as
    runserver and migrate already do (e.g. a weekly-email lease shorter than a task)."""
    import sys

    from django.core.checks import run_checks

    errors = [message for message in run_checks() if message.is_serious()]
    if errors:
        # Celery logs and swallows exceptions from signal handlers; SystemExit it lets through.
        sys.stderr.write("System check identified errors:\n")
        sys.stderr.write("".join(f"{message}\n" for message in errors))
        raise SystemExit(1)
