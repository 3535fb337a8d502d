"""What the goals pages read, assembled once: more than one QuerySet method each."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from assessments import queries as assessment_queries
from assessments.models import (
    Instrument,
    InstrumentKind,
    LearningKind,
    LearningSuggestion,
    PersonalSkill,
    Question,
    QuestionType,
    Role,
    Take,
)
from careerapp.content import in_language, language_columns
from careerapp.ownership import owned_or_404
from goals.charts.learning import HoursChart, HoursRow, hours_by_skill, hours_by_year
from goals.charts.shapes import DEFAULT_ZOOM, ZOOMS, Timeline
from goals.charts.timeline import build_timeline, window
from goals.forms import GoalFilterForm, LearningFilterForm
from goals.models import Decision, Goal, GoalQuerySet, LearningItem, LearningStatus, Task

# A page of the goal list or the archive: a screenful or two, the same cost for a person
# with 3 goals or 3,000 (issue #8).
GOALS_PER_PAGE = 20


def goal_list_page(user, form: GoalFilterForm, *, page: str | None) -> Page:
    """Page ``page`` of the person's goals as the list's filters and order pick them."""
    goals = form.filter(Goal.objects.for_user(user).with_task_counts())
    return Paginator(goals, GOALS_PER_PAGE).get_page(page)


def goal_archive_page(user, *, page: str | None) -> Page:
    """Page ``page`` of the person's achieved and dropped goals, the latest closed first."""
    goals = (
        Goal.objects.for_user(user)
        .closed()
        .with_task_counts()
        .order_by("-status_changed_at", "-pk")
    )
    return Paginator(goals, GOALS_PER_PAGE).get_page(page)


def goal_list_order(user, form: GoalFilterForm) -> list[int]:
    """The pks of the goals the list shows with ``form``'s filters, in its order."""
    return list(form.filter(Goal.objects.for_user(user)).values_list("pk", flat=True))


def goal_list_url(user, form: GoalFilterForm, query: QueryDict, goal: Goal) -> str:
    """The list as the person left it (``query``: its filters), on the page where ``goal``
    is now, scrolled to it."""
    order = goal_list_order(user, form)
    query = query.copy()
    query.pop("page", None)
    if goal.pk in order:
        page = order.index(goal.pk) // GOALS_PER_PAGE + 1
        if page > 1:
            query["page"] = str(page)
    suffix = f"?{query.urlencode()}" if query else ""
    return f"{reverse('goals:list')}{suffix}#goal-{goal.pk}"


# Goals drawn per page. A chart much taller than a screen stops being an overview, and
# every row brings its steps to the chart and the list below: ten rows keep the large
# person's page near the small one's (the "timeline: large / small" pair of make bench-web).
ROWS_PER_PAGE = 10


class _CountedPaginator(Paginator):
    """A paginator given its count, which the page's summary query has already made."""

    def __init__(self, object_list, per_page: int, *, count: int):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count


def timeline_page(
    goals: GoalQuerySet, *, today: datetime.date, zoom: str, page: str | None
) -> Timeline:
    """Page ``page`` of the timeline of ``goals`` (one person's, filtered) for ``zoom``.

    Three queries whatever the person's history: the counts, the page's goals (with the
    span of their steps), and those goals' steps in view or overdue.
    """
    zoom = zoom if zoom in ZOOMS else DEFAULT_ZOOM
    start, end = window(today, zoom)
    counts = goals.timeline_counts(start=start, end=end)
    steps = Task.objects.on_timeline(start=start, end=end).order_by("due_date", "pk")
    rows = (
        goals.on_timeline(start=start, end=end)
        .timeline_order()
        .with_due_span()
        .prefetch_related(Prefetch("tasks", queryset=steps, to_attr="tasks_in_view"))
    )
    paginator = _CountedPaginator(rows, ROWS_PER_PAGE, count=counts["shown"])
    page_obj = paginator.get_page(page)
    chart = build_timeline(page_obj, today=today, zoom=zoom)
    chart.page_obj = page_obj
    chart.undated_count, chart.outside_count = counts["undated"], counts["outside"]
    return chart


# --- Decisions and the plan from a role's gaps ---------------------------------------

# The criteria a new decision starts with when the person has no work values on record.
DEFAULT_CRITERIA = (_("Growth"), _("Pay"), _("Balance"), _("Meaning"))
TOP_VALUES = 4
DECISIONS_PER_PAGE = 50


