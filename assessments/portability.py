"""The "assessments" part of the export: personal skills and takes with their answers, the
current role and the target roles (roles named by slug: the library is the site's).

Questions are named by natural key (instrument slug, order, prompt), since the site's admin
content has its own ids; goals use the same keys for the question a goal grew from.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from assessments.models import (
    Answer,
    CurrentRole,
    Instrument,
    PersonalSkill,
    Question,
    Role,
    Take,
    TakeStatus,
    TargetRole,
    TargetStatus,
)
from careerapp.models import User
from careerapp.portability import ExportContext, ImportContext
from careerapp.portability.document import Node, bad, create_keeping_updated_at, values

SKILL_FIELDS = ("name", "is_active", "created_at")
CURRENT_FIELDS = ("other_title", "updated_at")
TARGET_FIELDS = ("status", "note", "created_at", "updated_at", "gap_mentioned_at")
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


def question_key(question: Question | None) -> dict[str, Any] | None:
    if question is None:
        return None
    return {
        "instrument": question.instrument.slug,
        "order": question.order,
        "prompt": question.prompt,
    }


def question_for(context: ImportContext, key: Node | None) -> Question | None:
    """This site's question for a file's ``question_key``; None (and counted) if it has none."""
    if key is None:
        return None
    questions = context.shared("assessments.questions", _questions_by_prompt)
    found = questions.get((str(key.get("instrument")), str(key.get("prompt"))), [])
    found = sorted(found, key=lambda q: q.order != key.get("order"))
    context.summary.unlinked += not found
    return found[0] if found else None


def _questions_by_prompt() -> dict[tuple[str, str], list[Question]]:
    questions: dict[tuple[str, str], list[Question]] = {}
    for q in Question.objects.select_related("instrument").prefetch_related("options"):
        questions.setdefault((q.instrument.slug, q.prompt), []).append(q)
    return questions


def has_data(user: User) -> bool:
    return (
        Take.objects.for_user(user).exists()
        or TargetRole.objects.for_user(user).exists()
        or CurrentRole.objects.filter(user=user).exists()
    )


# --- Export ----------------------------------------------------------------------------


def write(context: ExportContext) -> dict[str, Any]:
    skills = list(
        PersonalSkill.objects.filter(user=context.user)
        .select_related("instrument")
        .order_by("created_at", "pk")
    )
    answers = Answer.objects.select_related("question__instrument").prefetch_related(
        "question__options"
    )
    takes = list(
        Take.objects.for_user(context.user)
        .select_related("instrument")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .order_by("started_at", "pk")
    )
    skill_refs = {skill.pk: ref for ref, skill in enumerate(skills, 1)}
    context.refs["personal_skills"] = skill_refs
    return {
        "personal_skills": [
            {"ref": skill_refs[s.pk], "instrument": s.instrument.slug, **values(s, SKILL_FIELDS)}
            for s in skills
        ],
        "takes": [
            {
                "instrument": take.instrument.slug,
                **values(take, TAKE_FIELDS),
                "answers": [_answer_doc(a, skill_refs) for a in take.answers.all()],
            }
            for take in takes
        ],
        **_roles_doc(context.user),
    }


def _roles_doc(user: User) -> dict[str, Any]:
    current = CurrentRole.objects.select_related("role").filter(user=user).first()
    targets = TargetRole.objects.for_user(user).select_related("role").order_by("created_at", "pk")
    return {
        "current_role": None
        if current is None
        else {
            "role": current.role.slug if current.role else None,
            **values(current, CURRENT_FIELDS),
        },
        "target_roles": [{"role": t.role.slug, **values(t, TARGET_FIELDS)} for t in targets],
    }


def _answer_doc(answer: Answer, skill_refs: dict[int, int]) -> dict[str, Any]:
    options = {o.pk: o for o in answer.question.options.all()} if answer.question else {}
    chosen = [options[pk] for pk in answer.option_ids if pk in options]
    return {
        "question": question_key(answer.question),
        "personal_skill_ref": skill_refs.get(answer.personal_skill_id),
        **values(answer, ANSWER_FIELDS),
        "options": [{"order": o.order, "label": o.label} for o in chosen],
    }


# --- Import -----------------------------------------------------------------------------


def read(context: ImportContext, doc: Node) -> None:
    part = Node(doc.get("assessments"), "assessments")
    instruments = {i.slug: i for i in Instrument.objects.all()}
    skills = _import_skills(context, part, instruments)
    context.refs["personal_skills"] = skills
    _import_takes(context, part, instruments, skills)
    _import_roles(context, part)


def _import_skills(
    context: ImportContext, part: Node, instruments: dict[str, Instrument]
) -> dict[int, PersonalSkill]:
    skills: dict[int, PersonalSkill] = {}
    # The account may already have skills of its own (import only needs no goals or takes).
    skill_names = {
        (instrument_id, name.lower())
        for instrument_id, name in PersonalSkill.objects.filter(user=context.user).values_list(
            "instrument_id", "name"
        )
    }
    for item in part.objects("personal_skills"):
        instrument = context.find(instruments, item.text("instrument"))
        skill = item.build(PersonalSkill, SKILL_FIELDS)
        skill.user, skill.instrument = context.user, instrument
        if instrument is not None:
            item.once(skill_names, (instrument.pk, skill.name.lower()), "name")
        skills[item.new_ref(skills)] = skill
    # A skill of an instrument this site does not offer is not kept; links to it drop.
    PersonalSkill.objects.bulk_create([s for s in skills.values() if s.instrument_id is not None])
    return skills


def _import_takes(
    context: ImportContext,
    part: Node,
    instruments: dict[str, Instrument],
    skills: dict[int, PersonalSkill],
) -> None:
    takes, answers = [], []
    drafts: set[int] = set()
    for item in part.objects("takes"):
        instrument = context.find(instruments, item.text("instrument"))
        take = item.build(Take, TAKE_FIELDS)
        if (take.status == TakeStatus.COMPLETED) != (take.completed_at is not None):
            raise bad(item.at("completed_at"), _("should be set exactly when completed."))
        take.user, take.instrument = context.user, instrument
        if instrument is not None and take.status == TakeStatus.DRAFT:
            item.once(drafts, instrument.pk, "status")  # one unfinished take per instrument
        keys: set[str] = set()
        for number, sub in enumerate(item.objects("answers")):
            answer = sub.build(Answer, ANSWER_FIELDS)
            answer.take = take
            answer.question = question_for(context, sub.optional("question"))
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
            context.summary.skipped += 1
            answers = [a for a in answers if a.take is not take]
            continue
        takes.append(take)
    create_keeping_updated_at(Take, takes)
    Answer.objects.bulk_create(answers)
    context.summary.takes, context.summary.answers = len(takes), len(answers)


def _library_role(item: Node, roles: dict[str, Role]) -> Role:
    slug = item.text("role")
    if slug not in roles:
        raise bad(item.at("role"), _("names a role this site's library does not have."))
    return roles[slug]


def _import_roles(context: ImportContext, part: Node) -> None:
    """The current role and the targets; a file from before roles existed has neither."""
    roles = {role.slug: role for role in Role.objects.all()}
    if part.raw.get("current_role") is not None:
        item = part.optional("current_role")
        current = item.build(CurrentRole, CURRENT_FIELDS)
        current.user = context.user
        current.role = _library_role(item, roles) if item.get("role") is not None else None
        if current.role is None and not current.other_title.strip():
            raise bad(item.at("other_title"), _("is needed when no library role is named."))
        current.save()
    targets, seen, pursued = [], set(), set()
    for item in part.objects("target_roles") if "target_roles" in part.raw else []:
        target = item.build(TargetRole, TARGET_FIELDS)
        target.user, target.role = context.user, _library_role(item, roles)
        item.once(seen, target.role.pk, "role")
        if target.status == TargetStatus.PURSUING:
            item.once(pursued, "pursuing", "status")  # one role pursued at a time
        targets.append(target)
    TargetRole.objects.bulk_create(targets)
