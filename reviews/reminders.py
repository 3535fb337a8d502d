"""The reviews app's part of the weekly email: a check-in that is due or was missed, a
kept check-in as last week's win, and the career conversations that are due. Three
queries for a whole chunk of people."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext as _

from careerapp.emails import absolute
from careerapp.reminders import Item, Section
from reviews.cadence import Cadence, previous_period
from reviews.models import CheckIn, CheckInStatus, ConversationCadence, Schedule
from reviews.queries.circle import unemailed_comment_counts
from reviews.queries.conversations import next_conversations
from reviews.services.circle import comments_mark_emailed

DUE_WITHIN = datetime.timedelta(days=7)


def sections(users, today_by_user: dict[int, datetime.date]) -> dict[int, list[Section]]:
    ids = [user.pk for user in users]
    if not ids:
        return {}
    schedules = {s.user_id: s for s in Schedule.objects.filter(user_id__in=ids)}
    earliest = min(today_by_user.values()) - datetime.timedelta(days=200)
    checkins: dict[int, dict[datetime.date, CheckIn]] = defaultdict(dict)
    for checkin in CheckIn.objects.filter(user_id__in=ids, period_start__gte=earliest).only(
        "user_id", "period_start", "status", "submitted_at"
    ):
        checkins[checkin.user_id][checkin.period_start] = checkin
    url = absolute(reverse("reviews:index"))
    week_ago = timezone.now() - datetime.timedelta(days=7)
    result: dict[int, list[Section]] = {}
    for user in users:
        today = today_by_user[user.pk]
        schedule = schedules.get(user.pk) or Schedule(
            user=user, cadence=Cadence.MONTHLY, anchor=user.date_joined.astimezone(user.zone).date()
        )
        mine = checkins[user.pk]
        period = schedule.period_for(today)
        current = mine.get(period.start)
        items = []
        if current is None or current.status != CheckInStatus.SUBMITTED:
            previous = previous_period(period, schedule.cadence, schedule.anchor)
            previous_done = (
                previous.start in mine and mine[previous.start].status == CheckInStatus.SUBMITTED
            )
            if previous.start >= schedule.anchor and not previous_done:
                items.append(
                    Item(
                        _("Last period's check-in slipped by. This one is a fresh start."),
                        url,
                    )
                )
            if period.end - today <= DUE_WITHIN:
                items.append(
                    Item(
                        _("Your check-in is due by %(date)s")
                        % {"date": date_format(period.end, gettext("l j F"))},
                        url,
                    )
                )
        sections = [Section("checkin", _("Check-in"), items, order=30)] if items else []
        kept = any(c.submitted_at and c.submitted_at >= week_ago for c in mine.values())
        if kept:
            sections.append(
                Section("checkin_kept", "", [Item(_("kept your check-in"), url)], kind="win")
            )
        result[user.pk] = sections
    for user_id, items in conversations_due(ids, today_by_user).items():
        result[user_id].append(Section("conversations", _("Career conversations"), items, order=35))
    return result


def comment_sections(users, today_by_user: dict[int, datetime.date]) -> dict[int, list[Section]]:
    """New comments from the circle since the last weekly email: one line per person who
    wrote, never an email per comment. One query for a whole chunk of people."""
    counts = unemailed_comment_counts([user.pk for user in users])
    url = absolute(reverse("reviews:circle"))
    result: dict[int, list[Section]] = {}
    for owner_id, rows in counts.items():
        items = [
            Item(
                ngettext(
                    "%(name)s left a comment",
                    "%(name)s left %(count)d comments",
                    row["count"],
                )
                % {"name": row["author_name"], "count": row["count"]},
                absolute(reverse("reviews:circle_member", args=[row["member_id"]]))
                if row["member_id"]
                else url,
            )
            for row in rows
        ]
        result[owner_id] = [Section("circle_comments", _("From your circle"), items, order=35)]
    return result


def comments_emailed(user_ids: list[int], now: datetime.datetime) -> None:
    comments_mark_emailed(user_ids=user_ids, now=now)


def conversations_due(ids: list[int], today_by_user: dict[int, datetime.date]) -> dict:
    """Per person, a line for each circle member with a rhythm of conversations whose last
    one held (or, with none held, the member's joining) is at least that many months ago,
    and with nothing planned from today on (``next_conversations``: the calendar feed
    reads the same days). One query for the whole chunk."""
    url = absolute(reverse("reviews:conversations"))
    due: dict[int, list[Item]] = defaultdict(list)
    for found in next_conversations(ids, today_by_user):
        member = found.member
        if found.is_due(today_by_user[member.owner_id]):
            cadence = ConversationCadence(member.conversation_every)
            text = _("A career conversation with %(name)s is due (%(every)s)") % {
                "name": member.name,
                "every": str(cadence.label).lower(),
            }
            due[member.owner_id].append(Item(text, url))
    return due
