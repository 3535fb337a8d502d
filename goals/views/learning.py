"""The learning log: the list with its hours chart, add, the item's page, edit, the quick
status buttons, delete. Every view that takes an id looks the item up through
``owned_or_404``, so another person's item is always a 404."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerapp.concurrency import StaleEdit
from careerapp.ownership import owned_or_404
from goals import queries, services
from goals.forms import LearningFilterForm, LearningItemForm, LearningStatusForm
from goals.models import LearningItem, LearningStatus

_SAVED = {
    LearningStatus.PLANNED: gettext_lazy("Saved to your learning plan."),
    LearningStatus.IN_PROGRESS: gettext_lazy("Started. Log the hours as you go; they add up."),
    LearningStatus.DONE: gettext_lazy("Done. Well learned - it counts."),
    LearningStatus.DROPPED: gettext_lazy(
        "Dropped. Stopping what no longer serves you is a choice too."
    ),
}
_RETAKE = gettext_lazy(
    "It built a skill from your self-assessment: retaking it now shows how far this moved "
    "you. The link is on this page."
)


def _saved(request: HttpRequest, item: LearningItem, was: str | None) -> HttpResponse:
    """The message for the item's new status; finishing learning for a skill suggests a
    retake of that skill's self-assessment only when the item's page links to one."""
    message = _SAVED[item.status] if item.status != was else _("Saved.")
    finished = item.status == LearningStatus.DONE and was != LearningStatus.DONE
    if finished and queries.suggests_retake(item):
        message = f"{message} {_RETAKE}"
    messages.success(request, message)
    return redirect(item)


@require_GET
def learning_list(request: HttpRequest) -> HttpResponse:
    form = LearningFilterForm(request.GET or None)
    page = queries.learning_list_page(request.user, form, page=request.GET.get("page"))
    context = {"form": form, "items": page, "page_obj": page, "status_form": LearningStatusForm}
    return render(
        request, "goals/learning_list.html", context | queries.learning_hours(request.user)
    )


@require_http_methods(["GET", "POST"])
def learning_add(request: HttpRequest) -> HttpResponse:
    initial = (
        queries.learning_initial(request.user, request.GET) if request.method == "GET" else None
    )
    form = LearningItemForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in form.links()}
            item = services.learning_create(user=request.user, data=data, links=form.links())
            return _saved(request, item, None)
        return render(request, "goals/learning_form.html", {"form": form}, status=422)
    return render(request, "goals/learning_form.html", {"form": form})


def _detail(request: HttpRequest, pk: int, status: int = 200) -> HttpResponse:
    item = queries.learning_item_page(request.user, pk)
    today = timezone.localdate()
    context = {
        "item": item,
        "retakes": queries.retakes(item) if item.status == LearningStatus.DONE else [],
        "expired": item.is_expired(today),
        "expiring_soon": item.expires_soon(today),
        "status_form": LearningStatusForm,
    }
    return render(request, "goals/learning_detail.html", context, status=status)


@require_GET
def learning_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, pk)


@require_http_methods(["GET", "POST"])
def learning_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = owned_or_404(LearningItem, request.user, pk=pk)
    form = LearningItemForm(request.POST or None, instance=copy.copy(item), user=request.user)
    context = {"form": form, "item": item}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "goals/learning_form.html", context, status=422)
        was = item.status
        try:
            services.learning_update(
                item=item, data=form.changes(), links=form.links(), version=form.base_version()
            )
        except StaleEdit:
            current = owned_or_404(LearningItem, request.user, pk=pk)
            form = LearningItemForm(request.POST, instance=current, user=request.user)
            form.refuse()
            return render(request, "goals/learning_form.html", context | {"form": form}, status=409)
        return _saved(request, item, was)
    return render(request, "goals/learning_form.html", context)


@require_POST
def learning_status(request: HttpRequest, pk: int) -> HttpResponse:
    item = owned_or_404(LearningItem, request.user, pk=pk)
    form = LearningStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That change is not possible."))
        return _detail(request, pk, status=422)
    was = item.status
    services.learning_set_status(item=item, status=form.cleaned_data["status"])
    return _saved(request, item, was)


@require_http_methods(["GET", "POST"])
def learning_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = owned_or_404(LearningItem, request.user, pk=pk)
    if request.method == "POST":
        services.learning_delete(item=item)
        messages.success(request, _("Deleted from your learning log."))
        return redirect("goals:learning_list")
    return render(request, "goals/learning_delete.html", {"item": item})
