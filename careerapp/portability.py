"""Take your data with you: one JSON document with everything of a person, and back.

The document links its own objects by export-local ``ref`` numbers, never database ids, and
names shared admin content (instruments, questions, options, prompts, goal templates) by
natural keys, re-linked on import when this site has them. Snapshot text (an answer's
prompt, a review's goal title) travels along, so history stays readable either way.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DataError, IntegrityError, models, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import Answer, Instrument, PersonalSkill, Question, Take, TakeStatus
from careerapp.models import DeliveryStatus, ReminderDelivery, User
from goals.models import Goal, GoalChange, GoalTemplate, Task
from reviews.models import CheckIn, GoalReview, NextStep, Reflection, ReflectionPrompt, Schedule

FORMAT = "career-compass-export"
VERSION = 1

# Scalar fields per model, written and read as they are. Links are handled by hand.
PROFILE_FIELDS = (
    "display_name",
    "time_zone",
    "reminders_enabled",
    "reminder_weekday",
    "reminder_hour",
    "reminders_send_empty",
    "reminders_paused_until",
    "reminder_preferences_set_at",
)
GOAL_FIELDS = (
    "title",
    "why",
    "category",
    "horizon",
    "target_date",
    "status",
    "status_changed_at",
    "priority",
    "manual_progress",
    "last_progress_at",
    "created_at",
    "updated_at",
)
TASK_FIELDS = ("title", "notes", "due_date", "is_milestone", "done_at", "position", "created_at")
CHANGE_FIELDS = ("kind", "old_value", "new_value", "reason", "created_at")
SKILL_FIELDS = ("name", "is_active", "created_at")
TAKE_FIELDS = ("status", "started_at", "updated_at", "completed_at")
ANSWER_FIELDS = (
    "prompt",
    "type",
    "rating",
    "current_level",
    "desired_level",
    "text",
    "option_labels",
)
SCHEDULE_FIELDS = ("cadence", "anchor", "updated_at")
CHECKIN_FIELDS = (
    "period_start",
    "period_end",
    "cadence",
    "status",
    "satisfaction",
    "energy",
    "created_at",
    "updated_at",
    "submitted_at",
)
REVIEW_FIELDS = (
    "goal_title",
    "progress",
    "status",
    "note",
    "new_target_date",
    "correction_reason",
    "correction_applied",
)
REFLECTION_FIELDS = ("prompt_text", "answer")
NEXT_STEP_FIELDS = ("title", "due_date")
DELIVERY_FIELDS = (
    "week",
    "scheduled_for",
    "status",
    "attempts",
    "last_error",
    "created_at",
    "enqueued_at",
    "claimed_at",
    "sent_at",
)
# A delivery still waiting or being sent is work in flight, not history: importing it
# would let the sweep send an old week's email from the new account.
FINISHED_DELIVERIES = {DeliveryStatus.SENT, DeliveryStatus.SKIPPED, DeliveryStatus.FAILED}


# --- Export ----------------------------------------------------------------------------


def _values(obj: models.Model, names: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for name in names:
        value = getattr(obj, name)
        out[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return out


def _question_key(question: Question | None) -> dict[str, Any] | None:
    if question is None:
        return None
    return {
        "instrument": question.instrument.slug,
        "order": question.order,
        "prompt": question.prompt,
    }


def export_user_data(user: User) -> dict[str, Any]:
    """Everything of ``user``, JSON-ready. A fixed number of queries, whatever the amount."""
    goals = list(
        Goal.objects.for_user(user)
        .select_related("template", "skill_question__instrument")
        # The steps in the order the goal page shows them.
        .prefetch_related(Prefetch("tasks", queryset=Task.objects.in_step_order()), "changes")
        .order_by("priority", "created_at", "pk")
    )
    skills = list(
        PersonalSkill.objects.filter(user=user)
        .select_related("instrument")
        .order_by("created_at", "pk")
    )
    answers = Answer.objects.select_related("question__instrument").prefetch_related(
        "question__options"
    )
    takes = list(
        Take.objects.for_user(user)
        .select_related("instrument")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .order_by("started_at", "pk")
    )
    checkins = list(
        CheckIn.objects.for_user(user)
        .prefetch_related(
            "goal_reviews",
            Prefetch("reflections", queryset=Reflection.objects.select_related("prompt")),
            "next_steps",
        )
        .order_by("period_start", "pk")
    )
    schedule = Schedule.objects.filter(user=user).first()
    deliveries = ReminderDelivery.objects.for_user(user).order_by("week", "pk")

    goal_refs = {goal.pk: ref for ref, goal in enumerate(goals, 1)}
    task_refs: dict[int, int] = {}
    skill_refs = {skill.pk: ref for ref, skill in enumerate(skills, 1)}
    goal_docs = []
    for goal in goals:
        tasks = []
        for task in goal.tasks.all():
            task_refs[task.pk] = len(task_refs) + 1
            tasks.append({"ref": task_refs[task.pk], **_values(task, TASK_FIELDS)})
        goal_docs.append(
            {
                "ref": goal_refs[goal.pk],
                **_values(goal, GOAL_FIELDS),
                "template": goal.template.slug if goal.template else None,
                "skill_question": _question_key(goal.skill_question),
                "personal_skill_ref": skill_refs.get(goal.personal_skill_id),
                "steps_reordered": goal.steps_reordered,
                "tasks": tasks,
                "changes": [_values(change, CHANGE_FIELDS) for change in goal.changes.all()],
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "profile": {"email": user.email, "date_joined": user.date_joined.isoformat()}
        | _values(user, PROFILE_FIELDS),
        "goals": goal_docs,
        "assessments": {
            "personal_skills": [
                {
                    "ref": skill_refs[s.pk],
                    "instrument": s.instrument.slug,
                    **_values(s, SKILL_FIELDS),
                }
                for s in skills
            ],
            "takes": [
                {
                    "instrument": take.instrument.slug,
                    **_values(take, TAKE_FIELDS),
                    "answers": [_answer_doc(a, skill_refs) for a in take.answers.all()],
                }
                for take in takes
            ],
        },
        "reviews": {
            "schedule": _values(schedule, SCHEDULE_FIELDS) if schedule else None,
            "checkins": [_checkin_doc(c, goal_refs, task_refs) for c in checkins],
        },
        "reminder_deliveries": [_values(d, DELIVERY_FIELDS) for d in deliveries],
    }


def _answer_doc(answer: Answer, skill_refs: dict[int, int]) -> dict[str, Any]:
    options = {o.pk: o for o in answer.question.options.all()} if answer.question else {}
    chosen = [options[pk] for pk in answer.option_ids if pk in options]
    return {
        "question": _question_key(answer.question),
        "personal_skill_ref": skill_refs.get(answer.personal_skill_id),
        **_values(answer, ANSWER_FIELDS),
        "options": [{"order": o.order, "label": o.label} for o in chosen],
    }


def _checkin_doc(
    checkin: CheckIn, goal_refs: dict[int, int], task_refs: dict[int, int]
) -> dict[str, Any]:
    return {
        **_values(checkin, CHECKIN_FIELDS),
        "goal_reviews": [
            {"goal_ref": goal_refs.get(r.goal_id), **_values(r, REVIEW_FIELDS)}
            for r in checkin.goal_reviews.all()
        ],
        "reflections": [
            {"prompt": r.prompt.text if r.prompt else None, **_values(r, REFLECTION_FIELDS)}
            for r in checkin.reflections.all()
        ],
        "next_steps": [
            {
                "goal_ref": goal_refs.get(s.goal_id),
                "task_ref": task_refs.get(s.task_id),
                **_values(s, NEXT_STEP_FIELDS),
            }
            for s in checkin.next_steps.all()
        ],
    }


# --- Reading a file ----------------------------------------------------------------------


def _bad(where: str, problem: str) -> ValidationError:
    return ValidationError(
        _("This file cannot be imported: %(where)s %(problem)s")
        % {"where": where, "problem": problem},
        code="bad_file",
    )


def load_document(upload: UploadedFile) -> Any:
    """The parsed JSON of an uploaded file; a clear error for a huge or unreadable one."""
    if upload.size > settings.IMPORT_MAX_MB * 1024 * 1024:
        raise ValidationError(
            _(
                "This file is larger than %(size)d MB, the most this site reads. If it is "
                "your export, ask the site's admin to raise IMPORT_MAX_MB."
            )
            % {"size": settings.IMPORT_MAX_MB},
            code="too_large",
        )
    try:
        return json.loads(upload.read())
    except (ValueError, RecursionError) as error:
        raise ValidationError(
            _("This file is not a Career Compass export: it is not readable JSON."),
            code="not_json",
        ) from error


class _Object:
    """One object of the file: each value is checked for its type before it is used."""

    def __init__(self, raw: Any, where: str) -> None:
        if not isinstance(raw, dict):
            raise _bad(where, _("should be an object."))
        self.raw, self.where = raw, where

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str) -> Any:
        if key not in self.raw:
            raise _bad(self.at(key), _("is missing."))
        return self.raw[key]

    def objects(self, key: str) -> list[_Object]:
        items = self.get(key)
        if not isinstance(items, list):
            raise _bad(self.at(key), _("should be a list."))
        return [_Object(item, f"{self.at(key)}[{i}]") for i, item in enumerate(items)]

    def new_ref(self, known: dict[int, Any]) -> int:
        value = self.get("ref")
        if type(value) is not int or value in known:
            raise _bad(self.at("ref"), _("should be a number used once."))
        return value

    def optional(self, key: str) -> _Object | None:
        value = self.get(key)
        return None if value is None else _Object(value, self.at(key))

    def text(self, key: str) -> str | None:
        value = self.get(key)
        if value is not None and not isinstance(value, str):
            raise _bad(self.at(key), _("should be text."))
        return value

    def ref(self, key: str, known: dict[int, Any]) -> Any:
        value = self.get(key)
        if value is None:
            return None
        if type(value) is not int or value not in known:
            raise _bad(self.at(key), _("points at nothing in this file."))
        return known[value]

    def once(self, seen: set, key: Any, field: str) -> None:
        """Refuse, naming the place, a second row where the database allows only one."""
        if key in seen:
            raise _bad(
                self.at(field), _("is already taken by an earlier entry; it can be there once.")
            )
        seen.add(key)

    def build(self, model: type[models.Model], names: tuple[str, ...]) -> Any:
        """An unsaved ``model`` from ``names``, validated as a form would validate it."""
        values = {
            name: _coerce(model._meta.get_field(name), self.get(name), self.at(name))
            for name in names
        }
        instance = model(**values)
        try:
            instance.clean_fields(
                exclude=[f.name for f in model._meta.fields if f.name not in names]
            )
        except ValidationError as error:
            field, problems = next(iter(error.message_dict.items()))
            raise _bad(self.at(field), problems[0]) from error
        return instance


def _is_storable_text(value: Any) -> bool:
    """Text PostgreSQL can store: no NUL and no lone surrogate (JSON allows "\\ud800";
    UTF-8, PostgreSQL's text and its JSON do not)."""
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _coerce(field: models.Field, value: Any, where: str) -> Any:
    if value is None:
        if field.null:
            return None
        raise _bad(where, _("must not be empty."))
    if isinstance(field, models.DateTimeField):
        return _moment(value, where)
    if isinstance(field, models.DateField):
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError) as error:
            raise _bad(where, _("should be a date in ISO 8601 form, like 2027-03-31.")) from error
    if isinstance(field, models.BooleanField):
        if not isinstance(value, bool):
            raise _bad(where, _("should be true or false."))
        return value
    if isinstance(field, models.IntegerField):
        # The column's range as Django defines it (PostgreSQL's), the same on SQLite.
        low, high = BaseDatabaseOperations.integer_field_ranges[field.get_internal_type()]
        if type(value) is not int or not low <= value <= high:
            raise _bad(
                where,
                _("should be a whole number from %(low)d to %(high)d.")
                % {"low": low, "high": high},
            )
        return value
    if isinstance(field, models.JSONField):
        if not isinstance(value, list) or not all(_is_storable_text(v) for v in value):
            raise _bad(where, _("should be a list of texts."))
        return value
    if not _is_storable_text(value):
        raise _bad(where, _("should be text without control characters like NUL."))
    return value


