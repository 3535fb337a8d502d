"""Demo content for `make run`: a demo account that looks lived-in.

Each app may provide ``<app>.demo`` (a module or package) with ``load(user)``; they run in
app order, so a new app adds its own demo content without the core knowing about it.
"""

from __future__ import annotations

import datetime
import logging
from importlib import import_module
from importlib.util import find_spec

from allauth.account.models import EmailAddress
from django.apps import apps
from django.db import transaction
from django.utils import timezone

from careerapp.models import DeliveryStatus, ReminderDelivery, User, Weekday
from careerapp.services import feed_create

logger = logging.getLogger(__name__)

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "compass-demo-2026"  # noqa: S105 - a published demo password, by design


def load(user: User) -> None:
    """The core's part of the demo: a finished profile, reminder preferences and the
    calendar feed turned on (so its settings show an address to try)."""
    user.display_name = "Alex"
    user.time_zone = "Europe/London"
    user.reminders_enabled = True
    user.reminder_weekday = Weekday.MONDAY
    user.reminder_hour = 8
    user.reminder_preferences_set_at = timezone.now()
    user.save()
    # Last week's email went out as planned; the next slot follows from the preferences.
    user.next_reminder_at = user.reminder_slot_after(timezone.now())
    user.save(update_fields=["next_reminder_at"])
    last_slot = user.next_reminder_at - datetime.timedelta(weeks=1)
    local = last_slot.astimezone(user.zone).date()
    ReminderDelivery.objects.get_or_create(
        user=user,
        week=local - datetime.timedelta(days=local.weekday()),
        defaults={
            "scheduled_for": last_slot,
            "status": DeliveryStatus.SENT,
            "attempts": 1,
            "sent_at": last_slot + datetime.timedelta(seconds=40),
        },
    )
    feed_create(user=user)


@transaction.atomic
def demo_account_create() -> tuple[User, bool]:
    """Create the demo account and its content once; later runs leave it as it is."""
    user = User.objects.filter(email=DEMO_EMAIL).first()
    if user is not None:
        return user, False
    user = User.objects.create_user(DEMO_EMAIL, DEMO_PASSWORD)
    EmailAddress.objects.create(user=user, email=DEMO_EMAIL, verified=True, primary=True)
    load_demo_content(user)
    return user, True


def load_demo_content(user: User) -> None:
    """Every app's demo content for ``user``: the core's first, then each app's.

    Runs in the person's time zone, so "today" in the content is the day they see.
    """
    load(user)
    with timezone.override(user.zone):
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if config.name != "careerapp" and _has_module(module_name):
                import_module(module_name).load(user)


def _has_module(name: str) -> bool:
    try:
        return find_spec(name) is not None
    except ModuleNotFoundError:
        return False
