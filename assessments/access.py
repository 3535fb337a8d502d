"""Ownership, checked in one place: another person's take or skill is always a 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from assessments.models import PersonalSkill, Take


def take_for(request: HttpRequest, pk: int) -> Take:
    return get_object_or_404(
        Take.objects.for_user(request.user).select_related("instrument"), pk=pk
    )


def personal_skill_for(request: HttpRequest, key: str) -> PersonalSkill:
    if not key.startswith("p") or not key[1:].isdigit():
        raise Http404
    return get_object_or_404(PersonalSkill.objects.filter(user=request.user), pk=int(key[1:]))
