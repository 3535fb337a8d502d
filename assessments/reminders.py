"""The assessments app's part of the weekly email: retakes that are due. Two queries."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from assessments.models import Instrument, Take, TakeStatus
from careerapp.emails import absolute
from careerapp.reminders import Item, Section


def sections(users, today_by_user: dict[int, datetime.date]) -> dict[int, list[Section]]:
    ids = [user.pk for user in users]
    if not ids:
        return {}
    now = timezone.now()
    instruments = {instrument.pk: instrument for instrument in Instrument.objects.active()}
    latest = (
        Take.objects.filter(user_id__in=ids, status=TakeStatus.COMPLETED)
        .values("user_id", "instrument_id")
        .annotate(last=Max("completed_at"))
    )
    due: dict[int, list[Item]] = defaultdict(list)
    for row in latest:
        instrument = instruments.get(row["instrument_id"])
        if instrument is None or row["last"] > now - instrument.retake_interval:
            continue
        due[row["user_id"]].append(
            Item(
                text=instrument.name,
                url=absolute(instrument.get_absolute_url()),
                detail=_("last taken %(date)s") % {"date": date_format(row["last"], "j M Y")},
            )
        )
    return {
        user_id: [
            Section("retake", _("Time for a retake"), sorted(items, key=lambda i: i.text), order=50)
        ]
        for user_id, items in due.items()
    }
