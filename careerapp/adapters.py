from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from careerapp import services

# Set at a person's very first sign-in: the dashboard says "Welcome", not "Welcome back".
FIRST_VISIT_SESSION_KEY = "careerapp_first_visit"


def product_site() -> SimpleNamespace:
    """What allauth calls the current site: the product's name and public address.

    Without django.contrib.sites, allauth would take both from the request's host, and
    greet people "from 127.0.0.1:8000".
    """
    return SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    """allauth, with its emails (verification, reset, notices) sent by a Celery worker."""

    def login(self, request, user) -> None:
        # Django's user_logged_in receiver sets last_login during the login itself.
        first = user.last_login is None
        super().login(request, user)
        if first:
            request.session[FIRST_VISIT_SESSION_KEY] = True

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        full_context = {
            "request": allauth_context.request,
            "email": email,
            **context,
            "current_site": product_site(),
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
        }
        message = self.render_mail(template_prefix, email, full_context)
        services.email_send_later(message=message)

    def render_mail(
        self,
        template_prefix: str,
        email: str | list[str],
        context: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> EmailMessage:
        """The text part from the template, and an HTML part that says the same words."""
        message = super().render_mail(template_prefix, email, context, headers)
        if not getattr(message, "alternatives", None) and message.content_subtype == "plain":
            html = render_to_string(
                "account/email/layout.html",
                {**context, "subject": message.subject, "body": message.body},
            )
            message.attach_alternative(html, "text/html")
        return message

    def send_notification_mail(
        self,
        template_prefix: str,
        user: Any,
        context: dict[str, Any] | None = None,
        email: str | None = None,
    ) -> None:
        # The notice greets the person by name and gives the time in their own zone.
        super().send_notification_mail(
            template_prefix, user, {"user": user, **(context or {})}, email
        )
