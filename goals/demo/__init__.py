"""Demo goals: what a person's goals look like after about half a year of use.

Everything goes through the services, so the change log reads exactly as the app writes
it; afterwards the timestamps are moved back with ``.update()`` so the history spans
months. Dates count from today, so the demo always looks current: one task is a few days
overdue, one falls due this week, one active goal has been quiet for five weeks (the
weekly email points at it). One goal closes the biggest gap of the latest skills
self-assessment, when the assessments demo has taken one (it runs first); the learning log
(``goals.demo.learning``) works on it too. One open decision
weighs three moves against the person's top work values. Nothing here is
shared between people: calling ``load`` for two accounts gives each its own copy.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.utils import timezone

from assessments import charts
from assessments.models import InstrumentKind, Take
from goals import services
from goals.demo.decision import load_decision
from goals.demo.learning import load_learning
from goals.models import (
    Category,
    Goal,
    GoalChange,
    GoalTemplate,
    Horizon,
    Status,
    Task,
)


class Step(NamedTuple):
    title: str
    due_in: int  # days from today; negative is in the past
    done_ago: int | None = None  # days ago it was ticked; None while open
    milestone: bool = False
    notes: str = ""


class _Clock:
    def __init__(self) -> None:
        self.today = timezone.localdate()
        self.now = timezone.now()

    def date(self, days_from_today: int) -> datetime.date:
        return self.today + datetime.timedelta(days=days_from_today)

    def ago(self, days: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
        """An aware moment ``days`` ago at a plausible local hour, never in the future."""
        moment = timezone.make_aware(
            datetime.datetime.combine(self.date(-days), datetime.time(hour, minute))
        )
        return min(moment, self.now)


def load(user) -> None:
    clock = _Clock()
    certification = _certification(user, clock)
    _leadership(user, clock)
    _network(user, clock)
    _running(user, clock)
    _spanish(user, clock)
    _internal_talk(user, clock)
    gap_goal = _skill_gap(user, clock)
    load_learning(
        user,
        today=clock.today,
        ago=clock.ago,
        gap_goal=gap_goal,
        certification_goal=certification,
    )
    load_decision(
        user,
        created_at=clock.ago(12),
        updated_at=clock.ago(3),
        scored_at=clock.ago(3, hour=20),
    )


def _certification(user, clock: _Clock) -> Goal:
    # Active, some steps done, one overdue, one due this week; rescheduled once.
    goal = _goal(
        user,
        clock,
        created_ago=100,
        template_slug="earn-a-certification",
        title="Earn the cloud architect associate certification",
        why="Half my work now runs on our cloud platform, and I learn it piecemeal, one "
        "incident at a time. Studying for the exam gives me the whole map, and the "
        "certificate strengthens my case for joining the platform team.",
        category=Category.LEARNING,
        horizon=Horizon.SHORT,
        target_date=clock.date(-10),
    )
    _steps(
        goal,
        clock,
        [
            Step("Book the exam", -88, done_ago=92, milestone=True),
            Step("Block two study evenings a week", -85, done_ago=86),
            Step("Study guide: compute, storage and networking chapters", -55, done_ago=58),
            Step(
                "Hands-on labs: build the three-tier practice app",
                -30,
                done_ago=24,
                notes="Use the free sandbox account, not the team's - and tear it down after.",
            ),
            Step("Study guide: security and cost chapters", -12, done_ago=9),
            Step(
                "Take the first full practice exam",
                -3,
                notes="Timed, no notes. Write down every question I had to guess.",
            ),
            Step("Go over the weak areas from the practice exam", 5),
            Step("Second practice exam: aim for 80%", 21, milestone=True),
            Step(
                "Sit the exam",
                35,
                milestone=True,
                notes="Test centre on Carver Street, 9:00. Bring photo ID.",
            ),
        ],
    )
    _reschedule(
        goal,
        clock.date(35),
        at=clock.ago(40, 21, 10),
        reason="The exam centre cancelled my sitting and the next free date is six weeks "
        "later. Not all bad: more time for the labs, which I was rushing.",
    )
    _settle(goal, last_progress_at=clock.ago(9, 20, 45))
    return goal


def _leadership(user, clock: _Clock) -> None:
    # Long-term and active, but untouched for five weeks: the stalled goal.
    goal = _goal(
        user,
        clock,
        created_ago=160,
        template_slug="step-into-leadership",
        title="Lead a team of my own within two years",
        why="Onboarding our new joiners was the part of this year I enjoyed most. I want to "
        "find out whether leading people suits me before I ask for the title, and to be "
        "ready when the team splits next year.",
        category=Category.ROLE,
        horizon=Horizon.LONG,
        target_date=clock.date(560),
    )
    _steps(
        goal,
        clock,
        [
            Step("Tell Priya I want to lead, and ask what she'd need to see", -146, done_ago=150),
            Step(
                "Talk to three people who became leads recently",
                -115,
                done_ago=110,
                notes="Sam, Dev and Maria. Ask what surprised them and what they stopped doing.",
            ),
            Step(
                "Onboard the two new joiners in the platform team", -60, done_ago=35, milestone=True
            ),
            Step("Finish the first-time managers course on the learning portal", 20),
            Step("Run our team retrospectives for a quarter", 60),
            Step("Lead the reporting migration end to end", 200, milestone=True),
            Step("Ask the people I led for honest feedback", 240),
            Step("Review with Priya whether I'm ready", 360, milestone=True),
        ],
    )
    _settle(goal, last_progress_at=clock.ago(35, 17, 30))


def _network(user, clock: _Clock) -> None:
    # No steps: progress is set by hand.
    goal = _goal(
        user,
        clock,
        created_ago=120,
        title="Have coffee with someone outside my team every month",
        why="I know my own team well and almost nobody in product or finance. When the "
        "reorganisation comes I want to understand who does what - and be someone they know.",
        category=Category.NETWORK,
        horizon=Horizon.SHORT,
        target_date=clock.date(60),
    )
    services.goal_set_progress(goal=goal, progress=50)
    _settle(goal, last_progress_at=clock.ago(6, 13, 15))


def _running(user, clock: _Clock) -> None:
    goal = _goal(
        user,
        clock,
        created_ago=75,
        title="Get back to running three times a week",
        why="I think more clearly and sleep better when I run, and it was the first thing to "
        "go when work got busy.",
        category=Category.WELLBEING,
        horizon=Horizon.SHORT,
        target_date=clock.date(45),
    )
    _steps(
        goal,
        clock,
        [
            Step("Run twice a week for a month", -45, done_ago=44),
            Step("Run 5 km without stopping", -30, done_ago=31, milestone=True),
            Step("Enter the autumn 10k in the park", 30, milestone=True),
            Step("Three runs a week for four weeks in a row", 45),
        ],
    )
    _set_status(
        goal,
        Status.PAUSED,
        at=clock.ago(18, 19, 5),
        reason="Sprained my ankle. The physio says no running for six weeks; I'll pick this "
        "up when she gives the go-ahead.",
    )
    _settle(goal, last_progress_at=clock.ago(31, 7, 40))


def _spanish(user, clock: _Clock) -> None:
    goal = _goal(
        user,
        clock,
        created_ago=180,
        title="Reach conversational Spanish (B1)",
        why="For the planned move to the Madrid office next spring.",
        category=Category.LEARNING,
        horizon=Horizon.SHORT,
        target_date=clock.date(10),
    )
    _steps(
        goal,
        clock,
        [
            Step("Sign up for the Tuesday evening course", -172, done_ago=171),
            Step("Finish the A2 part of the course", -80),
            Step("Take a B1 practice test", 0, milestone=True),
        ],
    )
    _set_status(
        goal,
        Status.DROPPED,
        at=clock.ago(50, 20, 0),
        reason="The Madrid move is off for now, and I'd rather give those evenings to the "
        "certification. I may come back to Spanish for fun - just not as a career goal.",
    )
    _settle(goal, last_progress_at=clock.ago(171, 19, 0))


def _internal_talk(user, clock: _Clock) -> None:
    # Achieved a few months ago, every step ticked.
    goal = _goal(
        user,
        clock,
        created_ago=200,
        template_slug="raise-your-visibility",
        title="Give an internal talk on how we halved our build times",
        why="We did good work on the build pipeline and hardly anyone outside the team knows. "
        "A talk at the engineering forum shares what we learnt and puts our names to it.",
        category=Category.VISIBILITY,
        horizon=Horizon.SHORT,
        target_date=clock.date(-105),
    )
    _steps(
        goal,
        clock,
        [
            Step("Pitch the talk to the forum organisers", -190, done_ago=193),
            Step("Draft the outline and the three charts", -160, done_ago=158),
            Step("Rehearse with Jo and ask for blunt feedback", -125, done_ago=120),
            Step("Give the talk at the engineering forum", -112, done_ago=110, milestone=True),
            Step("Share the slides and recording in the newsletter", -105, done_ago=108),
        ],
    )
    _set_status(
        goal,
        Status.ACHIEVED,
        at=clock.ago(108, 16, 20),
        reason="About sixty people came, and the data team asked us to run it again for them.",
    )
    _settle(goal)


def _skill_gap(user, clock: _Clock) -> Goal | None:
    # Made two days after the latest skills take, from the words its results page offers.
    take = (
        Take.objects.for_user(user)
        .completed()
        .filter(instrument__kind=InstrumentKind.SKILLS)
        .order_by("-completed_at", "-pk")
        .first()
    )
    if take is None:
        return None
    answers = list(take.answers.filter(question__isnull=False))
    skills = charts.skill_levels(answers, assessed_on=charts.local_date(take.completed_at))
    gaps = charts.gaps(skills, limit=1)
    if not gaps:
        return None
    fields = charts.goal_fields(gaps[0])
    goal = services.goal_create(
        user=user,
        title=fields["title"],
        why=fields["why"],
        category=Category.SKILL,
        horizon=Horizon.SHORT,
        target_date=clock.today + datetime.timedelta(days=150),
    )
    created = take.completed_at + datetime.timedelta(days=2)
    Goal.objects.filter(pk=goal.pk).update(
        skill_question_id=int(gaps[0].key[1:]),
        created_at=created,
        status_changed_at=created,
        last_progress_at=created,
        updated_at=created,
    )
    goal.changes.update(created_at=created)
    goal.skill_question_id = int(gaps[0].key[1:])
    return goal


# --- Writing through the services, then moving the clock back -----------------------


def _goal(user, clock: _Clock, *, created_ago: int, template_slug: str = "", **fields) -> Goal:
    template = GoalTemplate.objects.filter(slug=template_slug).first() if template_slug else None
    goal = services.goal_create(user=user, template=template, **fields)
    created = clock.ago(created_ago, 20, 30)
    _set_times(goal, created_at=created, status_changed_at=created, last_progress_at=created)
    goal.changes.update(created_at=created)
    goal.created_at = created
    return goal


def _steps(goal: Goal, clock: _Clock, steps: list[Step]) -> None:
    for step in steps:
        task = services.task_create(
            goal=goal,
            title=step.title,
            due_date=clock.date(step.due_in),
            notes=step.notes,
            is_milestone=step.milestone,
        )
        updates = {"created_at": goal.created_at}
        if step.done_ago is not None:
            services.task_set_done(task=task, done=True)
            updates["done_at"] = clock.ago(step.done_ago, 20, 15)
        Task.objects.filter(pk=task.pk).update(**updates)


def _reschedule(goal: Goal, target: datetime.date, *, at: datetime.datetime, reason: str) -> None:
    changes = services.goal_update(goal=goal, data={"target_date": target}, reason=reason)
    GoalChange.objects.filter(pk__in=[change.pk for change in changes]).update(created_at=at)


def _set_status(goal: Goal, status: str, *, at: datetime.datetime, reason: str) -> None:
    latest = goal.changes.order_by("-pk").values_list("pk", flat=True).first()
    services.goal_set_status(goal=goal, status=status, reason=reason)
    goal.changes.filter(pk__gt=latest).update(created_at=at)
    fields = {"status_changed_at": at}
    if status == Status.ACHIEVED:
        fields["last_progress_at"] = at
    _set_times(goal, **fields)


def _settle(goal: Goal, **fields: datetime.datetime) -> None:
    """Apply the last timestamps, then date the last edit to the latest event in the story.

    The services stamp ``updated_at`` with the real now; left alone, every demo goal would
    look edited a moment ago.
    """
    _set_times(goal, **fields)
    goal.refresh_from_db(fields=["last_progress_at", "status_changed_at"])
    last_change = goal.changes.order_by("-created_at").values_list("created_at", flat=True)[0]
    latest = max(goal.last_progress_at, goal.status_changed_at, last_change)
    _set_times(goal, updated_at=latest)


def _set_times(goal: Goal, **fields: datetime.datetime) -> None:
    if fields:
        Goal.objects.filter(pk=goal.pk).update(**fields)
