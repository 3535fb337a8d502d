"""Download my data, and bring it back: everything of one person, nothing of anyone else's."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from assessments.models import Answer, PersonalSkill, Question, Take
from careerapp.demo import load_demo_content
from careerapp.models import DeliveryStatus, ReminderDelivery, User
from careerapp.portability import export_user_data, import_user_data
from careerapp.services import user_delete
from careerapp.tests.factories import UserFactory
from goals.models import Goal, GoalChange, Task
from reviews.models import CheckIn, GoalReview, NextStep, Reflection, ReflectionPrompt, Schedule

pytestmark = pytest.mark.django_db

SECRET = "Oscar-only"


def _mark_as_theirs(user: User) -> None:
    """Demo content is the same for everyone; make this person's words recognisable."""
    User.objects.filter(pk=user.pk).update(display_name=f"{SECRET} person")
    for goal in Goal.objects.for_user(user):
        Goal.objects.filter(pk=goal.pk).update(title=f"{SECRET} goal {goal.pk}")
    Task.objects.filter(goal__user=user).update(title=f"{SECRET} step")
    GoalReview.objects.filter(checkin__user=user).update(note=f"{SECRET} note")
    Reflection.objects.filter(checkin__user=user).update(answer=f"{SECRET} reflection")
    Answer.objects.filter(take__user=user, type="text").update(text=f"{SECRET} answer")
    for skill in PersonalSkill.objects.filter(user=user):
        PersonalSkill.objects.filter(pk=skill.pk).update(name=f"{SECRET} skill {skill.pk}")


def _add_next_step(user: User) -> NextStep:
    checkin = CheckIn.objects.for_user(user).order_by("-period_start").first()
    goal = Goal.objects.for_user(user).first()
    task = Task.objects.create(goal=goal, title="Ask Jo for a mock interview")
    return NextStep.objects.create(checkin=checkin, goal=goal, task=task, title=task.title)


def _small_account(user: User) -> None:
    """One row of every kind, so every prefetch has something to fetch."""
    question = Question.objects.filter(type="single").prefetch_related("options").first()
    option = question.options.all()[0]
    skill = PersonalSkill.objects.create(user=user, instrument=question.instrument, name="Kayak")
    goal = Goal.objects.create(user=user, title="Paddle", personal_skill=skill)
    task = Task.objects.create(goal=goal, title="Buy a paddle")
    GoalChange.objects.create(goal=goal, kind="created")
    take = Take.objects.create(user=user, instrument=question.instrument)
    Answer.objects.create(
        take=take,
        question=question,
        key=question.key,
        prompt=question.prompt,
        type=question.type,
        option_ids=[option.pk],
        option_labels=[option.label],
    )
    Schedule.objects.create(user=user)
    today = timezone.localdate()
    checkin = CheckIn.objects.create(
        user=user, period_start=today, period_end=today, cadence="monthly"
    )
    GoalReview.objects.create(checkin=checkin, goal=goal, goal_title=goal.title)
    prompt = ReflectionPrompt.objects.first()
    Reflection.objects.create(checkin=checkin, prompt=prompt, prompt_text=prompt.text)
    NextStep.objects.create(checkin=checkin, goal=goal, task=task, title=task.title)
    ReminderDelivery.objects.create(
        user=user, week=today, scheduled_for=timezone.now(), status=DeliveryStatus.SENT
    )


def _counts(document: dict[str, Any]) -> dict[str, int]:
    goals, takes = document["goals"], document["assessments"]["takes"]
    checkins = document["reviews"]["checkins"]
    return {
        "goals": len(goals),
        "tasks": sum(len(goal["tasks"]) for goal in goals),
        "changes": sum(len(goal["changes"]) for goal in goals),
        "personal_skills": len(document["assessments"]["personal_skills"]),
        "takes": len(takes),
        "answers": sum(len(take["answers"]) for take in takes),
        "checkins": len(checkins),
        "goal_reviews": sum(len(c["goal_reviews"]) for c in checkins),
        "reflections": sum(len(c["reflections"]) for c in checkins),
        "next_steps": sum(len(c["next_steps"]) for c in checkins),
        "reminder_deliveries": len(document["reminder_deliveries"]),
    }


def _counts_in_database(user: User) -> dict[str, int]:
    return {
        "goals": Goal.objects.filter(user=user).count(),
        "tasks": Task.objects.filter(goal__user=user).count(),
        "changes": GoalChange.objects.filter(goal__user=user).count(),
        "personal_skills": PersonalSkill.objects.filter(user=user).count(),
        "takes": Take.objects.filter(user=user).count(),
        "answers": Answer.objects.filter(take__user=user).count(),
        "checkins": CheckIn.objects.filter(user=user).count(),
        "goal_reviews": GoalReview.objects.filter(checkin__user=user).count(),
        "reflections": Reflection.objects.filter(checkin__user=user).count(),
        "next_steps": NextStep.objects.filter(checkin__user=user).count(),
        "reminder_deliveries": ReminderDelivery.objects.filter(user=user).count(),
    }


