"""Realistic people for the reminder benchmark, and the reset before each pipeline.

Everyone has a time zone from a handful, the weekly email on (a share also when all is
clear), 1-4 goals with steps overdue, due this week, done last week or later, some goals
gone quiet, a check-in rhythm with past check-ins, and some self-assessments taken. A
fifth of the people have nothing that needs attention this week ("calm").

The seed is kept between runs and reseeded only when N (or SEED_VERSION) changes; a kept
seed has its dates moved on to today and its check-ins rebuilt, so the mix stays the same.
"""

from __future__ import annotations

import datetime
import json
import random
import time
from zoneinfo import ZoneInfo

SEED_VERSION = 2
DOMAIN = "bench.example"  # the people whose emails are measured
SCHEDULED_DOMAIN = "scheduled.bench.example"  # the others: scheduled later, or email off
CALM_SHARE = 0.2  # people with nothing that needs attention this week
SEND_EMPTY_SHARE = 0.2  # people who want the email even then
BLOCK = 2000  # people built and inserted at a time
ZONES = {
    "Europe/Berlin": 4,
    "Europe/London": 3,
    "America/New_York": 4,
    "America/Los_Angeles": 2,
    "Asia/Kolkata": 2,
    "Asia/Tokyo": 1,
    "Australia/Sydney": 1,
    "UTC": 1,
}
CADENCES = {"monthly": 5, "fortnightly": 2, "quarterly": 2, "weekly": 1}
NAMES = ["Ana", "Ben", "Chloé", "Dev", "Emeka", "Fatima", "Grace", "Hiro", "Ines", "Jonas"]
GOALS = [
    "Lead a cross-team project",
    "Get comfortable speaking at all-hands",
    "Learn enough SQL to answer my own questions",
    "Move into a product role",
    "Mentor a junior colleague",
    "Pass the cloud practitioner exam",
    "Build a portfolio of three case studies",
    "Negotiate a raise I can defend",
    "Protect one focus day a week",
]
STEPS = [
    "Book a coffee with my manager",
    "Draft the proposal outline",
    "Ask for feedback on the last presentation",
    "Sign up for the course",
    "Update my CV with this year's results",
    "Practise the talk with a friend",
    "Write to three people whose work I admire",
    "Collect examples of my impact",
    "Review progress with my mentor",
]
# Step mixes: a busy goal, a quiet one (no progress for weeks), and one with nothing due.
BUSY = {"overdue": 2, "soon": 2, "done_recent": 1.5, "done_old": 2, "later": 2, "undated": 1}
QUIET = {"overdue": 2, "soon": 1, "done_old": 3, "later": 2, "undated": 2}
CALM = {"done_recent": 1, "done_old": 3, "later": 3, "undated": 1}


def days(n: float) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), list(weights.values()))[0]


def _is_calm(number: int) -> bool:
    return random.Random(number).random() < CALM_SHARE


def ensure_people(people: int) -> str:
    """Seed N people, or move the kept seed's dates on to today. Says which it did."""
    from django.db import connection, transaction
    from django.utils import timezone

    now, started = timezone.now(), time.perf_counter()
    with connection.cursor() as cur:
        cur.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
            " WHERE datname = current_database()"
        )
        note = json.loads(cur.fetchone()[0] or "{}")
    if note.get("people") == people and note.get("version") == SEED_VERSION:
        seeded = datetime.datetime.fromisoformat(note["at"])
        with transaction.atomic():  # all moved and noted, or nothing (Ctrl-C)
            _move_dates(now - seeded, (now.date() - seeded.date()).days)
            _seed_checkins(now)
            _write_note(people, now)
        done = f"Reusing the {people:,} seeded people, dates moved on by {now - seeded}"
    else:
        _write_note(0, now)  # an interrupted seed is redone next time
        _seed(people, now)
        _seed_checkins(now)
        _write_note(people, now)
        done = f"Seeded {people:,} people"
    with connection.cursor() as cur:
        # Bulk writes leave the planner without statistics (and with dead rows): a provider
        # query then scans every open step in the table for each chunk, ~250x slower.
        cur.execute("VACUUM ANALYZE")
    return f"{done} ({time.perf_counter() - started:.0f} s)."


def _write_note(people: int, now: datetime.datetime) -> None:
    from django.db import connection

    note = {"people": people, "version": SEED_VERSION, "at": now.isoformat()}
    comment = f"COMMENT ON DATABASE {connection.settings_dict['NAME']} IS %s"
    with connection.cursor() as cur:
        cur.execute(comment, [json.dumps(note)])