def top_values(user, count: int = TOP_VALUES) -> list[str]:
    """The person's top work values from their latest completed values take: the ones
    they picked as mattering most, then the highest rated; else a default set."""
    take = (
        Take.objects.for_user(user)
        .completed()
        .filter(instrument__kind=InstrumentKind.VALUES)
        .latest_first()
        .first()
    )
    names: list[str] = []
    if take is not None:
        # With the options: the values picked, in the person's language (Answer.labels).
        answers = take.answers.select_related("question").prefetch_related("question__options")
        answers = list(answers.order_by("pk"))
        for answer in answers:
            if answer.type == QuestionType.MULTIPLE:
                names += [label for label in answer.labels if label not in names]
        rated = sorted(
            (a for a in answers if a.type == QuestionType.RATING and a.rating is not None),
            key=lambda answer: -answer.rating,
        )
        names += [a.wording for a in rated if a.wording not in names]
    return names[:count] or [str(name) for name in DEFAULT_CRITERIA]


def decision_list_page(user, *, page: str | None) -> Page:
    """The person's decisions, open ones first, with their option counts."""
    decisions = (
        Decision.objects.for_user(user)
        .open_first()
        .select_related("chosen")
        .annotate(option_count=Count("options", distinct=True))
    )
    return Paginator(decisions, DECISIONS_PER_PAGE).get_page(page)


@dataclass(frozen=True)
class Gap:
    name: str  # the skill
    required: int
    current: int | None  # None: not assessed yet
    suggestion: LearningSuggestion | None

    @property
    def size(self) -> int:
        return self.required - (self.current or 0)


@dataclass(frozen=True)
class RoleGaps:
    role: Role
    gaps: list[Gap]  # largest first; skills not assessed yet last
    match: int  # the compare page's match figure


def role_gaps(user, role: Role) -> RoleGaps:
    """Where my latest skill levels fall short of what ``role`` asks for, exactly as the
    compare page counts it (``assessments.queries.role_comparison``: the same order and the
    same match figure), each gap with the first learning suggestion for its skill."""
    comparison = assessment_queries.role_comparison(user, role)
    short = [skill for skill in comparison.skills if skill.current is None or skill.gap]
    suggestions: dict[int, LearningSuggestion] = {}
    ids = [skill.question_id for skill in short]
    for suggestion in LearningSuggestion.objects.active().filter(question_id__in=ids):
        suggestions.setdefault(suggestion.question_id, suggestion)
    return RoleGaps(
        role=role,
        gaps=[Gap(s.name, s.required, s.current, suggestions.get(s.question_id)) for s in short],
        match=comparison.match or 0,
    )


# --- The learning log -------------------------------------------------------------------

LEARNING_PER_PAGE = 30


def learning_list_page(user, form: LearningFilterForm, *, page: str | None) -> Page:
    """Page ``page`` of the person's learning as the filters pick it, in progress and
    planned first (the template groups the rows by status): two queries, the count and
    the page with its kinds. Each row knows whether it has expired or expires soon."""
    items = form.filter(LearningItem.objects.for_user(user)).for_list().in_list_order()
    page_obj = Paginator(items, LEARNING_PER_PAGE).get_page(page)
    today = timezone.localdate()
    for item in page_obj:
        item.expired, item.expiring_soon = item.is_expired(today), item.expires_soon(today)
    return page_obj


def learning_hours(user) -> dict[str, HoursChart]:
    """The hours chart: hours of the items in progress or done, per year (the year they
    ended, else began, else were logged) and per skill. Three queries."""
    zone = timezone.get_current_timezone()
    rows = [
        HoursRow(pk, hours, finished or started or created.astimezone(zone).date())
        for pk, hours, finished, started, created in LearningItem.objects.for_user(user)
        .filter(status__in=(LearningStatus.DONE, LearningStatus.IN_PROGRESS), hours__gt=0)
        .values_list("pk", "hours", "finished_on", "started_on", "created_at")
    ]
    ids = [row.pk for row in rows]
    skills = [
        (row["learningitem_id"], in_language(row, "question__prompt"))
        for row in LearningItem.skills.through.objects.filter(learningitem_id__in=ids).values(
            "learningitem_id", *language_columns("question__prompt")
        )
    ]
    skills += LearningItem.personal_skills.through.objects.filter(
        learningitem_id__in=ids
    ).values_list("learningitem_id", "personalskill__name")
    return {"by_year": hours_by_year(rows), "by_skill": hours_by_skill(rows, skills)}


