"""The assessments app's part of the weekly email: retakes that are due (two queries), and
once a month the biggest gap of the role the person pursues."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from assessments import queries, services
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
                detail=_("last taken %(date)s")
                % {"date": date_format(row["last"], gettext("j M Y"))},
            )
        )
    return {
        user_id: [
            Section("retake", _("Time for a retake"), sorted(items, key=lambda i: i.text), order=50)
        ]
        for user_id, items in due.items()
    }


# --- The pursued role's biggest gap, at most once a month ---------------------------------

ROLE_GAP_SECTION = "role_gap"
# A month between two mentions: 30 days, so a weekly email names it every fifth week.
GAP_MENTION_EVERY = datetime.timedelta(days=30)


def role_gap_sections(users, today_by_user: dict[int, datetime.date]) -> dict[int, list[Section]]:
    """The biggest gap of each person's pursued role, unless an email named it within the
    month (``TargetRole.gap_mentioned_at``, set by ``gap_mentioned`` once an email that
    carried it was accepted). One query, three when someone pursues a role."""
    ids = [user.pk for user in users]
    if not ids:
        return {}
    now = timezone.now()
    lines = queries.pursued_comparisons(ids, mentioned_before=now - GAP_MENTION_EVERY)
    found = {}
    for user_id, line in lines.items():
        gap, role = line.comparison.biggest_gap, line.target.role
        if gap is None:
            continue
        words = {"skill": gap.name, "current": gap.current_name, "required": gap.required_name}
        item = Item(
            text=_("%(skill)s: from %(current)s to %(required)s") % words,
            url=absolute(reverse("assessments:role_compare", args=[role.slug])),
            detail=_("your biggest gap for %(role)s") % {"role": role.title},
        )
        title = _("Towards %(role)s") % {"role": role.title}
        found[user_id] = [Section(ROLE_GAP_SECTION, title, [item], order=55)]
    return found


def gap_mentioned(user_ids: list[int], now: datetime.datetime) -> None:
    services.target_roles_mark_gap_mentioned(user_ids, now)
