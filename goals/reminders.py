"""The goals app's part of the weekly email: overdue steps, steps due this week, goals
that have gone quiet, last week's ticked-off steps, and certifications expiring within 60
days. One batch of queries per chunk."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext as _

from careerapp.emails import absolute
from careerapp.reminders import Item, Section
from goals.models import EXPIRING_DAYS, Goal, LearningItem, Status, Task, done_in_q

MAX_ITEMS = 8
QUIET_AFTER = datetime.timedelta(weeks=3)


def _task_item(task: Task) -> Item:
    url = absolute(f"{reverse('goals:detail', args=[task.goal_id])}#task-{task.pk}")
    return Item(text=task.title, url=url, detail=task.goal.title)


def _capped(items: list[Item], more_url: str) -> list[Item]:
    if len(items) <= MAX_ITEMS:
        return items
    extra = len(items) - MAX_ITEMS
    more = Item(text=ngettext("and %d more", "and %d more", extra) % extra, url=more_url)
    return [*items[:MAX_ITEMS], more]


def last_week(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The email's "last week": the seven local days up to and including ``today``, as a
    period (``start``, ``end`` exclusive) for the figures every page shares."""
    return today - datetime.timedelta(days=6), today + datetime.timedelta(days=1)


def _done_last_week(users, today_by_user: dict[int, datetime.date]) -> Q:
    """Each person's steps done in their own last week (``done_in_q``), one condition per
    time zone and day, so a chunk stays one query."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for user in users:
        groups[(today_by_user[user.pk], user.zone)].append(user.pk)
    condition = Q(pk__in=[])
    for (today, zone), ids in groups.items():
        start, end = last_week(today)
        condition |= Q(goal__user_id__in=ids) & done_in_q(start=start, end=end, zone=zone)
    return condition


def sections(users, today_by_user: dict[int, datetime.date]) -> dict[int, list[Section]]:
    ids = [user.pk for user in users]
    if not ids:
        return {}
    latest_today = max(today_by_user.values())
    now = timezone.now()
    tasks = (
        Task.objects.open()
        .filter(goal__user_id__in=ids, goal__status=Status.ACTIVE, due_date__isnull=False)
        .filter(due_date__lte=latest_today + datetime.timedelta(days=7))
        .select_related("goal")
        .by_due_date()
    )
    overdue: dict[int, list[Item]] = defaultdict(list)
    soon: dict[int, list[Item]] = defaultdict(list)
    for task in tasks:
        user_id = task.goal.user_id
        today = today_by_user[user_id]
        if task.due_date < today:
            item = _task_item(task)
            was_due = _("was due %(date)s") % {"date": date_format(task.due_date, gettext("j M"))}
            overdue[user_id].append(Item(item.text, item.url, f"{item.detail} · {was_due}"))
        elif task.due_date <= today + datetime.timedelta(days=6):
            item = _task_item(task)
            due = date_format(task.due_date, gettext("D j M"))
            soon[user_id].append(Item(item.text, item.url, f"{item.detail} · {due}"))
    quiet: dict[int, list[Item]] = defaultdict(list)
    for goal in Goal.objects.filter(user_id__in=ids).stalled(since=now - QUIET_AFTER).by_priority():
        weeks = (now - goal.last_progress_at).days // 7
        quiet[goal.user_id].append(
            Item(
                text=goal.title,
                url=absolute(goal.get_absolute_url()),
                detail=ngettext("no progress for %d week", "no progress for %d weeks", weeks)
                % weeks,
            )
        )
    done = dict(
        Task.objects.filter(_done_last_week(users, today_by_user))
        .values_list("goal__user_id")
        .annotate(count=Count("pk"))
        .values_list("goal__user_id", "count")
    )
    goals_url = absolute(reverse("goals:list"))
    result: dict[int, list[Section]] = {}
    for user_id in ids:
        result[user_id] = [
            Section("overdue", _("Overdue steps"), _capped(overdue[user_id], goals_url), order=10),
            Section(
                "due_soon", _("Due in the coming week"), _capped(soon[user_id], goals_url), order=20
            ),
            Section(
                "stalled",
                _("Goals that have gone quiet"),
                _capped(quiet[user_id], goals_url),
                order=40,
            ),
        ]
        if done.get(user_id):
            count = done[user_id]
            result[user_id].append(
                Section(
                    "tasks_done",
                    "",
                    [
                        Item(
                            ngettext("ticked off %d step", "ticked off %d steps", count) % count,
                            goals_url,
                        )
                    ],
                    kind="win",
                )
            )
    return result


def expiring_sections(users, today_by_user: dict[int, datetime.date]) -> dict[int, list[Section]]:
    """Each person's certifications they hold (done learning of a kind that expires)
    running out within ``EXPIRING_DAYS`` of their own today: one query for the chunk."""
    ids = [user.pk for user in users]
    if not ids:
        return {}
    earliest, latest = min(today_by_user.values()), max(today_by_user.values())
    items = (
        LearningItem.objects.filter(user_id__in=ids)
        .expiring(earliest, days=(latest - earliest).days + EXPIRING_DAYS)
        .order_by("expires_on", "pk")
        .values_list("pk", "user_id", "title", "expires_on")
    )
    found: dict[int, list[Item]] = defaultdict(list)
    for pk, user_id, title, expires_on in items:
        today = today_by_user[user_id]
        if today <= expires_on <= today + datetime.timedelta(days=EXPIRING_DAYS):
            url = absolute(reverse("goals:learning_detail", args=[pk]))
            when = _("expires %(date)s") % {"date": date_format(expires_on, gettext("j M Y"))}
            found[user_id].append(Item(title, url, when))
    learning_url = absolute(reverse("goals:learning_list"))
    return {
        user_id: [
            Section(
                "expiring_learning",
                _("Certifications to renew"),
                _capped(items, learning_url),
                order=45,
            )
        ]
        for user_id, items in found.items()
    }
