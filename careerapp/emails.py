"""One helper renders every email we write: a subject, a text and an HTML template.

Templates live under ``templates/emails/<name>/`` as ``subject.txt``, ``body.txt`` and
``body.html``, so the plain and the rich part always say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation


def render_email(
    name: str,
    context: dict,
    *,
    to: str,
    language: str,
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """``language``: the one the email is written in, the reader's when we know it (the
    weekly email), else the sender's (an invitation, a feedback request)."""
    full = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{name}/subject.txt", full).split())
        text = render_to_string(f"emails/{name}/body.txt", full)
        html = render_to_string(f"emails/{name}/body.html", full)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    return message


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def send_once(
    queryset: QuerySet,
    *,
    pk: int,
    sent_field: str,
    build: Callable[[Any], EmailMultiAlternatives | None],
) -> bool:
    """Send the email of one row at most once; return whether it went out now.

    For emails a task sends by id (an invitation, a feedback request, its reminder): the
    row is locked while its email is sent, skipped when ``sent_field`` is already set, and
    ``sent_field`` is recorded in the same transaction as the server's acceptance. Two
    workers or a task run twice send one email; a crash between the server's acceptance
    and the commit costs at most a second copy, as for the weekly email. ``build`` returns
    None when the row no longer wants its email (withdrawn, revoked). A transient SMTP
    error propagates, leaving the row unsent for the task's retry.
    """
    with transaction.atomic():
        row = (
            queryset.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=pk, **{f"{sent_field}__isnull": True})
            .first()
        )
        if row is None:
            return False
        message = build(row)
        if message is None:
            return False
        message.send()
        queryset.model.objects.filter(pk=pk).update(**{sent_field: timezone.now()})
    return True
