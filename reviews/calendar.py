"""The reviews app's dates in the calendar feed: the next check-in and the next career
conversation with each member of the circle who has a rhythm. Six queries.

Both days are computed, not stored, by what the dashboard and the weekly email use
(``checkin_state``, ``next_conversations``), so the feed never disagrees with them. So is
when each last changed: the latest of the rows it follows (the rhythm and this period's
check-in; the member and their conversations) and of the moment the clock moved it (a
new period began, a conversation became overdue and is shown today, a plan lapsed).
A conversation deleted leaves no row to date the day it moves: its delete touches the
member's ``updated_at`` (``conversation_delete``), so SEQUENCE never goes down, even for
an earlier day. Check-ins are never deleted.
"""

from __future__ import annotations

import datetime

from django.db.models import Max
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from careerapp.calendar import CalendarEvent, event_uid
from goals.models import local_midnight
from reviews.models import CircleMember, ConversationCadence, Schedule
from reviews.queries import checkin_state
from reviews.queries.conversations import NextConversation, next_conversations


def events(user, today: datetime.date) -> list[CalendarEvent]:
    return [_checkin(user, today), *_conversations(user, today)]


def _checkin(user, today: datetime.date) -> CalendarEvent:
    state = checkin_state(user, today=today)
    changed = [local_midnight(state.period.start, user.zone)]
    changed += Schedule.objects.filter(user=user).values_list("updated_at", flat=True)
    if state.current is not None:
        changed.append(state.current.updated_at)  # submitted: due a period later
    return CalendarEvent(
        uid=event_uid("checkin-next", user.pk),
        title=_("Check-in due"),
        day=state.due_date,
        description=_("Ten quiet minutes: how each goal moved, what got in the way, how you feel."),
        path=reverse("reviews:index"),
        last_modified=max(changed),
    )


def _conversations(user, today: datetime.date) -> list[CalendarEvent]:
    found = []
    changed = _members_changed(user)
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
        found.append(
            CalendarEvent(
                uid=event_uid("conversation-next", each.member.pk),
                title=_("Career conversation with %(name)s") % {"name": each.member.name},
                day=max(each.day, today),
                description=description,
                path=reverse("reviews:conversations"),
                last_modified=max(
                    changed.get(each.member.pk, each.member.created_at),
                    _moved_by_the_clock(each, today, user.zone) or each.member.created_at,
                ),
            )
        )
    return found


def _members_changed(user) -> dict[int, datetime.datetime]:
    """When each member with a rhythm, or a conversation with them, last changed."""
    rows = (
        CircleMember.objects.for_user(user)
        .filter(revoked_at__isnull=True)
        .exclude(conversation_every=ConversationCadence.NONE)
        .annotate(talked=Max("conversations__updated_at"))
        .values_list("pk", "updated_at", "talked")
    )
    return {pk: max(updated, talked or updated) for pk, updated, talked in rows}


def _moved_by_the_clock(
    each: NextConversation, today: datetime.date, zone: datetime.tzinfo
) -> datetime.datetime | None:
    """When the day last moved with no row changing: overdue, it is shown today since
    today began; after a plan that lapsed, it is the rhythm's since the day after."""
    if each.planned:
        return None
    if each.day < today:
        return local_midnight(today, zone)
    lapsed = each.member.next_planned  # the latest plan, annotated; before today here
    if lapsed is not None:
        return local_midnight(lapsed + datetime.timedelta(days=1), zone)
    return None
