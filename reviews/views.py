"""Check-ins: the overview, choosing a rhythm, and this period's check-in.

A check-in is looked up through ``_checkin_for``, so another person's is always a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerapp.concurrency import StaleEdit
from goals.models import Goal
from reviews import selectors, services
from reviews.cadence import Cadence
from reviews.forms import CheckInPage, ScheduleForm
from reviews.models import CheckIn, ReflectionPrompt

RECENT = 6


def _checkin_for(request: HttpRequest, pk: int, checkins=None) -> CheckIn:
    """The person's check-in ``pk`` (from ``checkins``, to prefetch), or 404."""
    queryset = checkins if checkins is not None else CheckIn.objects.all()
    return get_object_or_404(queryset.for_user(request.user), pk=pk)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    state = selectors.checkin_state(request.user, today=today)
    recent = list(
        CheckIn.objects.for_user(request.user).submitted().order_by("-period_start")[:RECENT]
    )
    form = ScheduleForm(initial={"cadence": state.cadence})
    return render(
        request,
        "reviews/index.html",
        {"state": state, "recent": recent, "schedule_form": form, "today": today},
    )


@require_POST
def schedule_update(request: HttpRequest) -> HttpResponse:
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        today = timezone.localdate()
        state = selectors.checkin_state(request.user, today=today)
        return render(
            request,
            "reviews/index.html",
            {"state": state, "recent": [], "schedule_form": form, "today": today},
            status=422,
        )
    services.schedule_set(
        user=request.user, cadence=form.cleaned_data["cadence"], today=timezone.localdate()
    )
    messages.success(
        request,
        _("Check-ins: %(cadence)s.") % {"cadence": Cadence(form.cleaned_data["cadence"]).label},
    )
    return redirect("reviews:index")


@require_POST
def checkin_start(request: HttpRequest) -> HttpResponse:
    checkin = services.checkin_open(user=request.user, today=timezone.localdate())
    return redirect(checkin)


def _page(request, checkin: CheckIn, data=None, *, submit=False) -> CheckInPage:
    goals = list(Goal.objects.for_user(request.user).active().with_task_counts().by_priority())
    prompts = list(ReflectionPrompt.objects.for_period(quarter_end=checkin.closes_quarter))
    return CheckInPage(
        data,
        checkin=checkin,
        goals=goals,
        prompts=prompts,
        today=timezone.localdate(),
        submit=submit,
    )


def _render(request, checkin: CheckIn, page: CheckInPage, status: int = 200) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "checkin": checkin,
        "page": page,
        "goal_forms": page.goal_forms,
        "editable": checkin.is_editable(today),
        "today": today,
    }
    return render(request, "reviews/checkin.html", context, status=status)


def _with_answers():
    return CheckIn.objects.prefetch_related("goal_reviews", "reflections", "next_steps")


def _saved(request: HttpRequest, pk: int) -> HttpResponse:
    """The autosave's answer: when it saved, and (out of band) the check-in's new version
    and values for the page's hidden fields, so the tab's next autosave is not stale."""
    fresh = _checkin_for(request, pk, _with_answers())
    page = _page(request, fresh)
    context = {"saved_at": timezone.now(), "version": fresh.version, "loaded": page.snapshot()}
    return render(request, "reviews/includes/_saved.html", context)


def _refuse(request: HttpRequest, pk: int, *, submit: bool) -> HttpResponse:
    """A save from an older version of the check-in (another tab saved meanwhile): 409,
    the page again with what the person typed, what changed meanwhile and the current
    version, so saving again deliberately keeps theirs."""
    fresh = _checkin_for(request, pk, _with_answers())
    if request.htmx:
        # The tab keeps its old version: its autosaves stay refused until the person
        # looks (Save draft shows what changed) or reloads.
        return render(request, "reviews/includes/_saved.html", {"conflict": True}, status=409)
    stale = _page(request, fresh, request.POST, submit=submit)
    page = _page(request, fresh, stale.rebased_data(), submit=submit)
    page.is_valid()
    page.non_field_errors[:0] = stale.conflict_messages()
    return _render(request, fresh, page, status=409)


@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, pk: int) -> HttpResponse:
    current = _checkin_for(request, pk, _with_answers())
    if request.method == "GET":
        if not current.is_editable(timezone.localdate()):
            return render(request, "reviews/checkin_read.html", {"checkin": current})
        return _render(request, current, _page(request, current))

    submit = request.POST.get("action") == "submit"
    if not current.is_editable(timezone.localdate()):
        messages.error(request, _("This check-in's period has ended, so it can no longer change."))
        return render(request, "reviews/checkin_read.html", {"checkin": current}, status=422)
    page = _page(request, current, request.POST, submit=submit)
    if not page.is_valid():
        if request.htmx:
            return render(request, "reviews/includes/_saved.html", {"problem": True})
        return _render(request, current, page, status=422)
    version = page.base_version()
    unchanged = not submit and not page.changed_fields() and version in (None, current.version)
    try:
        if not unchanged:  # a draft save that changes nothing writes nothing
            services.checkin_save(
                checkin=current,
                data=page.checkin_data(),
                submit=submit,
                today=timezone.localdate(),
                version=version,
            )
    except StaleEdit:
        return _refuse(request, pk, submit=submit)
    except ValidationError as error:
        page.non_field_errors.extend(error.messages)
        return _render(request, current, page, status=422)
    if request.htmx:
        return _saved(request, pk)
    if submit:
        messages.success(request, _("Check-in saved. Thank you for keeping it up."))
        return redirect("reviews:index")
    messages.success(request, _("Draft saved. Come back any time before the period ends."))
    return redirect(current)
