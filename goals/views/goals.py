"""Goals and their tasks. Thin views: parse, call a query or a service, render.

Every view that takes an id looks the object up through ``owned_or_404``, so another
person's goal or task is always a 404.
"""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerapp.concurrency import StaleEdit
from careerapp.ownership import owned_or_404
from careerapp.sharing import asides_for
from goals import queries, services
from goals.forms import (
    GoalFilterForm,
    GoalForm,
    GoalProgressForm,
    GoalStatusForm,
    MoveForm,
    TaskBulkForm,
    TaskDoneForm,
    TaskForm,
    TimelineFilterForm,
)
from goals.models import Goal, GoalTemplate, Status, Task


@require_GET
def goal_list(request: HttpRequest) -> HttpResponse:
    form = GoalFilterForm(request.GET or None)
    page = queries.goal_list_page(request.user, form, page=request.GET.get("page"))
    return render(
        request,
        "goals/goal_list.html",
        {
            "form": form,
            "goals": page,
            "page_obj": page,
            "today": timezone.localdate(),
            "can_reorder": form.sort_value() == "priority",
        },
    )


@require_GET
def goal_archive(request: HttpRequest) -> HttpResponse:
    page = queries.goal_archive_page(request.user, page=request.GET.get("page"))
    return render(request, "goals/goal_archive.html", {"goals": page, "page_obj": page})


@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest) -> HttpResponse:
    form = GoalForm(
        request.POST or None,
        initial=request.GET.dict() if not request.POST else None,
        user=request.user,
    )
    if request.method == "POST":
        if form.is_valid():
            goal = services.goal_create(user=request.user, **form.cleaned_data)
            messages.success(request, _("Goal set. Now break it into a few steps."))
            return redirect(goal)
        return render(request, "goals/goal_form.html", {"form": form}, status=422)
    return render(request, "goals/goal_form.html", {"form": form})


@require_GET
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    goal = owned_or_404(Goal.objects.for_page(), request.user, pk=pk)
    context = _detail_context(goal, asides=asides_for(request.user, goal))
    return render(request, "goals/goal_detail.html", context)


# Both forms are on the goal page: their own ids keep the hidden fields' ids unique.
def _status_form(goal: Goal, data=None) -> GoalStatusForm:
    return GoalStatusForm(
        data, initial={"status": goal.status}, version=goal.version, auto_id="status-%s"
    )


def _progress_form(goal: Goal, data=None) -> GoalProgressForm:
    return GoalProgressForm(
        data,
        initial={"progress": goal.manual_progress or 0},
        version=goal.version,
        auto_id="progress-%s",
    )


def _detail_context(goal: Goal, **extra) -> dict:
    return {
        "goal": goal,
        "tasks": goal.tasks.all(),
        "changes": goal.changes.all(),
        "learning": goal.learning_items.select_related("kind").order_by("-created_at", "-pk"),
        "today": timezone.localdate(),
        "task_form": extra.pop("task_form", None) or TaskForm(),
        "bulk_form": extra.pop("bulk_form", None) or TaskBulkForm(),
        "progress_form": extra.pop("progress_form", None) or _progress_form(goal),
        "status_form": extra.pop("status_form", None) or _status_form(goal),
        **extra,
    }


def _render_detail(request: HttpRequest, goal: Goal, status: int = 422, **forms) -> HttpResponse:
    goal = Goal.objects.for_page().get(pk=goal.pk)
    context = _detail_context(goal, asides=asides_for(request.user, goal), **forms)
    return render(request, "goals/goal_detail.html", context, status=status)


def _refused(request: HttpRequest, form) -> None:
    """A stale save's refusal, for a form on the goal page (which shows messages, not form
    errors): what changed meanwhile, one message a line."""
    form.refuse()
    for line in form.non_field_errors():
        messages.error(request, line)


