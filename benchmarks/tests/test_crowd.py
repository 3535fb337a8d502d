"""The crowd (``benchmarks.crowd_seed``), the crowded-server benchmark's verdicts
(``benchmarks.crowd``) and the weekly email's people scheduled for later
(``benchmarks.seed``)."""

from __future__ import annotations

import argparse
import datetime

import pytest
from django.db import connection
from django.utils import timezone

from benchmarks import crowd, crowd_people, crowd_seed, seed, web_pages
from careerapp import weekly
from careerapp.models import User
from goals.models import Goal


def _args() -> argparse.Namespace:
    return argparse.Namespace(
        goal=0.9, rounds=3, duration=3, connections=2, workers=1, crowd=100_000
    )


def _row(label: str, ratios: list[float], queries: tuple[int, int]) -> crowd.Row:
    row = crowd.Row(label)
    row.ratios = ratios
    row.first = [100.0] * len(ratios)
    row.second = [100.0 * r for r in ratios]
    row.queries = queries
    return row


def test_a_page_as_fast_beside_the_crowd_with_the_same_queries_passes(capsys):
    assert crowd.report([_row("dashboard", [0.95, 0.92, 1.01], (12, 12))], _args(), [0.1]) == 0
    assert "0.95x" in capsys.readouterr().out


def test_a_slower_page_or_other_queries_beside_the_crowd_misses(capsys):
    slower = _row("history", [0.80, 0.85, 0.88], (13, 13))
    other = _row("timeline", [1.0, 1.0, 1.0], (5, 4))  # fewer is a difference too
    assert crowd.report([slower, other], _args(), [0.1]) == 1
    assert capsys.readouterr().out.count("MISS") == 2


def test_the_weekly_pages_are_the_issues():
    labels = [label for label, _path in web_pages.WEEKLY]
    for page in ("dashboard", "goal list", "goal page", "timeline", "check-in page"):
        assert page in labels
    for page in ("check-in history", "quarterly summary", "results", "role compare"):
        assert page in labels
    assert "shared page" in labels


@pytest.mark.usefixtures("postgres")
def test_the_crowd_writes_every_table_of_peoples_data_and_its_pages_open(client):
    written = crowd_seed.populate(60)
    assert written.people == 60
    empty = [table for table, rows in written.rows.items() if not rows]
    assert not empty, empty
    people = User.objects.filter(email__endswith=f"@{crowd_seed.DOMAIN}")
    assert people.count() == 60
    assert not any(user.has_usable_password() for user in people)
    # Foreign keys are checked again after the crowd, also inside this test's transaction.
    with connection.cursor() as cur:
        cur.execute("SHOW session_replication_role")
        assert cur.fetchone()[0] == "origin"
    # The sequences moved past the written ids: the app adds rows as usual.
    person = people.filter(goals__isnull=False).order_by("pk").first()
    Goal.objects.create(user=person, title="A goal after the crowd")
    # Pages read a crowd person's history as their own.
    client.force_login(person)
    for _label, path in web_pages.paths(person.email, "x" * 48)[:-1]:
        if "None" not in path:
            assert client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_the_same_number_makes_the_same_person():
    content, now = crowd_seed.Content.load(), timezone.now()

    def person(number: int) -> dict:
        tables = {model: crowd_seed.Table(model, 1, now) for model in crowd_seed.people_models()}
        crowd_people.Person(number, tables, content, now).build()
        return {model: table.rows for model, table in tables.items()}

    assert person(7) == person(7)
    assert person(7) != person(8)


@pytest.mark.usefixtures("postgres")
def test_people_scheduled_for_later_are_never_due_and_off_means_unscheduled():
    measured = User.objects.create_user(f"person000001@{seed.DOMAIN}", "x")
    assert seed.ensure_scheduled(40).startswith("Seeded 40")
    assert seed.ensure_scheduled(40).startswith("Reusing")
    others = User.objects.filter(email__endswith=f"@{seed.SCHEDULED_DOMAIN}")
    now = timezone.now()
    seed.schedule_others(True)
    assert others.count() == 40
    assert not others.filter(next_reminder_at__lte=now + datetime.timedelta(minutes=1)).exists()
    assert not others.filter(next_reminder_at__gt=now + datetime.timedelta(days=7)).exists()
    seed.schedule_others(False)
    assert not others.filter(reminders_enabled=True).exists()
    assert not others.filter(next_reminder_at__isnull=False).exists()
    # The sweep gives a slot to the measured person only: the others have the email off.
    assert weekly.reminders_schedule_missing(now=now) == 1
    measured.refresh_from_db()
    assert measured.next_reminder_at is not None


@pytest.mark.usefixtures("postgres")
def test_the_sweeps_plans_are_read_for_real_and_rolled_back():
    User.objects.create_user(f"person000001@{seed.DOMAIN}", "x", next_reminder_at=timezone.now())
    from benchmarks.reminders_crowded import explain

    plan = explain("the claim", lambda: weekly.reminders_claim_due(now=timezone.now()))
    assert "FOR UPDATE SKIP LOCKED" in plan
    assert "actual time" in plan  # EXPLAIN ANALYZE
    assert User.objects.get().next_reminder_at <= timezone.now()  # nothing claimed for real


@pytest.mark.usefixtures("postgres")
def test_the_kept_seed_is_reused_until_its_peoples_rows_change(monkeypatch):
    from benchmarks import kept_seed, web_seed

    monkeypatch.setattr(web_seed, "PEOPLE", {"small": web_seed.SMALL})
    assert kept_seed.ensure_seed(False).startswith("Seeded the small people (new day")
    assert kept_seed.ensure_seed(False) == "Reusing today's seed"
    Goal.objects.filter(user__email=web_seed.email_of("small")).update(title="Changed")
    assert "changed since it was seeded" in kept_seed.ensure_seed(False)
