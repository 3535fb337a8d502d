"""Download my data, and bring it back: everything of one person, nothing of anyone else's."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from careerapp.tests.portability_world import (
    counts_in_database,
    upload,
)
from goals.models import Goal, Task

pytestmark = pytest.mark.django_db

# --- What a bad file gets ---------------------------------------------------------------


def _wrong_types(document: dict[str, Any]) -> dict[str, Any]:
    # Late in the file, so the goals before it were already written and must roll back.
    document["reminder_deliveries"][0]["attempts"] = "three"
    return document


def _dangling_ref(document: dict[str, Any]) -> dict[str, Any]:
    checkin = next(c for c in document["reviews"]["checkins"] if c["goal_reviews"])
    checkin["goal_reviews"][0]["goal_ref"] = 999
    return document


def _two_checkins_for_one_period(document: dict[str, Any]) -> dict[str, Any]:
    checkins = document["reviews"]["checkins"]
    checkins[1]["period_start"] = checkins[0]["period_start"]
    checkins[1]["period_end"] = checkins[0]["period_end"]
    return document


def _one_goal_reviewed_twice(document: dict[str, Any]) -> dict[str, Any]:
    checkin = next(c for c in document["reviews"]["checkins"] if c["goal_reviews"])
    checkin["goal_reviews"].append(checkin["goal_reviews"][0])
    return document


def _one_question_answered_twice(document: dict[str, Any]) -> dict[str, Any]:
    answers = document["assessments"]["takes"][0]["answers"]
    answers.insert(1, answers[0])
    return document


def _one_skill_twice(document: dict[str, Any]) -> dict[str, Any]:
    skills = document["assessments"]["personal_skills"]
    skills.append({**skills[0], "ref": 999, "name": skills[0]["name"].upper()})
    return document


def _win_of_a_missing_goal(document: dict[str, Any]) -> dict[str, Any]:
    document["wins"]["wins"][0]["goal_ref"] = 999
    return document


def _win_in_the_year_ten_thousand(document: dict[str, Any]) -> dict[str, Any]:
    document["wins"]["wins"][-1]["happened_on"] = "10000-01-01"
    return document


def _learning(document: dict[str, Any], **values: Any) -> dict[str, Any]:
    """The file with one learning item of ``values`` (a valid one otherwise)."""
    item = {
        "title": "A course",
        "provider": "",
        "url": "",
        "status": "done",
        "started_on": "2027-01-10",
        "finished_on": "2027-02-10",
        "currency": "",
        "notes": "",
        "expires_on": None,
        "created_at": "2027-01-10T09:00:00+00:00",
        "updated_at": "2027-02-10T09:00:00+00:00",
        "kind": "course",
        "hours": "10",
        "cost": None,
        "skills": [],
        "personal_skill_refs": [],
        "goal_refs": [],
        "suggestion": None,
        **values,
    }
    return {**document, "learning": [item]}


def _not_an_object(document: dict[str, Any]) -> list[Any]:
    return [document]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda doc: b"{not json", "not readable JSON"),
        (lambda doc: b"\xff\xfe\x00garbage", "not readable JSON"),
        (lambda doc: {**doc, "format": "someone-elses-export"}, "not a Career Compass export"),
        (_not_an_object, "not a Career Compass export"),
        (lambda doc: {**doc, "version": 2}, "this site reads version 1"),
        (lambda doc: {**doc, "version": "1"}, 'should be the number 1, not the text "1"'),
        (_wrong_types, "reminder_deliveries[0].attempts should be a whole number"),
        (_dangling_ref, "goal_ref points at nothing in this file"),
        (lambda doc: {**doc, "goals": "many"}, "goals should be a list"),
        (lambda doc: {**doc, "profile": None}, "profile should be an object"),
        (_two_checkins_for_one_period, "reviews.checkins[1].period_start is already taken"),
        (_one_goal_reviewed_twice, "goal_ref is already taken by an earlier entry"),
        (_one_question_answered_twice, "takes[0].answers[1].question is already taken"),
        (_one_skill_twice, "name is already taken by an earlier entry"),
        (_win_of_a_missing_goal, "wins.wins[0].goal_ref points at nothing in this file"),
        (_win_in_the_year_ten_thousand, "wins.wins[6].happened_on"),
        (
            lambda doc: _learning(doc, kind="juggling"),
            "learning[0].kind names the kind of learning “juggling”",
        ),
        (lambda doc: _learning(doc, hours="-3"), "learning[0].hours Ensure this value is greater"),
        (
            lambda doc: _learning(doc, cost="-0.01", currency="EUR"),
            "learning[0].cost Ensure this value is greater than or equal to 0",
        ),
        (
            lambda doc: _learning(doc, kind="certification", expires_on="2027-01-01"),
            "learning[0].expires_on is before the learning started or ended",
        ),
        (
            lambda doc: _learning(doc, expires_on="2029-01-01"),
            "learning[0].expires_on is set for a kind of learning that does not expire",
        ),
        (
            lambda doc: _learning(doc, finished_on="2026-01-01"),
            "learning[0].finished_on is before started_on",
        ),
        (lambda doc: _learning(doc, goal_refs=[999]), "learning[0].goal_refs points at nothing"),
    ],
    ids=[
        "not-json",
        "binary",
        "wrong-format",
        "not-an-object",
        "wrong-version",
        "version-as-text",
        "wrong-types",
        "dangling-ref",
        "list-expected",
        "object-expected",
        "contradiction",
        "goal-reviewed-twice",
        "question-answered-twice",
        "skill-twice",
        "win-of-a-missing-goal",
        "win-with-a-bad-date",
        "unknown-learning-kind",
        "negative-hours",
        "negative-cost",
        "expiry-before-start",
        "expiry-on-a-kind-that-does-not-expire",
        "learning-ends-before-it-starts",
        "learning-for-a-goal-not-in-the-file",
    ],
)
def test_a_bad_file_is_refused_with_a_message_and_changes_nothing(
    owner_client, owner, their_export, make, message
):
    content = make(their_export)
    if not isinstance(content, bytes):
        content = json.dumps(content).encode()

    response = owner_client.post(reverse("account_data_import"), {"file": upload(content)})

    assert response.status_code == 422
    assert message in response.context["import_form"].errors["file"][0]
    assert message.split(" ")[0] in response.content.decode()
    assert all(count == 0 for count in counts_in_database(owner).values())
    owner.refresh_from_db()
    assert owner.display_name == "Olivia"


def test_a_file_over_the_size_cap_is_refused(owner_client, owner, settings):
    settings.IMPORT_MAX_MB = 1
    content = b" " * (1024 * 1024 + 1)

    response = owner_client.post(reverse("account_data_import"), {"file": upload(content)})

    assert response.status_code == 422
    assert "larger than 1 MB" in response.context["import_form"].errors["file"][0]
    assert "IMPORT_MAX_MB" in response.context["import_form"].errors["file"][0]
    assert not Goal.objects.filter(user=owner).exists()


def test_import_without_a_file_asks_for_one(owner_client):
    response = owner_client.post(reverse("account_data_import"), {})
    assert response.status_code == 422
    assert response.context["import_form"].errors["file"]


def test_the_settings_page_offers_download_and_import(owner_client):
    page = owner_client.get(reverse("account_settings")).content.decode()
    assert reverse("account_data_export") in page
    assert reverse("account_data_import") in page
    assert 'enctype="multipart/form-data"' in page
    assert "only works into an empty account" in page


# --- Values that once crashed the import ------------------------------------------------


def _set(document: dict[str, Any], path: tuple, value: Any) -> dict[str, Any]:
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return document


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("goals", 3, "created_at"),
            "0001-01-01T00:00:00+14:00",
            "goals[3].created_at is outside the years 1 to 9999 once moved to UTC",
        ),
        (
            ("goals", 0, "tasks", 0, "created_at"),
            "9999-12-31T23:59:59-14:00",
            "goals[0].tasks[0].created_at is outside the years 1 to 9999",
        ),
        (
            ("goals", 2, "why"),
            "\ud800",
            "goals[2].why should be text without control characters",
        ),
        (
            ("assessments", "takes", 0, "answers", 0, "option_labels"),
            ["\udfff"],
            "assessments.takes[0].answers[0].option_labels should be a list of texts",
        ),
        (
            ("goals", 1, "priority"),
            10**30,
            "goals[1].priority should be a whole number from 0 to 2147483647",
        ),
        (
            ("goals", 1, "manual_progress"),
            1e308,
            "goals[1].manual_progress should be a whole number from 0 to 32767",
        ),
        (
            ("goals", 0, "last_progress_at"),
            "2027-01-01T10:00:00",
            "goals[0].last_progress_at should say its offset from UTC",
        ),
        (
            ("goals", 0, "target_date"),
            ["2027-01-01"],
            "goals[0].target_date should be a date in ISO 8601 form",
        ),
        (
            ("profile", "reminders_paused_until"),
            "9999-12-31",
            "profile.reminders_paused_until is too far in the future",
        ),
    ],
    ids=[
        "before-year-one-in-utc",
        "after-year-9999-in-utc",
        "lone-surrogate-in-text",
        "lone-surrogate-in-a-list",
        "huge-number",
        "float-for-a-number",
        "no-offset",
        "list-for-a-date",
        "pause-beyond-the-calendar",
    ],
)
def test_a_crafted_value_is_refused_naming_its_place(
    owner_client, owner, their_export, path, value, message
):
    document = _set(their_export, path, value)
    # ensure_ascii keeps a lone surrogate as the escape "\ud800", as an attacker would send.
    content = json.dumps(document).encode()

    response = owner_client.post(reverse("account_data_import"), {"file": upload(content)})

    assert response.status_code == 422
    assert message in response.context["import_form"].errors["file"][0]
    assert all(count == 0 for count in counts_in_database(owner).values())


@pytest.mark.slow
def test_a_large_accounts_own_export_imports_again(owner_client, owner, other_user, settings):
    # 21,000 goals: the export is over the old 10 MB cap, and must come back whole.
    many = 21_000
    goals = Goal.objects.bulk_create(
        Goal(user=owner, title=f"Lead the platform migration, part {n}", priority=n)
        for n in range(many)
    )
    Task.objects.bulk_create(Task(goal=goal, title="Draft the plan") for goal in goals[:1000])
    exported = owner_client.get(reverse("account_data_export"))
    content = b"".join(exported.streaming_content) if exported.streaming else exported.content
    assert len(content) > 10 * 1024 * 1024
    assert len(content) < settings.IMPORT_MAX_MB * 1024 * 1024

    owner_client.force_login(other_user)
    response = owner_client.post(reverse("account_data_import"), {"file": upload(content)})

    assert response.status_code == 302, response.context["import_form"].errors
    assert Goal.objects.filter(user=other_user).count() == many
    assert Task.objects.filter(goal__user=other_user).count() == 1000
