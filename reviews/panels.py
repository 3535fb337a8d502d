"""What reviews adds to other pages: the dashboard's checklist item and check-ins panel,
and the circle's comments beside the owner's goal, check-in or result (an aside)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerapp import dashboard
from careerapp.dashboard import ChecklistItem
from careerapp.sharing import Aside
from reviews import queries
from reviews.queries.circle import threads_for_owner

# What the panel leads with.
DONE = "done"  # this period's check-in is submitted; the next one is ahead
OVERDUE = "overdue"  # the last period ended without one, and this one is still open
DUE_TODAY = "due_today"  # today is the last day of the period
DUE = "due"  # open, with days to spare


def checklist(user) -> list[ChecklistItem]:
    return [
        ChecklistItem(
            key="first_checkin",
            label=_("Do your first check-in"),
            hint=_("Ten quiet minutes: how each goal moved, what got in the way, how you feel."),
            url=reverse("reviews:index"),
            done=_state(user).last_submitted is not None,
            order=50,
        )
    ]


def _state(user) -> queries.CheckInState:
    # The checklist item and the panel read the same state, once per dashboard.
    today = timezone.localdate()
    return dashboard.shared(
        f"reviews:{user.pk}:{today}", lambda: queries.checkin_state(user, today=today)
    )


def checkins_panel(user) -> dict:
    """The check-in state on the person's today: the three queries of ``checkin_state``,
    however long the history."""
    today = timezone.localdate()
    state = _state(user)
    status = _status(state, today)
    return {
        "state": state,
        "status": status,
        # Slipped by before the person found their rhythm again: told as history, not debt.
        "earlier_missed": 0 if status == OVERDUE else state.missed,
        "days_left": (state.due_date - today).days,
        "last": state.last_submitted,
    }


def _status(state: queries.CheckInState, today) -> str:
    if state.is_done:
        return DONE
    # With nothing submitted in the period just before this one, the streak is 0; the
    # missed count says whether that period counted (it may predate the schedule).
    if state.streak == 0 and state.missed:
        return OVERDUE
    if state.due_date == today:
        return DUE_TODAY
    return DUE


def comments_aside(user, obj) -> Aside | None:
    """Under the owner's goal, check-in or result: their circle's comments, with reply and
    delete. One query; nothing shown when there are none."""
    if obj._meta.model_name not in {"goal", "checkin", "take"}:
        return None
    found = threads_for_owner(user, obj)
    if not found:
        return None
    return Aside("reviews/includes/_owner_comments.html", {"threads": found})
