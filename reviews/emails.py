"""The emails of the circle and of feedback requests: each built from a row's id by a
task and sent at most once (``careerapp.emails.send_once``). Links are absolute and
derived from the row's salt; the token itself is never stored."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from careerapp.emails import absolute, render_email, send_once
from reviews.access import link_token
from reviews.models import CircleMember, FeedbackRequest


def _sender_name(user) -> str:
    return user.display_name or user.email


def circle_invitation_send(*, member_id: int) -> bool:
    """The invitation with the member's link; not sent once revoked or expired."""

    def build(member: CircleMember):
        if not member.is_active(timezone.now()):
            return None
        owner = member.owner
        return render_email(
            "circle_invitation",
            {
                "member": member,
                "owner_name": _sender_name(owner),
                "link": absolute(reverse("reviews:link:home", args=[link_token(member)])),
                "signup_url": absolute(reverse("account_signup")),
            },
            to=member.email,
            language=owner.language,
            headers={"Auto-Submitted": "auto-generated"},
        )

    return send_once(
        CircleMember.objects.select_related("owner"),
        pk=member_id,
        sent_field="invite_sent_at",
        build=build,
    )


def feedback_request_send(*, request_id: int) -> bool:
    """The request to the giver, with the link; not sent once answered, withdrawn or expired."""
    return send_once(
        FeedbackRequest.objects.select_related("owner", "prompt_set"),
        pk=request_id,
        sent_field="sent_at",
        build=lambda request: _feedback_email("feedback_request", request),
    )


def feedback_reminder_send(*, request_id: int) -> bool:
    """The one reminder, a week after the request, while it is still open."""
    return send_once(
        FeedbackRequest.objects.select_related("owner", "prompt_set"),
        pk=request_id,
        sent_field="reminded_at",
        # Only after the request itself went out.
        build=lambda request: request.sent_at and _feedback_email("feedback_reminder", request),
    )


def _feedback_email(name: str, request: FeedbackRequest):
    if not request.is_open(timezone.now()) or not request.owner.is_active:
        return None
    return render_email(
        name,
        {
            "feedback": request,
            "owner_name": _sender_name(request.owner),
            "link": absolute(reverse("reviews:feedback_give", args=[request.link_token()])),
        },
        to=request.email,
        language=request.owner.language,
        headers={"Auto-Submitted": "auto-generated"},
    )
