"""What the dashboard shows: an onboarding checklist and panels that apps contribute.

Each app registers its checklist items and panels in its ``AppConfig.ready()``, so the
core never imports another app and a new app joins the dashboard by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from careerapp.models import User


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    hint: str
    url: str
    done: bool
    order: int = 100


@dataclass(frozen=True)
class Panel:
    """A dashboard card: a template rendered with ``context(user)``."""

    key: str
    template: str
    context: Callable[[User], dict[str, Any]]
    order: int = 100


@dataclass
class Registry:
    checklist_providers: list[Callable[[User], list[ChecklistItem]]] = field(default_factory=list)
    panels: dict[str, Panel] = field(default_factory=dict)


registry = Registry()


def register_checklist(provider: Callable[[User], list[ChecklistItem]]) -> None:
    if provider not in registry.checklist_providers:
        registry.checklist_providers.append(provider)


def register_panel(panel: Panel) -> None:
    registry.panels[panel.key] = panel


def checklist_for(user: User) -> list[ChecklistItem]:
    items = [item for provider in registry.checklist_providers for item in provider(user)]
    return sorted(items, key=lambda item: item.order)


def panels_for(user: User) -> list[dict[str, Any]]:
    ordered = sorted(registry.panels.values(), key=lambda panel: panel.order)
    return [{"template": panel.template, **panel.context(user)} for panel in ordered]


def core_checklist(user: User) -> list[ChecklistItem]:
    settings_url = reverse("account_settings")
    return [
        ChecklistItem(
            key="profile",
            label=_("Tell us your name and time zone"),
            hint=_("So due dates and your weekly email land on your days, not ours."),
            url=f"{settings_url}#profile",
            done=user.has_profile,
            order=10,
        ),
        ChecklistItem(
            key="reminders",
            label=_("Choose when your weekly email arrives"),
            hint=_("Pick the weekday and hour that suit a short, regular career check."),
            url=f"{settings_url}#reminders",
            done=user.has_reminder_preferences,
            order=20,
        ),
    ]
