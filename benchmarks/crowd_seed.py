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
person is built by ``benchmarks.crowd_people`` from ``random.Random(number)``, so the same
N make the same crowd. Rows get
ids here (after the largest in each table), are written a block of people at a time, and
the sequences are moved past them at the end; the shipped content (instruments, prompts,
roles) must be loaded already, as migrations do. ``populate`` ends with ``ANALYZE`` (the
caller may VACUUM; a test's transaction cannot). PostgreSQL only.
"""

from __future__ import annotations

import datetime
import io
import json
import time
from dataclasses import dataclass, field

VERSION = 3  # bump when what a crowd person stores changes
BLOCK = 2000  # people generated and written at a time
DOMAIN = "crowd.example"
ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
MISSING = object()


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

    from benchmarks import crowd_people

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
                crowd_people.Person(number, tables, content, now).build()
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
