"""The pages a person opens every week, for the web benchmarks (``web``, ``crowd``,
``compare``): each a label and a path with the person's own goal, check-in, take, target
role and mentor's link filled in from the database of the current settings."""

from __future__ import annotations

WEEKLY = [
    ("dashboard", "/"),
    ("goal list", "/goals/"),
    ("goal page", "/goals/{goal}/"),
    ("timeline", "/goals/timeline/"),
    ("check-ins", "/reviews/"),
    ("check-in page", "/reviews/checkins/{checkin}/"),
    ("check-in history", "/reviews/history/"),
    ("quarterly summary", "/reviews/quarters/{year}/{quarter}/"),
    ("self-assessments", "/assessments/"),
    ("results", "/assessments/takes/{take}/results/"),
    ("role compare", "/assessments/explore/roles/{role}/compare/"),
    ("shared page", "/reviews/s/{link}/"),
]


def ids(email: str, link: str) -> dict:
    """What the paths need of the person at ``email``: their first open goal, latest
    check-in and completed take, target role, this quarter, and their mentor's link."""
    from django.utils import timezone

    from assessments.models import Take, TargetRole
    from goals.models import Goal
    from reviews.models import CheckIn

    today = timezone.localdate()
    return {
        "year": today.year,
        "quarter": (today.month - 1) // 3 + 1,
        "goal": Goal.objects.filter(user__email=email, status="active")
        .order_by("priority", "pk")
        .values_list("pk", flat=True)
        .first(),
        "checkin": CheckIn.objects.filter(user__email=email)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first(),
        "take": Take.objects.filter(user__email=email, status="completed")
        .order_by("-completed_at")
        .values_list("pk", flat=True)
        .first(),
        "role": TargetRole.objects.filter(user__email=email)
        .values_list("role__slug", flat=True)
        .first(),
        "link": link,
    }


def paths(email: str, link: str) -> list[tuple[str, str]]:
    """WEEKLY for the person at ``email``: (label, path)."""
    filled = ids(email, link)
    return [(label, path.format(**filled)) for label, path in WEEKLY]
