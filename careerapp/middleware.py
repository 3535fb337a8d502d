import gzip
import secrets
from functools import cache

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib.auth import middleware as auth_middleware
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.middleware import gzip as django_gzip
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers


def _may_be_signed_in(request) -> bool:
    """False when the request has no session at all, so nobody can be signed in: the user
    need not be loaded (nor the session read, which would add ``Vary: Cookie``)."""
    session = getattr(request, "session", None)
    return session is None or session.session_key is not None


class UserTimeZoneMiddleware:
    """A signed-in person's requests: dates and times in their own time zone, and every
    response marked ``Cache-Control: private``, so no shared cache on the way keeps a page
    that is theirs alone. A visitor's request is left as it is (public pages stay
    cacheable) and loads neither the session nor the user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timezone.deactivate()  # whatever a previous request on this thread left
        user = getattr(request, "user", None)
        if user is None or not _may_be_signed_in(request) or not user.is_authenticated:
            return self.get_response(request)
        timezone.activate(user.zone)
        try:
            response = self.get_response(request)
        finally:
            timezone.deactivate()
        patch_cache_control(response, private=True)
        return response


class LoginRequiredMiddleware(auth_middleware.LoginRequiredMiddleware):
    """Django's, asking the view first: a public view (``login_not_required``) needs no
    user, so a visitor's request to it loads neither the session nor the user."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


def gzip_page(content: bytes, *, level: int, max_random_bytes: int) -> bytes:
    """``content`` gzipped at ``level``, with the random-length file name in the gzip header
    that Django's ``compress_string`` adds against BREACH."""
    compressed = memoryview(gzip.compress(content, compresslevel=level, mtime=0))
    header = bytearray(compressed[:10])
    header[3] = gzip.FNAME
    name = b"a" * secrets.randbelow(max_random_bytes) + b"\x00"
    return bytes(header) + name + compressed[10:]


class GZipMiddleware(django_gzip.GZipMiddleware):
    """Django's GZipMiddleware compressing pages at zlib level 1, nginx's default, where
    Django uses 6.

    Measured on the large person's pages (issue #8): the 77 KB timeline compresses in
    0.09 ms instead of 0.38 ms, to 9.1 KB instead of 7.5 KB; the 49 KB history in 0.07
    instead of 0.36 ms. A fifth of a millisecond of a worker per big page is worth more
    than a kilobyte and a half on the wire. Everything else is Django's: the same checks
    and headers, the same anti-BREACH padding; streaming responses go through Django's.
    """

    level = 1

    def process_response(self, request, response):
        # HttpResponse joins its content on every read: read it once.
        content = b"" if response.streaming else response.content
        if (
            response.streaming
            or len(content) < 200
            or response.has_header("Content-Encoding")
            or not django_gzip.re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        ):
            # Django's own: short, already encoded, streaming, or not asked for.
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = gzip_page(content, level=self.level, max_random_bytes=self.max_random_bytes)
        if len(compressed) >= len(content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):  # a strong ETag becomes weak (RFC 9110 8.8.1)
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
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


_NONCE_PLACEHOLDER = "careerapp-csp-nonce-placeholder"
# What a view's django-csp decorators leave on a response; such a response is built the
# library's way.
_PER_VIEW = frozenset({"_csp_config", "_csp_update", "_csp_replace", "_csp_exempt"})


@cache
def _site_policy(*, with_nonce: bool) -> str:
    return build_policy(nonce=_NONCE_PLACEHOLDER if with_nonce else None)


@cache
def _library_builds_every_header() -> bool:
    """A report-only policy, excluded prefixes or DEBUG: leave every response to django-csp."""
    policy = settings.CONTENT_SECURITY_POLICY or {}
    return bool(
        getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        or policy.get("EXCLUDE_URL_PREFIXES")
        or settings.DEBUG
    )


@receiver(setting_changed)
def _forget_site_policy(*, setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting == "DEBUG":
        _site_policy.cache_clear()
        _library_builds_every_header.cache_clear()


class SitePolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the site's policy built once per process.

    django-csp builds the header from the settings on every response, the most expensive
    middleware in the stack (about 50 of 180 microseconds for an empty response, issue #8).
    The site's policy only differs by the nonce, so it is built once with a placeholder
    and the request's nonce put in. Responses that a view's csp decorators changed, a
    report-only policy and excluded prefixes go through django-csp unchanged.
    """

    def process_response(self, request, response):
        # The decorators set their attributes on the response itself.
        if _library_builds_every_header() or not _PER_VIEW.isdisjoint(vars(response)):
            return super().process_response(request, response)
        nonce = getattr(request, "_csp_nonce", None)
        header = _site_policy(with_nonce=nonce is not None)
        if header and HEADER not in response:
            response[HEADER] = header.replace(_NONCE_PLACEHOLDER, nonce) if nonce else header
        if nonce is None:
            # As django-csp does: a nonce asked for after the header is written is an error.
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