def _moment(value: Any, where: str) -> datetime.datetime:
    """An aware date and time that exists in UTC, where the database keeps it."""
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise _bad(
            where, _("should be a date and time in ISO 8601 form, like 2027-03-31T09:30:00+00:00.")
        ) from error
    if timezone.is_naive(parsed):
        raise _bad(where, _("should say its offset from UTC, like +00:00."))
    try:
        return parsed.astimezone(datetime.UTC)
    except OverflowError as error:
        # 0001-01-01T00:00:00+14:00 is a moment before the first year in UTC.
        raise _bad(where, _("is outside the years 1 to 9999 once moved to UTC.")) from error


# --- Import -----------------------------------------------------------------------------


@dataclass
class ImportSummary:
    goals: int = 0
    tasks: int = 0
    takes: int = 0
    answers: int = 0
    checkins: int = 0
    reminder_deliveries: int = 0
    # Links to shared content this site does not have; the snapshot text was kept.
    unlinked: int = 0
    # Assessments of an instrument this site does not offer: they cannot be kept.
    skipped: int = 0

    def message(self) -> str:
        text = _(
            "Your data is back. Imported goals: %(goals)d, tasks: %(tasks)d, "
            "assessments: %(takes)d, check-ins: %(checkins)d."
        ) % {
            "goals": self.goals,
            "tasks": self.tasks,
            "takes": self.takes,
            "checkins": self.checkins,
        }
        if self.unlinked or self.skipped:
            text += " " + _(
                "Some of it referred to questions, prompts or templates this site does not "
                "have (%(unlinked)d links, %(skipped)d assessments left out); your own words "
                "were kept wherever they could be."
            ) % {"unlinked": self.unlinked, "skipped": self.skipped}
        return text


