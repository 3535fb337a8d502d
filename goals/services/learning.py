"""Writes to the learning log: add, edit, start / finish / drop, delete."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from careerapp.concurrency import StaleEdit, claim_version, save_changes
from goals.models import LearningItem, LearningStatus

LINKS = ("skills", "personal_skills", "goals")


@transaction.atomic
def learning_create(*, user, data: dict[str, Any], links: dict[str, list]) -> LearningItem:
    """A new item of ``user`` with the columns of ``data`` and the ``links`` (skills,
    personal skills, goals) as given."""
    item = LearningItem(user=user, **data)
    item.finished_on = LearningItem.end_when_done(item.status, item.started_on, item.finished_on)
    item.save()
    for name in LINKS:
        if links.get(name):
            getattr(item, name).set(links[name])
    return item


@transaction.atomic
def learning_update(
    *, item: LearningItem, data: dict[str, Any], links: dict[str, list], version: int | None
) -> LearningItem:
    """Write the columns of ``data`` (what the person changed) if the item is still at
    ``version`` (else ``StaleEdit``, nothing written), and the links that differ from the
    item's. The links are not versioned: the last save's set wins."""
    status = data.get("status", item.status)
    started = data.get("started_on", item.started_on)
    finished = data.get("finished_on", item.finished_on)
    if LearningItem.end_when_done(status, started, finished) != finished:
        data = {**data, "finished_on": LearningItem.end_when_done(status, started, finished)}
    saved = save_changes(LearningItem, pk=item.pk, version=version, data=data)
    changed_links = {
        name: values
        for name, values in links.items()
        if {obj.pk for obj in values} != set(getattr(item, name).values_list("pk", flat=True))
    }
    if changed_links and not saved.changes:
        # Only links changed: the version still moves, so a stale tab notices.
        if version is not None and not claim_version(LearningItem, pk=item.pk, version=version):
            raise StaleEdit
        if version is None:
            LearningItem.objects.filter(pk=item.pk).update(version=F("version") + 1)
        saved.row.version += 1
    for name, values in changed_links.items():
        getattr(item, name).set(values)
    for field in (*saved.changes, "version"):
        setattr(item, field, getattr(saved.row, field))
    return item


def learning_set_status(*, item: LearningItem, status: str) -> LearningItem:
    """The quick buttons: start (from today, unless it has a start), finish (today, unless
    it has an end), drop. Starting again clears the end: it is not finished any more."""
    today = timezone.localdate()
    data: dict[str, Any] = {"status": status}
    if status == LearningStatus.IN_PROGRESS:
        data["finished_on"] = None
        if item.started_on is None:
            data["started_on"] = today
    elif status == LearningStatus.DONE:
        data["finished_on"] = LearningItem.end_when_done(status, item.started_on, item.finished_on)
    saved = save_changes(LearningItem, pk=item.pk, version=None, data=data)
    for field in (*saved.changes, "version"):
        setattr(item, field, getattr(saved.row, field))
    return item


def learning_delete(*, item: LearningItem) -> None:
    item.delete()