def learning_item_page(user, pk: int) -> LearningItem:
    """One item with its kind, suggestion, skills (and their instruments) and goals."""
    return owned_or_404(
        LearningItem.objects.select_related("kind", "suggestion").prefetch_related(
            Prefetch("skills", queryset=Question.objects.select_related("instrument")),
            Prefetch(
                "personal_skills", queryset=PersonalSkill.objects.select_related("instrument")
            ),
            Prefetch("goals", queryset=Goal.objects.order_by("priority", "pk")),
        ),
        user,
        pk=pk,
    )


@dataclass(frozen=True)
class Retake:
    """A self-assessment to take again now that learning for one of its skills is done."""

    name: str
    url: str


# Which self-assessments a finished item suggests retaking: an offered instrument that
# still asks one of its skills, a shipped one (an active question) or the person's own (not
# removed); a retake starts from the last answers of exactly those (assessments
# ``take_start``), so it shows how the skill moved. ``retakes`` (the item's page, from
# what it prefetched) and ``suggests_retake`` (the saved message, one query) must agree:
# the message promises the link the page shows.


def retakes(item: LearningItem) -> list[Retake]:
    """The instruments to retake for the item's skills (prefetched by
    ``learning_item_page``)."""
    instruments = {q.instrument for q in item.skills.all() if q.is_active}
    instruments |= {skill.instrument for skill in item.personal_skills.all() if skill.is_active}
    return [
        Retake(instrument.name, reverse("assessments:instrument", args=[instrument.slug]))
        for instrument in sorted(instruments, key=lambda i: (i.order, i.pk))
        if instrument.is_active
    ]


def suggests_retake(item: LearningItem) -> bool:
    """Whether ``retakes(item)`` has a link to give: one query."""
    asked = Q(questions__learning_items=item, questions__is_active=True) | Q(
        personal_skills__learning_items=item, personal_skills__is_active=True
    )
    return Instrument.objects.active().filter(asked).exists()


def _number(params: QueryDict, name: str) -> int | None:
    raw = params.get(name, "")
    return int(raw) if raw.isdecimal() and len(raw) < 10 else None


def learning_initial(user, params: QueryDict) -> dict:
    """The add form filled in from where the person started: ``?suggestion=`` (a library
    suggestion: its title, kind, link and skill), ``?question=`` (a skill gap), ``?skill=``
    (an own skill), ``?goal=`` (a goal and the skill it serves), ``?role=`` (a role's gap
    skills). Ids that are not the person's, or not there, are left out."""
    initial: dict = {"kind": LearningKind.objects.active().values_list("pk", flat=True).first()}
    skills, own, goals = [], [], []
    if pk := _number(params, "suggestion"):
        suggestion = LearningSuggestion.objects.active().filter(pk=pk).first()
        if suggestion is not None:
            initial |= {
                "title": suggestion.title,
                "kind": suggestion.kind_id,
                "url": suggestion.url,
            }
            initial["suggestion"] = suggestion.pk
            skills.append(suggestion.question_id)
    serving = Goal.objects.for_user(user).open().values_list("pk", flat=True)
    if pk := _number(params, "question"):
        skills += Question.objects.filter(
            pk=pk, type=QuestionType.SKILL, is_active=True
        ).values_list("pk", flat=True)
        goals += serving.filter(skill_question_id=pk)  # the goals already serving the gap
    if pk := _number(params, "skill"):
        own += PersonalSkill.objects.for_user(user).filter(pk=pk).values_list("pk", flat=True)
        goals += serving.filter(personal_skill_id=pk)
    if pk := _number(params, "goal"):
        goal = Goal.objects.for_user(user).filter(pk=pk).first()
        if goal is not None and goal.pk not in goals:
            goals.append(goal.pk)
            skills += [goal.skill_question_id] if goal.skill_question_id else []
            own += [goal.personal_skill_id] if goal.personal_skill_id else []
    role = Role.objects.active().filter(slug=params.get("role", "")[:50]).first()
    if role is not None:
        comparison = assessment_queries.role_comparison(user, role)
        skills += [s.question_id for s in comparison.skills if s.current is None or s.gap]
    return initial | {
        "skills": list(dict.fromkeys(skills)),
        "personal_skills": list(dict.fromkeys(own)),
        "goals": list(dict.fromkeys(goals)),
    }