class _Shared:
    """Admin content of this site, by the natural keys the file uses. A few queries."""

    def __init__(self) -> None:
        self.instruments = {i.slug: i for i in Instrument.objects.all()}
        self.templates = {t.slug: t for t in GoalTemplate.objects.all()}
        self.prompts = {p.text: p for p in ReflectionPrompt.objects.order_by("-is_active", "pk")}
        self.questions: dict[tuple[str, str], list[Question]] = {}
        for q in Question.objects.select_related("instrument").prefetch_related("options"):
            self.questions.setdefault((q.instrument.slug, q.prompt), []).append(q)
        self.unlinked = 0

    def question(self, key: _Object | None) -> Question | None:
        if key is None:
            return None
        found = self.questions.get((str(key.get("instrument")), str(key.get("prompt"))), [])
        found = sorted(found, key=lambda q: q.order != key.get("order"))
        self.unlinked += not found
        return found[0] if found else None

    def find(self, table: dict[str, Any], key: str | None) -> Any:
        if key is None:
            return None
        self.unlinked += key not in table
        return table.get(key)


def _refuse_unless_empty(user: User) -> None:
    if (
        Goal.objects.for_user(user).exists()
        or Take.objects.for_user(user).exists()
        or CheckIn.objects.for_user(user).exists()
    ):
        raise ValidationError(
            _(
                "Import only works into an empty account, so nothing you have is overwritten "
                "or doubled. This account already has goals, assessments or check-ins."
            ),
            code="not_empty",
        )