@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = owned_or_404(Goal, request.user, pk=pk)
    form = GoalForm(request.POST or None, instance=copy.copy(goal))
    if request.method == "POST":
        if form.is_valid():
            try:
                services.goal_update(
                    goal=goal,
                    data=form.changes(),
                    reason=form.cleaned_data["reason"],
                    version=form.base_version(),
                )
            except StaleEdit:
                form = GoalForm(request.POST, instance=owned_or_404(Goal, request.user, pk=pk))
                form.refuse()
                return render(
                    request, "goals/goal_form.html", {"form": form, "goal": goal}, status=409
                )
            messages.success(request, _("Goal updated."))
            return redirect(goal)
        return render(request, "goals/goal_form.html", {"form": form, "goal": goal}, status=422)
    return render(request, "goals/goal_form.html", {"form": form, "goal": goal})


@require_POST
def goal_status(request: HttpRequest, pk: int) -> HttpResponse:
    goal = owned_or_404(Goal, request.user, pk=pk)
    form = _status_form(goal, request.POST)
    if form.is_valid():
        try:
            services.goal_set_status(
                goal=goal,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                version=form.base_version(),
            )
        except StaleEdit:
            form = _status_form(owned_or_404(Goal, request.user, pk=pk), request.POST)
            _refused(request, form)
            return _render_detail(request, goal, status=409, status_form=form)
        except ValidationError as error:
            form.add_error("status", error)
    if not form.is_valid():
        messages.error(
            request, " ".join(form.errors.get("status", [_("That change is not possible.")]))
        )
        return _render_detail(request, goal)
    messages.success(request, _STATUS_MESSAGES[form.cleaned_data["status"]])
    return redirect(goal)


_STATUS_MESSAGES = {
    Status.ACTIVE: _("Back on. The goal is active again."),
    Status.PAUSED: _("Paused. It will wait here until you pick it up again."),
    Status.ACHIEVED: _("Achieved. Well done - take a moment to notice it."),
    Status.DROPPED: _("Dropped. Letting go of a goal that no longer fits is a good decision too."),
}


@require_POST
def goal_progress(request: HttpRequest, pk: int) -> HttpResponse:
    goal = owned_or_404(Goal, request.user, pk=pk)
    form = _progress_form(goal, request.POST)
    if not form.is_valid():
        return _render_detail(request, goal, progress_form=form)
    try:
        services.goal_set_progress(
            goal=goal, progress=form.cleaned_data["progress"], version=form.base_version()
        )
    except StaleEdit:
        form = _progress_form(owned_or_404(Goal, request.user, pk=pk), request.POST)
        _refused(request, form)
        return _render_detail(request, goal, status=409, progress_form=form)
    messages.success(request, _("Progress saved."))
    return redirect(goal)