def _move_dates(moved: datetime.timedelta, days_moved: int) -> None:
    """Times move by the time passed, dates by the calendar days passed."""
    from django.db import connection

    shifts = {
        "goals_task": ["due_date", "done_at", "created_at"],
        "goals_goal": ["target_date", "last_progress_at", "status_changed_at", "created_at"],
        "assessments_take": ["started_at", "completed_at"],
        "careerapp_user": ["date_joined"],
    }
    with connection.cursor() as cur:
        for table, columns in shifts.items():
            sets = ", ".join(
                f"{c} = {c} + %(days)s" if c.endswith("_date") else f"{c} = {c} + %(delta)s"
                for c in columns
            )
            update = f"UPDATE {table} SET {sets}"  # noqa: S608 - fixed names, no input
            cur.execute(update, {"days": days_moved, "delta": moved})


def _seed(people: int, now: datetime.datetime) -> None:
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
    from django.db import connection, transaction

    from assessments.models import Instrument, Take
    from careerapp.models import User
    from goals.models import Goal, Task

    instruments = list(Instrument.objects.active().values_list("pk", flat=True))
    with connection.cursor() as cur:
        cur.execute("TRUNCATE careerapp_user RESTART IDENTITY CASCADE")
    for start in range(0, people, BLOCK):
        users, goals, tasks, takes = [], [], [], []
        for number in range(start, min(start + BLOCK, people)):
            rng = random.Random(number)  # reproducible: the same person on every seed
            calm = rng.random() < CALM_SHARE  # the same first draw as _is_calm()
            user = User(
                email=f"person{number:06d}@{DOMAIN}",
                display_name=rng.choice(NAMES),
                time_zone=_pick(rng, ZONES),
                reminder_weekday=rng.randrange(7),
                reminder_hour=rng.choice((7, 8, 8, 9, 18)),
                reminders_send_empty=rng.random() < SEND_EMPTY_SHARE,
                reminder_preferences_set_at=now,
                date_joined=now - days(rng.randrange(14, 700)),
                password=UNUSABLE_PASSWORD_PREFIX,  # nobody signs in as them
            )
            users.append(user)
            for priority in range(rng.choices((1, 2, 3, 4), (3, 4, 2, 1))[0]):
                status = rng.choices(("active", "paused", "achieved"), (8, 1, 1))[0]
                quiet = status == "active" and not calm and rng.random() < 0.3
                mix = QUIET if quiet else BUSY if status == "active" and not calm else CALM
                goal = Goal(
                    user=user,
                    title=rng.choice(GOALS),
                    why="It moves me towards the role I want in two years.",
                    target_date=now.date() + days(rng.randint(30, 300)),
                    status=status,
                    status_changed_at=now - days(rng.randint(20, 200)),
                    priority=priority,
                    last_progress_at=now
                    - days(rng.randint(22, 120) if quiet else rng.random() * 13),
                    created_at=now - days(rng.randint(30, 400)),
                )
                goals.append(goal)
                tasks += [
                    _task(rng, goal, _pick(rng, mix), n, now) for n in range(rng.randint(2, 6))
                ]
            for instrument in rng.sample(instruments, rng.choice((0, 0, 1, 2, 3))):
                # Calm people took theirs recently; others may be due a retake.
                taken = now - days(rng.randint(10, 80) if calm else rng.randint(10, 500))
                takes.append(
                    Take(
                        user=user,
                        instrument_id=instrument,
                        status="completed",
                        started_at=taken,
                        completed_at=taken,
                    )
                )
        with transaction.atomic():
            User.objects.bulk_create(users, batch_size=1000)
            Goal.objects.bulk_create(goals, batch_size=1000)
            Task.objects.bulk_create(tasks, batch_size=2000)
            Take.objects.bulk_create(takes, batch_size=2000)


def _task(rng: random.Random, goal, kind: str, position: int, now: datetime.datetime):
    from goals.models import Task

    today = now.date()
    due = {
        "overdue": lambda: today - days(rng.randint(1, 40)),
        "soon": lambda: today + days(rng.randint(0, 6)),
        "done_recent": lambda: today - days(rng.randint(0, 10)),
        "done_old": lambda: today - days(rng.randint(8, 200)),
        "later": lambda: today + days(rng.randint(8, 90)),
        "undated": lambda: None,
    }[kind]()
    done_at = {"done_recent": now - days(rng.random() * 6.5), "done_old": now - days(60)}
    return Task(
        goal=goal,
        title=rng.choice(STEPS),
        due_date=due,
        is_milestone=rng.random() < 0.1,
        done_at=done_at.get(kind),
        position=position,
        created_at=now - days(rng.randint(30, 300)),
    )


