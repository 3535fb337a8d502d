"""People for the web benchmark: a small one, a large one with ten years of history, and the
large one's last year alone.

    .venv/bin/python -m benchmarks.web_seed      (into the database of the current settings)

- **small** (``small@webbench.example``): one open goal with four steps, a monthly check-in
  rhythm with last month's check-in, one completed self-assessment.
- **large** (``large@webbench.example``): 1,000 goals over ten years (about 10% open:
  active, active but not started, paused; the rest achieved or dropped), 10 steps each
  (10,000; open goals have steps overdue, due soon, later, done and undated), 200 submitted
  fortnightly check-ins with goal reviews and reflections, 50 completed self-assessments of
  the shipped instruments with every question answered.
- **year** (``year@webbench.example``): the large person's last year alone - the same 100
  open goals, the year's 100 closed goals, 26 fortnightly check-ins, 5 self-assessments -
  and nothing before. Large against year isolates what nine more years of history cost
  from what a busy year puts on the pages (large against small measures both).

Each has a name, a time zone, reminder preferences, a verified email address and has
finished the dashboard's onboarding, so every dashboard panel shows real content. All
sign in with ``PASSWORD``.

For profiling or tests, from code that has Django set up:

    from benchmarks import web_seed
    users = web_seed.seed()                  # {"small": User, "large": User, "year": User}
    web_seed.seed({"large": web_seed.Size(goals=50, tasks_per_goal=10, checkins=10, takes=5)})

``seed(people)`` deletes and rebuilds only the people it is given (by email), so it is
idempotent and leaves everyone else in the database alone. It needs the shipped content
that migrations load (instruments, reflection prompts). It ends with ``VACUUM ANALYZE``
on PostgreSQL (``ANALYZE`` on SQLite or inside a transaction): bulk inserts leave the
planner without statistics.
"""

from __future__ import annotations

import datetime
import random
import sys
import time
from dataclasses import dataclass

from benchmarks import seed as email_seed
from benchmarks import web_seed_history
from benchmarks.web_seed_history import days

PASSWORD = "webbench-passphrase-not-secret"  # noqa: S105 - loopback benchmark accounts
EMAIL_DOMAIN = "webbench.example"
OPEN_SHARE = 0.1  # goals still being worked on or waiting; the rest are closed


@dataclass(frozen=True)
class Size:
    goals: int
    tasks_per_goal: int
    checkins: int
    takes: int
    years: float = 10  # how far back the history reaches
    cadence: str = "fortnightly"
    name: str = "Morgan"
    time_zone: str = "Europe/Berlin"
    open_goals: int | None = None  # goals still open; default: OPEN_SHARE of ``goals``

    @property
    def open_count(self) -> int:
        if self.open_goals is not None:
            return self.open_goals
        return max(1, round(self.goals * OPEN_SHARE))


SMALL = Size(
    goals=1,
    tasks_per_goal=4,
    checkins=1,
    takes=1,
    years=0.3,
    cadence="monthly",
    name="Robin",
    time_zone="Europe/London",
)
LARGE = Size(goals=1000, tasks_per_goal=10, checkins=200, takes=50)
# The large person's last year alone: the same open goals and the same year of goals
# closed, steps, check-ins and self-assessments, and none of the nine years before. The
# large person's pages against this one's show what the years of history cost, apart from
# what a busy year puts on the pages.
YEAR = Size(
    goals=LARGE.goals // 10 + LARGE.open_count,
    tasks_per_goal=LARGE.tasks_per_goal,
    checkins=26,
    takes=LARGE.takes // 10,
    years=1,
    name="Sam",
    open_goals=LARGE.open_count,
)
PEOPLE = {"small": SMALL, "large": LARGE, "year": YEAR}

# The email benchmark's goals and steps, and a few more for ten years of them.
GOALS = [
    *email_seed.GOALS,
    "Write a talk for the engineering forum",
    "Run the team's retrospectives for a quarter",
    "Read one book on management each month",
]
STEPS = [*email_seed.STEPS, "Finish the practice exam, timed"]
# Step mixes by the goal's state.
ACTIVE = {"done": 3, "overdue": 1.5, "soon": 1.5, "later": 3, "undated": 1}
NOT_STARTED = {"soon": 2, "later": 6, "undated": 2}
PAUSED = {"done": 4, "overdue": 3, "later": 3}


def email_of(key: str) -> str:
    return f"{key}@{EMAIL_DOMAIN}"


def seed(people: dict[str, Size] | None = None) -> dict:
    """Delete and rebuild each person of ``people`` (default: all of ``PEOPLE``). Returns the
    users by key."""
    from django.db import connection, transaction
    from django.utils import timezone

    from careerapp.models import User

    people = PEOPLE if people is None else people
    now = timezone.now()
    User.objects.filter(email__in=[email_of(key) for key in people]).delete()
    users = {}
    for key, size in people.items():
        rng = random.Random(key)  # the same person on every seed (dates follow today)
        with transaction.atomic():
            users[key] = _person(key, size, rng, now)
    # VACUUM cannot run inside a transaction (a test's); ANALYZE alone can.
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    return users