def import_user_data(*, user: User, data: Any) -> ImportSummary:
    """Recreate an export's content in ``user``'s empty account, with new ids, all or nothing."""
    try:
        with transaction.atomic():
            # Lock the person: two imports at once must not both find the account empty.
            User.objects.select_for_update().filter(pk=user.pk).first()
            _refuse_unless_empty(user)
            return _import(user, data)
    except (IntegrityError, DataError) as error:
        raise ValidationError(
            _(
                "This file cannot be imported: it contradicts itself (e.g. two check-ins for "
                "one period)."
            ),
            code="inconsistent",
        ) from error


def _import(user: User, data: Any) -> ImportSummary:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(_("This file is not a Career Compass export."), code="wrong_format")
    _check_version(data.get("version"))
    doc = _Object(data, "")
    shared = _Shared()
    summary = ImportSummary()
    profile = _Object(doc.get("profile"), "profile").build(User, PROFILE_FIELDS)
    assessments = _Object(doc.get("assessments"), "assessments")
    reviews = _Object(doc.get("reviews"), "reviews")

    skills: dict[int, PersonalSkill] = {}
    # The account may already have skills of its own (import only needs no goals or takes).
    skill_names = {
        (instrument_id, name.lower())
        for instrument_id, name in PersonalSkill.objects.filter(user=user).values_list(
            "instrument_id", "name"
        )
    }
    for item in assessments.objects("personal_skills"):
        instrument = shared.find(shared.instruments, item.text("instrument"))
        skill = item.build(PersonalSkill, SKILL_FIELDS)
        skill.user, skill.instrument = user, instrument
        if instrument is not None:
            item.once(skill_names, (instrument.pk, skill.name.lower()), "name")
        skills[item.new_ref(skills)] = skill
    skill_refs = {ref: s for ref, s in skills.items() if s.instrument_id is not None}
    PersonalSkill.objects.bulk_create(skill_refs.values())

    goals, tasks, changes, task_refs = {}, [], [], {}
    for item in doc.objects("goals"):
        goal = item.build(Goal, GOAL_FIELDS)
        goal.user = user
        goal.template = shared.find(shared.templates, item.text("template"))
        goal.skill_question = shared.question(item.optional("skill_question"))
        goal.personal_skill = item.ref("personal_skill_ref", skills)
        # Files exported before steps could keep their own order lack the key.
        goal.steps_reordered = item.raw.get("steps_reordered") is True
        if goal.personal_skill is not None and goal.personal_skill.pk is None:
            goal.personal_skill = None
        goals[item.new_ref(goals)] = goal
        for sub in item.objects("tasks"):
            task = sub.build(Task, TASK_FIELDS)
            task.goal = goal
            tasks.append(task)
            task_refs[sub.new_ref(task_refs)] = task
        for sub in item.objects("changes"):
            change = sub.build(GoalChange, CHANGE_FIELDS)
            change.goal = goal
            changes.append(change)
    _create_keeping_updated_at(Goal, list(goals.values()))
    Task.objects.bulk_create(tasks)
    GoalChange.objects.bulk_create(changes)

    _import_takes(user, assessments, shared, skills, summary)
    _import_reviews(user, reviews, shared, goals, task_refs, summary)

    # The new account may already have had a weekly email; that week keeps its own row.
    taken = set(ReminderDelivery.objects.for_user(user).values_list("week", flat=True))
    deliveries = []
    for item in doc.objects("reminder_deliveries"):
        delivery = item.build(ReminderDelivery, DELIVERY_FIELDS)
        delivery.user = user
        if delivery.status in FINISHED_DELIVERIES and delivery.week not in taken:
            taken.add(delivery.week)
            deliveries.append(delivery)
    ReminderDelivery.objects.bulk_create(deliveries)

    for name in PROFILE_FIELDS:
        setattr(user, name, getattr(profile, name))
    try:
        user.next_reminder_at = user.reminder_slot_after(timezone.now())
    except OverflowError as error:
        raise _bad("profile.reminders_paused_until", _("is too far in the future.")) from error
    user.save(update_fields=[*PROFILE_FIELDS, "next_reminder_at"])

    summary.goals, summary.tasks = len(goals), len(tasks)
    summary.reminder_deliveries = len(deliveries)
    summary.unlinked = shared.unlinked
    return summary