@require_POST
def goal_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise or lower a goal among those the list shows (its filters are in the query)."""
    goal = owned_or_404(Goal, request.user, pk=pk)
    form = MoveForm(request.POST)
    shown = GoalFilterForm(request.GET or None)
    if form.is_valid():
        order = queries.goal_list_order(request.user, shown)
        services.goal_move(goal=goal, direction=form.cleaned_data["direction"], among=order)
    return redirect(queries.goal_list_url(request.user, shown, request.GET, goal))


@require_http_methods(["GET", "POST"])
def goal_delete(request: HttpRequest, pk: int) -> HttpResponse:
    goal = owned_or_404(Goal, request.user, pk=pk)
    if request.method == "POST":
        services.goal_delete(goal=goal)
        messages.success(request, _("The goal and its steps are deleted."))
        return redirect("goals:list")
    return render(request, "goals/goal_delete.html", {"goal": goal})


# --- Tasks --------------------------------------------------------------------------


@require_POST
def task_add(request: HttpRequest, pk: int) -> HttpResponse:
    goal = owned_or_404(Goal, request.user, pk=pk)
    form = TaskForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, goal, task_form=form)
    task = services.task_create(goal=goal, **form.cleaned_data)
    _warn_if_after_target(request, task)
    return redirect(f"{goal.get_absolute_url()}#task-{task.pk}")


@require_POST
def task_bulk_add(request: HttpRequest, pk: int) -> HttpResponse:
    goal = owned_or_404(Goal, request.user, pk=pk)
    form = TaskBulkForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, goal, bulk_form=form)
    tasks = services.tasks_create_bulk(goal=goal, lines=form.cleaned_data["lines"])
    messages.success(request, _("Added %(count)s steps.") % {"count": len(tasks)})
    late = [task for task in tasks if task.is_after_goal_target]
    if late:
        _warn_after_target(request, goal, len(late))
    return redirect(goal)


def _warn_if_after_target(request: HttpRequest, task: Task) -> None:
    if task.is_after_goal_target:
        _warn_after_target(request, task.goal, 1)


def _warn_after_target(request: HttpRequest, goal: Goal, count: int) -> None:
    messages.warning(
        request,
        _(
            "%(count)s step(s) fall after the goal's target date (%(date)s). "
            "That is fine if you mean it; otherwise move the step or the target."
        )
        % {"count": count, "date": date_format(goal.target_date, gettext("j F Y"))},
    )


@require_POST
def task_toggle(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    task = owned_or_404(Task.objects.select_related("goal"), request.user, pk=task_pk, goal_id=pk)
    form = TaskDoneForm(request.POST)
    form.is_valid()  # a missing or odd value means "not done", as an unticked box does
    services.task_set_done(task=task, done=form.cleaned_data.get("done", False))
    if request.htmx:
        goal = Goal.objects.with_task_counts().get(pk=task.goal_id)
        return render(
            request,
            "goals/includes/_task_toggled.html",
            {"task": task, "goal": goal, "today": timezone.localdate()},
        )
    return redirect(f"{task.goal.get_absolute_url()}#task-{task.pk}")


@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    task = owned_or_404(Task.objects.select_related("goal"), request.user, pk=task_pk, goal_id=pk)
    form = TaskForm(request.POST or None, instance=copy.copy(task))
    if request.method == "POST":
        if form.is_valid():
            data = {field: form.cleaned_data[field] for field in form.changed_fields()}
            try:
                services.task_update(task=task, data=data, version=form.base_version())
            except StaleEdit:
                form = TaskForm(
                    request.POST,
                    instance=owned_or_404(
                        Task.objects.select_related("goal"), request.user, pk=task_pk, goal_id=pk
                    ),
                )
                form.refuse()
                context = {"form": form, "task": task}
                return render(request, "goals/task_form.html", context, status=409)
            messages.success(request, _("Step saved."))
            _warn_if_after_target(request, task)
            return redirect(f"{task.goal.get_absolute_url()}#task-{task.pk}")
        return render(request, "goals/task_form.html", {"form": form, "task": task}, status=422)
    return render(request, "goals/task_form.html", {"form": form, "task": task})


@require_POST
def task_delete(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    task = owned_or_404(Task.objects.select_related("goal"), request.user, pk=task_pk, goal_id=pk)
    services.task_delete(task=task)
    messages.success(request, _("Step deleted."))
    return redirect(task.goal)


@require_POST
def task_move(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    task = owned_or_404(Task.objects.select_related("goal"), request.user, pk=task_pk, goal_id=pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        services.task_move(task=task, direction=form.cleaned_data["direction"])
    return redirect(f"{task.goal.get_absolute_url()}#task-{task.pk}")


# --- Timeline and templates ---------------------------------------------------------


@require_GET
def goal_timeline(request: HttpRequest) -> HttpResponse:
    form = TimelineFilterForm(request.GET or None)
    chart = queries.timeline_page(
        form.filter(Goal.objects.for_user(request.user)),
        today=timezone.localdate(),
        zoom=form.zoom_value(),
        page=request.GET.get("page"),
    )
    return render(
        request,
        "goals/goal_timeline.html",
        {"form": form, "timeline": chart, "page_obj": chart.page_obj},
    )


@require_GET
def template_list(request: HttpRequest) -> HttpResponse:
    templates = GoalTemplate.objects.active().prefetch_related("tasks")
    return render(request, "goals/template_list.html", {"templates": templates})


@require_POST
def template_start(request: HttpRequest, slug: str) -> HttpResponse:
    template = get_object_or_404(GoalTemplate.objects.active(), slug=slug)  # shared, not owned
    goal = services.goal_create_from_template(
        user=request.user, template=template, start=timezone.localdate()
    )
    messages.success(
        request,
        _("Started from the template. Adjust the steps and dates so they fit your life."),
    )
    return redirect(goal)
