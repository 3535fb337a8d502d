"""Self-assessments: the list, an instrument's page, taking one (drafts as you go), the
results of a take, comparing two takes, and one skill over time. Explore: the role
library's tracks and roles, a role's page, and the paths between roles.

Takes and own skills are fetched through ``owned_or_404``, so another person's are a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import queries, services
from assessments.forms import (
    TARGET_REMOVE,
    CurrentRoleForm,
    ExploreForm,
    PathsForm,
    PersonalSkillForm,
    TakePages,
    TargetForm,
)
from assessments.models import Instrument, PersonalSkill, Role, Take, TargetRole
from assessments.queries import explore as explore_queries
from careerapp.ownership import owned_or_404
from careerapp.sharing import asides_for


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    instruments = list(Instrument.objects.active().with_last_completed(request.user))
    due = {i.pk for i in Instrument.objects.due_for(request.user)}
    return render(
        request,
        "assessments/instrument_list.html",
        {"instruments": instruments, "due_ids": due},
    )


@require_GET
def instrument(request: HttpRequest, slug: str) -> HttpResponse:
    current = get_object_or_404(
        Instrument.objects.active().with_last_completed(request.user), slug=slug
    )
    takes = list(
        Take.objects.for_user(request.user).completed().filter(instrument=current).latest_first()
    )
    due = Instrument.objects.due_for(request.user).filter(pk=current.pk).exists()
    return render(
        request,
        "assessments/instrument_detail.html",
        {"instrument": current, "takes": takes, "is_due": due},
    )


@require_POST
def take_start(request: HttpRequest, slug: str) -> HttpResponse:
    current = get_object_or_404(Instrument.objects.active(), slug=slug)
    take = services.take_start(user=request.user, instrument=current)
    return redirect(take)


def _render_take(request, pages: TakePages, form, status=200, **extra) -> HttpResponse:
    context = pages.context(form, **extra)
    return render(request, "assessments/take_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def take(request: HttpRequest, pk: int) -> HttpResponse:
    current = owned_or_404(Take.objects.select_related("instrument"), request.user, pk=pk)
    if current.is_completed:
        messages.info(request, _("This assessment is complete. Here are its results."))
        return redirect(current)
    pages = TakePages(current, request.POST.get("page") or request.GET.get("page"))
    if request.method == "GET":
        return _render_take(request, pages, pages.form())
    form = pages.form(data=request.POST)
    action = "autosave" if request.htmx else request.POST.get("action", "save")
    moves_on = services.take_page_submit(take=current, form=form, action=action)
    if request.htmx:
        context = {"saved_at": timezone.now(), "form": form}
        return render(request, "assessments/includes/_saved.html", context)
    if not moves_on:
        missing = pages.missing_answers() if action == "complete" else []
        return _render_take(request, pages, form, status=422, missing=missing)
    if action == "complete":
        messages.success(request, _("Done. Your answers are saved as a dated snapshot."))
        return redirect(reverse("assessments:results", args=[current.pk]))
    if action not in {"next", "previous"}:
        messages.success(request, _("Saved. You can come back to this any time."))
    return redirect(pages.url_after(action))


@require_POST
def take_discard(request: HttpRequest, pk: int) -> HttpResponse:
    current = owned_or_404(Take.objects.select_related("instrument"), request.user, pk=pk)
    try:
        services.take_discard(take=current)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(current)
    messages.success(request, _("Your unfinished answers are discarded."))
    return redirect(current.instrument)


@require_POST
def personal_skill_add(request: HttpRequest, slug: str) -> HttpResponse:
    current = get_object_or_404(Instrument.objects.active(), slug=slug)
    draft = services.take_start(user=request.user, instrument=current)
    form = PersonalSkillForm(request.POST)
    if form.is_valid():
        try:
            services.personal_skill_add(
                user=request.user, instrument=current, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            form.add_error("name", error)
    pages = TakePages(draft, last=True)
    if not form.is_valid():
        return _render_take(request, pages, pages.form(), status=422, skill_form=form)
    return redirect(pages.url())


@require_POST
def personal_skill_remove(request: HttpRequest, key: str) -> HttpResponse:
    skill = owned_or_404(PersonalSkill, request.user, pk=queries.personal_skill_pk(key))
    services.personal_skill_remove(skill=skill)
    messages.success(
        request, _("“%(name)s” is no longer asked. Past answers keep it.") % {"name": skill.name}
    )
    draft = Take.objects.for_user(request.user).drafts().filter(instrument=skill.instrument).first()
    if draft is not None:
        return redirect(TakePages(draft, last=True).url())
    return redirect(skill.instrument)


@require_GET
def results(request: HttpRequest, pk: int) -> HttpResponse:
    take = owned_or_404(Take.objects.select_related("instrument"), request.user, pk=pk)
    if not take.is_completed:
        return redirect(take)
    context = queries.results_page(take) | {"asides": asides_for(request.user, take)}
    return render(request, "assessments/take_results.html", context)


@require_GET
def compare(request: HttpRequest, slug: str) -> HttpResponse:
    first, second = request.GET.get("a", ""), request.GET.get("b", "")
    context = queries.compare_page(request.user, slug, first, second)
    return render(request, "assessments/take_compare.html", context)


@require_GET
def skill_detail(request: HttpRequest, key: str) -> HttpResponse:
    context = queries.skill_page(request.user, key)
    return render(request, "assessments/skill_detail.html", context)


@require_GET
def explore(request: HttpRequest) -> HttpResponse:
    form = ExploreForm(request.GET or None)
    filters = form.filters()
    context = {
        "form": form,
        "groups": explore_queries.library(**filters),
        "filtered": bool(filters),
    }
    status = 400 if form.errors else 200
    return render(request, "assessments/role_list.html", context, status=status)


@require_GET
def track(request: HttpRequest, slug: str) -> HttpResponse:
    context = explore_queries.track_page(slug)
    return render(request, "assessments/track_detail.html", context)


@require_GET
def role(request: HttpRequest, slug: str) -> HttpResponse:
    context = explore_queries.role_page(slug)
    return render(request, "assessments/role_detail.html", context)


@require_GET
def paths(request: HttpRequest) -> HttpResponse:
    chosen = request.GET.get("from") or None
    context = explore_queries.paths_page(request.user, chosen)
    data = request.GET if chosen else None
    form = PathsForm(data, roles=context["roles"], initial_choice=context["chosen"])
    status = 400 if form.errors else 200
    return render(request, "assessments/role_paths.html", {**context, "form": form}, status=status)


# --- Me and the roles: compare, side by side, current role, targets ----------------------


def _active_role(slug: str) -> Role:
    return get_object_or_404(Role.objects.active().select_related("track"), slug=slug)


def _role_compare_page(request, role: Role, *, form=None, status=200) -> HttpResponse:
    context = queries.role_compare_page(request.user, role) | {"target_form": form}
    return render(request, "assessments/role_compare.html", context, status=status)


@require_GET
def role_compare(request: HttpRequest, slug: str) -> HttpResponse:
    return _role_compare_page(request, _active_role(slug))


@require_GET
def roles_compare(request: HttpRequest) -> HttpResponse:
    side_by_side, error = queries.roles_side_by_side(request.user, request.GET.getlist("roles"))
    context = {
        "side": side_by_side,
        "error": error,
        "picked": request.GET.getlist("roles"),
        "choices": list(Role.objects.active().select_related("track")),
    }
    return render(request, "assessments/roles_compare.html", context, status=400 if error else 200)


@require_POST
def target(request: HttpRequest, slug: str) -> HttpResponse:
    role = _active_role(slug)
    form = TargetForm(request.POST)
    if not form.is_valid():
        return _role_compare_page(request, role, form=form, status=422)
    status = form.cleaned_data["status"]
    if status == TARGET_REMOVE:
        found = TargetRole.objects.for_user(request.user).filter(role=role).first()
        if found is not None:
            services.target_role_remove(target=found)
        messages.success(request, _("%(role)s is no longer in your roles.") % {"role": role})
    else:
        services.target_role_set(user=request.user, role=role, status=status)
        messages.success(request, _("Saved: %(role)s is in your roles.") % {"role": role})
    return redirect(role)


@require_POST
def target_remove(request: HttpRequest, pk: int) -> HttpResponse:
    found = owned_or_404(TargetRole.objects.select_related("role"), request.user, pk=pk)
    services.target_role_remove(target=found)
    messages.success(request, _("%(role)s is no longer in your roles.") % {"role": found.role})
    return redirect("assessments:explore")


@require_http_methods(["GET", "POST"])
def current_role(request: HttpRequest) -> HttpResponse:
    roles = list(Role.objects.active().select_related("track"))
    initial = queries.current_role_initial(request.user)
    form = CurrentRoleForm(request.POST or None, roles=roles, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.current_role_set(
            user=request.user, role=form.chosen_role, other_title=form.cleaned_data["other_title"]
        )
        messages.success(request, _("Saved your current role."))
        return redirect("assessments:explore")
    status = 422 if form.is_bound else 200
    return render(request, "assessments/current_role_form.html", {"form": form}, status=status)
