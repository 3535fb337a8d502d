"""Check-ins (the overview, choosing a rhythm, this period's check-in), the history and the
quarterly summary.

Each page computes its period once, reads what it needs through ``reviews.queries`` and
hands the rows to ``reviews.charts``; a check-in is looked up through ``owned_or_404``, so
another person's is always a 404.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerapp import sharing
from careerapp.concurrency import StaleEdit
from careerapp.ownership import owned_or_404
from reviews import queries, services
from reviews.cadence import Cadence, quarter_bounds, quarter_exists, quarter_of
from reviews.charts.history import history_charts
from reviews.charts.quarter import quarter_links, quarter_summary
from reviews.forms import CheckInPage, ScheduleForm
from reviews.models import CheckIn
from reviews.queries.history import history_rows
from reviews.queries.quarter import quarter_rows, quarter_wins
from reviews.queries.wins import wins_for_checkin


def _overview(request: HttpRequest, *, form=None, recent=(), status: int = 200):
    """The overview: the person's check-in state, the latest check-ins and the rhythm form
    (unbound with the current rhythm, or the one just refused)."""
    today = timezone.localdate()
    state = queries.checkin_state(request.user, today=today)
    if form is None:
        form = ScheduleForm(initial={"cadence": state.cadence})
    context = {"state": state, "recent": list(recent), "schedule_form": form, "today": today}
    return render(request, "reviews/checkin_overview.html", context, status=status)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return _overview(request, recent=queries.recent_checkins(request.user))


@require_POST
def schedule_update(request: HttpRequest) -> HttpResponse:
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        return _overview(request, form=form, status=422)
    cadence = form.cleaned_data["cadence"]
    services.schedule_set(user=request.user, cadence=cadence, today=timezone.localdate())
    messages.success(request, _("Check-ins: %(cadence)s.") % {"cadence": Cadence(cadence).label})
    return redirect("reviews:index")


@require_POST
def checkin_start(request: HttpRequest) -> HttpResponse:
    checkin = services.checkin_open(user=request.user, today=timezone.localdate())
    return redirect(checkin)


def _render(request, checkin: CheckIn, page: CheckInPage, status: int = 200) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "checkin": checkin,
        "page": page,
        "goal_forms": page.goal_forms,
        "editable": checkin.is_editable(today),
        "today": today,
        "asides": sharing.asides_for(request.user, checkin),
        "wins": wins_for_checkin(checkin),
    }
    return render(request, "reviews/checkin_form.html", context, status=status)


def _fresh(request: HttpRequest, pk: int) -> CheckIn:
    return owned_or_404(CheckIn.objects.with_answers(), request.user, pk=pk)


def _saved(request: HttpRequest, pk: int) -> HttpResponse:
    """The autosave's answer: when it saved, and (out of band) the check-in's new version
    and values for the page's hidden fields, so the tab's next autosave is not stale."""
    fresh = _fresh(request, pk)
    page = CheckInPage.for_checkin(fresh, today=timezone.localdate())
    context = {"saved_at": timezone.now(), "version": fresh.version, "loaded": page.snapshot()}
    return render(request, "reviews/includes/_saved.html", context)


def _refuse(request: HttpRequest, pk: int, *, submit: bool) -> HttpResponse:
    """A save from an older version of the check-in (another tab saved meanwhile): 409,
    the page again with what the person typed, what changed meanwhile and the current
    version, so saving again deliberately keeps theirs."""
    if request.htmx:
        # The tab keeps its old version: its autosaves stay refused until the person
        # looks (Save draft shows what changed) or reloads.
        return render(request, "reviews/includes/_saved.html", {"conflict": True}, status=409)
    fresh, today = _fresh(request, pk), timezone.localdate()
    stale = CheckInPage.for_checkin(fresh, request.POST, today=today, submit=submit)
    page = CheckInPage.for_checkin(fresh, stale.rebased_data(), today=today, submit=submit)
    page.is_valid()
    page.non_field_errors[:0] = stale.conflict_messages()
    return _render(request, fresh, page, status=409)


def _closed(request: HttpRequest, checkin: CheckIn) -> HttpResponse:
    context = {
        "checkin": checkin,
        "asides": sharing.asides_for(request.user, checkin),
        "wins": wins_for_checkin(checkin),
    }
    if request.method == "GET":
        return render(request, "reviews/checkin_detail.html", context)
    messages.error(request, _("This check-in's period has ended, so it can no longer change."))
    return render(request, "reviews/checkin_detail.html", context, status=422)


def _invalid(request: HttpRequest, checkin: CheckIn, page: CheckInPage) -> HttpResponse:
    if request.htmx:
        return render(request, "reviews/includes/_saved.html", {"problem": True})
    return _render(request, checkin, page, status=422)


def _done(request: HttpRequest, checkin: CheckIn, *, submit: bool) -> HttpResponse:
    if request.htmx:
        return _saved(request, checkin.pk)
    if submit:
        messages.success(request, _("Check-in saved. Thank you for keeping it up."))
        return redirect("reviews:index")
    messages.success(request, _("Draft saved. Come back any time before the period ends."))
    return redirect(checkin)


@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, pk: int) -> HttpResponse:
    current, today = _fresh(request, pk), timezone.localdate()
    if not current.is_editable(today):
        return _closed(request, current)
    if request.method == "GET":
        return _render(request, current, CheckInPage.for_checkin(current, today=today))
    submit = request.POST.get("action") == "submit"
    page = CheckInPage.for_checkin(current, request.POST, today=today, submit=submit)
    if not page.is_valid():
        return _invalid(request, current, page)
    try:
        try:
            _save(current, page, submit=submit, today=today)
        except StaleEdit:
            # Another save committed between our read and our claim: most often this
            # tab's own autosave, still in flight when Submit was pressed. Judged again
            # against the check-in as it is now, a save that agrees with it goes through.
            current = _fresh(request, pk)
            page = CheckInPage.for_checkin(current, request.POST, today=today, submit=submit)
            if not page.is_valid() or page.base_version() != current.version:
                raise
            _save(current, page, submit=submit, today=today)
    except StaleEdit:
        return _refuse(request, pk, submit=submit)
    except ValidationError as error:
        page.non_field_errors.extend(error.messages)
        return _render(request, current, page, status=422)
    return _done(request, current, submit=submit)


def _save(current: CheckIn, page: CheckInPage, *, submit: bool, today: datetime.date) -> None:
    if page.needs_saving(current):
        services.checkin_save(
            checkin=current,
            data=page.checkin_data(),
            submit=submit,
            today=today,
            version=page.base_version(),
        )


@require_GET
def history(request: HttpRequest) -> HttpResponse:
    today, zone = timezone.localdate(), timezone.get_current_timezone()
    rows = history_rows(request.user, page=request.GET.get("page"), today=today, zone=zone)
    context = {
        "state": rows.state,
        "counts": rows.counts,
        "page_obj": rows.page,
        **vars(history_charts(rows)),
    }
    return render(request, "reviews/checkin_history.html", context)


@require_GET
def quarter_current(request: HttpRequest) -> HttpResponse:
    year, quarter = quarter_of(timezone.localdate())
    return redirect("reviews:quarter", year=year, quarter=quarter)


@require_GET
def quarter(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    if not quarter_exists(year, quarter):
        raise Http404
    period, today = quarter_bounds(year, quarter), timezone.localdate()
    zone = timezone.get_current_timezone()
    rows = quarter_rows(request.user, period=period, today=today, zone=zone)
    context = {
        "summary": quarter_summary(rows),
        "wins": quarter_wins(request.user, period=period),
        "today": today,
        **quarter_links(period, today),
    }
    return render(request, "reviews/quarter_detail.html", context)
