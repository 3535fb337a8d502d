"""The emails of the circle: each built from a row's id by a task and sent at most once
(``careerapp.emails.send_once``). Links are absolute and derived from the row's salt; the
token itself is never stored."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from careerapp.emails import absolute, render_email, send_once
from reviews.access import link_token
from reviews.models import CircleMember


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
            headers={"Auto-Submitted": "auto-generated"},
        )

    return send_once(
        CircleMember.objects.select_related("owner"),
        pk=member_id,
        sent_field="invite_sent_at",
        build=build,
    )
