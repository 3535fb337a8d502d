"""IANA time zones: the list people choose from, and the check that a name is one."""

from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Legacy aliases (US/Eastern, Etc/GMT+5, ...) stay valid but are not offered in the list.
_LEGACY_PREFIXES = ("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/")


@cache
def all_zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


@cache
def offered_zone_names() -> tuple[str, ...]:
    names = [
        name
        for name in all_zone_names()
        if "/" in name and not name.startswith(_LEGACY_PREFIXES) and not name.startswith("posix")
    ]
    return ("UTC", *sorted(names))


@cache
def _by_lowercase() -> dict[str, str]:
    return {name.lower(): name for name in all_zone_names()}


def canonical_zone_name(value: str) -> str | None:
    """The properly cased zone name for ``value`` (case and spaces forgiven), or None."""
    cleaned = value.strip().replace(" ", "_")
    return _by_lowercase().get(cleaned.lower())


def validate_time_zone(value: str) -> None:
    if value and value not in all_zone_names():
        raise ValidationError(
            _(
                "“%(value)s” is not a time zone we know. "
                "Pick one from the list, such as Europe/Berlin."
            ),
            code="unknown_time_zone",
            params={"value": value},
        )


def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name or "UTC")
