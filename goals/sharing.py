"""What the goals app offers a person's circle (``careerapp.sharing``): goals and
decisions, listed and shown read-only.

Each function reads only the owner's rows (``for_user``), so a pk from a link that is not
the owner's is a 404; each reads a fixed number of queries however many steps, options
or changes there are (pinned in ``goals/tests/test_sharing.py``).
"""

from __future__ import annotations

from collections.abc import Collection

from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _

from careerapp.ownership import owned_or_404
from careerapp.sharing import Shareable, SharedItem, SharedPage
from goals.charts.ranking import decision_ranking
from goals.models import Decision, DecisionStatus, Goal


def goal_items(owner, pks: Collection[int] | None) -> list[SharedItem]:
    """The goals ``pks`` name (None: every goal not yet archived), in the owner's order:
    one query."""
    goals = Goal.objects.for_user(owner).with_task_counts()
    goals = goals.open() if pks is None else goals.filter(pk__in=pks)
    return [SharedItem(goal.pk, goal.title, _goal_line(goal)) for goal in goals.by_priority()]


def _goal_line(goal: Goal) -> str:
    parts = [goal.status_label, _("%(percent)s%% done") % {"percent": goal.progress}]
    if goal.target_date:
        parts.append(
            _("target %(date)s") % {"date": date_format(goal.target_date, gettext("j F Y"))}
        )
    return " · ".join(str(part) for part in parts)


def goal_page(owner, pk: int | None) -> SharedPage:
    """One goal read-only: its facts, progress, steps and history (three queries)."""
    if pk is None:
        raise Http404
    goal = owned_or_404(Goal.objects.for_page(), owner, pk=pk)
    context = {
        "goal": goal,
        "tasks": goal.tasks.all(),
        "changes": goal.changes.all(),
        "today": timezone.localdate(),
    }
    return SharedPage("goals/includes/_shared_goal.html", context, goal.title, target=goal)


def decision_items(owner, pks: Collection[int] | None) -> list[SharedItem]:
    """The decisions ``pks`` name (None: all of them), open ones first: one query."""
    decisions = Decision.objects.for_user(owner)
    if pks is not None:
        decisions = decisions.filter(pk__in=pks)
    return [
        SharedItem(decision.pk, decision.question, DecisionStatus(decision.status).label)
        for decision in decisions.open_first()
    ]


def decision_page(owner, pk: int | None) -> SharedPage:
    """One decision read-only: options, scores and totals, gut check, the choice and its
    history (five queries)."""
    if pk is None:
        raise Http404
    decision = owned_or_404(Decision.objects.for_page(), owner, pk=pk)
    context = {
        "decision": decision,
        "ranking": decision_ranking(decision),
        "changes": decision.changes.all(),
    }
    return SharedPage(
        "goals/includes/_shared_decision.html", context, decision.question, target=decision
    )


GOALS = Shareable(
    key="goals", label=gettext_lazy("Goals"), items=goal_items, page=goal_page, order=10
)
DECISIONS = Shareable(
    key="decisions",
    label=gettext_lazy("Decisions"),
    items=decision_items,
    page=decision_page,
    order=40,
)
