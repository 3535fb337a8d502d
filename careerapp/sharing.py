"""What a person can share with their circle, offered by the app that owns it.

The circle (in an app) decides who may see what; the app that owns a kind of thing knows
how to list it and show it read-only. Each app registers a ``Shareable`` in its
``AppConfig.ready()``; the core never names an app, and the circle never renders another
app's objects itself.

What must stay true:
- ``items`` and ``page`` read only the owner's rows (they filter by ``owner`` themselves),
  so a wrong id from a link is a 404, never another person's object;
- a page is read-only: its template shows no form and no link into the owner's own pages;
- each reads a fixed number of queries whatever the number of items it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db import models

    from careerapp.models import User


@dataclass(frozen=True)
class SharedItem:
    """One line of the shared overview: ``pk`` names the page (None: the section has one)."""

    pk: int | None
    title: str
    detail: str = ""


@dataclass(frozen=True)
class SharedPage:
    """A read-only page: ``template`` rendered with ``context``; ``target`` is the object
    comments attach to (None: not commentable)."""

    template: str
    context: dict[str, Any]
    title: str
    target: models.Model | None = None


@dataclass(frozen=True)
class Shareable:
    """A kind of thing to share. ``items(owner, pks)`` lists what ``pks`` name (None: all of
    them); ``page(owner, pk)`` shows one, raising Http404 when it is not the owner's."""

    key: str
    label: Any
    items: Callable[[User, Collection[int] | None], list[SharedItem]]
    page: Callable[[User, int | None], SharedPage]
    order: int = 100


@dataclass
class Registry:
    shareables: dict[str, Shareable] = field(default_factory=dict)

    def ordered(self) -> list[Shareable]:
        return sorted(self.shareables.values(), key=lambda s: (s.order, s.key))


registry = Registry()


def register_shareable(shareable: Shareable) -> None:
    registry.shareables[shareable.key] = shareable


def shareable(key: str) -> Shareable | None:
    return registry.shareables.get(key)


@dataclass(frozen=True)
class Aside:
    """Something an app shows beside one of the owner's own objects on its owner's page
    (the circle's comments under a goal): ``template`` rendered with ``context``."""

    template: str
    context: dict[str, Any]


_aside_providers: list[Callable[[User, models.Model], Aside | None]] = []


def register_aside(provider: Callable[[User, models.Model], Aside | None]) -> None:
    if provider not in _aside_providers:
        _aside_providers.append(provider)


def asides_for(user: User, obj: models.Model) -> list[Aside]:
    """What the registered apps show beside ``obj`` (the owner's goal, take, check-in)."""
    return [aside for provider in _aside_providers if (aside := provider(user, obj))]
