"""One helper renders every email we write: a subject, a text and an HTML template.

Templates live under ``templates/emails/<name>/`` as ``subject.txt``, ``body.txt`` and
``body.html``, so the plain and the rich part always say the same thing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def render_email(
    name: str, context: dict, *, to: str, headers: dict[str, str] | None = None
) -> EmailMultiAlternatives:
    full = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
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
