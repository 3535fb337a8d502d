"""What a circle member sees: the overview, each shared thing read-only, comments; and
"Shared with me". Every view starts from ``reviews.access.viewer_for`` through
``shared_view``; anything outside the member's scope is a 404, a revoked or expired member
a 410 that shows nothing of the owner's."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from careerapp import sharing
from careerapp.ratelimits import link_limited, too_many_requests
from reviews import services
from reviews.access import ACCOUNT, LINK, PREVIEW, Gone, Viewer, viewer_for
from reviews.cadence import quarter_bounds, quarter_exists
from reviews.charts.quarter import quarter_summary
from reviews.forms import CommentForm
from reviews.queries import circle as queries
from reviews.queries.conversations import shared_agendas
from reviews.queries.quarter import quarter_rows


def _private(response: HttpResponse) -> HttpResponse:
    """Shared pages are nobody's to cache or index, and never hand the link on to another
    site as a Referer ("same-origin": forms still carry an Origin the CSRF check accepts,
    which "no-referrer" would turn into "null")."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


def shared_view(view):
    """Resolve the viewer from the URL (link, account or preview); a secret link is
    rate-limited by address (429 over the limit); 410 when revoked or expired."""

    @login_not_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, link=None, member=None, preview=None, **kwargs):
        if link is not None and link_limited(request):
            return _private(too_many_requests(request))
        if link is not None:
            mode, key = LINK, link
        elif member is not None:
            mode, key = ACCOUNT, member
        else:
            mode, key = PREVIEW, preview
        try:
            viewer = viewer_for(request, mode=mode, key=key)
        except Gone:
            return _private(render(request, "reviews/shared_gone.html", status=410))
        return _private(view(request, viewer, *args, **kwargs))

    return wrapper


def _render(request, viewer: Viewer, template: str, context: dict, status: int = 200):
    return render(request, template, {"viewer": viewer, **context}, status=status)


@require_GET
@shared_view
def home(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    context = {
        "sections": queries.shared_sections(viewer),
        "checkins": queries.shared_checkins(viewer),
        "quarters": queries.shared_quarters(viewer, today=timezone.localdate()),
        "agendas": shared_agendas(viewer.member),
    }
    return _render(request, viewer, "reviews/shared_home.html", context)


def _page(request, viewer: Viewer, key: str, pk: int | None, form=None, status: int = 200):
    shareable = sharing.shareable(key)
    if shareable is None or not viewer.scope.allows(key, pk):
        raise Http404
    page = shareable.page(viewer.owner, pk)
    context = {**page.context, "page": page, **_comments(viewer, page.target, form)}
    return _render(request, viewer, "reviews/shared_page.html", context, status=status)


COMMENTABLE = {"goal", "checkin", "take"}


def _comments(viewer: Viewer, target, form=None) -> dict:
    if target is None or target._meta.model_name not in COMMENTABLE:
        return {}
    return {
        "threads": queries.threads_for_member(viewer.member, target),
        "comment_form": form or CommentForm(),
        "comment_kind": target._meta.model_name,
        "comment_target": target,
    }


@require_GET
@shared_view
def page(request: HttpRequest, viewer: Viewer, key: str, pk: int | None = None) -> HttpResponse:
    return _page(request, viewer, key, pk)


def _checkin_page(request, viewer: Viewer, checkin, form=None, status: int = 200):
    context = {"checkin": checkin, **_comments(viewer, checkin, form)}
    return _render(request, viewer, "reviews/shared_checkin.html", context, status=status)


@require_GET
@shared_view
def checkin(request: HttpRequest, viewer: Viewer, pk: int) -> HttpResponse:
    found = queries.shared_checkin(viewer, pk)
    if found is None:
        raise Http404
    return _checkin_page(request, viewer, found)


@require_GET
@shared_view
def quarter(request: HttpRequest, viewer: Viewer, year: int, quarter: int) -> HttpResponse:
    if not viewer.scope.quarters or not quarter_exists(year, quarter):
        raise Http404
    period, today = quarter_bounds(year, quarter), timezone.localdate()
    zone = timezone.get_current_timezone()
    rows = quarter_rows(viewer.owner, period=period, today=today, zone=zone)
    context = {"summary": quarter_summary(rows), "today": today, "user": viewer.owner}
    return _render(request, viewer, "reviews/shared_quarter.html", context)


@require_POST
@shared_view
def comment_add(request: HttpRequest, viewer: Viewer, kind: str, pk: int) -> HttpResponse:
    target = queries.comment_target_for(viewer, kind, pk)
    if target is None or not viewer.can_comment:
        raise Http404
    form = CommentForm(request.POST)
    if not form.is_valid():
        if kind == "checkin":
            return _checkin_page(request, viewer, target, form, status=422)
        key, item = ("goals", pk) if kind == "goal" else ("results", target.instrument_id)
        return _page(request, viewer, key, item, form, status=422)
    services.comment_add(member=viewer.member, target=target, body=form.cleaned_data["body"])
    if kind == "checkin":
        return redirect(viewer.url("checkin", pk) + "#comments")
    key, item = ("goals", pk) if kind == "goal" else ("results", target.instrument_id)
    return redirect(viewer.url("item", key, item) + "#comments")


@require_GET
def with_me(request: HttpRequest) -> HttpResponse:
    members = queries.shared_with(request.user)
    return render(request, "reviews/shared_with_me.html", {"members": members})
