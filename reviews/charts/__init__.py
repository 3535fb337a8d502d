"""The numbers behind the reviews' charts, trends and summaries: pure calculations over
the rows ``reviews.queries`` read (``axes``: dates, labels and chart geometry; ``history``:
the history's charts and list; ``planned``: planned against actual; ``quarter``: the
quarterly summary).

The figures a period is summed up by are each defined once for every page and the email.
The history, the quarterly summary and the weekly email show the same four figures for a
span of days; they get them from the functions named here, never by counting again on
their own:

- **Steps on time**: steps *due* in the period, counted once done or past their due date;
  on time means done on or before the due date, in the person's local days. Steps left
  open on an achieved or dropped goal do not count. ``reviews.queries.planned``, written
  in ``goals.models.TaskQuerySet.timeliness_by_month``.
- **Steps done**: steps ticked off in the period, whatever their due date.
  ``reviews.queries.steps_done``, written in ``goals.models.done_in_q``.
- **Dates moved** (goals moved): target dates moved from one date to another in the
  period, how many of them later, across how many goals. ``reviews.queries.planned``,
  written in ``goals.models.GoalChangeQuerySet.moves_counted``.
- **Satisfaction** (and energy): the average score of the submitted check-ins whose
  period has its middle in the period - the day the charts draw them on.
  ``axes.in_period`` and ``axes.satisfaction``.

A period is a span of local days from ``start`` up to ``end`` (exclusive). The weekly
email's "ticked off" line is steps done over its last seven days
(``goals.reminders.last_week``). The dashboard shows no figure over a period: its check-in
card gives the last check-in's own score, and its overdue steps, like the email's, are the
active goals' steps that steps on time would count as still open.
"""
