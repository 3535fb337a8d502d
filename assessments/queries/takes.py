"""What the results, compare and skill pages and the admin's preview read, each assembled once.

Each page runs a fixed number of queries however many takes the person has: the answers of
every take shown arrive in one query and ``assessments.charts`` does the rest in Python.
Goals are reached through the links the goals app puts on skill questions and personal
skills (``Question.goals``), so this app imports no other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments import charts
from assessments.models import (
    SKILL_LEVELS,
    Answer,
    Instrument,
    Option,
    PersonalSkill,
    Question,
    QuestionType,
    Take,
    TakeStatus,
)
from careerapp.ownership import owned_or_404

CHOICE_TYPES = {QuestionType.SINGLE, QuestionType.MULTIPLE}


def goals() -> QuerySet:
    """Every goal, through the goals app's link to skill questions (see the docstring)."""
    return Question.goals.field.model.objects.all()


def answers_by_take(takes: list[Take], *, options: bool = True) -> dict[int, list[Answer]]:
    """The answers of ``takes`` in questionnaire order, own skills last, with their
    questions (one query) and, with ``options``, the questions' options (one more), to
    show the words they kept in the reader's language."""
    grouped: dict[int, list[Answer]] = defaultdict(list)
    answers = Answer.objects.filter(take__in=takes).select_related("question")
    if options:
        answers = answers.prefetch_related("question__options")
    answers = answers.order_by(F("question__order").asc(nulls_last=True), "question_id", "pk")
    for answer in answers:
        grouped[answer.take_id].append(answer)
    return grouped


def previous_take(take: Take) -> Take | None:
    earlier = Q(completed_at__lt=take.completed_at) | Q(
        completed_at=take.completed_at, pk__lt=take.pk
    )
    return (
        Take.objects.filter(user_id=take.user_id)
        .completed()
        .filter(instrument_id=take.instrument_id)
        .filter(earlier)
        .order_by("-completed_at", "-pk")
        .first()
    )


def goals_by_skill(user, skills: list[charts.SkillLevel]) -> dict[str, list]:
    """The person's open goals that serve these skills, by answer key (one query)."""
    if not skills:
        return {}
    question_ids = [int(s.key[1:]) for s in skills if s.key.startswith("q")]
    own_ids = [int(s.key[1:]) for s in skills if s.key.startswith("p")]
    found: dict[str, list] = defaultdict(list)
    serving = Q(skill_question_id__in=question_ids) | Q(personal_skill_id__in=own_ids)
    for goal in goals().for_user(user).open().filter(serving):
        if goal.skill_question_id:
            found[f"q{goal.skill_question_id}"].append(goal)
        else:
            found[f"p{goal.personal_skill_id}"].append(goal)
    return dict(found)


def ranked_ratings(answers: Iterable[Answer]) -> list[Answer]:
    """Rated statements, highest first; ties keep the questionnaire's order."""
    rated = [a for a in answers if a.type == QuestionType.RATING and a.rating is not None]
    return sorted(rated, key=lambda answer: -answer.rating)


def choices(answers: Iterable[Answer]) -> list[Answer]:
    return [a for a in answers if a.type in CHOICE_TYPES and a.option_labels]


def written(answers: Iterable[Answer]) -> list[Answer]:
    return [a for a in answers if a.type == QuestionType.TEXT and a.text.strip()]


def take_choices(takes: Sequence[Take]) -> list[tuple[Take, str]]:
    """Takes with a label for pickers: the date, plus the time where two share a date."""
    days = [charts.local_date(take.completed_at) for take in takes]
    labelled = []
    for take, day in zip(takes, days, strict=True):
        label = date_format(day, gettext("j F Y"))
        if days.count(day) > 1:
            label += " · " + date_format(timezone.localtime(take.completed_at), "H:i")
        labelled.append((take, label))
    return labelled


def take_results(take: Take) -> dict:
    """A completed take's results, with what changed since the take before it: three
    queries. The gaps are bare; ``results_page`` adds the owner's goals serving each."""
    previous = previous_take(take)
    answers = answers_by_take([take, previous] if previous else [take])
    mine, before = answers[take.pk], answers[previous.pk] if previous else []
    skills = charts.skill_levels(mine, assessed_on=charts.local_date(take.completed_at))
    return {
        "take": take,
        "instrument": take.instrument,
        "previous": previous,
        "skills": skills,
        "chart": charts.level_chart(skills),
        "strengths": charts.strengths(skills),
        "gaps": charts.gaps(skills),
        "ratings": ranked_ratings(mine),
        "choices": choices(mine),
        "written": written(mine),
        "changes": charts.changed_only(charts.changes(before, mine)) if previous else [],
    }


