"""What self-assessments add to the dashboard: a checklist item and one panel."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assessments import reports
from assessments.models import Answer, Instrument, QuestionType, Take
from assessments.result_views import goals_by_skill
from careerapp.dashboard import ChecklistItem

PANEL_GAPS = 3


def checklist(user) -> list[ChecklistItem]:
    return [
        ChecklistItem(
            key="first_assessment",
            label=_("Take your first self-assessment"),
            hint=_("Twenty minutes on where you stand today: the baseline for everything after."),
            url=reverse("assessments:index"),
            done=Take.objects.for_user(user).completed().exists(),
            order=30,
        )
    ]


def assessments_panel(user) -> dict:
    """Retakes that are due, and the top gaps of the latest take that rated skills."""
    due = list(Instrument.objects.due_for(user).order_by("last_completed_at"))
    latest = (
        Take.objects.for_user(user)
        .completed()
        .filter(answers__type=QuestionType.SKILL)
        .order_by("-completed_at", "-pk")
        .values("pk")[:1]
    )
    answers = list(
        Answer.objects.filter(take_id__in=latest, type=QuestionType.SKILL)
        .select_related("take__instrument")
        .order_by("pk")
    )
    take = answers[0].take if answers else None
    skills = (
        reports.skill_levels(answers, assessed_on=reports.local_date(take.completed_at))
        if take
        else []
    )
    gaps = reports.gaps(skills, limit=PANEL_GAPS)
    goals = goals_by_skill(user, gaps)
    return {"due": due, "take": take, "gaps": [(gap, goals.get(gap.key, [])) for gap in gaps]}
