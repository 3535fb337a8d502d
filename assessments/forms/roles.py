"""Forms of Explore: the library's search and filters, the paths page's starting role, my
current role, and what to do with a target role."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import Role, RoleLevel, TargetStatus, Track


class ExploreForm(forms.Form):
    """The Explore page's search and filters (GET). A value that matches nothing offered is
    an error beside its field, and the page shows the roles as if it were not given."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    track = forms.ModelChoiceField(
        label=_("Track"),
        queryset=Track.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label=_("All tracks"),
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", _("All levels")), *RoleLevel.choices], required=False
    )
    open = forms.BooleanField(label=_("Only roles open in our organisation"), required=False)

    def filters(self) -> dict[str, Any]:
        """The valid filters, as ``queries.explore.library`` takes them."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        found = {
            "q": data.get("q", "").strip(),
            "track": data.get("track"),
            "level": data.get("level", ""),
            "open_only": data.get("open", False),
        }
        return {name: value for name, value in found.items() if value}


class PathsForm(forms.Form):
    """The role the paths page starts from (GET ``from``): a role's slug or "other"."""

    OTHER = "other"

    def __init__(
        self, data=None, files=None, *, roles: list[Role], initial_choice: str | None = None
    ):
        super().__init__(data, files, initial={"from": initial_choice})
        by_track: dict[str, list[tuple[str, str]]] = {}
        for role in roles:
            by_track.setdefault(role.track.name, []).append((role.slug, role.title))
        self.fields["from"] = forms.ChoiceField(
            label=_("Starting from"),
            choices=[
                ("", _("Choose a role")),
                *by_track.items(),
                (self.OTHER, _("My role is not in the library")),
            ],
        )


# --- Me and the roles --------------------------------------------------------------------

OTHER_ROLE = "other"
TARGET_REMOVE = "remove"


class CurrentRoleForm(forms.Form):
    """My role today: one of the library's, or "other" in my own words."""

    role = forms.ChoiceField(label=_("My current role"))
    other_title = forms.CharField(
        label=_("My role in my own words"),
        max_length=120,
        required=False,
        help_text=_("Only if you chose “Another role”."),
    )

    def __init__(self, *args, roles: list[Role], **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = {role.slug: role for role in roles}
        self.fields["role"].choices = [
            ("", _("Choose…")),
            *[(role.slug, f"{role.title} · {role.track.name}") for role in roles],
            (OTHER_ROLE, _("Another role (type it below)")),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("role") == OTHER_ROLE and not (data.get("other_title") or "").strip():
            self.add_error("other_title", _("Say in a few words what your role is."))
        return data

    @property
    def chosen_role(self) -> Role | None:
        return self.roles.get(self.cleaned_data["role"])


class TargetForm(forms.Form):
    """A role button: explore, pursue, park, or remove it from my roles."""

    status = forms.ChoiceField(
        label=_("What to do with this role"),
        choices=[*TargetStatus.choices, (TARGET_REMOVE, _("Remove from my roles"))],
    )
