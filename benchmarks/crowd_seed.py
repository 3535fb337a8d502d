"""A crowd: many people with years of history each, written in bulk with PostgreSQL's COPY.

    from benchmarks import crowd_seed
    crowd_seed.populate(100_000)             # into the current settings' database

The benchmarks' people are few, so PostgreSQL may scan a whole table and nothing shows it;
beside a crowd, a query without the right index reads everyone's rows. The crowd writes
what a person stores in every part of the app, in realistic amounts that vary from person
to person (a share are new, a share have years of history):

- the account: a verified address, a time zone, a language, a weekly email slot in the
  coming week (one in ten has it off), past weekly emails, sometimes a calendar feed;
- goals (open and closed, over the years) with steps, their changes, decisions with
  options, criteria and scores;
- a check-in rhythm and its check-ins with goal reviews, reflections and next steps;
- self-assessments of the shipped instruments with every question answered, own skills,
  a current role and target roles;
- learning with its skills and goals; wins with their skills; a circle with shared goals,
  comments, conversations with action items, and feedback requests with their answers.

Everyone is ``crowd<number>@crowd.example`` and cannot sign in (no usable password). Each
person comes from ``random.Random(number)``, so the same N make the same crowd. Rows get
ids here (after the largest in each table), are written a block of people at a time, and
the sequences are moved past them at the end; the shipped content (instruments, prompts,
roles) must be loaded already, as migrations do. ``populate`` ends with ``ANALYZE`` (the
caller may VACUUM; a test's transaction cannot). PostgreSQL only.
"""

from __future__ import annotations

import datetime
import io
import json
import random
import time
from dataclasses import dataclass, field

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

