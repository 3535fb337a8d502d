from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from careerapp import services


class AccountAdapter(DefaultAccountAdapter):
    """allauth, with its emails (verification, reset, notices) sent by a Celery worker."""

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        full_context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, full_context)
        services.email_send_later(message=message)