def _upload(content: bytes, name: str = "career-compass.json") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/json")


@pytest.fixture
def both_lived_in(owner, other_user):
    load_demo_content(owner)
    _add_next_step(owner)
    load_demo_content(other_user)
    _add_next_step(other_user)
    _mark_as_theirs(other_user)


@pytest.fixture
def their_export(other_user) -> dict[str, Any]:
    load_demo_content(other_user)
    _add_next_step(other_user)
    return json.loads(json.dumps(export_user_data(other_user)))


# --- Export ------------------------------------------------------------------------


@pytest.mark.usefixtures("both_lived_in")
def test_export_holds_every_row_of_the_person_and_nothing_of_anyone_else(owner, other_user):
    document = export_user_data(owner)
    text = json.dumps(document)

    counts = _counts(document)
    assert counts == _counts_in_database(owner)
    assert all(counts.values()), f"the demo content lacks a kind: {counts}"
    assert document["reviews"]["schedule"] is not None
    assert document["profile"]["email"] == owner.email
    assert any(a["options"] for t in document["assessments"]["takes"] for a in t["answers"])
    assert SECRET in json.dumps(export_user_data(other_user))  # the marker is real
    for theirs in (SECRET, other_user.email):
        assert theirs not in text


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
    _small_account(owner)
    load_demo_content(other_user)
    _add_next_step(other_user)
    # 1 goals with template and skill question, 2 their tasks, 3 their changes,
    # 4 personal skills, 5 takes, 6 answers with their question, 7 the questions' options,
    # 8 check-ins, 9 goal reviews, 10 reflections with prompt, 11 next steps,
    # 12 schedule, 13 weekly email deliveries.
    for user in (owner, other_user):
        with django_assert_num_queries(13):
            export_user_data(user)
    assert Task.objects.filter(goal__user=other_user).count() > 10


# --- The round trip ------------------------------------------------------------------


def _without_what_must_differ(document: dict[str, Any]) -> dict[str, Any]:
    document = json.loads(json.dumps(document))
    document.pop("exported_at")
    document["profile"].pop("date_joined")
    return document


def test_export_delete_sign_up_import_export_gives_the_same_file(owner, other_user):
    load_demo_content(owner)
    _add_next_step(owner)
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
    assert _without_what_must_differ(second) == _without_what_must_differ(first)
    assert '"id"' not in json.dumps(first)
    # New rows, nobody else's touched.
    assert export_user_data(other_user)["goals"] == theirs_before["goals"]
    assert not Goal.objects.filter(user=other_user).filter(user=newcomer).exists()


def test_import_through_the_page_fills_an_empty_account(owner_client, owner, their_export):
    response = owner_client.post(
        reverse("account_data_import"), {"file": _upload(json.dumps(their_export).encode())}
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
        reverse("account_data_import"), {"file": _upload(json.dumps(their_export).encode())}
    )

    assert response.status_code == 422
    assert "only works into an empty account" in response.content.decode()
    assert _without_what_must_differ(export_user_data(owner)) == _without_what_must_differ(before)


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
    ],
)
def test_a_bad_file_is_refused_with_a_message_and_changes_nothing(
    owner_client, owner, their_export, make, message
):
    content = make(their_export)
    if not isinstance(content, bytes):
        content = json.dumps(content).encode()

    response = owner_client.post(reverse("account_data_import"), {"file": _upload(content)})

    assert response.status_code == 422
    assert message in response.context["import_form"].errors["file"][0]
    assert message.split(" ")[0] in response.content.decode()
    assert all(count == 0 for count in _counts_in_database(owner).values())
    owner.refresh_from_db()
    assert owner.display_name == "Olivia"


def test_a_file_over_the_size_cap_is_refused(owner_client, owner, settings):
    settings.IMPORT_MAX_MB = 1
    content = b" " * (1024 * 1024 + 1)

    response = owner_client.post(reverse("account_data_import"), {"file": _upload(content)})

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

    response = owner_client.post(reverse("account_data_import"), {"file": _upload(content)})

    assert response.status_code == 422
    assert message in response.context["import_form"].errors["file"][0]
    assert all(count == 0 for count in _counts_in_database(owner).values())


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
    response = owner_client.post(reverse("account_data_import"), {"file": _upload(content)})

    assert response.status_code == 302, response.context["import_form"].errors
    assert Goal.objects.filter(user=other_user).count() == many
    assert Task.objects.filter(goal__user=other_user).count() == 1000
