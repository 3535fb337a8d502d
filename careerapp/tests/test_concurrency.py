"""The core of optimistic concurrency (careerapp.concurrency): one conditional UPDATE
decides which of two saves from the same version passes."""

import threading
import time

import pytest
from django.db import connection, transaction

from careerapp.concurrency import StaleEdit, claim_version, save_changes
from goals.models import Goal
from goals.tests.factories import GoalFactory


@pytest.mark.django_db
def test_a_save_raises_the_version_and_a_second_save_from_the_same_version_is_refused():
    goal = GoalFactory(title="Old")
    saved = save_changes(Goal, pk=goal.pk, version=0, data={"title": "First"})
    assert saved.changes == {"title": ("Old", "First")}
    assert saved.row.version == 1

    with pytest.raises(StaleEdit):
        save_changes(Goal, pk=goal.pk, version=0, data={"title": "Second"})

    assert Goal.objects.values_list("title", "version").get() == ("First", 1)


@pytest.mark.django_db
def test_a_save_that_changes_nothing_writes_nothing():
    goal = GoalFactory(title="Same")
    updated_at = Goal.objects.get().updated_at
    saved = save_changes(Goal, pk=goal.pk, version=0, data={"title": "Same"})
    assert saved.changes == {}
    assert Goal.objects.values_list("version", "updated_at").get() == (0, updated_at)


@pytest.mark.django_db
def test_a_claim_passes_once_per_version():
    goal = GoalFactory()
    assert claim_version(Goal, pk=goal.pk, version=0)
    assert not claim_version(Goal, pk=goal.pk, version=0)
    assert claim_version(Goal, pk=goal.pk, version=1)


@pytest.mark.django_db(transaction=True)
def test_two_saves_that_read_the_same_version_at_once_cannot_both_pass(postgres):
    """The second save reads version 0 while the first has written but not committed; its
    UPDATE waits for the row, then finds version 1 and writes nothing."""
    goal = GoalFactory(title="Old")
    written = threading.Event()
    errors = []

    def first_tab():
        try:
            with transaction.atomic():
                save_changes(Goal, pk=goal.pk, version=0, data={"title": "From tab A"})
                written.set()
                time.sleep(0.5)  # tab B reads and tries to write meanwhile
        except Exception as error:  # noqa: BLE001 - reported to the test below
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=first_tab)
    thread.start()
    assert written.wait(5)
    with pytest.raises(StaleEdit):
        save_changes(Goal, pk=goal.pk, version=0, data={"title": "From tab B", "why": "B"})
    thread.join(5)

    assert errors == []
    row = Goal.objects.get()
    assert (row.title, row.why, row.version) == ("From tab A", goal.why, 1)