def _person(key: str, size: Size, rng: random.Random, now: datetime.datetime):
    from allauth.account.models import EmailAddress

    from careerapp.models import User

    joined = now - days(size.years * 365.25 + 20)
    user = User.objects.create_user(
        email_of(key),
        PASSWORD,
        display_name=size.name,
        time_zone=size.time_zone,
        reminder_preferences_set_at=joined,
        date_joined=joined,
    )
    user.next_reminder_at = user.reminder_slot_after(now)
    user.save(update_fields=["next_reminder_at"])
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    goals = _goals(user, size, rng, now)
    web_seed_history.checkins(user, size, goals, rng, now)
    web_seed_history.takes(user, size, rng, now)
    web_seed_history.records(user, size, goals, rng, now)
    return user


# --- Goals, steps and their history ------------------------------------------------------


def _states(size: Size, rng: random.Random) -> list[str]:
    """One state per goal: active / not_started / paused (open), achieved / dropped."""
    count, opened = size.goals, size.open_count
    states = [
        "paused" if n % 4 == 3 else "not_started" if n % 6 == 5 else "active" for n in range(opened)
    ]
    states += rng.choices(("achieved", "dropped"), (7, 3), k=count - opened)
    return states


def _goals(user, size: Size, rng: random.Random, now: datetime.datetime) -> list:
    from goals.models import Category, ChangeKind, Goal, GoalChange, Horizon, Status, Task

    today, start = now.date(), user.date_joined + days(10)
    span = (now - start).total_seconds() / 86400
    goals, tasks, changes = [], [], []
    for priority, state in enumerate(_states(size, rng)):
        if state in ("achieved", "dropped"):
            created = start + days(rng.uniform(0, max(span - 60, 1)))
            closed = min(created + days(rng.uniform(30, 500)), now - days(1))
            target = (created + days(rng.uniform(60, 400))).date()
        else:
            created = now - days(rng.uniform(7, min(730, span)))
            closed = None
            target = today + days(rng.randint(-30, 365))
        changed = closed or created
        if state == "paused":
            changed = max(created, now - days(rng.uniform(7, 90)))
        goal = Goal(
            user=user,
            title=rng.choice(GOALS),
            why="It moves me towards the role I want in two years.",
            category=rng.choice(Category.values),
            horizon=Horizon.SHORT if rng.random() < 0.8 else Horizon.LONG,
            target_date=target,
            status={"not_started": Status.ACTIVE}.get(state, state),
            status_changed_at=changed,
            priority=priority,
            created_at=created,
        )
        steps = [
            _task(goal, state, n, size.tasks_per_goal, rng, now) for n in range(size.tasks_per_goal)
        ]
        done = [step.done_at for step in steps if step.done_at]
        goal.last_progress_at = closed or max(done, default=created)
        goal.closed_at = closed  # for the check-ins below; not a model field
        goals.append(goal)
        tasks += steps
        changes.append(GoalChange(goal=goal, kind=ChangeKind.CREATED, created_at=created))
        if rng.random() < 0.2:
            moved = created + (now - created if closed is None else closed - created) / 2
            new = target + days(rng.choice((14, 30, 60, 91)))
            changes.append(
                GoalChange(
                    goal=goal,
                    kind=ChangeKind.RESCHEDULED,
                    old_value=target.isoformat(),
                    new_value=new.isoformat(),
                    reason="Being honest about my pace.",
                    created_at=moved,
                )
            )
            goal.target_date = new
        if changed != created:
            changes.append(
                GoalChange(
                    goal=goal,
                    kind=ChangeKind.STATUS,
                    old_value=Status.ACTIVE,
                    new_value=goal.status,
                    created_at=changed,
                )
            )
    Goal.objects.bulk_create(goals, batch_size=500)
    for task in tasks:
        task.goal_id = task.goal.pk
    for change in changes:
        change.goal_id = change.goal.pk
    Task.objects.bulk_create(tasks, batch_size=2000)
    GoalChange.objects.bulk_create(changes, batch_size=2000)
    return goals


def _task(goal, state: str, n: int, count: int, rng: random.Random, now: datetime.datetime):
    from goals.models import Task

    today, created = now.date(), goal.created_at
    if state in ("achieved", "dropped"):
        # Achieved: every step done along the way. Dropped: the first ones done, the rest
        # left open when the goal was dropped.
        closed = goal.status_changed_at
        moment = created + (closed - created) * (n + 1) / (count + 1)
        done = state == "achieved" or n < count * 0.4
        kind, done_at, due = "closed", moment if done else None, moment.date() + days(3)
    else:
        mix = {"active": ACTIVE, "not_started": NOT_STARTED, "paused": PAUSED}[state]
        kind = rng.choices(list(mix), list(mix.values()))[0]
        since = max((now - created).days, 1)
        done_at = now - days(rng.uniform(0.1, since)) if kind == "done" else None
        due = {
            "done": (done_at or now).date() + days(rng.randint(-5, 5)),
            "overdue": today - days(rng.randint(1, 40)),
            "soon": today + days(rng.randint(0, 6)),
            "later": today + days(rng.randint(8, 200)),
            "undated": None,
        }[kind]
    return Task(
        goal=goal,
        title=rng.choice(STEPS),
        due_date=due,
        is_milestone=rng.random() < 0.1,
        done_at=done_at,
        position=n,
        created_at=created,
    )


def main() -> int:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerapp.settings")

    django.setup()
    started = time.perf_counter()
    users = seed()
    for key, user in users.items():
        print(f"{key}: {user.email} / {PASSWORD}")
    print(f"Seeded in {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
