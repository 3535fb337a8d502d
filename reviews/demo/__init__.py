"""Demo check-ins (here), the circle (``circle``) and the wins journal (``wins``).

Nine months of a monthly rhythm, told as a small story.

The person started checking in ten months ago, before they had goals; the goals joined as
the goals demo created them. Satisfaction and energy climb, dip when a new team turns out
harder than expected (two months slip by without a check-in), and recover. Two check-ins
move a goal's date, through the goals service so the goal's history records it. This
month's check-in is not done yet, so the dashboard says one is due.

Past check-ins are written with the ORM: the services refuse periods that have ended, as
they should. Progress per goal is read from the goal's own story (steps ticked by then, or
the hand-set progress growing towards today's), so the numbers agree with the goal pages.
Works with whatever goals the person has, and for any number of people in one database.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from goals import services as goal_services
from goals.models import ChangeKind, Goal, GoalChange, Status
from reviews.cadence import Cadence, Period, period_containing, previous_period
from reviews.content import prompt_text
from reviews.content.demo_story import (
    ANCHOR_DAY,
    ANCHOR_MONTHS_AGO,
    ANSWERS,
    CORRECTION_NOTE,
    NOTES,
    QUARTER_ANSWERS,
    STORY,
    Correction,
    Month,
)
from reviews.demo import circle, wins
from reviews.models import (
    CheckIn,
    CheckInStatus,
    GoalReview,
    GoalStatusChoice,
    Reflection,
    ReflectionPrompt,
    Schedule,
)

# In a low month a person judges their goals more harshly; the demo does too.
HARSHER = {
    GoalStatusChoice.ON_TRACK: GoalStatusChoice.AT_RISK,
    GoalStatusChoice.AT_RISK: GoalStatusChoice.OFF_TRACK,
}
LOW_MOOD = 2


def load(user) -> None:
    today = timezone.localdate()
    anchor = _months_before(today, ANCHOR_MONTHS_AGO).replace(day=ANCHOR_DAY)
    Schedule.objects.update_or_create(
        user=user, defaults={"cadence": Cadence.MONTHLY, "anchor": anchor}
    )
    goals = list(Goal.objects.for_user(user).prefetch_related("tasks", "changes"))
    rescheduled_at = {
        goal.pk: max(
            (c.created_at for c in goal.changes.all() if c.kind == ChangeKind.RESCHEDULED),
            default=None,
        )
        for goal in goals
    }
    prompts = {prompt.text: prompt for prompt in ReflectionPrompt.objects.active()}
    periods = _periods(today, anchor)
    previous_at = None
    last_progress: dict[int, int] = {}
    corrected: set[int] = set()
    for month in STORY:
        period = periods[month.ago]
        at = _evening(period.end - datetime.timedelta(days=month.days_early), month.hour)
        checkin = _checkin(user, period, month, at)
        reviewed = _goal_reviews(checkin, goals, month, at, previous_at, last_progress)
        if month.correction is not None:
            _correct(checkin, reviewed, month.correction, at, rescheduled_at, corrected)
        _reflections(checkin, prompts, month)
        previous_at = at
    circle.load(user)
    wins.load(user)


def _months_before(day: datetime.date, months: int) -> datetime.date:
    first = day.replace(day=1)
    for _step in range(months):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return first


def _periods(today: datetime.date, anchor: datetime.date) -> dict[int, Period]:
    """Month periods by how many months ago they were; 0 is the current one."""
    period = period_containing(today, Cadence.MONTHLY, anchor)
    periods = {0: period}
    for ago in range(1, ANCHOR_MONTHS_AGO):
        period = previous_period(period, Cadence.MONTHLY, anchor)
        periods[ago] = period
    return periods


def _evening(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 10)))


def _checkin(user, period: Period, month: Month, at: datetime.datetime) -> CheckIn:
    checkin = CheckIn.objects.create(
        user=user,
        period_start=period.start,
        period_end=period.end,
        cadence=Cadence.MONTHLY,
        status=CheckInStatus.SUBMITTED,
        satisfaction=month.satisfaction,
        energy=month.energy,
        created_at=at - datetime.timedelta(minutes=25),
        submitted_at=at,
    )
    CheckIn.objects.filter(pk=checkin.pk).update(updated_at=at)  # not the moment of loading
    return checkin


# --- Goals at each check-in -----------------------------------------------------------


def _goal_reviews(
    checkin: CheckIn,
    goals: list[Goal],
    month: Month,
    at: datetime.datetime,
    previous_at: datetime.datetime | None,
    last_progress: dict[int, int],
) -> list[GoalReview]:
    """Review each goal that was open at ``at``, and one achieved since the last check-in.

    ``last_progress`` carries each goal's progress from one check-in to the next.
    """
    reviews = []
    for position, goal in enumerate(goals):
        if goal.created_at > at:
            continue
        open_then = goal.status in {Status.ACTIVE, Status.PAUSED} or goal.status_changed_at > at
        paused_since = goal.status == Status.PAUSED and goal.status_changed_at <= at
        achieved_since_last = (
            goal.status == Status.ACHIEVED
            and goal.status_changed_at <= at
            and (previous_at is None or goal.status_changed_at > previous_at)
        )
        if achieved_since_last:
            progress, status = 100, GoalStatusChoice.DONE
        elif open_then and not paused_since:
            progress = _progress_at(goal, at)
            status = _status(goal, progress, at)
            if month.satisfaction <= LOW_MOOD:
                status = HARSHER.get(status, status)
        else:
            continue
        moved = progress > last_progress.get(goal.pk, 0)
        last_progress[goal.pk] = progress
        notes = NOTES[status, moved or status == GoalStatusChoice.DONE]
        reviews.append(
            GoalReview(
                checkin=checkin,
                goal=goal,
                goal_title=goal.title,
                progress=progress,
                status=status,
                note=notes[(month.ago + position) % len(notes)],
            )
        )
    return GoalReview.objects.bulk_create(reviews)


def _progress_at(goal: Goal, at: datetime.datetime) -> int:
    tasks = [task for task in goal.tasks.all() if task.created_at <= at]
    if tasks:
        done = sum(1 for task in tasks if task.done_at is not None and task.done_at <= at)
        return round(100 * done / len(tasks))
    if not goal.manual_progress:
        return 0
    # Progress set by hand: grown steadily from nothing to today's value.
    span = (goal.last_progress_at - goal.created_at).total_seconds()
    share = 1.0 if span <= 0 else min(1.0, (at - goal.created_at).total_seconds() / span)
    return 5 * round(goal.manual_progress * share / 5)


def _status(goal: Goal, progress: int, at: datetime.datetime) -> str:
    """How it stood: progress against the share of the time to the target already gone."""
    if goal.target_date is None:
        return GoalStatusChoice.ON_TRACK
    created = timezone.localtime(goal.created_at).date()
    total = (goal.target_date - created).days
    gone = (timezone.localtime(at).date() - created).days
    expected = 100 if total <= 0 else min(100, 100 * gone // total)
    behind = expected - progress
    if behind <= 20:
        return GoalStatusChoice.ON_TRACK
    if behind <= 40:
        return GoalStatusChoice.AT_RISK
    return GoalStatusChoice.OFF_TRACK


def _correct(
    checkin: CheckIn,
    reviewed: list[GoalReview],
    correction: Correction,
    at: datetime.datetime,
    rescheduled_at: dict[int, datetime.datetime | None],
    corrected: set[int],
) -> None:
    """Move the date of the open goal with the furthest target, as the check-in page does.

    Only a goal whose date nobody moved later in its story qualifies, so its history reads
    in order: created, this correction, then whatever came after.
    """
    day = timezone.localtime(at).date()
    candidates = [
        review
        for review in reviewed
        if review.status != GoalStatusChoice.DONE
        and review.goal.target_date is not None
        and review.goal.target_date > day
        and review.goal.pk not in corrected
        and (rescheduled_at[review.goal.pk] is None or rescheduled_at[review.goal.pk] < at)
    ]
    if not candidates:
        return
    review = max(candidates, key=lambda each: each.goal.target_date)
    goal = review.goal
    new_date = goal.target_date + datetime.timedelta(days=correction.days)
    changes = goal_services.goal_update(
        goal=goal, data={"target_date": new_date}, reason=correction.reason
    )
    GoalChange.objects.filter(pk__in=[change.pk for change in changes]).update(created_at=at)
    # The service stamped the goal as edited now; its last edit stays where the story put it.
    Goal.objects.filter(pk=goal.pk).update(updated_at=max(goal.updated_at, at))
    goal.target_date = new_date
    corrected.add(goal.pk)
    GoalReview.objects.filter(pk=review.pk).update(
        note=CORRECTION_NOTE,
        new_target_date=new_date,
        correction_reason=correction.reason,
        correction_applied=True,
    )


# --- Reflections ----------------------------------------------------------------------


def _reflections(checkin: CheckIn, prompts: dict[str, ReflectionPrompt], month: Month) -> None:
    answers = dict(ANSWERS.get(month.ago, {}))
    if checkin.closes_quarter:
        phase = "early" if month.ago >= 7 else "dip" if month.ago >= 4 else "recovery"
        answers.update(QUARTER_ANSWERS[phase])
    reflections = []
    for key, answer in answers.items():
        prompt = prompts.get(prompt_text(key))
        if prompt is None:  # switched off or reworded by an admin: leave it out
            continue
        reflections.append(
            Reflection(checkin=checkin, prompt=prompt, prompt_text=prompt.text, answer=answer)
        )
    Reflection.objects.bulk_create(reflections)
