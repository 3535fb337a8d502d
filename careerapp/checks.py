"""System checks of the core: settings that each parse fine alone but not together."""

from __future__ import annotations

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility)
def reminder_lease_outlives_a_task(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A worker's claim on a delivery must outlive the task that holds it.

    Celery kills a task after CELERY_TASK_TIME_LIMIT seconds; a claim expires after
    REMINDER_LEASE_SECONDS, and then another worker may send the same rows. If the lease
    ran out first, a slow but live chunk would be sent twice.
    """
    lease = settings.REMINDER_LEASE_SECONDS
    limit = settings.CELERY_TASK_TIME_LIMIT
    if lease > limit:
        return []
    return [
        checks.Error(
            f"REMINDER_LEASE_SECONDS ({lease}) must be longer than CELERY_TASK_TIME_LIMIT "
            f"({limit}).",
            hint=(
                "A worker's claim on a weekly email would expire while the task holding it "
                "may still be sending, and another worker would send the same emails again. "
                "Raise REMINDER_LEASE_SECONDS or lower CELERY_TASK_TIME_LIMIT."
            ),
            id="careerapp.E001",
        )
    ]
