from django.utils import timezone


class UserTimeZoneMiddleware:
    """Render dates and times in the signed-in person's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(user.zone)
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


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
