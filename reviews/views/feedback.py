"""Feedback requests: the owner's pages (my requests, asking, one request and its answers,
withdrawing, how others see my strengths) and the giver's page, which a secret link opens
without an account.

The owner's request is looked up through ``owned_or_404``, so another person's is a 404.
The giver's page is rate-limited per client address, answers 404 for a link that names
nothing and 410 for a request that is withdrawn, expired or answered, showing nothing of
the owner then.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerapp.ownership import owned_or_404
from careerapp.ratelimits import limit_shared_link, too_many_requests
from reviews import services
from reviews.forms import FeedbackAnswerForm, FeedbackRequestForm
from reviews.models import FeedbackRequest, FeedbackStatus
from reviews.queries import feedback as queries
from reviews.services.feedback import LINK_DAYS


@require_GET
def feedback_list(request: HttpRequest) -> HttpResponse:
    context = {"requests": queries.request_list(request.user)}
    return render(request, "reviews/feedback_list.html", context)


@require_http_methods(["GET", "POST"])
def feedback_create(request: HttpRequest) -> HttpResponse:
    initial = {"member": request.GET.get("member")} if request.method == "GET" else None
    form = FeedbackRequestForm(request.POST or None, owner=request.user, initial=initial)
    context = {"form": form, "link_days": LINK_DAYS}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "reviews/feedback_form.html", context, status=422)
        feedback = services.feedback_request_create(owner=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Asked. %(name)s gets an email with a link that works for %(days)s days.")
            % {"name": feedback.name, "days": LINK_DAYS},
        )
        return redirect(feedback)
    return render(request, "reviews/feedback_form.html", context)


@require_GET
def feedback_detail(request: HttpRequest, pk: int) -> HttpResponse:
    context = queries.request_page(request.user, pk)
    return render(request, "reviews/feedback_detail.html", context)


@require_POST
def feedback_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = owned_or_404(FeedbackRequest, request.user, pk=pk)
    if services.feedback_request_withdraw(request=feedback):
        messages.success(request, _("Withdrawn. The link no longer opens the questions."))
    else:
        messages.error(request, _("This request was already answered or withdrawn."))
    return redirect(feedback)


@require_GET
def feedback_strengths(request: HttpRequest) -> HttpResponse:
    context = queries.how_others_see_me(request.user)
    return render(request, "reviews/feedback_strengths.html", context)


def _gone(request: HttpRequest, feedback: FeedbackRequest) -> HttpResponse:
    # Only whether it was answered: nothing of the owner's, not even their name.
    answered = feedback.status() == FeedbackStatus.ANSWERED
    return render(request, "reviews/feedback_gone.html", {"answered": answered}, status=410)


def _give_page(request: HttpRequest, page, form, status: int = 200) -> HttpResponse:
    context = {"page": page, "feedback": page.feedback, "form": form}
    return render(request, "reviews/feedback_give.html", context, status=status)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
@limit_shared_link
def feedback_give(request: HttpRequest, token: str) -> HttpResponse:
    if getattr(request, "limited", False):
        return too_many_requests(request)
    page = queries.giver_page(token)
    if not page.feedback.is_open():
        return _gone(request, page.feedback)
    form = FeedbackAnswerForm(request.POST or None, prompts=page.prompts, strengths=page.strengths)
    if request.method == "GET":
        return _give_page(request, page, form)
    if not form.is_valid():
        return _give_page(request, page, form, status=422)
    if not services.feedback_answer_submit(request=page.feedback, answers=form.answers()):
        # Another tab sent its answers first, or the owner withdrew it meanwhile.
        page.feedback.refresh_from_db(fields=["answered_at", "withdrawn_at"])
        return _gone(request, page.feedback)
    return redirect("reviews:feedback_thanks")


@login_not_required
@require_GET
def feedback_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/feedback_thanks.html")
