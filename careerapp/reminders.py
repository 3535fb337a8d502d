"""What goes into the weekly "regular maintenance" email.

Each app registers a section provider in its ``AppConfig.ready()``. A provider gets a
chunk of people and each one's local "today", and answers for all of them at once, so a
chunk of 1 or 500 people costs the same number of queries.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from careerapp.emails import absolute, render_email

if TYPE_CHECKING:
    from django.core.mail import EmailMultiAlternatives

    from careerapp.models import User

UNSUBSCRIBE_SALT = "careerapp.reminders.unsubscribe"


@dataclass(frozen=True)
class Item:
    text: str
    url: str  # absolute
    detail: str = ""


@dataclass(frozen=True)
class Section:
    """A block of the email. ``attention`` sections are what the email is for; ``win``
    lines only encourage and never make an email worth sending on their own."""

    key: str
    title: str
    items: list[Item] = field(default_factory=list)
    order: int = 100
    kind: str = "attention"  # or "win"


Provider = Callable[[Sequence["User"], dict[int, datetime.date]], dict[int, list[Section]]]
_providers: list[Provider] = []


def register_section_provider(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


# Told which people's sent emails carried a section: for a section that must not repeat
# too often (the app records that it went out). Never called for a preview.
SentHook = Callable[[list[int], datetime.datetime], None]
_sent_hooks: dict[str, SentHook] = {}


def register_sent_hook(section_key: str, hook: SentHook) -> None:
    _sent_hooks[section_key] = hook


def record_sent(contents: Sequence[WeeklyContent], *, now: datetime.datetime) -> None:
    """After the server accepted these emails: each hook gets the people whose email
    carried its section (one call per hook, none when nobody's did)."""
    for key, hook in _sent_hooks.items():
        ids = [c.user.pk for c in contents if any(s.key == key for s in c.sections)]
        if ids:
            hook(ids, now)


@dataclass
class WeeklyContent:
    user: User
    today: datetime.date
    sections: list[Section]
    wins: list[Section]

    @property
    def has_news(self) -> bool:
        return any(section.items for section in self.sections)

    @property
    def encouragement(self) -> str:
        """One line from last week's wins: "Last week you ticked off 3 steps and kept your
        check-in. Well done." Empty when there is nothing to celebrate."""
        phrases = [item.text for section in self.wins for item in section.items]
        if not phrases:
            return ""
        if len(phrases) == 1:
            joined = phrases[0]
        else:
            joined = translation.gettext("%(first)s and %(last)s") % {
                "first": ", ".join(phrases[:-1]),
                "last": phrases[-1],
            }
        return translation.gettext("Last week you %(what)s. Well done.") % {"what": joined}


def local_today(user: User, now: datetime.datetime) -> datetime.date:
    return now.astimezone(user.zone).date()


def collect(users: Sequence[User], *, now: datetime.datetime) -> list[WeeklyContent]:
    """The content of the weekly email for each person, in the order given."""
    today = {user.pk: local_today(user, now) for user in users}
    by_user: dict[int, list[Section]] = {user.pk: [] for user in users}
    # Each person's sections in their own language: the providers run once per language
    # among ``users`` (once for a chunk of people who share one).
    by_language: dict[str, list[User]] = {}
    for user in users:
        by_language.setdefault(user.language, []).append(user)
    for language, speakers in by_language.items():
        with translation.override(language):
            for provider in _providers:
                for user_id, sections in provider(speakers, today).items():
                    by_user[user_id].extend(sections)
    contents = []
    for user in users:
        sections = sorted(by_user[user.pk], key=lambda section: section.order)
        contents.append(
            WeeklyContent(
                user=user,
                today=today[user.pk],
                sections=[s for s in sections if s.kind == "attention" and s.items],
                wins=[s for s in sections if s.kind == "win" and s.items],
            )
        )
    return contents


def unsubscribe_token(user: User) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def user_id_from_token(token: str) -> int | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user_id = data.get("u") if isinstance(data, dict) else None
    return user_id if isinstance(user_id, int) else None


def subject_for(content: WeeklyContent) -> str:
    counts = {section.key: len(section.items) for section in content.sections}
    parts = []
    if counts.get("overdue"):
        parts.append(
            translation.ngettext("%d overdue step", "%d overdue steps", counts["overdue"])
            % counts["overdue"]
        )
    if counts.get("due_soon"):
        parts.append(
            translation.ngettext("%d due this week", "%d due this week", counts["due_soon"])
            % counts["due_soon"]
        )
    if counts.get("checkin"):
        parts.append(translation.gettext("check-in due"))
    if counts.get("stalled"):
        parts.append(
            translation.ngettext("%d quiet goal", "%d quiet goals", counts["stalled"])
            % counts["stalled"]
        )
    if counts.get("retake"):
        parts.append(translation.gettext("an assessment to retake"))
    if not parts:
        return translation.gettext("Regular maintenance: all clear this week")
    return translation.gettext("Regular maintenance: %(what)s") % {"what": ", ".join(parts)}


def build_message(content: WeeklyContent, *, preview: bool = False) -> EmailMultiAlternatives:
    """The email for one person. Links are absolute; unsubscribe is one click (RFC 8058)."""
    user = content.user
    unsubscribe_url = absolute(reverse("reminders_unsubscribe", args=[unsubscribe_token(user)]))
    with timezone.override(user.zone), translation.override(user.language):
        return render_email(
            "weekly",
            {
                "user": user,
                "content": content,
                "subject": subject_for(content),
                "preview": preview,
                "unsubscribe_url": unsubscribe_url,
                "preferences_url": absolute(reverse("account_settings") + "#reminders"),
                "dashboard_url": absolute(reverse("home")),
            },
            to=user.email,
            language=user.language,
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )
