"""Results of a completed take, comparing two takes, and one skill over time.

Takes come through ``take_for`` and personal skills through ``personal_skill_for`` (see
``assessments/views.py``), so another person's are always a 404. Each page runs a fixed
number of queries however many takes the person has: the answers of every take shown
arrive in one query and ``assessments.reports`` does the rest in Python.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import F, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from assessments import reports
from assessments.access import personal_skill_for, take_for
from assessments.models import Answer, Instrument, Question, QuestionType, Take, TakeStatus
from goals.models import Goal


def _answers_by_take(takes: list[Take]) -> dict[int, list[Answer]]:
    """The answers of ``takes`` in one query, in questionnaire order, own skills last."""
    grouped: dict[int, list[Answer]] = defaultdict(list)
    answers = Answer.objects.filter(take__in=takes).order_by(
        F("question__order").asc(nulls_last=True), "question_id", "pk"
    )
    for answer in answers:
        grouped[answer.take_id].append(answer)
    return grouped


def _previous(take: Take) -> Take | None:
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


def goals_by_skill(user, skills: list[reports.SkillLevel]) -> dict[str, list[Goal]]:
    """The person's open goals that serve these skills, by answer key (one query)."""
    if not skills:
        return {}
    question_ids = [int(s.key[1:]) for s in skills if s.key.startswith("q")]
    own_ids = [int(s.key[1:]) for s in skills if s.key.startswith("p")]
    goals = (
        Goal.objects.for_user(user)
        .open()
        .filter(Q(skill_question_id__in=question_ids) | Q(personal_skill_id__in=own_ids))
    )
    found: dict[str, list[Goal]] = defaultdict(list)
    for goal in goals:
        if goal.skill_question_id:
            found[f"q{goal.skill_question_id}"].append(goal)
        else:
            found[f"p{goal.personal_skill_id}"].append(goal)
    return dict(found)


@require_GET
def results(request: HttpRequest, pk: int) -> HttpResponse:
    take = take_for(request, pk)
    if not take.is_completed:
        return redirect(take)
    previous = _previous(take)
    answers = _answers_by_take([take, previous] if previous else [take])
    mine, before = answers[take.pk], answers[previous.pk] if previous else []
    skills = reports.skill_levels(mine, assessed_on=reports.local_date(take.completed_at))
    gaps = reports.gaps(skills)
    goals = goals_by_skill(request.user, gaps)
    context = {
        "take": take,
        "instrument": take.instrument,
        "previous": previous,
        "skills": skills,
        "chart": reports.level_chart(skills),
        "strengths": reports.strengths(skills),
        "gaps": [(gap, goals.get(gap.key, [])) for gap in gaps],
        "ratings": reports.ranked_ratings(mine),
        "choices": reports.choices(mine),
        "written": reports.written(mine),
        "changes": reports.changed_only(reports.changes(before, mine)) if previous else [],
    }
    return render(request, "assessments/results.html", context)


def _chosen(request: HttpRequest, name: str, takes: dict[int, Take]) -> Take | None:
    """The take named in the query string; a foreign, draft or malformed id is a 404."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdecimal() or len(raw) > 18 or int(raw) not in takes:
        raise Http404
    return takes[int(raw)]


@require_GET
def compare(request: HttpRequest, slug: str) -> HttpResponse:
    instrument = get_object_or_404(Instrument, slug=slug)
    takes = list(
        Take.objects.for_user(request.user).completed().filter(instrument=instrument).latest_first()
    )
    by_id = {take.pk: take for take in takes}
    first, second = _chosen(request, "a", by_id), _chosen(request, "b", by_id)
    context = {
        "instrument": instrument,
        "takes": takes,
        "take_choices": reports.take_choices(takes),
    }
    if len(takes) < 2:
        return render(request, "assessments/compare.html", context)
    # Unpicked boxes default to the latest takes not already picked.
    if second is None:
        second = next(take for take in takes if take != first)
    if first is None:
        first = next(take for take in takes if take != second)
    # The earlier take is always "before", whichever box it was picked in.
    before, after = sorted([first, second], key=lambda take: (take.completed_at, take.pk))
    answers = _answers_by_take([before, after])
    rows = reports.changes(answers.get(before.pk, []), answers.get(after.pk, []))
    context |= {
        "before": before,
        "after": after,
        "rows": rows,
        "changed_count": len(reports.changed_only(rows)),
    }
    return render(request, "assessments/compare.html", context)


def _skill_subject(request: HttpRequest, key: str) -> tuple[str, dict]:
    """The skill's name and the goal filter for it: a skill question or an own skill."""
    if key.startswith("p"):
        own = personal_skill_for(request, key)
        return own.name, {"personal_skill": own}
    if not key.startswith("q") or not key[1:].isdigit():
        raise Http404
    question = get_object_or_404(Question, pk=int(key[1:]), type=QuestionType.SKILL)
    return question.prompt, {"skill_question": question}


@require_GET
def skill_detail(request: HttpRequest, key: str) -> HttpResponse:
    name, goal_filter = _skill_subject(request, key)
    answers = list(
        Answer.objects.filter(key=key, take__user=request.user, take__status=TakeStatus.COMPLETED)
        .select_related("take__instrument")
        .order_by("take__completed_at", "take_id")
    )
    latest = answers[-1] if answers else None
    skill = None
    if latest is not None:
        levels = reports.skill_levels(
            [latest], assessed_on=reports.local_date(latest.take.completed_at)
        )
        skill = levels[0] if levels else None
    goals = Goal.objects.for_user(request.user).filter(**goal_filter).with_task_counts()
    chart = reports.history_chart(answers)
    context = {
        "key": key,
        "name": name,
        "latest": latest,
        "skill": skill,
        "chart": chart,
        "history": chart.points[::-1],
        "goals": goals.by_priority(),
    }
    return render(request, "assessments/skill_detail.html", context)
