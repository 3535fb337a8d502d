"""Decisions and the plan from a role's gaps. Thin views: parse, call a query or a
service, render. A decision is fetched through ``owned_or_404``; its options and criteria
only through it, so another person's are a 404 (or a refused form) and nothing changes."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.models import Role
from careerapp.concurrency import StaleEdit
from careerapp.ownership import owned_or_404
from goals import queries, services
from goals.charts.ranking import decision_ranking
from goals.forms.decisions import (
    DecideForm,
    DecisionForm,
    ReopenForm,
    ScoreForm,
    criterion_formset,
    option_formset,
    rebased,
)
from goals.models import Decision

STALE = gettext_lazy(
    "Not saved: this decision changed in another tab or device since you opened the page. "
    "What you typed is still here and the page shows the decision as it is now; save "
    "again to keep yours."
)


def _page(request, pk: int) -> Decision:
    return owned_or_404(Decision.objects.for_page(), request.user, pk=pk)


def _render_detail(request, decision: Decision, status: int = 200, **forms) -> HttpResponse:
    context = {
        "decision": decision,
        "ranking": decision_ranking(decision),
        "score_form": forms.get("score_form") or ScoreForm(decision=decision),
        "decide_form": forms.get("decide_form") or DecideForm(decision=decision),
        "reopen_form": ReopenForm(initial={"version": decision.version}),
        "changes": decision.changes.all(),
    }
    return render(request, "goals/decision_detail.html", context, status=status)


@require_GET
def decision_list(request: HttpRequest) -> HttpResponse:
    page = queries.decision_list_page(request.user, page=request.GET.get("page"))
    return render(request, "goals/decision_list.html", {"decisions": page, "page_obj": page})


@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest) -> HttpResponse:
    data = request.POST or None
    form = DecisionForm(data)
    options = option_formset(data)
    criteria = criterion_formset(data, names=() if data else queries.top_values(request.user))
    if data is not None and form.is_valid() and options.is_valid() and criteria.is_valid():
        decision = services.decision_create(
            user=request.user,
            question=form.cleaned_data["question"],
            context=form.cleaned_data["context"],
            options=[row.values for row in options.rows()],
            criteria=[row.values for row in criteria.rows()],
        )
        messages.success(request, _("Decision started. Now score each option."))
        return redirect(decision)
    context = {"form": form, "options": options, "criteria": criteria}
    return render(request, "goals/decision_form.html", context, status=422 if data else 200)


@require_GET
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, _page(request, pk))


@require_http_methods(["GET", "POST"])
def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _page(request, pk)
    data = request.POST or None
    form, options, criteria = _edit_forms(decision, data)
    status = 200
    if data is not None:
        status = 422
        if form.is_valid() and options.is_valid() and criteria.is_valid():
            try:
                services.decision_update(
                    decision=decision,
                    version=form.sent_version(),
                    question=form.cleaned_data["question"],
                    context=form.cleaned_data["context"],
                    options=options.rows(),
                    criteria=criteria.rows(),
                    reason=form.cleaned_data["reason"],
                )
            except StaleEdit:
                return _stale_edit(request, pk, data)
            messages.success(request, _("Decision updated; the change is in its history."))
            return redirect(decision)
    context = {"form": form, "options": options, "criteria": criteria, "decision": decision}
    return render(request, "goals/decision_form.html", context, status=status)


def _edit_forms(decision: Decision, data):
    """The question's form and the option and criterion formsets, as loaded now."""
    form = DecisionForm(data, instance=Decision.objects.get(pk=decision.pk))
    return (
        form,
        option_formset(data, decision=decision),
        criterion_formset(data, decision=decision),
    )


def _stale_edit(request, pk: int, data) -> HttpResponse:
    decision = _page(request, pk)
    data = rebased(data, decision.version)
    form = DecisionForm(data, instance=Decision.objects.get(pk=pk))
    form.is_valid()
    form.add_error(None, STALE)
    context = {
        "form": form,
        "options": option_formset(data, decision=decision),
        "criteria": criterion_formset(data, decision=decision),
        "decision": decision,
    }
    return render(request, "goals/decision_form.html", context, status=409)


@require_POST
def decision_scores(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _page(request, pk)
    form = ScoreForm(request.POST, decision=decision)
    if not form.is_valid():
        return _render_detail(request, decision, 422, score_form=form)
    try:
        services.decision_score(
            decision=decision,
            version=form.sent_version(),
            scores=form.scores(),
            guts=form.guts(),
            reason=form.cleaned_data["reason"],
        )
    except StaleEdit:
        decision = _page(request, pk)
        form = ScoreForm(rebased(request.POST, decision.version), decision=decision)
        messages.error(request, STALE)
        return _render_detail(request, decision, 409, score_form=form)
    messages.success(request, _("Scores saved."))
    return redirect(f"{decision.get_absolute_url()}#ranking")


@require_POST
def decision_decide(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _page(request, pk)
    form = DecideForm(request.POST, decision=decision)
    if not form.is_valid():
        return _render_detail(request, decision, 422, decide_form=form)
    data = form.cleaned_data
    try:
        services.decision_decide(
            decision=decision,
            version=form.sent_version(),
            option=data["chosen"],
            reason=data["reason"],
            decided_on=data["decided_on"],
            start_goal=data["start_goal"],
            target_role=data["target_role"],
        )
    except StaleEdit:
        decision = _page(request, pk)
        form = DecideForm(rebased(request.POST, decision.version), decision=decision)
        messages.error(request, STALE)
        return _render_detail(request, decision, 409, decide_form=form)
    messages.success(request, _("Decided. The reason is kept with it."))
    return redirect(decision)


@require_POST
def decision_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _page(request, pk)
    form = ReopenForm(request.POST)
    form.is_valid()
    try:
        services.decision_reopen(
            decision=decision,
            version=form.sent_version(),
            reason=form.cleaned_data.get("reason", ""),
        )
    except StaleEdit:
        messages.error(request, STALE)
        return _render_detail(request, _page(request, pk), 409)
    messages.success(request, _("Reopened. The earlier choice stays in the history."))
    return redirect(decision)


@require_POST
def decision_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.decision_delete(decision=owned_or_404(Decision, request.user, pk=pk))
    messages.success(request, _("Decision deleted."))
    return redirect("goals:decisions")


@require_POST
def role_plan(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role.objects.active(), slug=slug)  # shared library, not owned
    existing = services.open_role_goal(request.user, role)
    if existing is not None:
        messages.info(request, _("You already have a goal for this role; here it is."))
        return redirect(existing)
    goal, _created = services.role_plan_create(
        user=request.user, gaps=queries.role_gaps(request.user, role)
    )
    messages.success(request, _("Your plan for the role: a step for each gap."))
    return redirect(goal)
