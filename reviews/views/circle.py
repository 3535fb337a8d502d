"""My circle, seen by its owner: inviting, choosing what each member sees, the link's
life, and answering or deleting comments on my things."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from careerapp.concurrency import StaleEdit
from careerapp.ownership import owned_or_404
from reviews import services
from reviews.forms import CommentForm, InviteForm, SharingForm
from reviews.models import CircleMember, Comment
from reviews.queries import circle as queries


def _index(request: HttpRequest, form: InviteForm, status: int = 200) -> HttpResponse:
    context = {"members": queries.circle_members(request.user), "form": form}
    return render(request, "reviews/circle_list.html", context, status=status)


@require_GET
def circle_index(request: HttpRequest) -> HttpResponse:
    return _index(request, InviteForm(owner=request.user))


@require_POST
def member_invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST, owner=request.user)
    if not form.is_valid():
        return _index(request, form, status=422)
    member = services.member_invite(owner=request.user, **form.cleaned_data)
    messages.success(
        request,
        _("Invitation on its way to %(name)s. They see nothing until you choose below.")
        % {"name": member.name},
    )
    return redirect(member)


def _member_page(request, member: CircleMember, form: SharingForm, status: int = 200):
    context = {"member": member, "form": form, **queries.member_activity(member)}
    return render(request, "reviews/circle_member.html", context, status=status)


@require_GET
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    member = owned_or_404(CircleMember.objects.select_related("owner"), request.user, pk=pk)
    return _member_page(request, member, SharingForm(member=member))


@require_POST
def member_sharing(request: HttpRequest, pk: int) -> HttpResponse:
    member = owned_or_404(CircleMember.objects.select_related("owner"), request.user, pk=pk)
    form = SharingForm(request.POST, member=member)
    if not form.is_valid():
        return _member_page(request, member, form, status=422)
    data = services.SharingData(**{k: form.cleaned_data[k] for k in SharingForm.DATA_FIELDS})
    try:
        services.member_sharing_set(member=member, data=data, version=form.sent_version())
    except StaleEdit:
        member.refresh_from_db()
        form = SharingForm.refused(request.POST, member=member)
        return _member_page(request, member, form, status=409)
    messages.success(request, _("Saved. %(name)s sees exactly this now.") % {"name": member.name})
    return redirect(member)


def _link_action(request: HttpRequest, pk: int, action, message: str) -> HttpResponse:
    member = owned_or_404(CircleMember.objects.select_related("owner"), request.user, pk=pk)
    action(member=member)
    messages.success(request, message % {"name": member.name})
    return redirect(member)


@require_POST
def member_renew(request: HttpRequest, pk: int) -> HttpResponse:
    return _link_action(
        request, pk, services.member_renew, _("%(name)s's link works for another period.")
    )


@require_POST
def member_new_link(request: HttpRequest, pk: int) -> HttpResponse:
    return _link_action(
        request,
        pk,
        services.member_new_link,
        _("A new link is on its way to %(name)s; the old one no longer works."),
    )


@require_POST
def member_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    return _link_action(
        request, pk, services.member_revoke, _("%(name)s no longer sees anything of yours.")
    )


@require_POST
def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    member = owned_or_404(CircleMember, request.user, pk=pk)
    services.member_remove(member=member)
    messages.success(request, _("%(name)s is no longer in your circle.") % {"name": member.name})
    return redirect("reviews:circle")


@require_POST
def comment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    parent = owned_or_404(Comment, request.user, pk=pk)
    form = CommentForm(request.POST, prefix=f"reply-{pk}")
    if form.is_valid():
        services.comment_reply(owner=request.user, parent=parent, body=form.cleaned_data["body"])
        messages.success(request, _("Reply saved."))
    else:
        messages.error(request, _("Your reply was empty, so nothing was saved."))
    return redirect(queries.comment_back_url(parent))


@require_POST
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = owned_or_404(Comment, request.user, pk=pk)
    back = queries.comment_back_url(comment)
    services.comment_delete(comment=comment)
    messages.success(request, _("Comment deleted."))
    return redirect(back)
