"""The quarterly summary: the page a person brings to a career conversation.

Pure computation over what ``reviews.queries.quarter.quarter_rows`` read for the quarter the view
computed once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils import dateformat
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext as _

from goals.models import ChangeKind, Goal, GoalChange, Status, Task
from reviews.cadence import Period, quarter_of, quarter_step, quarter_window
from reviews.charts.axes import (
    Day,
    day_format,
    goal_key,
    in_period,
    local_day,
    period_label,
    quarter_label,
    satisfaction,
    submitted_in_order,
)
from reviews.charts.history import CheckInLine, MoodTrend, checkin_lines, mood_trend
from reviews.models import GoalStatusChoice, Reflection
from reviews.queries import PlannedVsActual
from reviews.queries.quarter import COMING_UP, QuarterRows

SLIPPING = {GoalStatusChoice.AT_RISK, GoalStatusChoice.OFF_TRACK}


def moved_dates(change: GoalChange) -> tuple[Day, Day] | None:
    """A reschedule's old and new dates; None when a date was only set or removed."""
    try:
        return Day.fromisoformat(change.old_value), Day.fromisoformat(change.new_value)
    except ValueError:
        return None


@dataclass
class GoalLine:
    goal_id: int | None
    title: str
    day: Day | None = None  # when it was achieved
    before: int | None = None  # progress at the start of the quarter and at its end
    after: int | None = None
    notes: list[str] = field(default_factory=list)  # why it counts as slipped

    @property
    def delta(self) -> int:
        return (self.after or 0) - (self.before or 0)

    @property
    def day_label(self) -> str:
        """``day`` in words, remembered (``day_format``): cheaper than a template filter
        on every line."""
        return day_format(self.day, gettext("j F")) if self.day else ""


@dataclass(frozen=True)
class ComingUp:
    day: Day
    title: str
    goal: Goal
    is_target: bool
    label: str = ""  # ``day`` in words; the same days recur across a quarter's steps


@dataclass
class QuarterSummary:
    period: Period
    checkins: list[CheckInLine]
    satisfaction: float | None
    energy: float | None
    steps_done: int
    achieved: list[GoalLine]
    progressed: list[GoalLine]
    slipped: list[GoalLine]
    reflections: list[tuple[str, list[tuple[str, str]]]]  # prompt, (period, answer)
    coming_up: list[ComingUp]  # the first of the next quarter's steps and targets
    coming_up_more: int  # and how many more
    planned: PlannedVsActual
    mood: MoodTrend

    @property
    def year(self) -> int:
        return self.period.quarter[0]

    @property
    def quarter(self) -> int:
        return self.period.quarter[1]

    @property
    def label(self) -> str:
        return quarter_label(*self.period.quarter)

    @property
    def is_empty(self) -> bool:
        return not (
            self.checkins
            or self.achieved
            or self.planned.total.due
            or self.steps_done
            or self.coming_up
        )


def quarter_summary(rows: QuarterRows) -> QuarterSummary:
    """The page for a career conversation, from the quarter's rows: ``checkins`` are the
    submitted ones up to the quarter's end (earlier ones give each goal's starting point),
    ``changes`` those made in the quarter, ``tasks`` those due in the next one."""
    period, zone = rows.period, rows.zone
    goals_by_id = {goal.pk: goal for goal in rows.goals}
    ordered = submitted_in_order(rows.checkins)
    start, end = quarter_window(period)  # the chart's year; ``end`` is the day after the quarter
    within = in_period(ordered, start=period.start, end=end)
    scores = satisfaction(ordered, start=period.start, end=end)
    achieved = _achieved(goals_by_id, rows.changes, period, zone)
    done_ids = {line.goal_id for line in achieved}
    return QuarterSummary(
        period=period,
        checkins=checkin_lines(within),
        satisfaction=scores[0],
        energy=scores[1],
        steps_done=rows.steps_done,
        achieved=achieved,
        progressed=_progressed(ordered, period, goals_by_id, done_ids, zone),
        slipped=_slipped(within, rows.changes, goals_by_id, done_ids),
        reflections=_reflections(rows.reflections, period),
        **_coming_up(goals_by_id, rows.tasks, rows.tasks_total, rows.following),
        planned=rows.planned,
        mood=mood_trend(ordered, start=start, end=end, highlight=period),
    )


def quarter_links(period: Period, today: Day) -> dict:
    """The neighbouring quarters to link to, and whether this is the current one."""
    this_quarter = quarter_of(today)
    following = quarter_step(*period.quarter, 1)
    return {
        "previous": quarter_step(*period.quarter, -1),
        # No link into quarters that have not started: there is nothing to sum up yet.
        "next": following if following and following <= this_quarter else None,
        "is_current": period.quarter == this_quarter,
    }


def _achieved(goals: dict, changes: Sequence[GoalChange], period: Period, zone) -> list[GoalLine]:
    last_status = {}
    for change in changes:
        if change.kind == ChangeKind.STATUS and period.contains(local_day(change.created_at, zone)):
            last_status[change.goal_id] = change  # reopened later in the quarter: not achieved
    lines = [
        GoalLine(goal_id, goals[goal_id].title, day=local_day(change.created_at, zone))
        for goal_id, change in last_status.items()
        if change.new_value == Status.ACHIEVED and goal_id in goals
    ]
    for goal in goals.values():  # achieved before the change log kept status changes
        changed = local_day(goal.status_changed_at, zone)
        if (
            goal.status == Status.ACHIEVED
            and goal.pk not in last_status
            and period.contains(changed)
        ):
            lines.append(GoalLine(goal.pk, goal.title, day=changed))
    return sorted(lines, key=lambda line: (line.day, line.title))


