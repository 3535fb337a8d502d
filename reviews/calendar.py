"""The reviews app's dates in the calendar feed: the next check-in and the next career
conversation with each member of the circle who has a rhythm. Four queries.

Both days are computed, not stored, by what the dashboard and the weekly email use
(``checkin_state``, ``next_conversations``), so the feed never disagrees with them. Such a
day moves forward as time passes (a period ends, a conversation is held), so SEQUENCE is
the day's number (``sequence_of_day``): a later day, a higher sequence. A day moved back
(a faster rhythm chosen, a conversation planned earlier) lowers it; calendars that
subscribe to a feed replace its events on each refresh, so they show the new day anyway.
"""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from careerapp.calendar import CalendarEvent, event_uid, sequence_of_day
from reviews.queries import checkin_state
from reviews.queries.conversations import next_conversations


def events(user, today: datetime.date) -> list[CalendarEvent]:
    return [_checkin(user, today), *_conversations(user, today)]


def _checkin(user, today: datetime.date) -> CalendarEvent:
    day = checkin_state(user, today=today).due_date
    return CalendarEvent(
        uid=event_uid("checkin-next", user.pk),
        title=_("Check-in due"),
        day=day,
        description=_("Ten quiet minutes: how each goal moved, what got in the way, how you feel."),
        path=reverse("reviews:index"),
        sequence=sequence_of_day(day),
    )


def _conversations(user, today: datetime.date) -> list[CalendarEvent]:
    found = []
    for each in next_conversations([user.pk], {user.pk: today}):
        if each.planned:
            description = _("Planned.")
        elif each.day < today:
            # Overdue: shown today, where the person looks, rather than on a day gone by.
            description = _("Due since %(date)s.") % {
                "date": date_format(each.day, gettext("j F Y"))
            }
        else:
            description = _("Due by your rhythm; nothing is planned yet.")
        day = max(each.day, today)
        found.append(
            CalendarEvent(
                uid=event_uid("conversation-next", each.member.pk),
                title=_("Career conversation with %(name)s") % {"name": each.member.name},
                day=day,
                description=description,
                path=reverse("reviews:conversations"),
                sequence=sequence_of_day(day),
            )
        )
    return found