def _seed_checkins(now: datetime.datetime) -> None:
    """A rhythm per person and the last few check-ins, built for today's calendar (periods
    are calendar-aligned, so they are rebuilt rather than moved)."""
    from django.db import connection, transaction

    from careerapp.models import User
    from reviews.cadence import period_containing, previous_period
    from reviews.models import CheckIn, Schedule

    with connection.cursor() as cur:
        cur.execute("TRUNCATE reviews_schedule, reviews_checkin RESTART IDENTITY CASCADE")
    people = (
        User.objects.filter(email__endswith=f"@{DOMAIN}")
        .order_by("pk")
        .values_list("pk", "email", "time_zone", "date_joined")
    )
    for start in range(0, people.count(), BLOCK):
        schedules, checkins = [], []
        for pk, email, zone_name, joined in people[start : start + BLOCK]:
            number = int(email.removeprefix("person").split("@")[0])
            calm, rng = _is_calm(number), random.Random(number + 10**7)
            zone = ZoneInfo(zone_name)
            cadence, anchor = _pick(rng, CADENCES), joined.astimezone(zone).date()
            schedules.append(Schedule(user_id=pk, cadence=cadence, anchor=anchor))
            period = period_containing(now.astimezone(zone).date(), cadence, anchor)
            for age in range(4):
                if period.start < anchor:
                    break
                # Calm people have done this period's check-in already; most kept the last.
                kept = calm or rng.random() < (0.15 if age == 0 else 0.8)
                if kept or (age == 0 and rng.random() < 0.3):
                    due = datetime.datetime.combine(period.end, datetime.time(17), tzinfo=zone)
                    submitted = min(now, due + days(rng.random() * 3)) if kept else None
                    checkins.append(
                        CheckIn(
                            user_id=pk,
                            period_start=period.start,
                            period_end=period.end,
                            cadence=cadence,
                            status="submitted" if kept else "draft",
                            satisfaction=rng.randint(2, 5),
                            energy=rng.randint(2, 5),
                            submitted_at=submitted,
                        )
                    )
                period = previous_period(period, cadence, anchor)
        with transaction.atomic():
            Schedule.objects.bulk_create(schedules, batch_size=2000)
            CheckIn.objects.bulk_create(checkins, batch_size=2000)


def reset(redis_url: str) -> None:
    """Before each pipeline: no deliveries, everyone due since an hour ago, an empty
    queue."""
    import redis
    from django.db import connection
    from django.utils import timezone

    slot = timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(hours=1)
    with connection.cursor() as cur:
        cur.execute("TRUNCATE careerapp_reminderdelivery")
        cur.execute(
            "UPDATE careerapp_user SET next_reminder_at = %s WHERE email LIKE %s",
            [slot, f"%@{DOMAIN}"],
        )
        cur.execute("VACUUM ANALYZE careerapp_user")  # each pipeline starts from the same table
    client = redis.Redis.from_url(redis_url)
    client.delete("celery", "unacked", "unacked_index")
    client.close()


# --- The others: a crowd scheduled for later -------------------------------------------------


def ensure_scheduled(count: int) -> str:
    """``count`` people besides the measured ones (``SCHEDULED_DOMAIN``), kept between
    runs: only their account, as nothing else of theirs is read before their slot."""
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
    from django.db import connection, transaction
    from django.utils import timezone

    from benchmarks.crowd_seed import Table
    from careerapp.models import User

    if User.objects.filter(email__endswith=f"@{SCHEDULED_DOMAIN}").count() == count:
        return f"Reusing the {count:,} people scheduled for later"
    started, now = time.perf_counter(), timezone.now()
    with connection.cursor() as cur, transaction.atomic():
        # Nothing refers to them: no check per row of every table that could.
        cur.execute("SET LOCAL session_replication_role = replica")
        cur.execute("DELETE FROM careerapp_user WHERE email LIKE %s", [f"%@{SCHEDULED_DOMAIN}"])
        cur.execute("SET LOCAL session_replication_role = origin")
    with connection.cursor() as cur:
        cur.execute("SELECT coalesce(max(id), 0) + 1 FROM careerapp_user")
        first = cur.fetchone()[0]
        for start in range(0, count, 50_000):
            table = Table(User, first + start, now)
            for number in range(start, min(start + 50_000, count)):
                table.add(
                    email=f"other{number:07d}@{SCHEDULED_DOMAIN}",
                    password=UNUSABLE_PASSWORD_PREFIX,  # nobody signs in as them
                    display_name="Sam",
                    time_zone="Europe/Berlin",
                    reminder_weekday=number % 7,
                    reminder_hour=7 + number % 12,
                )
            with transaction.atomic():
                table.write(cur.cursor)
        sequence = "pg_get_serial_sequence('careerapp_user', 'id')"
        cur.execute(f"SELECT setval({sequence}, max(id)) FROM careerapp_user")  # noqa: S608
    return f"Seeded {count:,} people to schedule for later ({time.perf_counter() - started:.0f} s)"


def schedule_others(on: bool) -> None:
    """The others each with a slot in the coming week, none of them due (``on``), or all
    with the weekly email off, as if nobody else were scheduled."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            "UPDATE careerapp_user SET reminders_enabled = %(on)s, next_reminder_at = CASE"
            " WHEN %(on)s THEN date_trunc('hour', now()) + interval '1 hour' * (1 + id %% 167)"
            " END WHERE email LIKE %(others)s",
            {"on": on, "others": f"%@{SCHEDULED_DOMAIN}"},
        )
