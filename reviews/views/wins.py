"""The wins journal (list, record, change, delete) and the brag document (a printable page
and its Markdown download).

A win is looked up through ``owned_or_404``, and so is everything a "Record a win" link
names (``reviews.queries.wins.prefill``): another person's is a 404, nothing changed.
"""

from __future__ import annotations

import copy

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from careerapp.concurrency import StaleEdit
from careerapp.ownership import owned_or_404
from reviews import services
from reviews.forms import BragRangeForm, WinForm
from reviews.models import Win
from reviews.queries import brag as brag_queries
from reviews.queries import wins as queries


@require_GET
def win_list(request: HttpRequest) -> HttpResponse:
    form = queries.filter_form(request.user, request.GET)
    page = queries.journal_page(request.user, form, page=request.GET.get("page"))
    context = {"form": form, "wins": page, "page_obj": page}
    return render(request, "reviews/win_list.html", context)


def _form(request: HttpRequest, data=None, **kwargs) -> WinForm:
    return WinForm(data, user=request.user, today=timezone.localdate(), **kwargs)


@require_http_methods(["GET", "POST"])
def win_add(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        initial = queries.prefill(request.user, request.GET, today=timezone.localdate())
        return render(request, "reviews/win_form.html", {"form": _form(request, initial=initial)})
    form = _form(request, request.POST)
    if not form.is_valid():
        return render(request, "reviews/win_form.html", {"form": form}, status=422)
    services.win_create(user=request.user, data=services.WinData(**form.cleaned_data))
    messages.success(request, _("Win recorded. It will be there when review time comes."))
    return redirect("reviews:win_list")


@require_http_methods(["GET", "POST"])
def win_edit(request: HttpRequest, pk: int) -> HttpResponse:
    win = owned_or_404(Win, request.user, pk=pk)
    form = _form(request, request.POST or None, instance=copy.copy(win))
    if request.method == "GET":
        return render(request, "reviews/win_form.html", {"form": form, "win": win})
    if not form.is_valid():
        return render(request, "reviews/win_form.html", {"form": form, "win": win}, status=422)
    try:
        services.win_update(win=win, data=form.changes(), version=form.base_version())
    except StaleEdit:
        form = _form(request, request.POST, instance=owned_or_404(Win, request.user, pk=pk))
        form.refuse()
        return render(request, "reviews/win_form.html", {"form": form, "win": win}, status=409)
    messages.success(request, _("Win saved."))
    return redirect("reviews:win_list")


@require_http_methods(["GET", "POST"])
def win_delete(request: HttpRequest, pk: int) -> HttpResponse:
    win = owned_or_404(Win, request.user, pk=pk)
    if request.method == "POST":
        services.win_delete(win=win)
        messages.success(request, _("Win deleted."))
        return redirect("reviews:win_list")
    return render(request, "reviews/win_delete.html", {"win": win})


# --- The brag document -----------------------------------------------------------------


def _brag(request: HttpRequest) -> tuple[BragRangeForm, brag_queries.Brag | None]:
    """The range asked for (the last twelve months by default) and its document, or the
    refused form and None."""
    today = timezone.localdate()
    start, end = brag_queries.last_twelve_months(today)
    form = BragRangeForm(request.GET or {"start": start, "end": end}, today=today)
    if not form.is_valid():
        return form, None
    zone = timezone.get_current_timezone()
    data = form.cleaned_data
    return form, brag_queries.brag(request.user, start=data["start"], end=data["end"], zone=zone)


@require_GET
def brag(request: HttpRequest) -> HttpResponse:
    form, document = _brag(request)
    today = timezone.localdate()
    context = {"form": form, "brag": document, "presets": brag_queries.presets(today)}
    return render(
        request, "reviews/brag_detail.html", context, status=422 if document is None else 200
    )


@require_GET
def brag_markdown(request: HttpRequest) -> HttpResponse:
    form, document = _brag(request)
    if document is None:
        return brag(request)
    text = render_to_string("reviews/brag_download.md", {"brag": document, "user": request.user})
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    name = f"brag-{document.start.isoformat()}-to-{document.end.isoformat()}.md"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
