"""Career conversations: the list with the form to prepare one, a conversation's page
(agenda, dates, notes and action items, saved together), its printable page, deleting.

Every conversation is looked up through ``owned_or_404``: another person's is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerapp.concurrency import StaleEdit
from careerapp.ownership import owned_or_404
from reviews import services
from reviews.forms import ConversationPage, PrepareForm
from reviews.models import Conversation
from reviews.queries import conversations as queries


def _list(request: HttpRequest, form: PrepareForm | None = None, status: int = 200):
    page = queries.conversation_list(request.user)
    form = form or PrepareForm(members=page.members)
    context = {"upcoming": page.upcoming, "past": page.past, "form": form}
    return render(request, "reviews/conversation_list.html", context, status=status)


@require_GET
def conversation_list(request: HttpRequest) -> HttpResponse:
    return _list(request)


@require_POST
def conversation_prepare(request: HttpRequest) -> HttpResponse:
    form = PrepareForm(request.POST, members=queries.members_for(request.user))
    if not form.is_valid():
        return _list(request, form, status=422)
    conversation = services.conversation_prepare(
        owner=request.user,
        member=form.cleaned_data["member"],
        today=timezone.localdate(),
        zone=timezone.get_current_timezone(),
    )
    messages.success(request, _("Agenda drafted from what happened since last time. Edit away."))
    return redirect(conversation)


def _page(conversation: Conversation, data=None) -> ConversationPage:
    items = queries.action_items(conversation)
    goals = queries.goal_choices(conversation.owner_id, items)
    return ConversationPage(
        data, conversation=conversation, items=items, goals=goals, today=timezone.localdate()
    )


def _render(request, page: ConversationPage, status: int = 200) -> HttpResponse:
    context = {"conversation": page.conversation, "page": page}
    return render(request, "reviews/conversation_detail.html", context, status=status)


def _refuse(request: HttpRequest, pk: int) -> HttpResponse:
    """A save from an older version (another tab saved meanwhile): 409, the page again
    with what the person typed, what changed meanwhile and the current version."""
    fresh = owned_or_404(Conversation, request.user, pk=pk)
    stale = _page(fresh, request.POST)
    page = _page(fresh, stale.rebased_data())
    page.is_valid()
    page.non_field_errors[:0] = stale.conflict_messages()
    return _render(request, page, status=409)


@require_http_methods(["GET", "POST"])
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    current = owned_or_404(Conversation, request.user, pk=pk)
    page = _page(current, request.POST if request.method == "POST" else None)
    if request.method == "GET":
        return _render(request, page)
    if not page.is_valid():
        return _render(request, page, status=422)
    try:
        if page.needs_saving():
            services.conversation_save(
                conversation=current,
                data=page.changes(),
                actions=page.action_data(),
                version=page.base_version(),
            )
    except StaleEdit:
        return _refuse(request, pk)
    except ValidationError as error:
        page.non_field_errors.extend(error.messages)
        return _render(request, page, status=422)
    messages.success(request, _("Conversation saved."))
    return redirect(current)


@require_GET
def conversation_print(request: HttpRequest, pk: int) -> HttpResponse:
    current = owned_or_404(Conversation, request.user, pk=pk)
    context = {"conversation": current, "actions": queries.action_items(current)}
    return render(request, "reviews/conversation_print.html", context)


@require_http_methods(["GET", "POST"])
def conversation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    current = owned_or_404(Conversation, request.user, pk=pk)
    if request.method == "POST":
        services.conversation_delete(conversation=current)
        messages.success(request, _("Conversation deleted. Steps it made stay on their goals."))
        return redirect("reviews:conversations")
    return render(request, "reviews/conversation_delete.html", {"conversation": current})