def results_page(take: Take) -> dict:
    """The owner's results page: ``take_results`` with the open goals serving each gap."""
    context = take_results(take)
    serving = goals_by_skill(take.user_id, context["gaps"])
    return context | {"gaps": [(gap, serving.get(gap.key, [])) for gap in context["gaps"]]}


def _chosen(raw: str, takes: dict[int, Take]) -> Take | None:
    """The take a compare box names; a foreign, draft or malformed id is a 404."""
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isdecimal() or len(raw) > 18 or int(raw) not in takes:
        raise Http404
    return takes[int(raw)]


def compare_page(user, slug: str, first: str = "", second: str = "") -> dict:
    """Two completed takes side by side; ``first`` and ``second`` are the boxes' take ids."""
    instrument = get_object_or_404(Instrument, slug=slug)
    takes = list(
        Take.objects.for_user(user).completed().filter(instrument=instrument).latest_first()
    )
    by_id = {take.pk: take for take in takes}
    picked, other = _chosen(first, by_id), _chosen(second, by_id)
    context = {"instrument": instrument, "takes": takes, "take_choices": take_choices(takes)}
    if len(takes) < 2:
        return context
    # Unpicked boxes default to the latest takes not already picked.
    if other is None:
        other = next(take for take in takes if take != picked)
    if picked is None:
        picked = next(take for take in takes if take != other)
    # The earlier take is always "before", whichever box it was picked in.
    before, after = sorted([picked, other], key=lambda take: (take.completed_at, take.pk))
    answers = answers_by_take([before, after])
    rows = charts.changes(answers.get(before.pk, []), answers.get(after.pk, []))
    return context | {
        "before": before,
        "after": after,
        "rows": rows,
        "changed_count": len(charts.changed_only(rows)),
    }


def personal_skill_pk(key: str) -> int:
    """The id in an own skill's answer key: "p12" is 12 (the URLs let only p<digits> in)."""
    return int(key[1:])


def _skill_subject(user, key: str) -> Question | PersonalSkill:
    """A skill question, or the person's own skill (another person's is a 404)."""
    if key.startswith("p"):
        return owned_or_404(PersonalSkill, user, pk=personal_skill_pk(key))
    return get_object_or_404(Question, pk=int(key[1:]), type=QuestionType.SKILL)


def skill_page(user, key: str) -> dict:
    """One skill over time: every completed take's levels for it, and the goals serving it."""
    subject = _skill_subject(user, key)
    answers = list(
        Answer.objects.filter(key=key, take__user=user, take__status=TakeStatus.COMPLETED)
        .select_related("take__instrument", "question")
        .order_by("take__completed_at", "take_id")
    )
    latest = answers[-1] if answers else None
    skill = None
    if latest is not None:
        levels = charts.skill_levels(
            [latest], assessed_on=charts.local_date(latest.take.completed_at)
        )
        skill = levels[0] if levels else None
    chart = charts.history_chart(answers)
    return {
        "key": key,
        "name": subject.prompt if isinstance(subject, Question) else subject.name,
        "latest": latest,
        "skill": skill,
        "chart": chart,
        "history": chart.points[::-1],
        "goals": subject.goals.for_user(user).with_task_counts().by_priority(),
        # The learning log's items for this skill, through goals' reverse relation.
        "learning": subject.learning_items.filter(user=user)
        .select_related("kind")
        .order_by("-created_at", "-pk"),
        "learning_url": charts.learning_url(key),
    }


def instrument_preview(instrument: Instrument) -> dict:
    """What the admin's preview shows: the active questions grouped into pages the way a
    take shows them, and how many inactive ones are left out."""
    questions = instrument.questions.prefetch_related(
        Prefetch("options", queryset=Option.objects.filter(is_active=True))
    )
    pages: dict[str, list[Question]] = {}
    hidden = 0
    for question in questions:
        if not question.is_active:
            hidden += 1
            continue
        labels = {1: question.low_label, 5: question.high_label}
        question.scale = [(n, labels.get(n, "")) for n in range(1, 6)]
        question.too_few_options = question.has_options and len(question.options.all()) < 2
        pages.setdefault(question.section, []).append(question)
    result = [
        {
            "section": section,
            "questions": items,
            "has_skills": any(q.type == QuestionType.SKILL for q in items),
        }
        for section, items in pages.items()
    ]
    return {
        "pages": result,
        "page_count": len(result) + (1 if instrument.allows_personal_items else 0),
        "hidden_count": hidden,
        "levels": [(level, name, meaning) for level, (name, meaning) in SKILL_LEVELS.items()],
        "skill_parts": [("current", _("Where I am now")), ("desired", _("Where I want to be"))],
    }
