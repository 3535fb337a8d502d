"""The site's own middleware: each does something for the person, none is there for speed
(compression, sign-in and the Content-Security-Policy are Django's and django-csp's)."""

from django.utils import timezone, translation
from django.utils.cache import patch_cache_control


class UserTimeZoneMiddleware:
    """A signed-in person's requests: dates and times in their own time zone, and every
    response marked ``Cache-Control: private``, so no shared cache on the way keeps a page
    that is theirs alone. A visitor's request is left as it is: public pages stay
    cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timezone.deactivate()  # whatever a previous request on this thread left
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        timezone.activate(user.zone)
        try:
            response = self.get_response(request)
        finally:
            timezone.deactivate()
        patch_cache_control(response, private=True)
        return response


class RejectedFormStatusMiddleware:
    """Answer 422 when a POSTed form comes back with errors.

    Our own views set the status themselves; this covers the views we reuse (allauth's),
    which re-render an invalid form with 200. A client, a test or a proxy can then tell
    "rejected, see the messages" from "done".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        if request.method != "POST" or response.status_code != 200:
            return response
        context = response.context_data or {}
        if any(_has_errors(value) for value in context.values()):
            response.status_code = 422
        return response


def _has_errors(value) -> bool:
    """A bound form or formset with errors, also inside the admin's wrappers."""
    if isinstance(value, list | tuple):
        return any(_has_errors(item) for item in value)
    for inner in ("form", "formset"):  # AdminForm, InlineAdminFormSet
        if hasattr(value, inner) and _has_errors(getattr(value, inner)):
            return True
    if not getattr(value, "is_bound", False):
        return False
    if hasattr(value, "total_error_count"):  # a formset
        return value.total_error_count() > 0
    return bool(getattr(value, "errors", None))


class UserLanguageMiddleware:
    """A signed-in person's requests speak the language they chose in settings, whatever
    the browser asks for; a visitor's keep what ``LocaleMiddleware`` found (the footer's
    choice, else the browser's language). Runs after ``AuthenticationMiddleware``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language != request.LANGUAGE_CODE:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)
