"""Email messages as plain JSON, so a rendered message can travel to a Celery worker."""

from __future__ import annotations

from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives


def message_to_dict(message: EmailMessage) -> dict[str, Any]:
    alternatives = getattr(message, "alternatives", [])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [[str(content), mimetype] for content, mimetype in alternatives],
    }


def message_from_dict(data: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        reply_to=data.get("reply_to") or None,
        headers=data.get("headers") or None,
    )
    message.content_subtype = data.get("content_subtype", "plain")
    for content, mimetype in data.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    return message