def _check_version(version: Any) -> None:
    if type(version) is int and version == VERSION:
        return
    if isinstance(version, str) and version.strip() == str(VERSION):
        # Someone edited the file by hand and quoted the number.
        message = _(
            "This file cannot be imported: version should be the number %(ours)d, not the "
            'text "%(ours)d". Remove the quotes around it and try again.'
        ) % {"ours": VERSION}
    elif type(version) is int:
        message = _(
            "This export has version %(version)d; this site reads version %(ours)d. "
            "An export from a newer Career Compass needs this site to be updated first."
        ) % {"version": version, "ours": VERSION}
    else:
        message = _("This file cannot be imported: version should be the number %(ours)d.") % {
            "ours": VERSION
        }
    raise ValidationError(message, code="wrong_version")


def _create_keeping_updated_at(model: type[models.Model], objs: list[Any]) -> None:
    """Bulk-create, then put back ``updated_at``, which auto_now set to the present."""
    kept = [obj.updated_at for obj in objs]
    model.objects.bulk_create(objs)
    for obj, value in zip(objs, kept, strict=True):
        obj.updated_at = value
    # In batches: one UPDATE with a CASE of thousands of branches is quadratic in PostgreSQL
    # (21,000 goals: about 40 s in one statement, under a second in batches of 500).
    model.objects.bulk_update(objs, ["updated_at"], batch_size=500)


