"""The history of the web benchmark's people: their check-ins and their self-assessments.

``benchmarks.web_seed`` builds each person and their goals, then calls these.
"""

from __future__ import annotations

import datetime
import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.web_seed import Size

NOTES = [
    "",
    "Steady. Did what I planned, no more.",
    "Slipped a little: other work took the evenings I had set aside.",
    "Good month for this one. The next step is already in my calendar.",
]
ANSWERS = [
    "Finished what I planned and said no to one thing I would have regretted.",
    "Release week ate the time I had blocked for this.",
    "I prepare far better when the deadline involves other people.",
    "Energy: explaining things to people outside the team. Drained: status meetings.",
    "Asking for help cost me one awkward minute. Not asking cost me a month.",
]


def days(n: float) -> datetime.timedelta:
    return datetime.timedelta(days=n)


# --- Check-ins ------------------------------------------------------------------------------


def checkins(user, size: Size, goals: list, rng: random.Random, now: datetime.datetime) -> None:
    from reviews.cadence import period_containing, previous_period
    from reviews.models import (
        CheckIn,
        GoalReview,
        GoalStatusChoice,
        Reflection,
        ReflectionPrompt,
        Schedule,
    )

    zone, today = user.zone, now.astimezone(user.zone).date()
    prompts = list(ReflectionPrompt.objects.active().filter(scope="every"))
    # Periods are counted from the first check-in's period: none of them is missed. The
    # current period's check-in is still open (the dashboard says one is due).
    periods, period = [], period_containing(today, size.cadence, today)
    anchor = today
    for _ in range(size.checkins):
        period = previous_period(period, size.cadence, anchor)
        periods.append(period)
    anchor = periods[-1].start if periods else today
    Schedule.objects.create(user=user, cadence=size.cadence, anchor=anchor)
    checkins, reviews, reflections = [], [], []
    for period in periods:
        due = datetime.datetime.combine(period.end, datetime.time(18), tzinfo=zone)
        checkin = CheckIn(
            user=user,
            period_start=period.start,
            period_end=period.end,
            cadence=size.cadence,
            status="submitted",
            satisfaction=rng.randint(2, 5),
            energy=rng.randint(2, 5),
            submitted_at=min(due + days(rng.uniform(-1, 2)), now),
            created_at=due - days(1),
        )
        checkins.append(checkin)
        open_then = [
            goal
            for goal in goals
            if goal.created_at.date() <= period.end
            and (goal.closed_at is None or goal.closed_at.date() >= period.start)
        ]
        for goal in rng.sample(open_then, min(3, len(open_then))):
            reviews.append(
                GoalReview(
                    checkin=checkin,
                    goal=goal,
                    goal_title=goal.title,
                    progress=rng.randrange(0, 101, 5),
                    status=rng.choice(GoalStatusChoice.values[:3]),
                    note=rng.choice(NOTES),
                )
            )
        for prompt in rng.sample(prompts, min(2, len(prompts))):
            reflections.append(
                Reflection(
                    checkin=checkin,
                    prompt=prompt,
                    prompt_text=prompt.text,
                    answer=rng.choice(ANSWERS),
                )
            )
    CheckIn.objects.bulk_create(checkins, batch_size=500)
    for row in reviews + reflections:
        row.checkin_id = row.checkin.pk
    GoalReview.objects.bulk_create(reviews, batch_size=1000)
    Reflection.objects.bulk_create(reflections, batch_size=1000)


# --- Self-assessments -----------------------------------------------------------------------


def takes(user, size: Size, rng: random.Random, now: datetime.datetime) -> None:
    from django.db.models import Prefetch

    from assessments.models import Answer, Instrument, Question, Take

    questions = Question.objects.active().prefetch_related("options")
    instruments = list(
        Instrument.objects.active().prefetch_related(Prefetch("questions", queryset=questions))
    )
    if not instruments:
        raise RuntimeError("No instruments: run the migrations, which load the shipped ones.")
    # Oldest first, evenly over the history, the last one a month ago.
    step = (size.years * 365.25 - 30) / max(size.takes - 1, 1)
    takes, answers = [], []
    for n in range(size.takes):
        instrument = instruments[n % len(instruments)]
        completed = now - days(30 + step * (size.takes - 1 - n))
        take = Take(
            user=user,
            instrument=instrument,
            status="completed",
            started_at=completed - datetime.timedelta(minutes=25),
            completed_at=completed,
        )
        takes.append(take)
        answers += [_answer(take, question, rng) for question in instrument.questions.all()]
    Take.objects.bulk_create(takes)
    for answer in answers:
        answer.take_id = answer.take.pk
    Answer.objects.bulk_create(answers, batch_size=2000)


