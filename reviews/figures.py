"""The figures a period is summed up by, each defined once for every page and the email.

The history, the quarterly summary and the weekly email show the same four figures for a
span of days; they get them here (or from the QuerySet methods named here), never by
counting again on their own:

- **Steps on time**: steps *due* in the period, counted once done or past their due date;
  on time means done on or before the due date, in the person's local days. Steps left
  open on an achieved or dropped goal do not count. ``trends_planned.planned``, written
  in ``goals.models.TaskQuerySet.timeliness_by_month``.
- **Steps done**: steps ticked off in the period, whatever their due date. ``steps_done``,
  written in ``goals.models.done_in_q``.
- **Dates moved** (goals moved): target dates moved from one date to another in the
  period, how many of them later, across how many goals. ``trends_planned.planned``,
  written in ``goals.models.GoalChangeQuerySet.moves_counted``.
- **Satisfaction** (and energy): the average score of the submitted check-ins whose
  period has its middle in the period - the day the charts draw them on. ``in_period``
  and ``satisfaction``.

A period is a span of local days from ``start`` up to ``end`` (exclusive). The weekly
email's "ticked off" line is steps done over its last seven days
(``goals.reminders.last_week``). The dashboard shows no figure over a period: its check-in
card gives the last check-in's own score, and its overdue steps, like the email's, are the
active goals' steps that steps on time would count as still open.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from goals.models import Task
from reviews.models import CheckIn
from reviews.trends import in_period, scores

__all__ = ["in_period", "satisfaction", "steps_done"]

Day = datetime.date


def satisfaction(
    checkins: Iterable[CheckIn], *, start: Day, end: Day
) -> tuple[float | None, float | None]:
    """Average satisfaction and energy of the period's check-ins (``in_period``), to one
    decimal; None when none was scored."""
    return scores(in_period(checkins, start=start, end=end))


def steps_done(user, *, start: Day, end: Day, zone: datetime.tzinfo) -> int:
    """Steps the person ticked off in the period: one count query."""
    return Task.objects.for_user(user).done_in(start=start, end=end, zone=zone).count()