def _progressed(ordered, period: Period, goals: dict, done_ids: set, zone) -> list[GoalLine]:
    """Progress at the quarter's last review against where the goal stood before it: the
    last review before the quarter, 0 for a goal set during it, else the first review in it."""
    before: dict = {}
    inside: dict = defaultdict(list)
    for checkin in ordered:
        if checkin.period_start > period.end:
            continue
        for review in checkin.goal_reviews.all():
            if review.progress is None:
                continue
            if checkin.period_start < period.start:
                before[goal_key(review)] = review.progress
            else:
                inside[goal_key(review)].append(review)
    lines = []
    for key, reviews in inside.items():
        goal = goals.get(reviews[-1].goal_id)
        if goal is not None and goal.pk in done_ids:
            continue
        if key in before:
            start = before[key]
        elif goal is not None and local_day(goal.created_at, zone) >= period.start:
            start = 0
        else:
            start = reviews[0].progress
        title = goal.title if goal is not None else reviews[-1].goal_title
        line = GoalLine(reviews[-1].goal_id, title, before=start, after=reviews[-1].progress)
        if line.delta > 0:
            lines.append(line)
    return sorted(lines, key=lambda line: (-line.delta, line.title))


def _slipped(within, changes, goals: dict, done_ids: set) -> list[GoalLine]:
    """Goals whose target moved later in the quarter, or last reviewed at risk or off track."""
    notes: dict = defaultdict(list)
    titles: dict = {}
    for change in changes:
        dates = moved_dates(change) if change.kind == ChangeKind.RESCHEDULED else None
        if dates and dates[1] > dates[0] and change.goal_id in goals:
            note = _("Target moved from %(old)s to %(new)s.") % {
                "old": dateformat.format(dates[0], gettext("j M Y")),
                "new": dateformat.format(dates[1], gettext("j M Y")),
            }
            notes[change.goal_id].append(f"{note} {change.reason}".strip())
    latest = {}
    for checkin in within:
        for review in checkin.goal_reviews.all():
            if review.status:
                latest[goal_key(review)] = (checkin, review)
    for key, (checkin, review) in latest.items():
        if review.status in SLIPPING:
            note = _("%(status)s at the check-in for %(period)s.") % {
                "status": review.get_status_display(),
                "period": period_label(checkin),
            }
            notes[key].append(f"{note} {review.note}".strip())
            titles[key] = review.goal_title
    lines = []
    for key, texts in notes.items():
        goal = goals.get(key)  # key is a goal's id, or "title:..." for a deleted goal
        if key not in done_ids:
            title = goal.title if goal else titles[key]
            lines.append(GoalLine(goal.pk if goal else None, title, notes=texts))
    return sorted(lines, key=lambda line: line.title)


def _reflections(reflections: Iterable[Reflection], period: Period) -> list:
    """The quarter's answers by prompt: prompts in the admin's order, answers oldest first.

    Each answer stays under the wording it answered (``Reflection.wording``): a prompt
    reworded in the admin during the quarter shows both wordings, each with its answers,
    and never puts new words in front of old answers.
    """
    groups: dict = {}
    for item in sorted(reflections, key=lambda r: (r.checkin.period_start, r.pk)):
        checkin = item.checkin
        if not (
            item.answer.strip() and checkin.is_submitted and period.contains(checkin.period_start)
        ):
            continue
        key = (item.prompt_id, item.wording)
        order = (item.prompt.order, item.prompt_id) if item.prompt else (1 << 31, 0)
        group = groups.setdefault(key, [(*order, len(groups)), item.wording, []])
        group[2].append((period_label(item.checkin), item.answer))
    return [
        (text, answers) for _order, text, answers in sorted(groups.values(), key=lambda g: g[0])
    ]


def _coming_up(goals: dict, tasks: Iterable[Task], total: int, following: Period) -> dict:
    """What is still open and planned for ``following``, the quarter after this one: the
    first ``COMING_UP`` steps and targets by day, and how many more. ``tasks`` are the
    first open steps of ``total``; ``goals`` by id hold their goals and the targets."""
    words, language = gettext("j M"), get_language()
    items = []
    for task in tasks:
        goal = goals.get(task.goal_id)
        if (
            goal is not None
            and task.due_date
            and following.contains(task.due_date)
            and not task.is_done
            and not goal.is_closed
        ):
            label = day_format(task.due_date, words, language)
            items.append(ComingUp(task.due_date, task.title, goal, is_target=False, label=label))
    items += [
        ComingUp(
            goal.target_date,
            goal.title,
            goal,
            is_target=True,
            label=day_format(goal.target_date, words, language),
        )
        for goal in goals.values()
        if goal.target_date and following.contains(goal.target_date) and not goal.is_closed
    ]
    targets = sum(item.is_target for item in items)
    items.sort(key=lambda item: (item.day, item.is_target, item.title))
    return {
        "coming_up": items[:COMING_UP],
        "coming_up_more": max(total + targets - COMING_UP, 0),
    }