def _import_takes(
    user: User,
    assessments: _Object,
    shared: _Shared,
    skills: dict[int, PersonalSkill],
    summary: ImportSummary,
) -> None:
    takes, answers = [], []
    drafts: set[int] = set()
    for item in assessments.objects("takes"):
        instrument = shared.find(shared.instruments, item.text("instrument"))
        take = item.build(Take, TAKE_FIELDS)
        if (take.status == TakeStatus.COMPLETED) != (take.completed_at is not None):
            raise _bad(item.at("completed_at"), _("should be set exactly when completed."))
        take.user, take.instrument = user, instrument
        if instrument is not None and take.status == TakeStatus.DRAFT:
            item.once(drafts, instrument.pk, "status")  # one unfinished take per instrument
        keys: set[str] = set()
        for number, sub in enumerate(item.objects("answers")):
            answer = sub.build(Answer, ANSWER_FIELDS)
            answer.take = take
            answer.question = shared.question(sub.optional("question"))
            skill = sub.ref("personal_skill_ref", skills)
            answer.personal_skill = skill if skill is not None and skill.pk else None
            options = (
                {o.label: o.pk for o in answer.question.options.all()} if answer.question else {}
            )
            labels = [str(option.get("label")) for option in sub.objects("options")]
            answer.option_ids = [options[label] for label in labels if label in options]
            answer.key = (
                answer.question.key
                if answer.question
                else answer.personal_skill.key
                if answer.personal_skill
                else f"x{number}"
            )
            sub.once(keys, answer.key, "question" if answer.question else "personal_skill_ref")
            answers.append(answer)
        if instrument is None:
            summary.skipped += 1
            answers = [a for a in answers if a.take is not take]
            continue
        takes.append(take)
    _create_keeping_updated_at(Take, takes)
    Answer.objects.bulk_create(answers)
    summary.takes, summary.answers = len(takes), len(answers)


def _import_reviews(
    user: User,
    reviews: _Object,
    shared: _Shared,
    goals: dict[int, Goal],
    task_refs: dict[int, Task],
    summary: ImportSummary,
) -> None:
    schedule = reviews.optional("schedule")
    if schedule is not None:
        values = schedule.build(Schedule, SCHEDULE_FIELDS)
        Schedule.objects.update_or_create(
            user=user, defaults={"cadence": values.cadence, "anchor": values.anchor}
        )
        Schedule.objects.filter(user=user).update(updated_at=values.updated_at)
    checkins, children = [], []
    periods: set[datetime.date] = set()
    for item in reviews.objects("checkins"):
        checkin = item.build(CheckIn, CHECKIN_FIELDS)
        if checkin.period_end < checkin.period_start:
            raise _bad(item.at("period_end"), _("comes before the period's start."))
        item.once(periods, checkin.period_start, "period_start")  # one check-in per period
        checkin.user = user
        checkins.append(checkin)
        reviewed: set[int] = set()
        for sub in item.objects("goal_reviews"):
            review = sub.build(GoalReview, REVIEW_FIELDS)
            review.checkin, review.goal = checkin, sub.ref("goal_ref", goals)
            if review.goal is not None:
                sub.once(reviewed, id(review.goal), "goal_ref")
            children.append(review)
        prompts: set[int] = set()
        for sub in item.objects("reflections"):
            reflection = sub.build(Reflection, REFLECTION_FIELDS)
            reflection.checkin = checkin
            reflection.prompt = shared.find(shared.prompts, sub.text("prompt"))
            if reflection.prompt is not None:
                sub.once(prompts, reflection.prompt.pk, "prompt")
            children.append(reflection)
        for sub in item.objects("next_steps"):
            step = sub.build(NextStep, NEXT_STEP_FIELDS)
            step.checkin, step.goal = checkin, sub.ref("goal_ref", goals)
            step.task = sub.ref("task_ref", task_refs)
            children.append(step)
    _create_keeping_updated_at(CheckIn, checkins)
    for model in (GoalReview, Reflection, NextStep):
        model.objects.bulk_create([child for child in children if isinstance(child, model)])
    summary.checkins = len(checkins)
