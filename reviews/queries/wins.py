"""What the wins journal reads: a page of the journal with its filters' choices, the
values a "Record a win" link fills in, the wins a check-in opens with, and the wins beside
a goal. Each reads a fixed number of queries whatever the number of wins."""

from __future__ import annotations

import datetime

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, Subquery
from django.db.models.functions import ExtractYear
from django.http import Http404, QueryDict
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from assessments.models import PersonalSkill, Question
from careerapp.ownership import owned_or_404
from careerapp.sharing import Aside
from goals.models import Goal, Status, Task
from reviews.forms.wins import WinFilterForm
from reviews.models import CheckIn, Comment, Win
from reviews.models.wins import TITLE_MAX_LENGTH

WINS_PER_PAGE = 20
# The wins a check-in or a goal shows beside it; the journal has them all.
BESIDE_LIMIT = 20


def with_details(wins):
    """Wins with what their lines show: goal, member, skills (two prefetches)."""
    return wins.select_related("goal", "member").prefetch_related("skills", "personal_skills")


def filter_form(user, data: QueryDict | None) -> WinFilterForm:
    """The journal's filters, offering the years, goals and skills the person's wins
    have: three queries."""
    mine = Win.objects.for_user(user)
    years = (
        mine.annotate(year=ExtractYear("happened_on"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    goals = Goal.objects.for_user(user).filter(wins__isnull=False).distinct().order_by("title")
    questions = Question.objects.filter(wins__user=user).distinct().order_by("prompt")
    own = PersonalSkill.objects.filter(wins__user=user).distinct().order_by("name")
    skills = [(f"q{q.pk}", q.prompt) for q in questions] + [(f"p{s.pk}", s.name) for s in own]
    return WinFilterForm(data or None, years=list(years), goals=goals, skills=skills)


def journal_page(user, form: WinFilterForm, *, page: str | None) -> Page:
    wins = form.filter(Win.objects.for_user(user)).newest_first()
    return Paginator(with_details(wins), WINS_PER_PAGE).get_page(page)


# --- "Record a win": what a link fills in ------------------------------------------


def _pk(raw: str) -> int:
    if not raw.isdecimal() or len(raw) > 18:
        raise Http404
    return int(raw)


def _local_day(moment: datetime.datetime | None, today: datetime.date) -> datetime.date:
    return min(timezone.localdate(moment), today) if moment else today


def prefill(user, params: QueryDict, *, today: datetime.date) -> dict:
    """The add form's initial values from where the link was: ``task`` (a ticked step),
    ``goal`` (an achieved goal), ``checkin``, ``comment`` (a circle member's). Each id is
    the person's or a 404."""
    initial: dict = {"happened_on": today}
    if raw := params.get("goal"):
        goal = owned_or_404(Goal, user, pk=_pk(raw))
        achieved = goal.status == Status.ACHIEVED
        initial |= {
            "goal": goal.pk,
            "title": _("Achieved: %(goal)s") % {"goal": goal.title} if achieved else "",
            "happened_on": _local_day(goal.status_changed_at, today) if achieved else today,
            "skills": [goal.skill_question_id] if goal.skill_question_id else [],
            "personal_skills": [goal.personal_skill_id] if goal.personal_skill_id else [],
        }
        initial["title"] = Truncator(initial["title"]).chars(TITLE_MAX_LENGTH)
    if raw := params.get("task"):
        task = owned_or_404(Task.objects.select_related("goal"), user, pk=_pk(raw))
        initial |= {
            "task": task.pk,
            "goal": task.goal_id,
            "title": task.title,
            "happened_on": _local_day(task.done_at, today),
        }
    if raw := params.get("checkin"):
        checkin = owned_or_404(CheckIn, user, pk=_pk(raw))
        initial |= {"checkin": checkin.pk, "happened_on": min(checkin.period_end, today)}
    if raw := params.get("comment"):
        comment = owned_or_404(
            Comment.objects.from_circle().select_related("member"), user, pk=_pk(raw)
        )
        first_line = comment.body.strip().splitlines()[0] if comment.body.strip() else ""
        initial |= {
            "comment": comment.pk,
            "noticed_by": comment.author_name,
            "member": comment.member_id,
            "title": initial.get("title") or Truncator(first_line).chars(TITLE_MAX_LENGTH),
            "impact": comment.body,
            "happened_on": _local_day(comment.created_at, today),
        }
        if comment.goal_id:
            initial["goal"] = comment.goal_id
        if comment.checkin_id:
            initial["checkin"] = comment.checkin_id
    return initial


# --- Beside a check-in and a goal ----------------------------------------------------


def wins_for_checkin(checkin: CheckIn) -> list[Win]:
    """The wins since the previous check-in's period ended, up to this one's end (or, with
    no earlier check-in, those of this period): one query."""
    previous_end = (
        CheckIn.objects.filter(user_id=checkin.user_id, period_start__lt=checkin.period_start)
        .order_by("-period_start")
        .values("period_end")[:1]
    )
    return list(
        Win.objects.for_user(checkin.user_id)
        .annotate(previous_end=Subquery(previous_end))
        .filter(
            Q(previous_end__isnull=False, happened_on__gt=F("previous_end"))
            | Q(previous_end__isnull=True, happened_on__gte=checkin.period_start),
            happened_on__lte=checkin.period_end,
        )
        .select_related("goal", "member")
        .newest_first()[:BESIDE_LIMIT]
    )


def wins_aside(user, obj) -> Aside | None:
    """Under the owner's goal: the wins that served it, and a link to record one."""
    if obj._meta.label_lower != "goals.goal":
        return None
    wins = list(
        Win.objects.for_user(user)
        .filter(goal=obj)
        .select_related("member")
        .newest_first()[:BESIDE_LIMIT]
    )
    return Aside("reviews/includes/_goal_wins.html", {"goal": obj, "wins": wins})