VERSION = 1  # bump when what a crowd person stores changes
BLOCK = 2000  # people generated and written at a time
DOMAIN = "crowd.example"
ZONES = ("Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles")
ZONES += ("Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "UTC")
NAMES = ("Ana", "Ben", "Chloé", "Dev", "Emeka", "Fatima", "Grace", "Hiro", "Ines", "Jonas")
GOALS = (
    "Lead a cross-team project",
    "Get comfortable speaking at all-hands",
    "Learn enough SQL to answer my own questions",
    "Move into a product role",
    "Mentor a junior colleague",
    "Pass the cloud practitioner exam",
    "Negotiate a raise I can defend",
)
STEPS = (
    "Book a coffee with my manager",
    "Draft the proposal outline",
    "Ask for feedback on the last presentation",
    "Sign up for the course",
    "Collect examples of my impact",
)
WINS = ("Shipped the migration without downtime", "Ran the planning session", "Got the offer")
CADENCE_DAYS = {"weekly": 7, "fortnightly": 14, "monthly": 30, "quarterly": 91}
ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
MISSING = object()


def days(n: float) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _text(value) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.translate(ESCAPE)
    if isinstance(value, list | dict):
        return json.dumps(value).translate(ESCAPE)
    return str(value)


class Table:
    """The rows of one model for one block, each given its id here."""

    def __init__(self, model, first_id: int, now: datetime.datetime) -> None:
        self.model = model
        fields = model._meta.concrete_fields
        self.names = [f.attname for f in fields]
        self.columns = ", ".join(f'"{f.column}"' for f in fields)
        self.defaults = {}
        for f in fields:
            if f.primary_key:
                continue
            if isinstance(f.default, type) or callable(f.default):
                value = f.get_default()  # list / dict / now / localdate
            elif f.has_default() or f.null or f.empty_strings_allowed:
                value = f.get_default()
            else:
                value = MISSING
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = now
            if isinstance(value, datetime.datetime):
                value = now
            elif isinstance(value, datetime.date):
                value = now.date()
            self.defaults[f.attname] = MISSING if value is MISSING else _text(value)
        self.next_id = first_id
        self.rows: list[str] = []

    def add(self, **values) -> int:
        pk = values["id"] = self.next_id
        self.next_id += 1
        defaults = self.defaults
        try:
            line = "\t".join(
                _text(values[name]) if name in values else defaults[name] for name in self.names
            )
        except TypeError:  # a MISSING default in the join
            missing = [n for n in self.names if n not in values and defaults[n] is MISSING]
            raise ValueError(f"{self.model.__name__} needs {missing}") from None
        self.rows.append(line)
        return pk

    def write(self, cursor) -> int:
        count = len(self.rows)
        if count:
            data = io.StringIO("\n".join(self.rows) + "\n")
            cursor.copy_expert(
                f"COPY {self.model._meta.db_table} ({self.columns}) FROM STDIN", data
            )
            self.rows = []
        return count


@dataclass
class Content:
    """The shipped content a person's rows point at, read once."""

    instruments: list[tuple[int, str, list[tuple]]]  # (id, kind, questions)
    skill_questions: list[int]
    prompts: list[tuple[int, str]]
    roles: list[int]
    kinds: list[int]
    suggestions: list[tuple[int, int]]  # (id, kind)
    prompt_sets: list[tuple[int, list[tuple[int, str]]]]

    @classmethod
    def load(cls) -> Content:
        from assessments.models import Instrument, LearningKind, LearningSuggestion, Role
        from reviews.models import FeedbackPromptSet, ReflectionPrompt

        instruments = []
        for instrument in Instrument.objects.active().prefetch_related("questions__options"):
            questions = [
                (q.pk, q.type, q.prompt, [(o.pk, o.label) for o in q.options.all()])
                for q in instrument.questions.all()
                if q.is_active
            ]
            instruments.append((instrument.pk, instrument.kind, questions))
        return cls(
            instruments=instruments,
            skill_questions=[q[0] for i in instruments for q in i[2] if q[1] == "skill"],
            prompts=list(ReflectionPrompt.objects.values_list("pk", "text")),
            roles=list(Role.objects.values_list("pk", flat=True)),
            kinds=list(LearningKind.objects.values_list("pk", flat=True)),
            suggestions=list(LearningSuggestion.objects.values_list("pk", "kind_id")),
            prompt_sets=[
                (s.pk, [(p.pk, p.text) for p in s.prompts.all()])
                for s in FeedbackPromptSet.objects.prefetch_related("prompts")
            ],
        )


@dataclass
class Written:
    people: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def people_models() -> list:
    """Every model written, parents before children (COPY checks foreign keys)."""
    from allauth.account.models import EmailAddress

    from assessments.models import Answer, CurrentRole, PersonalSkill, Take, TargetRole
    from careerapp.models import CalendarFeed, ReminderDelivery, User
    from goals.models import (
        Decision,
        DecisionCriterion,
        DecisionOption,
        DecisionScore,
        Goal,
        GoalChange,
        LearningItem,
        Task,
    )
    from reviews.models import (
        ActionItem,
        CheckIn,
        CircleMember,
        Comment,
        Conversation,
        FeedbackAnswer,
        FeedbackRequest,
        GoalReview,
        NextStep,
        Reflection,
        Schedule,
        Win,
    )

    return [
        User,
        EmailAddress,
        ReminderDelivery,
        CalendarFeed,
        Schedule,
        PersonalSkill,
        CurrentRole,
        TargetRole,
        Goal,
        Task,
        GoalChange,
        Decision,
        DecisionOption,
        DecisionCriterion,
        DecisionScore,
        Take,
        Answer,
        CheckIn,
        GoalReview,
        Reflection,
        NextStep,
        LearningItem,
        LearningItem.skills.through,
        LearningItem.goals.through,
        CircleMember,
        CircleMember.goals.through,
        Comment,
        Conversation,
        ActionItem,
        FeedbackRequest,
        FeedbackAnswer,
        Win,
        Win.skills.through,
    ]


def populate(people: int, *, first: int = 0, progress=None) -> Written:
    """Write ``people`` crowd people, numbered from ``first``; returns what was written."""
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.utils import timezone

    started = time.perf_counter()
    now = timezone.now().replace(microsecond=0)
    content = Content.load()
    models = people_models()
    written = Written()
    with connection.cursor() as cur:
        raw = cur.cursor if hasattr(cur, "cursor") else cur
        # Foreign keys are checked by a trigger per row, which costs more than the row;
        # a superuser (the benchmarks' and the tests' PostgreSQL user) may skip them.
        cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        unchecked = cur.fetchone()[0]
        firsts = {}
        for model in models:
            table = model._meta.db_table
            cur.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")  # noqa: S608 - model names
            firsts[model] = cur.fetchone()[0]
        for start in range(first, first + people, BLOCK):
            tables = {model: Table(model, firsts[model], now) for model in models}
            for number in range(start, min(start + BLOCK, first + people)):
                Person(number, tables, content, now).build()
            with transaction.atomic():
                if unchecked:  # the rows are whole by construction: no trigger per row
                    cur.execute("SET LOCAL session_replication_role = replica")
                for model, table in tables.items():
                    name = model._meta.db_table
                    written.rows[name] = written.rows.get(name, 0) + table.write(raw)
                    firsts[model] = table.next_id
                if unchecked:  # inside a test's transaction, what follows is checked again
                    cur.execute("SET LOCAL session_replication_role = origin")
            written.people = min(start + BLOCK, first + people) - first
            if progress:
                progress(written)
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cur.execute(sql)
        cur.execute("ANALYZE")
    written.seconds = time.perf_counter() - started
    return written


class Person:
    """One crowd person's rows, added to the block's tables."""

    def __init__(self, number: int, tables: dict, content: Content, now) -> None:
        self.number, self.content, self.now = number, content, now
        self.rng = random.Random(number)
        self.t = {model.__name__: table for model, table in tables.items()}
        self.today = now.date()

    def add(self, model: str, /, **values) -> int:
        return self.t[model].add(**values)

    def build(self) -> None:
        rng, now = self.rng, self.now
        # A share new, most a few years in, some a long time.
        years = rng.choices((0.2, 1, 3, 6), (2, 4, 3, 1))[0] * rng.uniform(0.5, 1.5)
        self.joined = now - days(years * 365 + 10)
        self.tenure = (now - self.joined).days
        self.user = self._account()
        self.goals = self._goals()
        self.skills = self._assessments()
        self._checkins()
        self._decisions()
        self._learning()
        self._circle()
        self._wins()

    def moment(self, after: datetime.datetime | None = None) -> datetime.datetime:
        """A time between ``after`` (default: joining) and now."""
        start = after or self.joined
        return start + (self.now - start) * self.rng.random()

    # --- Account ------------------------------------------------------------------------

    def _account(self) -> int:
        rng, now = self.rng, self.now
        email = f"crowd{self.number:07d}@{DOMAIN}"
        enabled = rng.random() < 0.9
        user = self.add(
            "User",
            password=UNUSABLE_PASSWORD_PREFIX,  # nobody signs in as them
            email=email,
            display_name=rng.choice(NAMES),
            time_zone=rng.choice(ZONES),
            language=rng.choices(("en", "fr", "es"), (6, 2, 2))[0],
            reminders_enabled=enabled,
            reminder_weekday=rng.randrange(7),
            reminder_hour=rng.choice((7, 8, 9, 18)),
            reminders_send_empty=rng.random() < 0.2,
            # The coming week's slot, on the hour: nobody due now.
            next_reminder_at=(now + days(rng.uniform(0.05, 7))).replace(minute=0, second=0)
            if enabled
            else None,
            reminder_preferences_set_at=self.joined,
            date_joined=self.joined,
            last_login=self.moment(),
        )
        self.add("EmailAddress", user_id=user, email=email, verified=True, primary=True)
        if enabled:
            monday = self.today - days(self.today.weekday())
            for week in range(1, min(self.tenure // 7, rng.randint(0, 30)) + 1):
                at = now - days(7 * week)
                self.add(
                    "ReminderDelivery",
                    user_id=user,
                    week=monday - days(7 * week),
                    scheduled_for=at,
                    status="sent" if rng.random() < 0.8 else "skipped",
                    attempts=1,
                    created_at=at,
                    enqueued_at=at,
                    claimed_at=at,
                    sent_at=at,
                )
        if rng.random() < 0.15:
            self.add(
                "CalendarFeed",
                user_id=user,
                salt=f"{rng.getrandbits(64):016x}",
                token_hash=_hash(rng),
            )
        return user

    # --- Goals and steps ----------------------------------------------------------------

    def _goals(self) -> list[tuple[int, datetime.datetime, str]]:
        rng, now, user = self.rng, self.now, self.user
        closed = int(self.tenure / 365 * rng.uniform(0.5, 3))
        opened = rng.choices((0, 1, 2, 3, 5), (1, 3, 3, 2, 1))[0]
        goals = []
        for priority in range(min(closed + opened, 40)):
            is_open = priority < opened
            created = (
                self.moment() if not is_open else now - days(rng.uniform(5, min(self.tenure, 400)))
            )
            status = (
                rng.choices(("active", "paused"), (5, 1))[0]
                if is_open
                else rng.choices(("achieved", "dropped"), (7, 3))[0]
            )
            changed = created if is_open else self.moment(created)
            goal = self.add(
                "Goal",
                user_id=user,
                title=rng.choice(GOALS),
                why="It moves me towards the role I want.",
                category=rng.choice(
                    ("skill", "role", "learning", "network", "visibility", "wellbeing")
                ),
                horizon="short" if rng.random() < 0.8 else "long",
                target_date=(created + days(rng.randint(30, 400))).date(),
                status=status,
                status_changed_at=changed,
                priority=priority,
                last_progress_at=changed,
                created_at=created,
                updated_at=changed,
            )
            goals.append((goal, created, status))
            for position in range(rng.randint(1, 6)):
                done = not is_open or rng.random() < 0.4
                self.add(
                    "Task",
                    goal_id=goal,
                    title=rng.choice(STEPS),
                    due_date=(created + days(rng.randint(7, 200))).date()
                    if rng.random() < 0.8
                    else None,
                    is_milestone=rng.random() < 0.1,
                    done_at=self.moment(created) if done and status != "dropped" else None,
                    position=position,
                    created_at=created,
                )
            self.add("GoalChange", goal_id=goal, kind="created", created_at=created)
            if not is_open:
                self.add(
                    "GoalChange",
                    goal_id=goal,
                    kind="status",
                    old_value="active",
                    new_value=status,
                    created_at=changed,
                )
        return goals

    def _decisions(self) -> None:
        rng = self.rng
        if rng.random() > 0.2:
            return
        created = self.moment()
        decided = rng.random() < 0.5
        decision = self.add(
            "Decision",
            user_id=self.user,
            question="Stay in my team or move to the data team?",
            status="decided" if decided else "open",
            decided_on=self.moment(created).date() if decided else None,
            reason="It grows me most." if decided else "",
            created_at=created,
            updated_at=created,
        )
        options = [
            self.add(
                "DecisionOption",
                decision_id=decision,
                title=title,
                gut=rng.randint(1, 5),
                position=n,
                role_id=rng.choice(self.content.roles) if rng.random() < 0.3 else None,
            )
            for n, title in enumerate(("Stay", "Move to data", "Go freelance")[: rng.randint(2, 3)])
        ]
        criteria = [
            self.add(
                "DecisionCriterion",
                decision_id=decision,
                name=name,
                weight=rng.randint(1, 5),
                position=n,
            )
            for n, name in enumerate(("Growth", "Balance", "Pay")[: rng.randint(2, 3)])
        ]
        for option in options:
            for criterion in criteria:
                self.add(
                    "DecisionScore",
                    option_id=option,
                    criterion_id=criterion,
                    score=rng.randint(1, 5),
                )

    # --- Self-assessments and roles ----------------------------------------------------

    def _assessments(self) -> list[int]:
        rng, content, user = self.rng, self.content, self.user
        skills = []
        for instrument, _kind, questions in rng.sample(
            content.instruments, rng.choices((0, 1, 2, 3), (2, 4, 3, 1))[0]
        ):
            for _take in range(rng.choices((1, 2, 3), (6, 3, 1))[0]):
                at = self.moment()
                take = self.add(
                    "Take",
                    user_id=user,
                    instrument_id=instrument,
                    status="completed",
                    started_at=at,
                    updated_at=at,
                    completed_at=at,
                )
                for pk, kind, prompt, options in questions:
                    values = {"rating": None, "current_level": None, "desired_level": None}
                    values.update(text="", option_ids=[], option_labels=[])
                    if kind == "rating":
                        values["rating"] = rng.randint(1, 5)
                    elif kind == "skill":
                        current = rng.randint(1, 4)
                        values.update(current_level=current, desired_level=rng.randint(current, 5))
                    elif kind == "text":
                        values["text"] = "More ownership of the roadmap."
                    elif options:
                        chosen = rng.sample(
                            options, 1 if kind == "single" else min(2, len(options))
                        )
                        values.update(
                            option_ids=[o[0] for o in chosen], option_labels=[o[1] for o in chosen]
                        )
                    self.add(
                        "Answer",
                        take_id=take,
                        question_id=pk,
                        key=f"q{pk}",
                        prompt=prompt,
                        type=kind,
                        **values,
                    )
        if rng.random() < 0.3:
            skill_instrument = next(i[0] for i in content.instruments if i[1] == "skills")
            for name in ("Public speaking", "Negotiation")[: rng.randint(1, 2)]:
                skills.append(
                    self.add(
                        "PersonalSkill", user_id=user, instrument_id=skill_instrument, name=name
                    )
                )
        roles = rng.sample(content.roles, 3)
        if rng.random() < 0.6:
            self.add("CurrentRole", user_id=user, role_id=roles[0])
        for n, role in enumerate(roles[1 : 1 + rng.choices((0, 1, 2), (4, 4, 2))[0]]):
            self.add(
                "TargetRole",
                user_id=user,
                role_id=role,
                status="pursuing" if n == 0 and rng.random() < 0.5 else "exploring",
            )
        return skills

    # --- Check-ins ------------------------------------------------------------------------

    def _checkins(self) -> None:
        rng, now, user = self.rng, self.now, self.user
        if rng.random() > 0.8:
            return
        cadence = rng.choices(list(CADENCE_DAYS), (1, 2, 5, 2))[0]
        length = CADENCE_DAYS[cadence]
        anchor = self.joined.date()
        self.add("Schedule", user_id=user, cadence=cadence, anchor=anchor, updated_at=self.joined)
        keeps = rng.uniform(0.3, 0.95)
        start = anchor + days(((self.today - anchor).days // length) * length)
        for age in range(80):
            period_start = start - days(age * length)
            if period_start < anchor:
                break
            if rng.random() > keeps:
                continue
            end = period_start + days(length - 1)
            due = datetime.datetime.combine(end, datetime.time(17), tzinfo=datetime.UTC)
            draft = age == 0 and rng.random() < 0.3
            submitted = None if draft else min(now, due + days(rng.random() * 3))
            checkin = self.add(
                "CheckIn",
                user_id=user,
                period_start=period_start,
                period_end=end,
                cadence=cadence,
                status="draft" if draft else "submitted",
                satisfaction=rng.randint(1, 5),
                energy=rng.randint(1, 5),
                created_at=submitted or now,
                updated_at=submitted or now,
                submitted_at=submitted,
            )
            if self.goals:
                for goal, _created, _status in rng.sample(
                    self.goals, min(len(self.goals), rng.randint(1, 3))
                ):
                    self.add(
                        "GoalReview",
                        checkin_id=checkin,
                        goal_id=goal,
                        goal_title=rng.choice(GOALS),
                        progress=rng.randint(0, 100),
                        status=rng.choice(("on_track", "at_risk", "off_track", "done")),
                        note="Steady progress." if rng.random() < 0.5 else "",
                    )
            for prompt, text in rng.sample(self.content.prompts, rng.randint(0, 2)):
                self.add(
                    "Reflection",
                    checkin_id=checkin,
                    prompt_id=prompt,
                    prompt_text=text,
                    answer="Less context switching.",
                )
            if self.goals and rng.random() < 0.3:
                self.add(
                    "NextStep",
                    checkin_id=checkin,
                    goal_id=rng.choice(self.goals)[0],
                    title=rng.choice(STEPS),
                    due_date=end + days(7),
                )

    # --- Learning, circle, wins ---------------------------------------------------------

    def _learning(self) -> None:
        rng, content = self.rng, self.content
        for _n in range(rng.choices((0, 1, 3, 6), (3, 3, 3, 1))[0]):
            suggestion, kind = rng.choice(content.suggestions)
            started = self.moment().date()
            status = rng.choices(("planned", "in_progress", "done", "dropped"), (2, 2, 5, 1))[0]
            finished = started + days(rng.randint(1, 120)) if status == "done" else None
            item = self.add(
                "LearningItem",
                user_id=self.user,
                kind_id=kind,
                suggestion_id=suggestion,
                title="Course on negotiation",
                provider="Open University",
                status=status,
                started_on=started if status != "planned" else None,
                finished_on=finished,
                hours=rng.choice((None, 2, 6, 12, 40)),
                expires_on=finished + days(rng.randint(60, 1000))
                if finished and rng.random() < 0.2
                else None,
                created_at=self.joined,
                updated_at=self.joined,
            )
            self.add(
                "LearningItem_skills",
                learningitem_id=item,
                question_id=rng.choice(content.skill_questions),
            )
            if self.goals and rng.random() < 0.5:
                self.add(
                    "LearningItem_goals", learningitem_id=item, goal_id=rng.choice(self.goals)[0]
                )

    def _circle(self) -> None:
        rng, now, user = self.rng, self.now, self.user
        for n in range(rng.choices((0, 1, 2, 3), (4, 3, 2, 1))[0]):
            created = self.moment()
            revoked = rng.random() < 0.15
            member = self.add(
                "CircleMember",
                owner_id=user,
                name=rng.choice(NAMES),
                email=f"mentor{n}.{self.number}@{DOMAIN}",
                role=rng.choice(("mentor", "manager", "coach", "peer")),
                link_salt=f"{rng.getrandbits(64):016x}",
                token_hash=_hash(rng),
                expires_at=now + days(rng.randint(-30, 180)),
                invite_sent_at=created,
                revoked_at=self.moment(created) if revoked else None,
                goals_sharing=rng.choice(("none", "chosen", "all")),
                checkins_sharing=rng.choice(("none", "progress", "reflections")),
                share_quarters=rng.random() < 0.5,
                created_at=created,
                updated_at=created,
            )
            shared = rng.sample(self.goals, min(len(self.goals), rng.randint(0, 3)))
            for goal, _created, _status in shared:
                self.add("CircleMember_goals", circlemember_id=member, goal_id=goal)
            for goal, created_goal, _status in shared:
                at = self.moment(created_goal)
                self.add(
                    "Comment",
                    owner_id=user,
                    member_id=member,
                    author_name="Mentor",
                    goal_id=goal,
                    body="Nice progress; who else could you ask?",
                    created_at=at,
                    emailed_at=at,
                )
            for _c in range(rng.choices((0, 1, 2), (3, 2, 1))[0]):
                held = self.moment().date()
                conversation = self.add(
                    "Conversation",
                    owner_id=user,
                    member_id=member,
                    with_name="Mentor",
                    planned_for=held,
                    held_on=held if held < self.today else None,
                    agenda="Where I want to be in two years.",
                    notes="Try the platform team.",
                    created_at=now,
                    updated_at=now,
                )
                if self.goals and rng.random() < 0.5:
                    self.add(
                        "ActionItem",
                        conversation_id=conversation,
                        text="Ask about the platform team",
                        goal_id=rng.choice(self.goals)[0],
                        due_date=held + days(14),
                        done=rng.random() < 0.5,
                    )
        for _f in range(rng.choices((0, 1, 2), (6, 3, 1))[0]):
            prompt_set, prompts = rng.choice(self.content.prompt_sets)
            sent = self.moment()
            answered = rng.random() < 0.6
            request = self.add(
                "FeedbackRequest",
                owner_id=user,
                name="A colleague",
                email=f"colleague.{self.number}.{rng.getrandbits(20)}@{DOMAIN}",
                prompt_set_id=prompt_set,
                link_salt=f"{rng.getrandbits(64):016x}",
                token_hash=_hash(rng),
                created_at=sent,
                expires_at=sent + days(30),
                sent_at=sent,
                answered_at=self.moment(sent) if answered else None,
            )
            if answered:
                for prompt, text in prompts:
                    self.add(
                        "FeedbackAnswer",
                        request_id=request,
                        prompt_id=prompt,
                        prompt_text=text,
                        text="Keep pairing with new people.",
                    )

    def _wins(self) -> None:
        rng = self.rng
        for _w in range(rng.choices((0, 1, 3, 8), (3, 3, 3, 1))[0]):
            goal = rng.choice(self.goals)[0] if self.goals and rng.random() < 0.5 else None
            at = self.moment()
            win = self.add(
                "Win",
                user_id=self.user,
                title=rng.choice(WINS),
                impact="The team ships on Fridays again.",
                happened_on=at.date(),
                goal_id=goal,
                noticed_by="My manager" if rng.random() < 0.3 else "",
                created_at=at,
                updated_at=at,
            )
            if rng.random() < 0.5:
                self.add(
                    "Win_skills", win_id=win, question_id=rng.choice(self.content.skill_questions)
                )


def _hash(rng: random.Random) -> str:
    return f"{rng.getrandbits(256):064x}"
