"""The "learning" part of the export: the learning log, each item with its kind (by slug),
its skills (as goals refer to them: a shipped question by its key, an own skill by its
ref), the goals it serves (by ref) and the library suggestion it came from. Read after
the goals and assessments parts it links to. A kind this site lacks refuses the file."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from assessments.models import LearningKind, LearningSuggestion, Question
from assessments.portability import question_for, question_key
from careerapp.models import User
from careerapp.portability import ExportContext, ImportContext
from careerapp.portability.document import Node, bad, create_keeping_updated_at, values
from goals.models import LearningItem

LEARNING_FIELDS = (
    "title",
    "provider",
    "url",
    "status",
    "started_on",
    "finished_on",
    "currency",
    "notes",
    "expires_on",
    "created_at",
    "updated_at",
)


def has_learning(user: User) -> bool:
    return LearningItem.objects.for_user(user).exists()


def _amount(value) -> str | None:
    return None if value is None else str(value)


def write_learning(context: ExportContext) -> list[dict[str, Any]]:
    """Each item with its kind (by slug), skills (as goals refer to them), goals (by ref)
    and the library suggestion it came from (its skill and title): five queries."""
    items = (
        LearningItem.objects.for_user(context.user)
        .select_related("kind", "suggestion__question__instrument")
        .prefetch_related(
            Prefetch("skills", queryset=Question.objects.select_related("instrument")),
            "personal_skills",
            "goals",
        )
        .order_by("created_at", "pk")
    )
    goal_refs, skill_refs = context.refs["goals"], context.refs["personal_skills"]
    return [
        {
            **values(item, LEARNING_FIELDS),
            "kind": item.kind.slug,
            "hours": _amount(item.hours),
            "cost": _amount(item.cost),
            "skills": [question_key(question) for question in item.skills.all()],
            "personal_skill_refs": [skill_refs[s.pk] for s in item.personal_skills.all()],
            "goal_refs": [goal_refs[goal.pk] for goal in item.goals.all()],
            "suggestion": {
                "skill": question_key(item.suggestion.question),
                "title": item.suggestion.title,
            }
            if item.suggestion
            else None,
        }
        for item in items
    ]


def _kind_for(context: ImportContext, item: Node) -> LearningKind:
    slug = item.text("kind")
    kinds = context.shared(
        "assessments.kinds", lambda: {k.slug: k for k in LearningKind.objects.all()}
    )
    if slug not in kinds:
        raise bad(
            item.at("kind"),
            _(
                "names the kind of learning “%(slug)s”, which this site does not have. Ask "
                "the site's admin to add it, or change it in the file to one it has, such as "
                "“course”."
            )
            % {"slug": slug},
        )
    return kinds[slug]


def _check_learning(item: Node, learning: LearningItem) -> None:
    """What the form refuses, refused here too, naming the place."""
    started, finished, expires = learning.started_on, learning.finished_on, learning.expires_on
    if started and finished and finished < started:
        raise bad(item.at("finished_on"), _("is before started_on."))
    if expires and not learning.kind.expires:
        raise bad(item.at("expires_on"), _("is set for a kind of learning that does not expire."))
    if expires and (started and expires < started or finished and expires < finished):
        raise bad(item.at("expires_on"), _("is before the learning started or ended."))


def _suggestion_for(context: ImportContext, item: Node) -> LearningSuggestion | None:
    found = item.optional("suggestion")
    if found is None:
        return None
    question = question_for(context, found.optional("skill"))
    title = found.text("title")
    suggestion = (
        LearningSuggestion.objects.filter(question=question, title=title).first()
        if question is not None
        else None
    )
    context.summary.unlinked += question is not None and suggestion is None
    return suggestion


def read_learning(context: ImportContext, doc: Node) -> None:
    # Files exported before the learning log lack the key.
    if "learning" not in doc.raw:
        return
    goals, skills = context.refs["goals"], context.refs["personal_skills"]
    items, links = [], []
    for item in doc.objects("learning"):
        learning = item.build(LearningItem, (*LEARNING_FIELDS, "hours", "cost"))
        learning.user, learning.kind = context.user, _kind_for(context, item)
        _check_learning(item, learning)
        learning.suggestion = _suggestion_for(context, item)
        questions = [
            question_for(context, Node(key, item.at("skills"))) for key in item.get("skills")
        ]
        own = [
            _ref(item, "personal_skill_refs", ref, skills)
            for ref in item.get("personal_skill_refs")
        ]
        served = [_ref(item, "goal_refs", ref, goals) for ref in item.get("goal_refs")]
        items.append(learning)
        links.append(([q for q in questions if q is not None], own, served))
    create_keeping_updated_at(LearningItem, items)
    for learning, (questions, own, served) in zip(items, links, strict=True):
        learning.skills.set(questions)
        learning.personal_skills.set([skill for skill in own if skill.pk is not None])
        learning.goals.set(served)


def _ref(item: Node, key: str, ref: Any, known: dict[int, Any]) -> Any:
    if type(ref) is not int or ref not in known:
        raise bad(item.at(key), _("points at nothing in this file."))
    return known[ref]