def _answer(take, question, rng: random.Random):
    from assessments.models import Answer, QuestionType

    answer = Answer(take=take, question=question, key=question.key, prompt=question.prompt)
    answer.type = question.type
    if question.type == QuestionType.RATING:
        answer.rating = rng.randint(1, 5)
    elif question.type == QuestionType.SKILL:
        answer.current_level = rng.randint(1, 4)
        answer.desired_level = rng.randint(answer.current_level, 5)
    elif question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        options = list(question.options.all())
        chosen = rng.sample(options, min(1 if question.type == "single" else 2, len(options)))
        answer.option_ids = [option.pk for option in chosen]
        answer.option_labels = [option.label for option in chosen]
    else:
        answer.text = rng.choice(ANSWERS)
    return answer


# --- Roles, circle, learning and wins -----------------------------------------------------


def records(user, size: Size, goals: list, rng: random.Random, now: datetime.datetime) -> None:
    """What the newer parts store, in proportion to the person's history: a current and a
    pursued role, a mentor who sees everything (the shared pages), their comments, learning
    and wins."""
    from assessments.models import CurrentRole, LearningKind, Question, Role, TargetRole
    from careerapp import tokens
    from goals.models import LearningItem
    from reviews.access import LINK_PURPOSE
    from reviews.models import CircleMember, Comment, Win

    roles = list(Role.objects.order_by("pk")[:2])
    CurrentRole.objects.create(user=user, role=roles[0])
    TargetRole.objects.create(user=user, role=roles[1], status="pursuing")
    salt, digest = tokens.issue(purpose=LINK_PURPOSE)
    mentor = CircleMember.objects.create(
        owner=user,
        name="Jordan Mentor",
        email=f"mentor.{user.pk}@webbench.example",
        role="mentor",
        link_salt=salt,
        token_hash=digest,
        expires_at=now + days(90),
        goals_sharing="all",
        checkins_sharing="reflections",
        share_quarters=True,
        share_roles=True,
    )
    scale = max(1, size.goals // 20)  # 50 for the large person, 1 for the small one
    commented = rng.sample(goals, min(len(goals), scale))
    Comment.objects.bulk_create(
        Comment(
            owner=user,
            member=mentor,
            author_name=mentor.name,
            goal=goal,
            body="Good progress. Who else could you show this to?",
            created_at=max(goal.created_at, now - days(rng.uniform(1, size.years * 365))),
            emailed_at=now,
        )
        for goal in commented
    )
    skills = list(Question.objects.filter(type="skill").order_by("pk")[:10])
    kinds = list(LearningKind.objects.order_by("pk"))
    for n in range(scale):
        started = (now - days(rng.uniform(10, size.years * 365))).date()
        done = n % 3 != 0
        item = LearningItem.objects.create(
            user=user,
            kind=kinds[n % len(kinds)],
            title=f"Course {n + 1} on negotiation",
            status="done" if done else "in_progress",
            started_on=started,
            finished_on=min(started + days(30), now.date()) if done else None,
            hours=rng.choice((2, 6, 12, 40)),
        )
        item.skills.set([skills[n % len(skills)]])
        item.goals.set([rng.choice(goals)])
    for n in range(scale):
        goal = rng.choice(goals)
        win = Win.objects.create(
            user=user,
            title=f"Shipped part {n + 1} of the migration",
            impact="The team ships on Fridays again.",
            happened_on=max(goal.created_at, now - days(rng.uniform(1, size.years * 365))).date(),
            goal=goal,
        )
        win.skills.set([skills[n % len(skills)]])
