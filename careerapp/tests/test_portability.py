"""Download my data, and bring it back: everything of one person, nothing of anyone else's."""

from __future__ import annotations

import datetime
import json
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from careerapp.demo import load_demo_content
from careerapp.models import CalendarFeed
from careerapp.portability import export_user_data, import_user_data
from careerapp.services import user_delete
from careerapp.tests.factories import UserFactory
from careerapp.tests.portability_world import (
    SECRET,
    add_next_step,
    counts_in_database,
    row_counts,
    small_account,
    upload,
    without_what_must_differ,
)
from goals.models import Goal, Task

pytestmark = pytest.mark.django_db

# --- Export ------------------------------------------------------------------------


@pytest.mark.usefixtures("both_lived_in")
def test_export_holds_every_row_of_the_person_and_nothing_of_anyone_else(owner, other_user):
    document = export_user_data(owner)
    text = json.dumps(document)

    counts = row_counts(document)
    assert counts == counts_in_database(owner)
    assert all(counts.values()), f"the demo content lacks a kind: {counts}"
    assert document["reviews"]["schedule"] is not None
    assert document["profile"]["email"] == owner.email
    assert any(a["options"] for t in document["assessments"]["takes"] for a in t["answers"])
    assert SECRET in json.dumps(export_user_data(other_user))  # the marker is real
    for theirs in (SECRET, other_user.email):
        assert theirs not in text


@pytest.mark.usefixtures("both_lived_in")
def test_the_calendar_feeds_address_is_a_secret_and_never_exported(owner):
    feed = CalendarFeed.objects.get(user=owner)  # the demo turns the feed on
    document = export_user_data(owner)
    text = json.dumps(document)
    for secret in (feed.token(), feed.salt, feed.token_hash):
        assert secret not in text
    assert not [key for key in document if "calendar" in key]


def test_an_imported_account_starts_with_the_calendar_feed_off(owner, their_export):
    import_user_data(user=owner, data=their_export)
    assert not CalendarFeed.objects.filter(user=owner).exists()


def test_export_endpoint_downloads_the_signed_in_persons_file(
    owner_client, owner, other_user, both_lived_in
):
    response = owner_client.get(reverse("account_data_export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert re.fullmatch(
        r'attachment; filename="career-compass-\d{4}-\d{2}-\d{2}\.json"',
        response["Content-Disposition"],
    )
    document = json.loads(response.content)
    assert document["format"] == "career-compass-export"
    assert document["profile"]["email"] == owner.email
    assert SECRET not in response.content.decode()


def test_export_endpoint_needs_a_signed_in_person(anon_client):
    response = anon_client.get(reverse("account_data_export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_export_costs_the_same_queries_for_a_small_and_a_big_account(
    owner, other_user, django_assert_num_queries
):
    small_account(owner)
    load_demo_content(other_user)
    add_next_step(other_user)
    # 1 goals with template and skill question, 2 their tasks, 3 their changes,
    # 4 personal skills, 5 takes, 6 answers with their question, 7 the questions' options,
    # 8 current role, 9 target roles with their roles, 10 check-ins, 11 goal reviews,
    # 12 reflections with prompt, 13 next steps, 14 schedule, 15 weekly email deliveries,
    # 16 decisions, 17 their options with role, 18 the options' scores, 19 criteria,
    # 20 the decisions' changes, 21 circle members, 22 their goals, 23 their instruments,
    # 24 comments, 25 feedback requests, 26 their answers, 27 the answers' picks,
    # 28 conversations, 29 their action items, 30 learning items with their kind and
    # suggestion, 31 their skills, 32 their own skills, 33 the goals they serve, 34 wins
    # with their check-in, 35 the wins' skill questions with their instrument, 36 the
    # wins' own skills.
    for user in (owner, other_user):
        with django_assert_num_queries(36):
            export_user_data(user)
    assert Task.objects.filter(goal__user=other_user).count() > 10


# --- The round trip ------------------------------------------------------------------


def test_export_delete_sign_up_import_export_gives_the_same_file(owner, other_user):
    load_demo_content(owner)
    add_next_step(owner)
    load_demo_content(other_user)
    theirs_before = export_user_data(other_user)
    first = json.loads(json.dumps(export_user_data(owner)))

    user_delete(user=owner)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2), tick=False):
        newcomer = UserFactory(email="owner@example.com", display_name="Someone new")
        summary = import_user_data(user=newcomer, data=first)
        second = export_user_data(newcomer)

    assert summary.goals == len(first["goals"])
    assert summary.unlinked == 0
    assert summary.skipped == 0
    assert second["exported_at"] != first["exported_at"]
    assert second["profile"]["date_joined"] != first["profile"]["date_joined"]
    # Refs are export-local numbers, so they survive too: the links were rebuilt.
    assert without_what_must_differ(second) == without_what_must_differ(first)
    assert '"id"' not in json.dumps(first)
    # New rows, nobody else's touched.
    assert export_user_data(other_user)["goals"] == theirs_before["goals"]
    assert not Goal.objects.filter(user=other_user).filter(user=newcomer).exists()


def test_import_through_the_page_fills_an_empty_account(owner_client, owner, their_export):
    response = owner_client.post(
        reverse("account_data_import"), {"file": upload(json.dumps(their_export).encode())}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_settings")
    page = owner_client.get(response["Location"]).content.decode()
    assert "Your data is back" in page
    assert Goal.objects.filter(user=owner).count() == len(their_export["goals"])
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"  # the sign-in stays the account's own


# --- Refusals -------------------------------------------------------------------------


def test_import_into_an_account_with_data_is_refused_and_changes_nothing(
    owner_client, owner, their_export
):
    load_demo_content(owner)
    before = export_user_data(owner)

    response = owner_client.post(
        reverse("account_data_import"), {"file": upload(json.dumps(their_export).encode())}
    )

    assert response.status_code == 422
    assert "only works into an empty account" in response.content.decode()
    assert without_what_must_differ(export_user_data(owner)) == without_what_must_differ(before)
